package io.packetgrid.studies.protection;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.pem.device.PemAutomaton;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.policy.EventEstimator;
import io.packetgrid.pem.policy.TargetSignal;
import io.packetgrid.pem.policy.TrackingPolicy;
import io.packetgrid.pem.policy.TrackingRule;
import io.packetgrid.pem.sim.Control;
import io.packetgrid.pem.sim.DeviceAgent;
import io.packetgrid.pem.sim.DeviceFleetFederate;
import io.packetgrid.pem.sim.HouseholdDevices;
import io.packetgrid.pem.sim.PacketServerFederate;
import io.packetgrid.pem.sim.ServerInputs;
import io.packetgrid.radio.network.MmtcCounters;
import io.packetgrid.radio.network.RadioConfig;
import io.packetgrid.radio.network.RadioNetwork;
import io.packetgrid.studies.protection.model.ProtectionSystem;
import io.packetgrid.studies.protection.scenario.FleetSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The busy share of the cells' uplink units due to the PEM fleet: its water heaters (ACC 2017 population)
 * at the feeder's homes and their server run in the kernel over the variant's radio for
 * {@code measure_for}; every Msg3 transmission (retransmissions included) takes one PUSCH unit for one slot,
 * so the share is {@code msg3 / (aggregators · units per slot · slots)}.
 */
public final class FleetLoad {
    private FleetLoad() {
    }

    /** The measured share and what it came from. */
    public record Measured(double utilization, long msg3Transmissions, int devices, long messages) {
    }

    public static Measured measure(ProtectionSystem sys, RadioConfig radio, FleetSpec f, long seed) {
        List<double[]> homes = sys.homePositions();
        List<DeviceAgent> agents = new ArrayList<>();
        List<RadioConfig.DeviceConfig> devices = new ArrayList<>();
        PemAutomaton.Config pem = HouseholdDevices.pem(f.mttr().ns(), f.packet().ns(), f.step().ns() / 2);
        UniformRandomProvider rng = new RandomStreams(seed).stream("protection:fleet");
        int id = 1;
        for (double[] h : homes) {
            for (int k = 0; k < f.perHome(); k++) {
                agents.add(HouseholdDevices.waterHeater(id, new ConnectionPoint(0, 1), Control.PEM, pem, rng,
                        f.measureFor().seconds() + 3600, f.step().seconds()));
                devices.add(new RadioConfig.DeviceConfig("pem/" + id, h[0], h[1]));
                id++;
            }
        }
        if (agents.isEmpty()) {
            return new Measured(0, 0, 0, 0);
        }
        RadioConfig cfg = new RadioConfig(radio.carrierGhz(), radio.numerology(), radio.propagation(), radio.bsAboveRooftopM(),
                radio.deviceHeightM(), radio.uePowerDbm(), radio.bsPowerDbm(), radio.carrierBandwidthMhz(), radio.ueNoiseFigureDb(),
                radio.bsNoiseFigureDb(), radio.shadowing(), radio.fastFading(), radio.logTerm(), radio.aggregators(), devices,
                radio.deviceArea(), List.of("server"), radio.backhaul(), radio.urllc(), radio.mmtc(), radio.defaultClass(),
                radio.background());
        TrackingPolicy policy = TrackingPolicy.builder().target(TargetSignal.constant(Double.POSITIVE_INFINITY))
                .estimator(new EventEstimator(0)).rule(TrackingRule.RELAY).build();
        DeviceFleetFederate fleet = new DeviceFleetFederate("pem", agents, f.step().ns(), "server", 0);
        List<Federate> feds = List.of(fleet, new PacketServerFederate("server", "server", policy, ServerInputs.NONE,
                f.measureFor().ns()));
        RadioNetwork[] holder = new RadioNetwork[1];
        var report = new Federation().addAll(feds).network(RadioNetwork.factory(cfg, n -> holder[0] = n))
                .run(KernelOptions.of(seed, f.measureFor().ns()));
        MmtcCounters c = holder[0].mmtcCounters();
        double slotNs = 1e6 / (1 << cfg.numerology());
        double slots = f.measureFor().ns() / slotNs;
        double u = c.msg3Transmissions() / (cfg.aggregators().size() * (double) cfg.mmtc().puschUnitsPerSlot() * slots);
        return new Measured(Math.min(1, u), c.msg3Transmissions(), agents.size(), report.messagesSent());
    }
}
