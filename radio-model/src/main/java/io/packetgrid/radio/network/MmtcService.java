package io.packetgrid.radio.network;

import io.packetgrid.cosim.message.Delivery;
import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.radio.access.RachConfig;
import io.packetgrid.radio.access.RandomAccessChannel;
import io.packetgrid.radio.fbl.NormalApproximation;
import io.packetgrid.radio.network.RadioOutcome.Direction;
import io.packetgrid.radio.noma.DownlinkNoma;
import io.packetgrid.radio.noma.DownlinkPair;
import io.packetgrid.radio.noma.UserPairing;
import io.packetgrid.radio.nr.Numerology;
import io.packetgrid.radio.nr.ProcessingTimes;
import io.packetgrid.radio.nr.ResourceAllocation;
import io.packetgrid.radio.propagation.ThermalNoise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The mMTC part of {@link RadioNetwork}: random access per aggregator, Msg3 data on PUSCH units with
 * uplink NOMA pairing, downlink slots with downlink NOMA pairing, HARQ in both directions.
 *
 * <p>Per aggregator and slot, {@code pusch_units_per_slot} orthogonal units (minus those the
 * background takes) carry one user each, or two users paired near–far ({@link UserPairing}) in
 * power-domain NOMA: uplink with SIC at the aggregator (the stronger received signal first; its
 * failure loses the other packet too), downlink with the far user's share α_far and SIC at the near
 * user. Each user's error is the normal approximation at its instantaneous SINR (mean SNR from the
 * link budget times a fresh block-fading draw). Users that do not fit wait for the next slot (oldest
 * first).
 *
 * <p>On an uplink shared with URLLC ({@link CoexistenceConfig}, {@link UplinkUnits}) the background takes
 * individual units of each slot, Msg3 groups take the free units in order (recorded, so that URLLC repetitions see
 * them), and the Msg3 outcomes are decided at the end of the slot: a group on a unit that a URLLC repetition hit
 * is lost (cancelled by pre-emption, or collided), the others are decoded as usual.
 */
final class MmtcService {
    private final RadioNetwork net;
    private final MmtcConfig c;
    private final long prachNs;
    private final long slotNs;
    private final long msg3DelayNs;
    private final long harqRttSlots;
    private final long uePrepNs;
    private final long gnbProcNs;
    private final long ueDecodeNs;
    private final int nUl;
    private final int nDl;
    private final double ulOffsetDb;
    private final double[] puschUtil;     // per aggregator (a burst raises one)
    private final double pdschUtil;
    private final double rachBackgroundPerS;
    private final UplinkUnits units;
    private final Numerology nu;
    private final java.util.PriorityQueue<PendingSlot> pending = new java.util.PriorityQueue<>(PendingSlot.ORDER);
    private final long[] msg3UnitSlots;
    private long msg3Preempted;
    private final Agg[] aggs;
    private Delivery out;
    private long msg3Tx;
    private long uplinkPairs;
    private long pdschTx;
    private long downlinkPairs;
    // per aggregator: Msg3 transmissions, uplink NOMA pairs, PDSCH transmissions, downlink NOMA pairs
    private final long[][] perCell;

    /** One message on its way. */
    private static final class Job {
        final Message m;
        final Direction dir;
        final RadioLinks.Device src;
        final RadioLinks.Device dst;
        final int k;
        final int ulAgg;     // the aggregator its uplink goes through (−1: none)
        int dlAgg = -1;      // the aggregator of its downlink, chosen when it reaches the downlink
        int attempts;
        int tx;

        Job(Message m, Direction dir, RadioLinks.Device src, RadioLinks.Device dst, int k, int ulAgg) {
            this.m = m;
            this.dir = dir;
            this.src = src;
            this.dst = dst;
            this.k = k;
            this.ulAgg = ulAgg;
        }
    }

    /** Per-aggregator state. */
    private final class Agg {
        final int index;
        final RandomAccessChannel<Job> ra;
        final TreeMap<Long, ArrayDeque<Job>> msg3 = new TreeMap<>();
        final TreeMap<Long, ArrayDeque<Job>> dl = new TreeMap<>();

