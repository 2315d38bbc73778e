package io.packetgrid.pem.policy;

import io.packetgrid.pem.packet.DenyReason;
import io.packetgrid.pem.packet.DeviceClass;
import io.packetgrid.pem.packet.DeviceEvent;
import io.packetgrid.pem.packet.PacketReply;
import io.packetgrid.pem.packet.PacketRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The standard PEM server policy, composed of small parts: a target, an aggregate estimator, a
 * tracking rule (relay or half-packet), an optional ramp limiter, an optional grid gate, and
 * community rules; a mode schedule switches between tracking, accept-all and deny-all; an optional
 * {@link EmergencyMode} that, on an island running low, admits only the community's basic needs.
 *
 * <p>For each batch: order the requests by community rank, device priority and fairness; then for
 * each: the mode; the tracking check against e = target − (estimate + accepted in this batch); the
 * class cap; the ramp limit; the grid gate. {@code nominalKw &gt; 0} makes the tracking account every
 * packet at that power (ACC 2017: the VPP knows only the average rating, 5 kW); 0 uses each
 * request's rated power (IREP 2022).
 */
public final class TrackingPolicy implements PacketPolicy {

    /** Mode schedule: {@code modes[i]} from {@code fromNs[i]}. */
    public record ModeSchedule(long[] fromNs, PolicyMode[] modes) {
        public ModeSchedule {
            if (fromNs.length == 0 || fromNs.length != modes.length) {
                throw new IllegalArgumentException("a mode schedule needs matching, non-empty arrays");
            }
        }

        public static ModeSchedule always(PolicyMode m) {
            return new ModeSchedule(new long[] {Long.MIN_VALUE}, new PolicyMode[] {m});
        }

        public PolicyMode at(long nowNs) {
            int i = Arrays.binarySearch(fromNs, nowNs);
            int k = i >= 0 ? i : -i - 2;
            return k < 0 ? modes[0] : modes[k];
        }
    }

    private final TargetSignal target;
    private final AggregateEstimator estimator;
    private final TrackingRule rule;
    private final double nominalKw;
    private final RampLimiter ramp;
    private final GridGate gate;
    private final CommunityRules rules;
    private final ModeSchedule modes;
    private final long maxPacketNs;
    private final EmergencyMode emergency;
    private final StorageView storage;
    private final PolicyStats stats = new PolicyStats();
    private final Map<Long, Long> waitingSince = new HashMap<>();
    private final Map<DeviceClass, Double> classKw = new EnumMap<>(DeviceClass.class);
    private final PriorityQueue<Object[]> classTimers = new PriorityQueue<>((a, b) -> Long.compare((Long) a[0], (Long) b[0]));

    private TrackingPolicy(Builder b) {
        this.target = b.target;
        this.estimator = b.estimator;
        this.rule = b.rule;
        this.nominalKw = b.nominalKw;
        this.ramp = b.ramp;
        this.gate = b.gate;
        this.rules = b.rules;
        this.modes = b.modes;
        this.maxPacketNs = b.maxPacketNs;
        this.emergency = b.emergency;
        this.storage = b.storage;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<PacketReply> decide(List<PacketRequest> batch, long nowNs) {
        int n = batch.size();
        PacketReply[] out = new PacketReply[n];
        Integer[] order = null; // arrival order unless the community rules rank the batch
        if (n > 1 && (!rules.order().isEmpty() || rules.fairness() == Fairness.LONGEST_WAITING || hasPriorities(batch))) {
            order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> compare(batch.get(a), batch.get(b), nowNs));
        }
        expireClassTimers(nowNs);
        PolicyMode mode = modes.at(nowNs);
        if (emergency != null) {
            emergency.update(storage, nowNs);
        }
        double error = target.targetKw(nowNs) - estimator.estimateKw(nowNs);
        for (int k = 0; k < n; k++) {
            int i = order == null ? k : order[k];
            PacketRequest r = batch.get(i);
            double accountKw = nominalKw > 0 ? Math.copySign(nominalKw, r.ratedKw()) : r.ratedKw();
            DenyReason why = DenyReason.NONE;
            if (mode == PolicyMode.DENY_ALL) {
                why = DenyReason.DENY_ALL;
            } else if (emergency != null && r.ratedKw() > 0 && !emergency.admits(rules, r)) {
                why = DenyReason.EMERGENCY;
            } else if (mode == PolicyMode.TRACK && !rule.accepts(error, accountKw)) {
                why = DenyReason.TRACKING;
            } else if (overClassCap(r)) {
                why = DenyReason.CLASS_CAP;
            } else if (gate != null && (why = gate.check(r, nowNs)) != DenyReason.NONE) {
                // grid gate decided
            } else if (ramp != null && r.ratedKw() > 0 && !ramp.tryTake(r.ratedKw(), nowNs)) {
                why = DenyReason.RAMP_LIMIT;
            }
            if (why == DenyReason.NONE) {
                long duration = Math.min(r.durationNs(), maxPacketNs);
                PacketReply reply = PacketReply.accept(r, nowNs, duration);
                error -= accountKw;
                estimator.onAccepted(r.deviceId(), r.ratedKw(), nowNs, reply.endNs());
                if (gate != null) {
                    gate.accepted(r, nowNs, reply.endNs());
                }
                if (rules.classCapKw().containsKey(r.deviceClass())) {
                    classKw.merge(r.deviceClass(), r.ratedKw(), Double::sum);
                    classTimers.add(new Object[] {reply.endNs(), r.deviceClass(), r.ratedKw()});
                }
                if (!waitingSince.isEmpty()) { // filled only with LONGEST_WAITING: no boxed id per acceptance otherwise
                    waitingSince.remove(r.deviceId());
                }
                stats.accept();
                out[i] = reply;
            } else {
                if (rules.fairness() == Fairness.LONGEST_WAITING) {
                    waitingSince.putIfAbsent(r.deviceId(), nowNs);
                }
                stats.deny(why);
                out[i] = PacketReply.deny(r, nowNs, why);
            }
        }
        return Arrays.asList(out);
    }

