package io.packetgrid.pem.sim;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.record.SeriesWriter;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.pem.device.LocalRule;
import io.packetgrid.pem.device.PemAutomaton;
import io.packetgrid.pem.device.OnSiteGeneration;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DeviceEvent;
import io.packetgrid.pem.packet.PacketReply;
import io.packetgrid.pem.packet.PacketRequest;
import io.packetgrid.pem.service.PowerCommand;
import io.packetgrid.pem.service.ServiceReply;
import io.packetgrid.pem.service.ServiceRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A federate that runs household devices (one or thousands) with their controllers. Every control
 * step (Δt) it advances each device's physics, runs its controller, and sends PEM requests and
 * events as kernel messages of kind {@code mmtc} ({@link PacketRequest}, {@link DeviceEvent}
 * payloads, 32 bytes each) from the device's own endpoint ({@code <fleet>/<id>}, or the name the
 * study gave it, e.g. {@code <feeder>/<household>/<device>}) to the server endpoint, through
 * whatever network the study installed. Replies ({@link PacketReply}) may come late or never: the
 * automaton then times out and retries, or starts late. Devices act in a random order each step
 * (they are asynchronous; a fixed order would favour low ids).
 *
 * <p>Events logged (the run's event log), each with {@code device=<name>} (its endpoint when the
 * study named it, else its id): {@code opt_out_on}, {@code interrupt}, {@code rejoin},
 * {@code reply_timeout}, {@code late_start}, {@code departure_short} (a device left short of its
 * owner's need, {@code kwh=} what it lacked); with {@link #logMessages} also every
 * {@code request} and {@code reply}.
 *
 * <p>Deadline devices ({@link ServiceAgent}s, added with {@link #services}) send a
 * {@link ServiceRequest} when their owner's need arises (and again after a rejection), draw the power
 * the server's {@link PowerCommand}s give them, and go to full power by themselves when their slack
 * reaches zero; the fleet steps at that instant. Their power counts in the published values after the
 * other devices'.
 *
 * <p>Devices under {@link Control#LOCAL} follow their own rules ({@link LocalRule}) and send nothing;
 * besides the control steps the fleet also steps at the instants a local rule names (an EV reaching
 * its target), so their energy is exact.
 *
 * <p>Values published (units in names): {@code <fleet>/p_kw} the fleet's present power (its devices,
 * without PV); {@code <fleet>/device_p_kw} each device's power in agent order;
 * {@code <fleet>/point_kw} the net power at each connection point in the order of its
 * {@link PointLayout} (devices there minus the point's PV; by default the agents' points in order of
 * first appearance, no PV): a household's total for a grid federate's load at that bus and phase.
 * The three are published at every control step and, between control steps, whenever a device's
 * power changed (a reply started a packet, a local rule switched). {@code <fleet>/meter_kw} =
 * {time_ns, kW, PV kW} is a meter read at each control step only, after the devices' own
 * transitions and before the server's answers (for a measured estimate; kW without PV, PV as
 * generated): a reader that must know which device powers a value includes (a server's grid view)
 * takes the point powers when the meter's time changes.
 *
 * <p>With {@link #supply} the fleet follows its points' supply from a grid's value: at a de-energised
 * point the devices draw nothing (their physics run on without power), their controllers send nothing
 * (the home's gateway is down) and the point's PV injects nothing; supply back, they resume. With
 * {@link #pvOffWhile} every point's PV ceases to inject while a value is on (anti-islanding).
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
    /** The devices under PEM by the run's endpoint number (minus {@link #firstEndpointId}): a reply finds its device without a map. */
    private DeviceAgent[] byEndpointId = new DeviceAgent[0];
    private int firstEndpointId;
    private int serverEndpointId = -1;
    private final ValueKey<Double> powerKey;
    private final ValueKey<double[]> devicePowerKey;
    private final ValueKey<double[]> meterKey;
    private final ValueKey<double[]> pointPowerKey;
    private final DeviceAgent[] locals;
    /**
     * Every agent's present power, agent order, kept by the agents themselves ({@link DeviceAgent#refreshPower}):
     * the sums and copies a step publishes, and the checks on leavers, read one flat array instead of an object
     * per device (a reply's step between control steps touches one device, then published every device's power).
     */
    private final double[] powers;
    /** Each leaver's entry in {@link #powers}. */
    private final int[] leaverEntry;
    /** Devices under PEM that may leave (EVs): they stop drawing at the instant they leave. */
    private final DeviceAgent[] leavers;
    /** Each leaver's departure as last asked (s), and as the instant a step is due (ns, NEVER for none). */
    private final double[] leaveS;
    private final long[] leaveNs;
    private long nextLeaveNs = LocalRule.NEVER;
    private ServiceAgent[] services = new ServiceAgent[0];
    private String serviceEndpoint;
    /** A reply or command reached a deadline device at this step (its next instants change). */
    private boolean serviceMail;
    private int[] servicePointOf = new int[0];
    private final Map<String, ServiceAgent> serviceByEndpoint = new HashMap<>();
    private long nextServiceNs = LocalRule.NEVER;
    private PointLayout layout;
    private int[] pointOf;
    private OnSiteGeneration[] pvAt;
    /** Each point's quiet time as its generation last named it ({@link OnSiteGeneration#quietUntilS}): from, until. */
    private double[] pvQuietFromS;
    private double[] pvQuietUntilS;
    private long nextLocalNs;
    private final FleetStats stats = new FleetStats();
    private final List<double[]> trace = new ArrayList<>();
    private final List<double[]> intervalTrace = new ArrayList<>();
    private boolean recordSeries;
    private boolean logMessages;
    private SeriesWriter series;
    private UniformRandomProvider rng;
    private long nextTickNs;
    private int[] order;
    /** A device's power changed since the values were last published. */
    private boolean changed;
    private ValueKey<double[]> supplyKey;
    private int[] supplyEntry;
    private boolean[] pointSupplied;
    private double[] lastSupply;
    private ValueKey<Double> pvOffKey;
    private boolean pvOff;

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
        this.pointPowerKey = pointPowerKey(name);
        List<DeviceAgent> local = new ArrayList<>();
        List<DeviceAgent> leaving = new ArrayList<>();
        List<Integer> leavingEntry = new ArrayList<>();
        LinkedHashSet<ConnectionPoint> seen = new LinkedHashSet<>();
        for (int i = 0; i < all.length; i++) {
            DeviceAgent a = all[i];
            if (a.endpoint == null) {
                a.endpoint = name + "/" + a.id;
            }
            if (a.label == null) {
                a.label = Long.toString(a.id);
            }
            if (byEndpoint.put(a.endpoint, a) != null) {
                throw new IllegalArgumentException("two devices of fleet " + name + " share the endpoint " + a.endpoint);
            }
            if (a.control == Control.LOCAL) {
                local.add(a);
            }
            if (a.control == Control.PEM && a.device.leavesAtS(0) < Double.POSITIVE_INFINITY) {
                leaving.add(a);
                leavingEntry.add(i);
            }
            seen.add(a.at);
        }
        this.locals = local.toArray(new DeviceAgent[0]);
        this.leavers = leaving.toArray(new DeviceAgent[0]);
        this.leaverEntry = leavingEntry.stream().mapToInt(Integer::intValue).toArray();
        this.powers = new double[all.length];
        this.leaveS = new double[leavers.length];
        this.leaveNs = new long[leavers.length];
        layout(PointLayout.of(List.copyOf(seen)));
    }

    /**
     * Sets the order of {@code <fleet>/point_kw} and the PV at each point (before the run). Every
     * agent's point must be in it; points without devices (a house with PV only, or nothing) may be.
     */
    public DeviceFleetFederate layout(PointLayout l) {
        Map<ConnectionPoint, Integer> index = new HashMap<>();
        for (int i = 0; i < l.points().size(); i++) {
            index.put(l.points().get(i), i);
        }
        int[] of = new int[all.length];
        for (int i = 0; i < all.length; i++) {
            Integer k = index.get(all[i].at);
            if (k == null) {
                throw new IllegalArgumentException("device " + all[i].id + " connects at " + all[i].at
                        + ", which the point layout of fleet " + name + " does not list");
            }
            of[i] = k;
        }
        int[] sOf = new int[services.length];
        for (int i = 0; i < services.length; i++) {
            Integer k = index.get(services[i].at);
            if (k == null) {
                throw new IllegalArgumentException("device " + services[i].id + " connects at " + services[i].at
                        + ", which the point layout of fleet " + name + " does not list");
            }
            sOf[i] = k;
        }
        this.servicePointOf = sOf;
        this.layout = l;
        this.pointOf = of;
        this.pvAt = l.pv() == null ? new OnSiteGeneration[l.points().size()] : l.pv().toArray(new OnSiteGeneration[0]);
        this.pvQuietFromS = new double[pvAt.length];
        this.pvQuietUntilS = new double[pvAt.length];
        java.util.Arrays.fill(pvQuietFromS, Double.POSITIVE_INFINITY);
        return this;
    }

    /**
     * Adds deadline devices (before the run; endpoint {@code <fleet>/s<id>} unless named). Points of
     * theirs that the layout lacks are appended to it (no PV); a layout set afterwards must list them.
     */
    public DeviceFleetFederate services(List<ServiceAgent> agents) {
        return services(agents, serverEndpoint);
    }

    /** As {@link #services(List)}, their requests going to {@code endpoint} (a server of its own). */
    public DeviceFleetFederate services(List<ServiceAgent> agents, String endpoint) {
        serviceEndpoint = endpoint;
        services = agents.toArray(new ServiceAgent[0]);
        List<ConnectionPoint> points = new ArrayList<>(layout.points());
        List<OnSiteGeneration> pv = new ArrayList<>(java.util.Arrays.asList(pvAt));
        for (ServiceAgent a : services) {
            if (a.endpoint == null) {
                a.endpoint = name + "/s" + a.id;
            }
            if (byEndpoint.containsKey(a.endpoint) || serviceByEndpoint.put(a.endpoint, a) != null) {
                throw new IllegalArgumentException("two devices of fleet " + name + " share the endpoint " + a.endpoint);
            }
            if (!points.contains(a.at)) {
                points.add(a.at);
                pv.add(null);
            }
        }
        return layout(new PointLayout(points, layout.pv() == null && pv.stream().allMatch(java.util.Objects::isNull) ? null : pv,
                layout.clockOffsetS()));
    }

    /** The deadline devices. */
    public List<ServiceAgent> serviceAgents() {
        return List.of(services);
    }

    /** The net power at each connection point, kW, in {@link #layout()} order. */
    public static ValueKey<double[]> pointPowerKey(String fleet) {
        return ValueKey.ofArray(fleet + "/point_kw", 1e-9);
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

    /** Also log every request sent and reply received in the event log (large: one line per message). */
    public DeviceFleetFederate logMessages(boolean on) {
        this.logMessages = on;
        return this;
    }

    /**
     * Follows the points' supply: {@code key} is a grid's array of energisation flags (1 or 0) and
     * {@code entryOfPoint[k]} the entry of the layout's point k in it. Set before the run.
     */
    public DeviceFleetFederate supply(ValueKey<double[]> key, int[] entryOfPoint) {
        this.supplyKey = key;
        this.supplyEntry = entryOfPoint.clone();
        return this;
    }

    /** PV at every point ceases to inject while {@code key} is above 0.5 (e.g. a grid's islanded flag). Before the run. */
    public DeviceFleetFederate pvOffWhile(ValueKey<Double> key) {
        this.pvOffKey = key;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long initialize(Setup setup) {
        for (int i = 0; i < all.length; i++) {
            all[i].mirrorPowerInto(powers, i);
        }
        java.util.Arrays.fill(leaveS, Double.NEGATIVE_INFINITY);
        pointSupplied = new boolean[pvAt.length];
        java.util.Arrays.fill(pointSupplied, true);
        lastSupply = null;
        pvOff = false;
        if (supplyKey != null) {
            if (supplyEntry.length != pvAt.length) {
                throw new IllegalArgumentException("fleet " + name + ": supply needs one entry per point (" + pvAt.length + ")");
            }
            setup.wakesOn(supplyKey);
        }
        if (pvOffKey != null) {
            setup.wakesOn(pvOffKey);
        }
        int lo = Integer.MAX_VALUE;
        int hi = -1;
        for (DeviceAgent a : agents) {
            a.observeFromNs = observeFromNs;
            a.present = a.device.available(0);
            if (a.control == Control.PEM) {
                setup.endpoint(a.endpoint);
                a.endpointId = setup.endpointId(a.endpoint);
                lo = Math.min(lo, a.endpointId);
                hi = Math.max(hi, a.endpointId);
            }
        }
        firstEndpointId = hi < 0 ? 0 : lo;
        byEndpointId = new DeviceAgent[hi < 0 ? 0 : hi - lo + 1];
        for (DeviceAgent a : agents) {
            if (a.control == Control.PEM) {
                byEndpointId[a.endpointId - firstEndpointId] = a;
            }
        }
        serverEndpointId = setup.endpointId(serverEndpoint);
        for (ServiceAgent a : services) {
            a.observeFromNs = observeFromNs;
            if (!a.isLocal()) {
                setup.endpoint(a.endpoint);
            }
        }
        setup.publishes(powerKey, totalPower());
        setup.publishes(devicePowerKey, devicePowers());
        setup.publishes(pointPowerKey, pointPowers(0));
        setup.publishes(meterKey, new double[] {0, totalPower(), pvPower(0)});
        rng = setup.random();
        order = new int[agents.size()];
        if (recordSeries) {
            series = setup.series(name + "/power", List.of("p_kw"));
        }
        return 0;
    }

    // The step is split into small methods on purpose: the JIT compiles (and on-stack replaces)
    // each loop on its own instead of one large method with everything inlined, several times over
    // as variants take other branches. In the ACC 2017 study (seconds long) that compiling was a
    // large share of the CPU: the split cut on-stack-replaced code by two thirds and CPU by ~20 %.
    @Override
    public long step(Step step) {
        long now = step.now();
        if (supplyKey != null || pvOffKey != null) {
            supply(step, now);
        }
        boolean tick = now >= nextTickNs;
        if (tick) {
            if (now > 0) {
                intervalTrace.add(new double[] {(now - stepNs) / 1e9, totalPower()});
            }
            advanceAll(now);
        }
        for (Message m : step.inbox()) {
            receive(step, m, now);
        }
        if (tick) {
            controlStep(step, now);
            nextTickNs = now + stepNs;
        } else if (now >= nextLocalNs) {
            localSwitches(now);
        }
        if (!tick && now >= nextLeaveNs) {
            departuresBetweenSteps(now);
        }
        if (services.length > 0 && (tick || now >= nextServiceNs || serviceMail)) {
            serviceStep(step, now);
            serviceMail = false;
        }
        nextLocalNs = Math.min(earliestLocalSwitch(), nextServiceNs);
        nextLeaveNs = leavers.length == 0 ? LocalRule.NEVER : earliestLeave(now);
        if (tick || changed) {
            publishPowers(step, now);
            changed = false;
        }
        long next = Math.min(Math.min(nextTickNs, nextLocalNs), nextLeaveNs);
        return next == LocalRule.NEVER ? SimTime.NEVER : next;
    }

    /** Supply changes since the last step: devices run at their old power up to now, then the new supply holds. */
    private void supply(Step step, long now) {
        if (pvOffKey != null) {
            boolean off = step.read(pvOffKey) > 0.5;
            changed |= off != pvOff;
            pvOff = off;
        }
        if (supplyKey == null) {
            return;
        }
        double[] s = step.read(supplyKey);
        if (s == null || s.length == 0 || java.util.Arrays.equals(s, lastSupply)) {
            return;
        }
        lastSupply = s.clone();
        for (int k = 0; k < pointSupplied.length; k++) {
            int e = supplyEntry[k];
            boolean on = e < 0 || e >= s.length || s[e] > 0.5;
            if (on != pointSupplied[k]) {
                pointSupplied[k] = on;
                changed = true;
            }
        }
        for (int i = 0; i < all.length; i++) {
            DeviceAgent a = all[i];
            boolean on = pointSupplied[pointOf[i]];
            if (on != a.supplied) {
                a.advanceTo(now);
                a.supplied = on;
                changed |= a.refreshPower(now);
            }
        }
        for (int i = 0; i < services.length; i++) {
            ServiceAgent a = services[i];
            boolean on = pointSupplied[servicePointOf[i]];
            if (on != a.supplied) {
                a.advanceTo(now);
                a.supplied = on;
                if (!on) {
                    a.unsuppliedSinceNs = now;
                } else if (a.device instanceof io.packetgrid.pem.service.ProgrammeService p
                        && p.appliance().started() && !p.appliance().done(a.unsuppliedSinceNs)) {
                    p.appliance().interrupted(now - a.unsuppliedSinceNs); // a running programme resumes where it stopped
                }
                nextServiceNs = now; // decided again at this step: off, or back to its command
            }
        }
    }

    /**
     * Every device's physics to {@code now}, in agent order (measured: advancing each device just before its
     * controller, in the step's random order, cost the uncontrolled HPK11 evening a third more CPU; in agent order
     * the memory is read in the order it was allocated).
     */
    private void advanceAll(long now) {
        for (DeviceAgent a : all) {
            a.advanceTo(now);
        }
    }

    /** A server's reply to one of the devices (anything else is counted as unexpected). */
    private void receive(Step step, Message m, long now) {
        if (!serviceByEndpoint.isEmpty() && serviceByEndpoint.containsKey(m.to())) {
            receiveService(serviceByEndpoint.get(m.to()), m, now);
            return;
        }
        DeviceAgent a = agentAt(m);
        if (a == null || !(m.payload() instanceof PacketReply reply)) {
            stats.unexpectedMessages++;
            return;
        }
        a.advanceTo(now);
        // a round trip belongs to the observation window when its request was sent in it (as one-way delays)
        if (a.pendingSentNs >= 0 && reply.seq() == a.automaton.seq()) {
            if (a.pendingSentNs >= observeFromNs) {
                stats.latencyNs.add(now - a.pendingSentNs);
            }
            a.pendingSentNs = -1;
        }
        stats.replies++;
        long late = a.automaton.lateStarts();
        long accepted = a.automaton.acceptedCount();
        a.automaton.onReply(reply, now, a.device);
        if (reply.accepted() && a.automaton.acceptedCount() == accepted) {
            stats.acceptsIgnored++;
        }
        if (a.automaton.lateStarts() > late) {
            step.event("late_start", "device=" + a.label + " seq=" + reply.seq());
        }
        if (logMessages) {
            step.event("reply", "device=" + a.label + " seq=" + reply.seq()
                    + (reply.accepted() ? " accepted" : " denied " + reply.reason()));
        }
        changed |= a.refreshPower(now);
    }

    /** The device a message is for: by its endpoint number when the kernel gave one, else by name; null if none. */
    private DeviceAgent agentAt(Message m) {
        int k = m.toEndpoint() - firstEndpointId;
        if (m.toEndpoint() >= 0 && k >= 0 && k < byEndpointId.length && byEndpointId[k] != null) {
            return byEndpointId[k];
        }
        return byEndpoint.get(m.to());
    }

    private void receiveService(ServiceAgent a, Message m, long now) {
        a.advanceTo(now);
        serviceMail = true;
        if (m.payload() instanceof ServiceReply r && a.request != null && r.requestId() == a.request.id()) {
            a.onReply(r.accepted(), now);
        } else if (m.payload() instanceof PowerCommand c && a.request != null && c.requestId() == a.request.id()) {
            a.commandKw = c.powerKw();
        } else {
            stats.unexpectedMessages++;
            return;
        }
        stats.replies++;
        double p = a.decide(now);
        changed |= p != a.powerKw;
        a.powerKw = p;
    }

    /**
     * Deadline devices at a control step or at the instant one's slack reaches zero: physics, requests
     * due (in agent order), and each one's power; then the next such instant.
     */
    private void serviceStep(Step step, long now) {
        long next = LocalRule.NEVER;
        for (ServiceAgent a : services) {
            a.advanceTo(now);
            if (!a.supplied) {
                changed |= a.powerKw != 0;
                a.powerKw = 0; // no power, no gateway: it waits for the supply (the grid's change wakes the fleet)
                continue;
            }
            ServiceRequest r = a.due(now);
            if (r != null) {
                step.send(a.endpoint, serviceEndpoint, r, PacketRequest.WIRE_BYTES, KIND);
                stats.requests++;
            }
            boolean wasForced = a.forced;
            double p = a.decide(now);
            if (a.forced && !wasForced && !a.isLocal()) {
                step.event("forced_use", "device=" + a.endpoint + " request=" + a.request.id());
            }
            changed |= p != a.powerKw;
            a.powerKw = p;
            if (a.state == ServiceAgent.State.ACCEPTED && !a.device.done(now)) {
                if (!a.forced) {
                    next = Math.min(next, Math.max(now + 1, a.forcedAtNs(now)));
                }
                next = Math.min(next, Math.max(now + 1, a.device.nextChangeNs(now, p))); // done, or a programme's next step
                if (now < a.request.deadlineNs()) {
                    next = Math.min(next, a.request.deadlineNs()); // the service's time is over
                }
            } else if (a.state == ServiceAgent.State.REQUESTED) {
                next = Math.min(next, Math.max(now + 1, a.requestedAtNs + a.retryNs));
            } else if (a.state == ServiceAgent.State.WAITING) {
                next = Math.min(next, Math.max(now + 1, a.device.needNs()));
            } else if (a.state == ServiceAgent.State.REJECTED) {
                next = Math.min(next, Math.max(now + 1, a.retryAtNs));
            }
        }
        nextServiceNs = next;
    }

    /** Local rules that switch between control steps (e.g. an EV reaching its target). */
    private void localSwitches(long now) {
        for (DeviceAgent a : locals) {
            if (a.nextSwitchNs <= now) {
                a.advanceTo(now);
                changed |= a.localStep(now);
            }
        }
    }

    /**
     * PEM devices that left since the last step while drawing (an EV driven off inside a packet): they stop
     * at that instant; the automaton sees the departure, and tells the server, at its next control step.
     */
    private void departuresBetweenSteps(long now) {
        for (int i = 0; i < leavers.length; i++) {
            DeviceAgent a = leavers[i];
            if (powers[leaverEntry[i]] != 0 && !a.device.available(now / 1e9)) {
                a.advanceTo(now);
                changed |= a.refreshPower(now);
            }
        }
    }

    /**
     * The next instant a drawing PEM device leaves (> now), or NEVER. Each leaver's next departure is
     * asked again only once time reaches it ({@link io.packetgrid.pem.device.FlexibleDevice#leavesAtS}
     * names the same instant for every time before it), so a step costs a pass over an array, not a
     * call per device.
     */
    private long earliestLeave(long now) {
        long t = LocalRule.NEVER;
        double nowS = now / 1e9;
        for (int i = 0; i < leavers.length; i++) {
            if (powers[leaverEntry[i]] != 0) {
                if (!(nowS < leaveS[i])) {
                    double s = leavers[i].device.leavesAtS(nowS);
                    leaveS[i] = s;
                    leaveNs[i] = s < Double.POSITIVE_INFINITY ? (long) Math.ceil(s * 1e9) : LocalRule.NEVER;
                }
                if (leaveNs[i] != LocalRule.NEVER) {
                    t = Math.min(t, Math.max(now + 1, leaveNs[i]));
                }
            }
        }
        return t;
    }

    private long earliestLocalSwitch() {
        long t = LocalRule.NEVER;
        for (DeviceAgent a : locals) {
            t = Math.min(t, a.nextSwitchNs);
        }
        return t;
    }

    private void controlStep(Step step, long now) {
        double dtS = stepNs / 1e9;
        shuffleOrder();
        for (int k = 0; k < all.length; k++) {
            control(step, all[order[k]], now, dtS);
        }
        double p = totalPower();
        double pv = pvPower(now);
        step.publish(meterKey, new double[] {now, p, pv});
        trace.add(new double[] {now / 1e9, p, pv});
        if (series != null) {
            series.row(now, p);
        }
    }

    /** Fisher–Yates: the devices' asynchronous arrival order at this step. */
    private void shuffleOrder() {
        int n = order.length;
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** One device's controller at a control step (physics already advanced to {@code now}). */
    private void control(Step step, DeviceAgent a, long now, double dtS) {
        departure(step, a, now);
        if (!a.supplied) {
            return;     // no power, no gateway: the controller waits for the supply
        }
        if (a.control == Control.THERMOSTAT) {
            a.thermostatStep(now);
            a.refreshPower(now);
        } else if (a.control == Control.LOCAL) {
            a.localStep(now);
        } else {
            pemStep(step, a, now, dtS);
        }
    }

    /**
     * A device seen gone (an EV unplugged) since the last control step: counted, and logged with
     * what its owner lacked when that is beyond the device's tolerance.
     */
    private void departure(Step step, DeviceAgent a, long now) {
        boolean present = a.device.available(now / 1e9);
        if (a.present && !present) {
            stats.departures++;
            double lack = a.device.shortfallKwh();
            if (lack > 0) {
                stats.departuresShort++;
                stats.shortfallKwh += lack;
                step.event("departure_short", "device=" + a.label + " kwh=" + lack);
            }
        }
        a.present = present;
    }

    private void pemStep(Step step, DeviceAgent a, long now, double dtS) {
        long timeouts = a.automaton.timeouts();
        PemAutomaton.Output out = a.automaton.step(now, dtS, a.device, rng);
        a.refreshPower(now);
        if (a.automaton.timeouts() > timeouts) {
            step.event("reply_timeout", "device=" + a.label + " seq=" + a.automaton.seq());
        }
        if (out == PemAutomaton.Output.REQUEST) {
            PacketRequest r = a.request();
            step.send(a.endpointId, serverEndpointId, r, PacketRequest.WIRE_BYTES, KIND);
            a.pendingSentNs = now;
            stats.requests++;
            if (logMessages) {
                step.event("request", "device=" + a.label + " seq=" + r.seq() + " kw=" + r.ratedKw());
            }
        } else if (out == PemAutomaton.Output.EVENT) {
            sendEvent(step, a);
        }
    }

    private void sendEvent(Step step, DeviceAgent a) {
        step.event(a.automaton.lastEvent().label(), "device=" + a.label + " kw=" + a.automaton.lastEventKw());
        step.send(a.endpointId, serverEndpointId, new DeviceEvent(a.id, a.automaton.lastEvent(), a.automaton.lastEventKw(), a.at),
                DeviceEvent.WIRE_BYTES, KIND);
        stats.events++;
    }

    /**
     * The fleet's, each device's and each point's power, from one pass over the devices (the sums
     * run in agent order, as {@link #totalPower()} does).
     */
    private void publishPowers(Step step, long now) {
        if (step.hasSubscribers(powerKey) || step.hasSubscribers(devicePowerKey)) { // e.g. none on an MV network
            double[] devices = devicePowers();
            double total = 0;
            for (double p : devices) {
                total += p;
            }
            step.publish(powerKey, total);
            step.publish(devicePowerKey, devices);
        }
        step.publish(pointPowerKey, pointPowers(now));
    }

    private double totalPower() {
        double s = 0;
        for (double p : powers) {
            s += p;
        }
        for (ServiceAgent a : services) {
            s += a.powerKw;
        }
        return s;
    }

    /** PV generation of the layout's points at {@code nowNs}, kW (positive). */
    private double pvPower(long nowNs) {
        double s = 0;
        double tS = layout.clockOffsetS() + nowNs / 1e9;
        for (int k = 0; k < pvAt.length; k++) {
            if (pvAt[k] != null && pvOn(k) && !pvQuiet(k, tS)) {
                s += pvAt[k].powerKw(tS);  // s ≥ +0.0 and a quiet point's +0.0 would leave it as it is
            }
        }
        return s;
    }

    /**
     * Whether point k's generation is known to be +0.0 at {@code tS} (a time at or after the last one asked, inside
     * the quiet time its generation named then): subtracting or adding it would change nothing, so the step skips
     * it (at night every PV point, asked at every step and reply).
     */
    private boolean pvQuiet(int k, double tS) {
        if (tS >= pvQuietFromS[k] && tS < pvQuietUntilS[k]) {
            return true;
        }
        double until = pvAt[k].quietUntilS(tS);
        pvQuietFromS[k] = tS;
        pvQuietUntilS[k] = until;
        return until > tS;
    }

    /** Whether the PV at point k injects: supplied and not ceased (no supply state before the run: yes). */
    private boolean pvOn(int k) {
        return !pvOff && (pointSupplied == null || pointSupplied[k]);
    }

    /** Net power at each point from the devices' powers (agent order, then the deadline devices). */
    private double[] pointPowers(long nowNs) {
        double[] p = new double[pvAt.length];
        for (int i = 0; i < all.length; i++) {
            p[pointOf[i]] += powers[i];
        }
        for (int i = 0; i < services.length; i++) {
            p[servicePointOf[i]] += services[i].powerKw;
        }
        double tS = layout.clockOffsetS() + nowNs / 1e9;
        for (int k = 0; k < p.length; k++) {
            if (pvAt[k] != null && pvOn(k) && !pvQuiet(k, tS)) {
                p[k] -= pvAt[k].powerKw(tS);  // x − (+0.0) is x, also for x = −0.0
            }
        }
        return p;
    }

    /** Each device's power: the agents in order, then the deadline devices. */
    private double[] devicePowers() {
        double[] p = java.util.Arrays.copyOf(powers, all.length + services.length);
        for (int i = 0; i < services.length; i++) {
            p[all.length + i] = services[i].powerKw;
        }
        return p;
    }

    /** Advances every device to the run's last time (their energies cover the whole run, also past the last control step). */
    @Override
    public void finish(long endNs) {
        for (DeviceAgent a : all) {
            a.advanceTo(endNs);
        }
        for (ServiceAgent a : services) {
            a.advanceTo(endNs);
        }
    }

    public List<DeviceAgent> agents() {
        return agents;
    }

    /**
     * Each layout point's device energy over the observation window, kWh (its devices' sum, agent order, then
     * its deadline devices'; PV not included).
     */
    public double[] pointEnergyKwh() {
        double[] e = new double[pvAt.length];
        for (int i = 0; i < all.length; i++) {
            e[pointOf[i]] += all[i].energyKwh;
        }
        for (int i = 0; i < services.length; i++) {
            e[servicePointOf[i]] += services[i].energyKwh;
        }
        return e;
    }

    /** The order of {@code <fleet>/point_kw} and its PV. */
    public PointLayout layout() {
        return layout;
    }

    /** The endpoints of the devices under PEM, in agent order, then the deadline devices' (a radio model's devices). */
    public List<String> endpoints() {
        List<String> out = new ArrayList<>();
        for (DeviceAgent a : all) {
            if (a.control == Control.PEM) {
                out.add(a.endpoint);
            }
        }
        for (ServiceAgent a : services) {
            if (!a.isLocal()) {
                out.add(a.endpoint);
            }
        }
        return out;
    }

    /**
     * (time_s, p_kw, pv_kw) at each control step, sampled before the server's answers of that step
     * (the meter's reading; PV of the layout's points).
     */
    public List<double[]> trace() {
        return trace;
    }

    /**
     * (t_s, p_kw): the fleet's power over each control interval [t, t + Δt), after all decisions at t
     * (its value at the interval's end: a local switch inside the interval, or a late reply, shows
     * there; exact energies are {@link DeviceAgent#energyKwh()}).
     */
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

    public ValueKey<double[]> pointPowerKey() {
        return pointPowerKey;
    }
}