        Agg(int index, String name, RachConfig rach, double bgMean, RandomStreams streams) {
            this.index = index;
            ra = new RandomAccessChannel<>(rach, bgMean, streams.stream("radio:access:" + name));
        }
    }

    MmtcService(RadioNetwork net, RadioConfig cfg, RandomStreams streams, UplinkUnits units) {
        this.net = net;
        this.c = cfg.mmtc();
        this.units = units;
        this.nu = new Numerology(cfg.numerology());
        this.prachNs = c.prachPeriod().ns();
        this.slotNs = nu.slotNs();
        this.msg3DelayNs = c.msg3Delay().ns();
        this.harqRttSlots = Math.max(1, ceilDiv(c.harqRtt().ns(), slotNs));
        // Assumptions (3GPP leaves them to implementations): the device needs a PUSCH preparation time
        // (N2, capability 1) before its preamble; the aggregator decodes in N1 (capability 1) symbols;
        // the device decodes PDSCH in N1.
        this.uePrepNs = Math.max(1, nu.processingNs(ProcessingTimes.n2(nu, 1)));
        this.gnbProcNs = Math.max(1, nu.processingNs(ProcessingTimes.n1(nu, 1)));
        this.ueDecodeNs = Math.max(1, nu.processingNs(ProcessingTimes.n1(nu, 1)));
        ResourceAllocation ul = ResourceAllocation.of(c.puschResourceBlocks(), 14);
        ResourceAllocation dl = ResourceAllocation.of(c.pdschResourceBlocks(), 14);
        this.nUl = ul.blocklength();
        this.nDl = dl.blocklength();
        this.ulOffsetDb = cfg.uePowerDbm() - ThermalNoise.noiseDbm(ul.bandwidthHz(nu), cfg.bsNoiseFigureDb());
        this.pdschUtil = cfg.background().pdschUtilization();
        this.rachBackgroundPerS = cfg.background().rachAccessesPerS();
        int backoffOcc = (int) (c.backoff().ns() / prachNs);
        int responseOcc = (int) Math.max(1, ceilDiv(c.rarWindow().ns(), prachNs));
        int barringOcc = (int) Math.min(Integer.MAX_VALUE, c.barringTime().ns() / prachNs);
        RachConfig rach = new RachConfig(c.preambles(), c.maxPreambles(), responseOcc, backoffOcc, c.barringFactor(),
                barringOcc);
        double bgMean = cfg.background().rachAccessesPerS() * prachNs / 1e9;
        List<RadioLinks.Aggregator> as = net.links().aggregators;
        this.aggs = new Agg[as.size()];
        this.msg3UnitSlots = new long[as.size()];
        this.puschUtil = new double[as.size()];
        this.perCell = new long[as.size()][4];
        java.util.Arrays.fill(puschUtil, cfg.background().puschUtilization());
        for (RadioLinks.Aggregator a : as) {
            aggs[a.index()] = new Agg(a.index(), a.name(), rach, bgMean, streams);
        }
    }

    void submit(Message m, long now, Direction dir, RadioLinks.Device src, RadioLinks.Device dst, Delivery out) {
        int k = ResourceAllocation.informationBits(Math.max(0, m.sizeBytes()), c.headerBytes());
        int ul = src == null ? -1 : net.servingOf(src, now);
        Job job = new Job(m, dir, src, dst, k, ul);
        if (src != null) {
            net.route(m, ul);
            if (ul < 0) {
                net.lost(m, ServiceClass.MMTC, dir, "no_service", 0, out);
                return;
            }
            long occasion = ceilDiv(now + uePrepNs, prachNs);
            aggs[ul].ra.join(job, occasion);
        } else {
            this.out = out;
            enqueueDownlink(job, now + net.backhaulNs());
            this.out = null;
        }
    }