    private static boolean hasPriorities(List<PacketRequest> batch) {
        for (PacketRequest r : batch) {
            if (r.priority() != 0) {
                return true;
            }
        }
        return false;
    }

    private int compare(PacketRequest a, PacketRequest b, long nowNs) {
        int c = Integer.compare(rules.rank(a.deviceClass()), rules.rank(b.deviceClass()));
        if (c != 0) {
            return c;
        }
        c = Integer.compare(b.priority(), a.priority());
        if (c != 0) {
            return c;
        }
        if (rules.fairness() == Fairness.LONGEST_WAITING) {
            long wa = waitingSince.getOrDefault(a.deviceId(), nowNs);
            long wb = waitingSince.getOrDefault(b.deviceId(), nowNs);
            return Long.compare(wa, wb);
        }
        return 0; // stable sort keeps arrival order
    }

    private boolean overClassCap(PacketRequest r) {
        Double cap = rules.classCapKw().get(r.deviceClass());
        return cap != null && r.ratedKw() > 0 && classKw.getOrDefault(r.deviceClass(), 0.0) + r.ratedKw() > cap + 1e-9;
    }

    private void expireClassTimers(long nowNs) {
        while (!classTimers.isEmpty() && (Long) classTimers.peek()[0] <= nowNs) {
            Object[] t = classTimers.poll();
            classKw.merge((DeviceClass) t[1], -(Double) t[2], Double::sum);
        }
    }

    @Override
    public void onEvent(DeviceEvent event, long nowNs) {
        stats.event();
        estimator.onEvent(event, nowNs);
        if (gate != null) {
            gate.onEvent(event, nowNs);
        }
    }

    @Override
    public double estimateKw(long nowNs) {
        return estimator.estimateKw(nowNs);
    }

    @Override
    public double targetKw(long nowNs) {
        return target.targetKw(nowNs);
    }

    @Override
    public PolicyStats stats() {
        return stats;
    }

    public AggregateEstimator estimator() {
        return estimator;
    }

    public GridGate gate() {
        return gate;
    }

    /** The emergency mode, or null. */
    public EmergencyMode emergency() {
        return emergency;
    }

    /** Devices waiting since a denial (fairness bookkeeping). */
    public int waitingDevices() {
        return waitingSince.size();
    }

    public static final class Builder {
        private TargetSignal target = TargetSignal.constant(Double.POSITIVE_INFINITY);
        private AggregateEstimator estimator = new EventEstimator(0);
        private TrackingRule rule = TrackingRule.HALF_PACKET;
        private double nominalKw;
        private RampLimiter ramp;
        private GridGate gate;
        private CommunityRules rules = CommunityRules.none();
        private ModeSchedule modes = ModeSchedule.always(PolicyMode.TRACK);
        private long maxPacketNs = Long.MAX_VALUE / 4;
        private EmergencyMode emergency;
        private StorageView storage;

        public Builder target(TargetSignal t) {
            this.target = t;
            return this;
        }

        public Builder estimator(AggregateEstimator e) {
            this.estimator = e;
            return this;
        }

        public Builder rule(TrackingRule r) {
            this.rule = r;
            return this;
        }

        public Builder nominalKw(double kw) {
            this.nominalKw = kw;
            return this;
        }

        public Builder ramp(RampLimiter r) {
            this.ramp = r;
            return this;
        }

        public Builder gate(GridGate g) {
            this.gate = g;
            return this;
        }

        public Builder rules(CommunityRules r) {
            this.rules = r;
            return this;
        }

        public Builder modes(ModeSchedule m) {
            this.modes = m;
            return this;
        }

        public Builder mode(PolicyMode m) {
            this.modes = ModeSchedule.always(m);
            return this;
        }

        public Builder maxPacketNs(long ns) {
            this.maxPacketNs = ns;
            return this;
        }

        /** Serves only the community's basic needs while the emergency mode is on (it reads the storage's state). */
        public Builder emergency(EmergencyMode e, StorageView storage) {
            this.emergency = e;
            this.storage = storage;
            return this;
        }

        public TrackingPolicy build() {
            return new TrackingPolicy(this);
        }
    }
}
