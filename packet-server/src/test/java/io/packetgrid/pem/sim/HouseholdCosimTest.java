package io.packetgrid.pem.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.pem.device.BaseLoad;
import io.packetgrid.pem.device.LoadShape;
import io.packetgrid.pem.device.PemAutomaton;
import io.packetgrid.pem.device.PvProfile;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.policy.EventEstimator;
import io.packetgrid.pem.policy.GridGate;
import io.packetgrid.pem.policy.GridLimits;
import io.packetgrid.pem.policy.MapGridView;
import io.packetgrid.pem.policy.PolicyMode;
import io.packetgrid.pem.policy.PvSurplusTarget;
import io.packetgrid.pem.policy.SiteMeasurements;
import io.packetgrid.pem.policy.TrackingPolicy;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Households under the server federate: a PV-surplus target, and a grid gate fed from values. */
class HouseholdCosimTest {
    static final long S = 1_000_000_000L;
    static final long MIN = 60 * S;

    @Test
    void batteriesAndHeatersChargeFromPvSurplus() {
        int n = 30;
        PemAutomaton.Config pem = HouseholdDevices.pem(5 * MIN, 5 * MIN, 5 * S);
        var rng = RandomSource.XO_RO_SHI_RO_128_PP.create(4L);
        List<DeviceAgent> agents = new ArrayList<>();
        List<PvProfile> pv = new ArrayList<>();
        List<BaseLoad> base = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            agents.add(HouseholdDevices.battery(i + 1, new ConnectionPoint(i + 1, 1), pem, 0.6));
            pv.add(PvProfile.clearSky(6, 6, 18));
            base.add(new BaseLoad(new LoadShape(3600, new double[] {0.5}), 1));
        }
        DeviceFleetFederate fleet = new DeviceFleetFederate("houses", agents, 10 * S, "server", 0);
        ProfileFederate profiles = new ProfileFederate("profiles", pv, base, 60 * S);
        SiteMeasurements site = new SiteMeasurements();
        TrackingPolicy policy = TrackingPolicy.builder().target(new PvSurplusTarget(site)).estimator(new EventEstimator(0)).build();
        PacketServerFederate server = new PacketServerFederate("server", "server", policy,
                new SiteInput(site, profiles.pvTotalKey(), profiles.baseTotalKey()), 60 * S);
        // 04:00 to 13:00: no surplus before 06:00, then PV rises
        new Federation().add(profiles).add(fleet).add(server).run(KernelOptions.of(1, 9 * 3600 * S));
        double nightKw = 0;
        double dayKw = 0;
        for (double[] row : fleet.intervalTrace()) {
            double h = row[0] / 3600; // run starts at 00:00 here
            if (h < 6) {
                nightKw = Math.max(nightKw, row[1]);
            } else if (h > 8) {
                dayKw = Math.max(dayKw, row[1]);
            }
        }
        assertEquals(0, nightKw, 1e-9, "no PV surplus: no charge packet (batteries in band stay idle)");
        assertTrue(dayKw > 0, "charging from PV surplus");
        for (double[] row : server.trace()) {
            assertTrue(row[2] <= row[1] + 5 + 1e-9, "estimate never exceeds the surplus by more than half a packet... " + row[0]);
        }
    }

    @Test
    void gridGateFedFromPublishedVoltagesDeniesTheLowBus() {
        PemAutomaton.Config pem = HouseholdDevices.pem(60 * S, 5 * MIN, 5 * S);
        var rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        List<DeviceAgent> agents = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            agents.add(HouseholdDevices.waterHeater(i + 1, new ConnectionPoint(i < 20 ? 1 : 2, 1), Control.PEM, pem, rng, 7200, 10));
        }
        DeviceFleetFederate fleet = new DeviceFleetFederate("houses", agents, 10 * S, "server", 0);
        ValueKey<double[]> volts = ValueKey.ofArray("grid/v_pu", 0);
        Federate grid = new Federate() { // a stand-in grid: bus 1 at 0.88 pu, bus 2 at 1.0 pu
            public String name() {
                return "grid";
            }

            public long initialize(Setup s) {
                s.publishes(volts, new double[] {0.88, 1.0});
                return io.packetgrid.cosim.time.SimTime.NEVER;
            }

            public long step(Step s) {
                return io.packetgrid.cosim.time.SimTime.NEVER;
            }
        };
        MapGridView view = new MapGridView();
        TrackingPolicy policy = TrackingPolicy.builder().mode(PolicyMode.ACCEPT_ALL)
                .gate(new GridGate(GridLimits.en50160(), view)).build();
        ServerInputs adapter = new ServerInputs() { // what a study's grid adapter does
            public void declare(Setup s) {
                s.subscribes(volts);
            }

            public void refresh(Step s) {
                double[] v = s.read(volts);
                view.voltage(1, 1, v[0]).voltage(2, 1, v[1]).updated(s.now());
            }
        };
        PacketServerFederate server = new PacketServerFederate("server", "server", policy, adapter, 60 * S);
        new Federation().add(grid).add(fleet).add(server).run(KernelOptions.of(2, 3600 * S));
        long onLow = 0;
        long onHigh = 0;
        for (DeviceAgent a : agents) {
            long acc = a.automaton().acceptedCount();
            if (a.at().bus() == 1) {
                onLow += acc;
            } else {
                onHigh += acc;
            }
        }
        assertEquals(0, onLow, "every request from the 0.88 pu bus is denied");
        assertTrue(onHigh > 0);
        assertTrue(policy.stats().denied(io.packetgrid.pem.packet.DenyReason.VOLTAGE) > 0);
    }
}