    /**
     * An aggregator goes down: every message it holds (random access, Msg3 and downlink queues, slots awaiting
     * their decision) is lost, in a fixed order.
     */
    void outage(int a, Delivery delivery) {
        this.out = delivery;
        Agg g = aggs[a];
        for (Job j : g.ra.drain()) {
            net.lost(j.m, ServiceClass.MMTC, j.dir, "outage", j.attempts, out);
        }
        for (ArrayDeque<Job> q : g.msg3.values()) {
            for (Job j : q) {
                net.lost(j.m, ServiceClass.MMTC, j.dir, "outage", j.attempts, out);
            }
        }
        g.msg3.clear();
        for (ArrayDeque<Job> q : g.dl.values()) {
            for (Job j : q) {
                net.lost(j.m, ServiceClass.MMTC, j.dir, "outage", j.attempts, out);
            }
        }
        g.dl.clear();
        List<PendingSlot> keep = new ArrayList<>();
        while (!pending.isEmpty()) {
            PendingSlot p = pending.poll();
            if (p.agg().index == a) {
                for (Job j : p.served()) {
                    net.lost(j.m, ServiceClass.MMTC, j.dir, "outage", j.attempts, out);
                }
            } else {
                keep.add(p);
            }
        }
        pending.addAll(keep);
        this.out = null;
    }

    /**
     * A burst of background traffic at aggregator {@code a} (or its end): random-access attempts per second
     * and the share of uplink units taken, on top of the configured background.
     */
    void background(int a, double extraRachPerS, double extraPusch) {
        aggs[a].ra.setBackgroundMean((rachBackgroundPerS + extraRachPerS) * prachNs / 1e9);
        double u = Math.min(1.0, net.config().background().puschUtilization() + extraPusch);
        puschUtil[a] = u;
        if (units != null) {
            units.setUtilisation(a, u);
        }
    }

    /** Counters of the mMTC machinery. */
    MmtcCounters counters() {
        long background = 0;
        for (Agg a : aggs) {
            background += a.ra.backgroundPreambles();
        }
        long unitSlots = 0;
        for (long u : msg3UnitSlots) {
            unitSlots += u;
        }
        return new MmtcCounters(msg3Tx, uplinkPairs, pdschTx, downlinkPairs, background, unitSlots);
    }

    /**
     * Aggregator {@code a}'s counters: {@code [rach preambles of the modelled devices, of those collided, background
     * preambles, Msg3 transmissions, uplink NOMA pairs, PDSCH transmissions, downlink NOMA pairs]}.
     */
    long[] cellCounters(int a) {
        RandomAccessChannel<Job> ra = aggs[a].ra;
        return new long[] {ra.preambles(), ra.collisions(), ra.backgroundPreambles(), perCell[a][0], perCell[a][1], perCell[a][2],
                perCell[a][3]};
    }

    /** Uplink units (unit-slots) Msg3 transmissions occupied at aggregator {@code a}. */
    long msg3UnitSlots(int a) {
        return msg3UnitSlots[a];
    }

    /** Msg3 transmissions lost to URLLC repetitions on a shared uplink. */
    long msg3Preempted() {
        return msg3Preempted;
    }

    long nextEventNs() {
        long t = Long.MAX_VALUE;
        for (Agg a : aggs) {
            long o = a.ra.nextOccasion();
            if (o != Long.MAX_VALUE) {
                t = Math.min(t, o * prachNs);
            }
            if (!a.msg3.isEmpty()) {
                t = Math.min(t, a.msg3.firstKey() * slotNs);
            }
            if (!a.dl.isEmpty()) {
                t = Math.min(t, a.dl.firstKey() * slotNs);
            }
        }
        if (!pending.isEmpty()) {
            t = Math.min(t, pending.peek().endNs);
        }
        return t;
    }

    void advance(long now, Delivery delivery) {
        this.out = delivery;
        for (Agg a : aggs) {
            a.ra.advanceTo(Math.floorDiv(now, prachNs), listener);
        }
        for (Agg a : aggs) {
            while (!a.msg3.isEmpty() && a.msg3.firstKey() * slotNs <= now) {
                Map.Entry<Long, ArrayDeque<Job>> e = a.msg3.pollFirstEntry();
                msg3Slot(a, e.getKey(), e.getValue());
            }
            while (!a.dl.isEmpty() && a.dl.firstKey() * slotNs <= now) {
                Map.Entry<Long, ArrayDeque<Job>> e = a.dl.pollFirstEntry();
                dlSlot(a, e.getKey(), e.getValue());
            }
        }
        while (!pending.isEmpty() && pending.peek().endNs <= now) {
            decideMsg3(pending.poll());
        }
        this.out = null;
    }

