package io.packetgrid.studies.coupled.sim;

import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.pem.device.OnSiteGeneration;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.sim.Control;
import io.packetgrid.pem.sim.DeviceAgent;
import io.packetgrid.pem.sim.DeviceFleetFederate;
import io.packetgrid.pem.sim.PointLayout;
import io.packetgrid.pem.sim.ServiceAgent;
import io.packetgrid.studies.coupled.household.DevicePlan;
import io.packetgrid.studies.coupled.household.FeederPlan;
import io.packetgrid.studies.coupled.household.Household;
import io.packetgrid.studies.coupled.household.ServicePlan;
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
 *
 * <p>Deadline devices (dishwashers, saunas) are the fleet's {@link ServiceAgent}s, ids after the flexible
 * devices', endpoints {@code <feeder>/<household>/<dw|sauna>}: under the Energy-Internet server they ask it
 * ({@code <feeder>/eis}) for a service, and so do the EVs, charging at any power up to their charger's;
 * otherwise their owners run them alone (a dishwasher started when loaded, a sauna heated just in time).
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
        return build(plan, pem, false, 0, pemSpec, stepNs, observeFromNs, startS, logMessages);
    }

    /**
     * @param energyInternet deadline devices and EVs ask the Energy-Internet server (else they run alone, EVs
     *                       as flexible devices)
     * @param retryNs        a deadline device whose request went unanswered or was rejected asks again after this
     */
    public static DeviceFleetFederate build(FeederPlan plan, boolean pem, boolean energyInternet, long retryNs, PemSpec pemSpec,
                                            long stepNs, long observeFromNs, double startS, boolean logMessages) {
        String feeder = plan.name();
        List<DeviceAgent> agents = new ArrayList<>();
        List<ServiceAgent> services = new ArrayList<>();
        List<ConnectionPoint> points = new ArrayList<>();
        List<OnSiteGeneration> pv = new ArrayList<>();
        long id = 0;
        for (Household h : plan.households()) {
            ConnectionPoint at = new ConnectionPoint(h.index() + 1, h.phase());
            points.add(at);
            pv.add(h.pv());
            for (DevicePlan p : h.devices()) {
                DeviceType t = p.type();
                id++;
                String endpoint = feeder + "/" + h.id() + "/" + t.shortName();
                int priority = h.priority(t, pemSpec.priorities());
                if (energyInternet && p instanceof DevicePlan.EvPlan ev) {
                    services.add(new ServiceAgent(id, ev.service(), at, priority, retryNs).endpoint(endpoint));
                    continue;
                }
                DeviceAgent a = new DeviceAgent(id, p.create(), at, priority,
                        pem ? Control.PEM : Control.LOCAL, pem ? pemSpec.automaton(t) : null)
                        .endpoint(endpoint);
                if (p.initiallyOn()) {
                    // ACC 2017 Table I: a heating element on at t = 0 is inside a packet with a uniform share of it left
                    a.initiallyOn(Math.max(1, (long) (p.remainingFraction() * pemSpec.packetNs(t))));
                }
                agents.add(a);
            }
        }
        for (Household h : plan.households()) {
            ConnectionPoint at = new ConnectionPoint(h.index() + 1, h.phase());
            for (ServicePlan p : h.services()) {
                ServiceAgent a = new ServiceAgent(++id, p.create(), at, h.priority(p.type(), pemSpec.priorities()),
                        energyInternet ? retryNs : Long.MAX_VALUE / 4).endpoint(feeder + "/" + h.id() + "/" + p.type().shortName());
                services.add(energyInternet ? a : a.local(p.localRun()));
            }
        }
        DeviceFleetFederate fleet = new DeviceFleetFederate(plan.fleetName(), agents, stepNs, plan.serverName(), observeFromNs)
                .layout(new PointLayout(points, pv, startS))
                .logMessages(logMessages);
        return services.isEmpty() ? fleet : fleet.services(services, serviceEndpoint(plan));
    }

    /** The endpoint of a feeder's Energy-Internet server (deadline devices' requests). */
    public static String serviceEndpoint(FeederPlan plan) {
        return plan.name() + "/eis";
    }

    /** Each household's devices minus its PV, kW, household order (the fleet's {@code point_kw}). */
    public static ValueKey<double[]> householdKwKey(FeederPlan plan) {
        return DeviceFleetFederate.pointPowerKey(plan.fleetName());
    }

    /** The device type of each agent of {@link #build}'s fleet, in agent order. */
    public static List<DeviceType> types(FeederPlan plan) {
        return types(plan, false);
    }

    /** The device type of each (flexible) agent, in agent order; under the Energy-Internet server EVs are deadline devices. */
    public static List<DeviceType> types(FeederPlan plan, boolean energyInternet) {
        List<DeviceType> out = new ArrayList<>();
        for (Household h : plan.households()) {
            for (DevicePlan p : h.devices()) {
                if (!(energyInternet && p instanceof DevicePlan.EvPlan)) {
                    out.add(p.type());
                }
            }
        }
        return out;
    }

    /** The device type of each deadline device, in the fleet's order of {@code serviceAgents()}. */
    public static List<DeviceType> serviceTypes(FeederPlan plan, boolean energyInternet) {
        List<DeviceType> out = new ArrayList<>();
        if (energyInternet) {
            for (Household h : plan.households()) {
                for (DevicePlan p : h.devices()) {
                    if (p instanceof DevicePlan.EvPlan) {
                        out.add(p.type());
                    }
                }
            }
        }
        for (Household h : plan.households()) {
            for (ServicePlan p : h.services()) {
                out.add(p.type());
            }
        }
        return out;
    }
}
