package io.packetgrid.pem.sim;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.record.SeriesWriter;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.pem.device.PemAutomaton;
import io.packetgrid.pem.packet.DeviceEvent;
import io.packetgrid.pem.packet.PacketReply;
import io.packetgrid.pem.packet.PacketRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A federate that runs household devices (one or thousands) with their controllers. Every control
 * step (Δt) it advances each device's physics, runs its controller, and sends PEM requests and
 * events as kernel messages of kind {@code mmtc} ({@link PacketRequest}, {@link DeviceEvent}
 * payloads, 32 bytes each) from the device's own endpoint {@code <fleet>/<id>} to the server
 * endpoint, through whatever network the study installed. Replies ({@link PacketReply}) may come
 * late or never: the automaton then times out and retries, or starts late. Requests are sent in a
 * random order each step (devices are asynchronous; a fixed order would favour low ids).
 *
 * <p>Events logged (the run's event log): {@code opt_out_on}, {@code interrupt}, {@code rejoin},
 * {@code reply_timeout}, {@code late_start}, each with {@code device=<id>}.
 *
 * <p>Values published (units in names): {@code <fleet>/p_kw} the fleet's present power;
 * {@code <fleet>/device_p_kw} each device's power in agent order (for a grid federate);
 * {@code <fleet>/meter_kw} = {time_ns, kW} sampled at each control step after the devices'
 * own transitions and before the server's answers (a meter reading for a measured estimate).
 */
public final class DeviceFleetFederate implements Federate {
    /** Message kind for device ↔ server traffic (massive machine-type communication). */
    public static final String KIND = "mmtc";

    private final String name;
    private final List<DeviceAgent> agents;
    private final DeviceAgent[] all;
    private final long stepNs;
    private final String serverEndpoint;
    private final long observeFromNs;
    private final Map<String, DeviceAgent> byEndpoint = new HashMap<>();
    private final ValueKey<Double> powerKey;
    private final ValueKey<double[]> devicePowerKey;
    private final ValueKey<double[]> meterKey;
    private final FleetStats stats = new FleetStats();
    private final List<double[]> trace = new ArrayList<>();
    private final List<double[]> intervalTrace = new ArrayList<>();
    private boolean recordSeries;
    private SeriesWriter series;
    private UniformRandomProvider rng;
    private long nextTickNs;
    private int[] order;

    /**
     * @param observeFromNs metrics (cycles, deviation, latency) count from this time on
     */
    public DeviceFleetFederate(String name, List<DeviceAgent> agents, long stepNs, String serverEndpoint, long observeFromNs) {
        this.name = name;
        this.agents = List.copyOf(agents);
        this.all = this.agents.toArray(new DeviceAgent[0]);
        this.stepNs = stepNs;
        this.serverEndpoint = serverEndpoint;
        this.observeFromNs = observeFromNs;
        this.powerKey = powerKey(name);
        this.devicePowerKey = ValueKey.ofArray(name + "/device_p_kw", 1e-9);
        this.meterKey = meterKey(name);
    }

    public static ValueKey<Double> powerKey(String fleet) {
        return ValueKey.ofDouble(fleet + "/p_kw", 1e-9);
    }

    public static ValueKey<double[]> meterKey(String fleet) {
        return ValueKey.ofArray(fleet + "/meter_kw", 0);
    }

    /** Also write the series {@code <fleet>/power} (time_s, p_kw) to the run's recorder. */
    public DeviceFleetFederate recordSeries(boolean on) {
        this.recordSeries = on;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long initialize(Setup setup) {
        for (DeviceAgent a : agents) {
            a.endpoint = name + "/" + a.id;
            a.observeFromNs = observeFromNs;
            if (a.control == Control.PEM) {
                setup.endpoint(a.endpoint);
            }
            byEndpoint.put(a.endpoint, a);
        }
        setup.publishes(powerKey, totalPower());
        setup.publishes(devicePowerKey, devicePowers());
        setup.publishes(meterKey, new double[] {0, totalPower()});
        rng = setup.random();
        order = new int[agents.size()];
        if (recordSeries) {
            series = setup.series(name + "/power", List.of("p_kw"));
        }
        return 0;
    }

    @Override
    public long step(Step step) {
        long now = step.now();
        boolean tick = now >= nextTickNs;
        if (tick) {
            if (now > 0) {
                intervalTrace.add(new double[] {(now - stepNs) / 1e9, totalPower()});
            }
            for (DeviceAgent a : all) {
                a.advanceTo(now);
            }
        }
        for (Message m : step.inbox()) {
            DeviceAgent a = byEndpoint.get(m.to());
            if (a == null || !(m.payload() instanceof PacketReply reply)) {
                stats.unexpectedMessages++;
                continue;
            }
            a.advanceTo(now);
            if (a.pendingSentNs >= 0 && reply.seq() == a.automaton.seq() && now >= observeFromNs) {
                stats.latencyNs.add(now - a.pendingSentNs);
            }
            if (reply.seq() == a.automaton.seq()) {
                a.pendingSentNs = -1;
            }
            stats.replies++;
            long late = a.automaton.lateStarts();
            a.automaton.onReply(reply, now, a.device);
            if (a.automaton.lateStarts() > late) {
                step.event("late_start", "device=" + a.id + " seq=" + reply.seq());
            }
            a.refreshPower(now);
        }
        if (tick) {
            controlStep(step, now);
            nextTickNs = now + stepNs;
        }
        step.publish(powerKey, totalPower());
        step.publish(devicePowerKey, devicePowers());
        return nextTickNs;
    }

    private void controlStep(Step step, long now) {
        double dtS = stepNs / 1e9;
        int n = all.length;
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) { // Fisher–Yates: asynchronous arrival order
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int k = 0; k < n; k++) {
            DeviceAgent a = all[order[k]];
            if (a.control == Control.THERMOSTAT) {
                a.thermostatStep();
                a.refreshPower(now);
                continue;
            }
            long timeouts = a.automaton.timeouts();
            PemAutomaton.Output out = a.automaton.step(now, dtS, a.device, rng);
            a.refreshPower(now);
            if (a.automaton.timeouts() > timeouts) {
                step.event("reply_timeout", "device=" + a.id);
            }
            if (out == PemAutomaton.Output.REQUEST) {
                step.send(a.endpoint, serverEndpoint, a.request(), PacketRequest.WIRE_BYTES, KIND);
                a.pendingSentNs = now;
                stats.requests++;
            } else if (out == PemAutomaton.Output.EVENT) {
                step.event(a.automaton.lastEvent().label(),
                        "device=" + a.id + " kw=" + a.automaton.lastEventKw());
                step.send(a.endpoint, serverEndpoint,
                        new DeviceEvent(a.id, a.automaton.lastEvent(), a.automaton.lastEventKw(), a.at),
                        DeviceEvent.WIRE_BYTES, KIND);
                stats.events++;
            }
        }
        double p = totalPower();
        step.publish(meterKey, new double[] {now, p});
        trace.add(new double[] {now / 1e9, p});
        if (series != null) {
            series.row(now, p);
        }
    }

    private double totalPower() {
        double s = 0;
        for (DeviceAgent a : all) {
            s += a.powerKw;
        }
        return s;
    }

    private double[] devicePowers() {
        double[] p = new double[all.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = all[i].powerKw;
        }
        return p;
    }

    public List<DeviceAgent> agents() {
        return agents;
    }

    /** (time_s, p_kw) at each control step, sampled before the server's answers of that step. */
    public List<double[]> trace() {
        return trace;
    }

    /** (t_s, p_kw): the fleet's power over each control interval [t, t + Δt), after all decisions at t. */
    public List<double[]> intervalTrace() {
        return intervalTrace;
    }

    public FleetStats stats() {
        return stats;
    }

    public ValueKey<Double> powerKey() {
        return powerKey;
    }

    public ValueKey<double[]> devicePowerKey() {
        return devicePowerKey;
    }

    public ValueKey<double[]> meterKey() {
        return meterKey;
    }
}