    private final RandomAccessChannel.Listener<Job> listener = new RandomAccessChannel.Listener<>() {
        @Override
        public void succeeded(Job job, long occasion, int attempts) {
            job.attempts += attempts;
            long slot = ceilDiv(occasion * prachNs + msg3DelayNs, slotNs);
            add(aggs[job.ulAgg].msg3, slot, job);
        }

        @Override
        public void failed(Job job, long occasion, int attempts) {
            job.attempts += attempts;
            net.lost(job.m, ServiceClass.MMTC, job.dir, "rach", job.attempts, out);
        }
    };

    // ------------------------------------------------------------------------------ uplink (Msg3)

    private void msg3Slot(Agg a, long slot, ArrayDeque<Job> queue) {
        long bgMask = units == null ? 0 : units.background(a.index, slot);
        int free = units == null ? units(c.puschUnitsPerSlot(), puschUtil[a.index]) : c.puschUnitsPerSlot() - Long.bitCount(bgMask);
        Served slotUsers = take(a.msg3, slot, queue, free);
        List<Job> served = slotUsers.jobs();
        if (served.isEmpty()) {
            return;
        }
        double[] mean = new double[served.size()];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = Math.pow(10, (ulOffsetDb + served.get(i).src.links()[a.index].gainDb()) / 10);
        }
        long decoded = (slot + 1) * slotNs + gnbProcNs;
        List<int[]> groups = groups(mean, slotUsers.units());
        msg3UnitSlots[a.index] += groups.size();
        if (units != null) {
            // the groups take the free units in order; outcomes wait for the slot's end (URLLC may still land)
            int[] unitOf = new int[groups.size()];
            long mask = 0;
            int u = 0;
            for (int g = 0; g < unitOf.length; g++) {
                while ((bgMask & (1L << u)) != 0) {
                    u++;
                }
                unitOf[g] = u;
                mask |= 1L << u;
                u++;
            }
            units.msg3(a.index, slot, mask);
            pending.add(new PendingSlot(a, slot, served, groups, unitOf, mean, decoded,
                    Math.max(nu.symbolStartNs(14 * (slot + 1)), (slot + 1) * slotNs)));
            return;
        }
        decodeMsg3(a, slot, served, groups, null, 0, mean, decoded);
    }

    /** A Msg3 slot on a shared uplink whose outcomes are decided at its end. */
    private record PendingSlot(Agg agg, long slot, List<Job> served, List<int[]> groups, int[] unitOf, double[] mean,
                               long decodedNs, long endNs) {
        static final java.util.Comparator<PendingSlot> ORDER = java.util.Comparator.comparingLong(PendingSlot::endNs)
                .thenComparingInt(p -> p.agg.index).thenComparingLong(PendingSlot::slot);
    }

    private void decideMsg3(PendingSlot p) {
        decodeMsg3(p.agg, p.slot, p.served, p.groups, p.unitOf, units.urllc(p.agg.index, p.slot), p.mean, p.decodedNs);
    }

    /**
     * Decodes a slot's Msg3 groups. On a shared uplink a group whose unit a URLLC repetition hit ({@code hit}
     * mask) is lost without a decoding draw: cancelled (pre-emption) or collided.
     */
    private void decodeMsg3(Agg a, long slot, List<Job> served, List<int[]> groups, int[] unitOf, long hit, double[] mean,
                            long decoded) {
        double lt = NormalApproximation.logTerm(nUl, net.logTerm());
        UniformRandomProvider u = net.decodeStream();
        for (int gi = 0; gi < groups.size(); gi++) {
            int[] g = groups.get(gi);
            msg3Tx += g.length;
            uplinkPairs += g.length - 1;
            perCell[a.index][0] += g.length;
            perCell[a.index][1] += g.length - 1;
            if (unitOf != null && (hit & (1L << unitOf[gi])) != 0) {
                msg3Preempted += g.length;
                for (int x : g) {
                    afterMsg3(a, slot, served.get(x), false, decoded);
                }
                continue;
            }
            if (g.length == 1) {
                Job j = served.get(g[0]);
                double s = mean[g[0]] * net.fade(j.src, a.index);
                boolean ok = u.nextDouble() >= NormalApproximation.psi(nUl, j.k, s, lt);
                afterMsg3(a, slot, j, ok, decoded);
            } else {
                Job j1 = served.get(g[0]);
                Job j2 = served.get(g[1]);
                double s1 = mean[g[0]] * net.fade(j1.src, a.index);
                double s2 = mean[g[1]] * net.fade(j2.src, a.index);
                // SIC at the aggregator (README, uplink NOMA): the stronger received signal first
                boolean oneFirst = s1 >= s2;
                double strong = oneFirst ? s1 : s2;
                double weak = oneFirst ? s2 : s1;
                Job first = oneFirst ? j1 : j2;
                Job second = oneFirst ? j2 : j1;
                double eFirst = NormalApproximation.psi(nUl, first.k, strong / (weak + 1), lt);
                double eSecond = NormalApproximation.psi(nUl, second.k, weak / (c.xi() * strong + 1), lt);
                boolean okFirst = u.nextDouble() >= eFirst;
                boolean okSecond = u.nextDouble() >= eSecond && okFirst;
                afterMsg3(a, slot, first, okFirst, decoded);
                afterMsg3(a, slot, second, okSecond, decoded);
            }
        }
    }

    private void afterMsg3(Agg a, long slot, Job j, boolean ok, long decodedNs) {
        j.attempts++;
        j.tx++;
        if (!ok) {
            if (j.tx < c.msg3MaxTx()) {
                add(a.msg3, slot + harqRttSlots, j);
            } else {
                net.lost(j.m, ServiceClass.MMTC, j.dir, "msg3", j.attempts, out);
            }
            return;
        }
        if (j.dst == null) {
            net.delivered(j.m, ServiceClass.MMTC, j.dir, decodedNs + net.backhaulNs(), j.attempts, out);
        } else {
            j.tx = 0;
            int dl = net.servingOf(j.dst, decodedNs);
            long core = dl == j.ulAgg ? 0 : 2 * net.backhaulNs();
            enqueueDownlink(j, decodedNs + core);
        }
    }

    // ------------------------------------------------------------------------------ downlink

    private void enqueueDownlink(Job j, long arrivalNs) {
        j.dlAgg = net.servingOf(j.dst, arrivalNs);
        net.route(j.m, j.dlAgg);
        if (j.dlAgg < 0) {
            net.lost(j.m, ServiceClass.MMTC, j.dir, "no_service", j.attempts, out);
            return;
        }
        long slot = ceilDiv(arrivalNs + gnbProcNs, slotNs);
        add(aggs[j.dlAgg].dl, slot, j);
    }

    private void dlSlot(Agg a, long slot, ArrayDeque<Job> queue) {
        Served slotUsers = take(a.dl, slot, queue, units(c.pdschUnitsPerSlot(), pdschUtil));
        List<Job> served = slotUsers.jobs();
        if (served.isEmpty()) {
            return;
        }
        double snrTx = Math.pow(10, net.dlOffsetDb() / 10);
        double[] gain = new double[served.size()];
        for (int i = 0; i < gain.length; i++) {
            gain[i] = Math.pow(10, served.get(i).dst.links()[a.index].gainDb() / 10);
        }
        double lt = NormalApproximation.logTerm(nDl, net.logTerm());
        long decoded = (slot + 1) * slotNs + ueDecodeNs;
        UniformRandomProvider u = net.decodeStream();
        for (int[] g : groups(gain, slotUsers.units())) {
            pdschTx += g.length;
            downlinkPairs += g.length - 1;
            perCell[a.index][2] += g.length;
            perCell[a.index][3] += g.length - 1;
            if (g.length == 1) {
                Job j = served.get(g[0]);
                double s = snrTx * gain[g[0]] * net.fade(j.dst, a.index);
                boolean ok = u.nextDouble() >= NormalApproximation.psi(nDl, j.k, s, lt);
                afterDownlink(a, slot, j, ok, decoded);
            } else {
                Job near = served.get(g[0]);
                Job far = served.get(g[1]);
                double gNear = gain[g[0]] * net.fade(near.dst, a.index);
                double gFar = gain[g[1]] * net.fade(far.dst, a.index);
                DownlinkPair p = DownlinkNoma.twoUser(nDl, far.k, near.k, snrTx, c.alphaFar(), gFar, gNear, c.xi(),
                        net.logTerm());
                boolean okFar = u.nextDouble() >= p.epsFar();
                boolean okSic = u.nextDouble() >= p.epsNearSic();
                boolean okOwn = u.nextDouble() >= p.epsNearOwn();
                afterDownlink(a, slot, far, okFar, decoded);
                afterDownlink(a, slot, near, okSic && okOwn, decoded);
            }
        }
    }

    private void afterDownlink(Agg a, long slot, Job j, boolean ok, long decodedNs) {
        j.attempts++;
        j.tx++;
        if (ok) {
            net.delivered(j.m, ServiceClass.MMTC, j.dir, decodedNs, j.attempts, out);
        } else if (j.tx < c.dlMaxTx()) {
            add(a.dl, slot + harqRttSlots, j);
        } else {
            net.lost(j.m, ServiceClass.MMTC, j.dir, "dl-harq", j.attempts, out);
        }
    }

    // ------------------------------------------------------------------------------ slots and pairing

    /** Orthogonal units free of background traffic in this slot (each taken with the utilisation). */
    private int units(int total, double utilisation) {
        if (utilisation <= 0) {
            return total;
        }
        int free = 0;
        UniformRandomProvider background = net.backgroundStream();
        for (int i = 0; i < total; i++) {
            if (background.nextDouble() >= utilisation) {
                free++;
            }
        }
        return free;
    }

    /** The users served in a slot and the orthogonal units they share. */
    private record Served(List<Job> jobs, int units) {
    }

    /** Takes the users this slot can serve (two per unit with NOMA); defers the rest, oldest first. */
    private Served take(TreeMap<Long, ArrayDeque<Job>> queues, long slot, ArrayDeque<Job> queue, int units) {
        int capacity = c.noma() == MmtcConfig.Noma.NEVER ? units : 2 * units;
        List<Job> served = new ArrayList<>(Math.min(capacity, queue.size()));
        while (served.size() < capacity && !queue.isEmpty()) {
            served.add(queue.pollFirst());
        }
        if (!queue.isEmpty()) {
            ArrayDeque<Job> next = queues.get(slot + 1);
            if (next == null) {
                queues.put(slot + 1, queue);
            } else {
                while (!queue.isEmpty()) {
                    next.addFirst(queue.pollLast());
                }
            }
        }
        return new Served(served, units);
    }

    /**
     * Groups of one or two users: near–far pairs ({@link UserPairing}, [near, far]) and singles.
     * always: pair everyone; when_needed: only as many pairs as the units require; never: singles.
     */
    private List<int[]> groups(double[] gain, int units) {
        List<int[]> groups = new ArrayList<>();
        int users = gain.length;
        int pairsWanted = switch (c.noma()) {
            case NEVER -> 0;
            case ALWAYS -> users / 2;
            case WHEN_NEEDED -> Math.max(0, users - units);
        };
        if (pairsWanted == 0) {
            for (int i = 0; i < users; i++) {
                groups.add(new int[] {i});
            }
            return groups;
        }
        int made = 0;
        for (UserPairing.Pair p : UserPairing.nearFar(gain)) {
            if (!p.single() && made < pairsWanted) {
                groups.add(new int[] {p.near(), p.far()});
                made++;
            } else {
                groups.add(new int[] {p.near()});
                if (!p.single()) {
                    groups.add(new int[] {p.far()});
                }
            }
        }
        return groups;
    }

    private static void add(TreeMap<Long, ArrayDeque<Job>> queues, long slot, Job j) {
        queues.computeIfAbsent(slot, k -> new ArrayDeque<>()).addLast(j);
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
