package io.packetgrid.studies.coupled.sim;

import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.pem.device.PvProfile;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.sim.Control;
import io.packetgrid.pem.sim.DeviceAgent;
import io.packetgrid.pem.sim.DeviceFleetFederate;
import io.packetgrid.pem.sim.PointLayout;
import io.packetgrid.studies.coupled.household.DevicePlan;
import io.packetgrid.studies.coupled.household.FeederPlan;
import io.packetgrid.studies.coupled.household.Household;
import io.packetgrid.studies.coupled.scenario.DeviceType;
import io.packetgrid.studies.coupled.scenario.PemSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A feeder's households as packet-server's {@link DeviceFleetFederate} (the study only wires; every
 * device behaviour is packet-server's): one agent per planned device, ids 1, 2, … in household
 * order, each connected at (household index + 1, household phase) with the endpoint
 * {@code <feeder>/<household>/<device>} (the radio places it at its household); fresh models from
 * the plan, so variants differ only in control. The fleet's points are the households in order, each
 * with its rooftop PV, so {@code <fleet>/point_kw} is each household's devices minus its PV, the
 * value the feeder's load publisher adds to the household's base load.
 */
public final class FeederFleet {
    private FeederFleet() {
    }

    /**
     * @param pem           PEM control (else every device under its local rule, no messages)
     * @param startS        time of day at t = 0, s (for PV)
     * @param logMessages   log every request and reply in the event log
     */
    public static DeviceFleetFederate build(FeederPlan plan, boolean pem, PemSpec pemSpec, long stepNs, long observeFromNs,
                                            double startS, boolean logMessages) {
        String feeder = plan.name();
        List<DeviceAgent> agents = new ArrayList<>();
        List<ConnectionPoint> points = new ArrayList<>();
        List<PvProfile> pv = new ArrayList<>();
        for (Household h : plan.households()) {
            ConnectionPoint at = new ConnectionPoint(h.index() + 1, h.phase());
            points.add(at);
            pv.add(h.pv());
            for (DevicePlan p : h.devices()) {
                DeviceType t = p.type();
                DeviceAgent a = new DeviceAgent(agents.size() + 1, p.create(), at, pemSpec.priorities().getOrDefault(t, 0),
                        pem ? Control.PEM : Control.LOCAL, pem ? pemSpec.automaton(t) : null)
                        .endpoint(feeder + "/" + h.id() + "/" + t.shortName());
                if (p.initiallyOn()) {
                    // ACC 2017 Table I: a heating element on at t = 0 is inside a packet with a uniform share of it left
                    a.initiallyOn(Math.max(1, (long) (p.remainingFraction() * pemSpec.packetNs(t))));
                }
                agents.add(a);
            }
        }
        return new DeviceFleetFederate(plan.fleetName(), agents, stepNs, plan.serverName(), observeFromNs)
                .layout(new PointLayout(points, pv, startS))
                .logMessages(logMessages);
    }

    /** Each household's devices minus its PV, kW, household order (the fleet's {@code point_kw}). */
    public static ValueKey<double[]> householdKwKey(FeederPlan plan) {
        return DeviceFleetFederate.pointPowerKey(plan.fleetName());
    }

    /** The device type of each agent of {@link #build}'s fleet, in agent order. */
    public static List<DeviceType> types(FeederPlan plan) {
        List<DeviceType> out = new ArrayList<>();
        for (Household h : plan.households()) {
            for (DevicePlan p : h.devices()) {
                out.add(p.type());
            }
        }
        return out;
    }
}
