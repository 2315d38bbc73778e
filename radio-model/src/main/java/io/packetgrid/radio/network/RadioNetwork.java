package io.packetgrid.radio.network;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.message.Delivery;
import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.message.Network;
import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.radio.fading.Fading;
import io.packetgrid.radio.fbl.NormalApproximation;
import io.packetgrid.radio.network.RadioOutcome.Direction;
import io.packetgrid.radio.nr.LinkTiming;
import io.packetgrid.radio.nr.Numerology;
import io.packetgrid.radio.reliability.DeliveryTimeDistribution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The kernel's {@link Network} for the studies: a 5G radio access network of aggregators (base
 * stations) and devices, with finite-blocklength errors under fading, NR timing, random access and
 * NOMA, and a fixed-latency backhaul to the wired endpoints (servers). Configured by
 * {@link RadioConfig}; documented in docs/radio-model.md.
 *
 * <p><b>Routing.</b> An endpoint listed under {@code wired} is behind the backhaul; every other
 * endpoint is a radio device served by the aggregator with the largest mean received power. Device →
 * wired is uplink, wired → device downlink, device → device uplink then downlink (through the core if
 * the two aggregators differ, two backhaul latencies), wired → wired is delivered at once.
 *
 * <p><b>Service class</b> from {@link Message#kind()}: {@code urllc} or {@code mmtc}
 * (case-insensitive), any other kind gets {@code default_class}.
 * <ul>
 *   <li>URLLC: mini-slot occasions ({@link LinkTiming}: grant-free or grant-based, K chase-combined repetitions
 *       per round, HARQ rounds; per repetition a fresh block-fading draw and the complex-AWGN normal
 *       approximation at the combined SNR). On dedicated resources (the default) nothing it does depends on other
 *       traffic and its fate is decided when it is sent. On an uplink shared with mMTC and background traffic
 *       ({@link CoexistenceConfig}) its uplink repetitions hop over the aggregator's units and are erased where
 *       other traffic is (decided round by round once the round's slots are scheduled), or, with pre-emption,
 *       cancel the mMTC transmission there.</li>
 *   <li>mMTC goes through contention-based random access at the serving aggregator
 *       ({@link io.packetgrid.radio.access.RandomAccessChannel}), then its data in Msg3 on a PUSCH
 *       unit, paired by the aggregator (near–far) into uplink NOMA with SIC; replies are scheduled in
 *       downlink slots, paired into downlink NOMA. Failed transmissions are retried by HARQ.</li>
 * </ul>
 * The analytic side ({@link #urllc()}: serving cells, per-round errors, exact delivery-time distributions) uses
 * the same timing, link budgets, fading laws and erasure law.
 *
 * <p><b>Timeline.</b> {@link #scheduleOutage} takes an aggregator down for a while: the messages it holds are
 * lost ({@code outage}); its devices have no service ({@code no_service}) until they re-attach, after a
 * radio-link-failure time, to the best aggregator still up (the largest mean received power), or lose service
 * if none is; they return to it when it is back. {@link #scheduleBurst} adds background load on a cell for a
 * while (random-access attempts from devices outside the model, and a share of the uplink units). Nothing
 * changes when neither is scheduled.
 *
 * Randomness comes only from streams of the run's {@link RandomStreams}, in the kernel's defined
 * order of calls, so a run is reproducible.
 */
public final class RadioNetwork implements Network {
    /** Why a message can be lost (see {@link RadioOutcome#reason()}); the columns of the per-cell losses. */
    public static final List<String> LOSS_REASONS = List.of("harq", "rach", "msg3", "dl-harq", "deadline", "outage", "no_service");

    private final RadioConfig cfg;
    private final RandomStreams streams;
    private final RadioLinks links;
    private final Numerology nu;
    private final boolean logTerm;
    private final long backhaulNs;
    private final Map<ServiceClass, ClassStatistics> stats = new LinkedHashMap<>();
    private final ClassStatistics all;
    private Consumer<RadioOutcome> listener = o -> { };
    private final TrafficLedger ledger = new TrafficLedger();
    // scheduled outages in scheduling order: {time, aggregator, 1 down / 0 up}, for the cells' outage time
    private final List<long[]> outageLog = new ArrayList<>();
    private long inFlight;
    private long lastNs;
    // streams and samplers, created on first use (a stream's sequence does not depend on when it is made)
    private UniformRandomProvider decode;
    private UniformRandomProvider background;
    private UniformRandomProvider hopping;
    private DoubleSupplier rayleigh;
    private DoubleSupplier rician;

    // URLLC
    private final RoundFailureCache roundFailures = new RoundFailureCache();
    private final UrllcAnalysis urllc;
    private final LinkTiming urllcUl;
    private final LinkTiming urllcDl;
    private final long[] roundsBuf;
    private final long[] firstBuf;
    // shared uplink (null when URLLC has dedicated resources)
    private final UplinkUnits units;
    private final PriorityQueue<UrllcJob> urllcPending = new PriorityQueue<>(UrllcJob.ORDER);
    private long urllcSeq;
    private long urllcRepetitions;
    private long urllcErased;

    // mMTC
    private MmtcService mmtc;

    // timeline: outages and bursts (empty unless scheduled)
    private final java.util.TreeMap<Long, List<Runnable>> changes = new java.util.TreeMap<>();
    private boolean outagesScheduled;
    private final boolean[] down;
    private final long[] downSinceNs;
    private final long[] reattachNs;
    private Delivery changeOut;

    /** Builds the network from its configuration and the run's random streams. */
    public RadioNetwork(RadioConfig cfg, RandomStreams streams) {
        this(cfg, streams, new RadioLinks(cfg, streams));
    }

    private RadioNetwork(RadioConfig cfg, RandomStreams streams, RadioLinks links) {
        this.cfg = cfg;
        this.streams = streams;
        this.links = links;
        this.nu = new Numerology(cfg.numerology());
        this.logTerm = cfg.logTerm();
        this.backhaulNs = cfg.backhaul().ns();
        UrllcConfig u = cfg.urllc();
        this.stats.put(ServiceClass.URLLC, new ClassStatistics("urllc", u.deadline() == null ? null : u.deadline().ns()));
        this.stats.put(ServiceClass.MMTC, new ClassStatistics("mmtc",
                cfg.mmtc().deadline() == null ? null : cfg.mmtc().deadline().ns()));
        this.all = new ClassStatistics("all", null);
        this.urllc = new UrllcAnalysis(links, cfg, roundFailures);
        this.urllcUl = urllc.uplinkTiming();
        this.urllcDl = urllc.downlinkTiming();
        this.roundsBuf = new long[u.harqRounds()];
        this.firstBuf = new long[u.harqRounds()];
        this.units = cfg.coexistence().shared()
                ? new UplinkUnits(links.aggregators.size(), cfg.mmtc().puschUnitsPerSlot(), cfg.background().puschUtilization(),
                        this::backgroundStream)
                : null;
        int na = links.aggregators.size();
        this.down = new boolean[na];
        this.downSinceNs = new long[na];
        this.reattachNs = new long[na];
    }

    // ------------------------------------------------------------------------------------- timeline

    /**
     * Takes {@code aggregator} down from {@code fromNs} until {@code untilNs}. Its devices re-attach to the best
     * aggregator still up {@code reattachNs} after it went down (a radio-link-failure detection time, e.g. T310 =
     * 1000 ms, TS 38.331 §7.1, the common default) and have no service meanwhile.
     *
     * @throws PacketGridException naming the aggregator when it is unknown or the times are out of order
     */
    public void scheduleOutage(String aggregator, long fromNs, long untilNs, long reattachNs) {
        int a = aggregatorIndex(aggregator);
        if (fromNs < 0 || untilNs <= fromNs || reattachNs < 0) {
            throw new PacketGridException("radio network", "outage of " + aggregator + ": need 0 ≤ from < until and a re-attach time ≥ 0");
        }
        outagesScheduled = true;
        outageLog.add(new long[] {fromNs, a, 1});
        outageLog.add(new long[] {untilNs, a, 0});
        at(fromNs, () -> {
            if (!down[a]) {
                down[a] = true;
                downSinceNs[a] = fromNs;
                this.reattachNs[a] = reattachNs;
                if (mmtc != null) {
                    mmtc.outage(a, changeOut);
                }
            }
        });
        at(untilNs, () -> down[a] = false);
    }

    /**
     * Adds background load on {@code aggregator} (null: every one) from {@code fromNs} until {@code untilNs}:
     * {@code rachAccessesPerS} more random-access attempts per second and {@code puschUtilization} more of its
     * uplink units taken (capped at all of them), on top of the configured {@code background}.
     */
    public void scheduleBurst(String aggregator, long fromNs, long untilNs, double rachAccessesPerS, double puschUtilization) {
        List<Integer> which = new ArrayList<>();
        if (aggregator == null) {
            for (RadioLinks.Aggregator g : links.aggregators) {
                which.add(g.index());
            }
        } else {
            which.add(aggregatorIndex(aggregator));
        }
        if (fromNs < 0 || untilNs <= fromNs || !(rachAccessesPerS >= 0) || !(puschUtilization >= 0 && puschUtilization <= 1)) {
            throw new PacketGridException("radio network", "burst: need 0 ≤ from < until, attempts ≥ 0 per s and a share of units in [0, 1]");
        }
        for (int a : which) {
            at(fromNs, () -> mmtc().background(a, rachAccessesPerS, puschUtilization));
            at(untilNs, () -> mmtc().background(a, 0, 0));
        }
    }

    private void at(long t, Runnable r) {
        changes.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
    }

    /** Applies the scheduled changes due at or before {@code nowNs}, in time and scheduling order. */
    private void applyChanges(long nowNs, Delivery out) {
        while (!changes.isEmpty() && changes.firstKey() <= nowNs) {
            changeOut = out;
            for (Runnable r : changes.pollFirstEntry().getValue()) {
                r.run();
            }
            changeOut = null;
        }
    }

    /** Whether an aggregator is up now. */
    public boolean aggregatorUp(String aggregator) {
        return !down[aggregatorIndex(aggregator)];
    }

    /**
     * The aggregator serving a device at {@code nowNs}: its own (the largest mean received power) while that is
     * up; once it is down and the re-attach time has passed, the best one still up; −1 when there is none.
     */
    int servingOf(RadioLinks.Device d, long nowNs) {
        int s = d.serving();
        if (!outagesScheduled || !down[s]) {
            return s;
        }
        if (nowNs < downSinceNs[s] + reattachNs[s]) {
            return -1;
        }
        int best = -1;
        for (int a = 0; a < down.length; a++) {
            if (!down[a] && (best < 0 || d.links()[a].gainDb() > d.links()[best].gainDb())) {
                best = a;
            }
        }
        return best;
    }

    /** The name of the aggregator serving {@code endpoint} at the network's present time, or "" without service. */
    public String servingAggregatorNow(String endpoint) {
        RadioLinks.Device d = links.device(endpoint);
        if (d == null) {
            return "";
        }
        int a = servingOf(d, lastNs);
        return a < 0 ? "" : links.aggregators.get(a).name();
    }

    /**
     * A factory for {@code Federation.network(...)}: the network is built from the run's own random
     * streams when the run starts, and handed to {@code created} (e.g. to read its statistics later).
     */
    public static java.util.function.Function<RandomStreams, Network> factory(RadioConfig cfg, Consumer<RadioNetwork> created) {
        return streams -> {
            RadioNetwork n = new RadioNetwork(cfg, streams);
            if (created != null) {
                created.accept(n);
            }
            return n;
        };
    }

    /** A network from the {@code radio:} section of a YAML file (the file's whole content is the section). */
    public static RadioNetwork fromYaml(Path file, RandomStreams streams) {
        return new RadioNetwork(YamlFiles.read(file, RadioConfig.class), streams);
    }

    /** Receives one {@link RadioOutcome} per finished message (delivered or lost), in decision order. */
    public RadioNetwork onOutcome(Consumer<RadioOutcome> listener) {
        this.listener = listener == null ? o -> { } : listener;
        return this;
    }

    public RadioConfig config() {
        return cfg;
    }

    // ------------------------------------------------------------------------------------- Network

    @Override
    public void submit(Message m, long nowNs, Delivery out) {
        lastNs = Math.max(lastNs, nowNs);
        if (!changes.isEmpty()) {
            applyChanges(nowNs, out);
        }
        boolean fromWired = links.isWired(m.from(), m.fromEndpoint());
        boolean toWired = links.isWired(m.to(), m.toEndpoint());
        if (fromWired && toWired) {
            out.deliver(m, nowNs);
            return;
        }
        ServiceClass c = classOf(m);
        Direction dir = fromWired ? Direction.DOWNLINK : toWired ? Direction.UPLINK : Direction.DEVICE_TO_DEVICE;
        stats.get(c).sent();
        all.sent();
        inFlight++;
        RadioLinks.Device src = fromWired ? null : links.device(m.from(), m.fromEndpoint());
        RadioLinks.Device dst = toWired ? null : links.device(m.to(), m.toEndpoint());
        ledger.open(m, src != null ? src.index() : dst.index(), src != null, src != null && dst != null ? dst.index() : -1);
        if (c == ServiceClass.URLLC) {
            urllc(m, nowNs, dir, src, dst, out);
        } else {
            mmtc().submit(m, nowNs, dir, src, dst, out);
        }
    }

    @Override
    public long nextEventNs() {
        long t = mmtc == null ? Long.MAX_VALUE : mmtc.nextEventNs();
        if (!urllcPending.isEmpty()) {
            t = Math.min(t, urllcPending.peek().timeNs());
        }
        if (!changes.isEmpty()) {
            t = Math.min(t, changes.firstKey());
        }
        return t;
    }

    @Override
    public void advance(long nowNs, Delivery out) {
        lastNs = Math.max(lastNs, nowNs);
        if (!changes.isEmpty()) {
            applyChanges(nowNs, out);
        }
        if (mmtc != null) {
            mmtc.advance(nowNs, out);
        }
        // URLLC rounds on a shared uplink are decided once their slots are scheduled (the mMTC slots above)
        while (!urllcPending.isEmpty() && urllcPending.peek().timeNs() <= nowNs) {
            decideRound(urllcPending.poll(), out);
        }
    }

    @Override
    public void finish(long endNs) {
        // messages still held (e.g. waiting for a PRACH occasion after the end) stay in flight
        lastNs = Math.max(lastNs, endNs);
    }

    /** Statistics so far (call after the run for the final figures). */
    public RadioStatistics statistics() {
        Map<String, ClassStatistics.Summary> by = new LinkedHashMap<>();
        stats.forEach((k, v) -> by.put(k.label(), v.summary()));
        return new RadioStatistics(all.summary(), Map.copyOf(by), inFlight);
    }

    /**
     * Per radio device (in the order the network met them: the configured devices first), what it sent and received,
     * lost, and the latencies of its deliveries, as of {@code endNs} (the run's end: a message delivered later is
     * still in flight). Over all devices the counts add up to the network's, each message counted once
     * ({@link EndpointRadioStatistics}).
     */
    public List<EndpointRadioStatistics> endpointStatistics(long endNs) {
        List<RadioLinks.Device> devices = links.devices();
        long[][] lat = new long[devices.size()][];
        long[][] c = ledger.perDevice(devices.size(), endNs, lat);
        List<EndpointRadioStatistics> out = new ArrayList<>(devices.size());
        for (RadioLinks.Device d : devices) {
            long[] x = c[d.index()];
            long[] l = lat[d.index()];
            java.util.Arrays.sort(l);
            long sum = 0;
            for (long v : l) {
                sum += v;
            }
            out.add(new EndpointRadioStatistics(d.endpoint(), links.aggregators.get(d.serving()).name(), x[0], x[1], x[2], x[3], x[4],
                    x[5], x[6], x[7], sum / 1e6, ClassStatistics.percentileMs(l, 0.5), ClassStatistics.percentileMs(l, 0.99),
                    l.length == 0 ? Double.NaN : l[l.length - 1] / 1e6));
        }
        return out;
    }

    /**
     * Per aggregator (configuration order), the messages it carried and how they ended, its losses by reason, its
     * random access (preambles, collisions), NOMA pairs and the time it was down, as of {@code endNs}
     * ({@link CellRadioStatistics}; the cells' message counts add up to the devices').
     */
    public List<CellRadioStatistics> cellStatistics(long endNs) {
        int na = links.aggregators.size();
        List<RadioLinks.Device> devices = links.devices();
        int[] home = new int[devices.size()];
        int[] served = new int[na];
        for (RadioLinks.Device d : devices) {
            home[d.index()] = d.serving();
            served[d.serving()]++;
        }
        long[][] byReason = new long[na][];
        long[][] c = ledger.perCell(na, endNs, byReason, home);
        double[] outage = outageSeconds(na, endNs);
        List<CellRadioStatistics> out = new ArrayList<>(na);
        for (RadioLinks.Aggregator a : links.aggregators) {
            int i = a.index();
            Map<String, Long> reasons = new LinkedHashMap<>();
            for (int r = 0; r < LOSS_REASONS.size(); r++) {
                reasons.put(LOSS_REASONS.get(r), byReason[i][r]);
            }
            long[] m = mmtc == null ? new long[7] : mmtc.cellCounters(i);
            out.add(new CellRadioStatistics(a.name(), served[i], c[i][0], c[i][1], c[i][2], c[i][3], c[i][4], c[i][5], reasons,
                    m[0], m[1], m[2], m[3], m[4], m[5], m[6], outage[i]));
        }
        return out;
    }

    /** Seconds each aggregator was down between 0 and {@code endNs}, replaying the scheduled outages in their order. */
    private double[] outageSeconds(int na, long endNs) {
        List<long[]> log = new ArrayList<>(outageLog);
        log.sort(java.util.Comparator.comparingLong(e -> e[0]));   // stable: scheduling order at equal times, as applied
        boolean[] isDown = new boolean[na];
        long[] since = new long[na];
        long[] total = new long[na];
        for (long[] e : log) {
            if (e[0] > endNs) {
                break;
            }
            int a = (int) e[1];
            if (e[2] == 1 && !isDown[a]) {
                isDown[a] = true;
                since[a] = e[0];
            } else if (e[2] == 0 && isDown[a]) {
                total[a] += e[0] - since[a];
                isDown[a] = false;
            }
        }
        double[] out = new double[na];
        for (int a = 0; a < na; a++) {
            out[a] = (total[a] + (isDown[a] ? Math.max(0, endNs - since[a]) : 0)) / 1e9;
        }
        return out;
    }

    /** Counters of the mMTC random access, Msg3 and downlink scheduling (NOMA pairs formed). */
    public MmtcCounters mmtcCounters() {
        return mmtc == null ? new MmtcCounters(0, 0, 0, 0, 0, 0) : mmtc.counters();
    }

    /**
     * What sharing the uplink did: URLLC uplink repetitions sent on shared units and how many were erased,
     * and mMTC Msg3 transmissions lost to URLLC repetitions (cancelled with pre-emption, collided without).
     */
    public CoexistenceCounters coexistenceCounters() {
        return new CoexistenceCounters(urllcRepetitions, urllcErased, mmtc == null ? 0 : mmtc.msg3Preempted());
    }

    /**
     * The share of {@code aggregator}'s uplink units (unit-slots) that mMTC Msg3 transmissions occupied so far (a
     * NOMA pair takes one unit), over the slots from 0 to the latest time the network saw (the end of the run
     * once it finished): the figure for {@code coexistence.mmtc_share} in an analysis of the same traffic.
     */
    public double mmtcUplinkShare(String aggregator) {
        int a = aggregatorIndex(aggregator);
        long slots = Math.floorDiv(lastNs, nu.slotNs()) + 1;
        long busy = mmtc == null ? 0 : mmtc.msg3UnitSlots(a);
        return busy / ((double) slots * cfg.mmtc().puschUnitsPerSlot());
    }

    /** The aggregators' names, in configuration order. */
    public java.util.List<String> aggregators() {
        return links.aggregators.stream().map(RadioLinks.Aggregator::name).toList();
    }

    private int aggregatorIndex(String name) {
        for (RadioLinks.Aggregator a : links.aggregators) {
            if (a.name().equals(name)) {
                return a.index();
            }
        }
        throw new PacketGridException("radio network", "no aggregator named '" + name + "'");
    }

    private MmtcService mmtc() {
        if (mmtc == null) {
            mmtc = new MmtcService(this, cfg, streams, units);
        }
        return mmtc;
    }

    private ServiceClass classOf(Message m) {
        String k = m.kind() == null ? "" : m.kind().toLowerCase(Locale.ROOT);
        if (k.equals("urllc")) {
            return ServiceClass.URLLC;
        }
        if (k.equals("mmtc")) {
            return ServiceClass.MMTC;
        }
        return switch (cfg.defaultClass()) {
            case URLLC -> ServiceClass.URLLC;
            case MMTC -> ServiceClass.MMTC;
            case NONE -> throw new PacketGridException("radio network", "message " + m.id() + " from '" + m.from()
                    + "' has kind '" + m.kind() + "', which is neither urllc nor mmtc, and radio.default_class is none");
        };
    }

    // ------------------------------------------------------------------------------------- URLLC

    private void urllc(Message m, long now, Direction dir, RadioLinks.Device src, RadioLinks.Device dst, Delivery out) {
        UrllcConfig u = cfg.urllc();
        int n = urllc.blocklength();
        int k = urllc.bits(m.sizeBytes());
        double lt = NormalApproximation.logTerm(n, logTerm);
        long t = now;
        int attempts = 0;
        if (src != null) {
            int ul = servingOf(src, now);
            route(m, ul);
            if (ul < 0) {
                lost(m, ServiceClass.URLLC, dir, "no_service", 0, out);
                return;
            }
            RadioLinks.Link link = src.links()[ul];
            double snr = Math.pow(10, (urllc.uplinkOffsetDb() + link.gainDb()) / 10);
            if (units != null && !cfg.coexistence().uplinkPreemption()) {
                // shared units, no pre-emption: each round is decided when its slots have been scheduled
                UrllcJob job = new UrllcJob(m, dir, src, dst, k, snr, urllcSeq++, hopping().nextInt(units.units()), urllcUl.rounds(), ul);
                urllcUl.occasions(now, job.first, job.decode);
                startRound(job);
                return;
            }
            int r = hop(urllcUl, t, n, k, lt, snr, link.los(), units != null ? ul : -1);
            attempts += r < 0 ? urllcUl.rounds() : r + 1;
            if (r < 0) {
                lost(m, ServiceClass.URLLC, dir, "harq", attempts, out);
                return;
            }
            t = roundsBuf[r];
            t += dst == null ? backhaulNs : (servingOf(dst, t) == ul ? 0 : 2 * backhaulNs);
        } else {
            t += backhaulNs;
        }
        finishUrllc(m, dir, dst, t, attempts, n, k, lt, out);
    }

    /** The downlink part (if any) and the delivery of a URLLC message whose uplink (if any) ended at {@code t}. */
    private void finishUrllc(Message m, Direction dir, RadioLinks.Device dst, long t, int attempts, int n, int k, double lt,
                             Delivery out) {
        UrllcConfig u = cfg.urllc();
        if (dst != null) {
            int dl = servingOf(dst, t);
            route(m, dl);
            if (dl < 0) {
                lost(m, ServiceClass.URLLC, dir, "no_service", attempts, out);
                return;
            }
            RadioLinks.Link link = dst.links()[dl];
            double snr = Math.pow(10, (urllc.downlinkOffsetDb() + link.gainDb()) / 10);
            int r = hop(urllcDl, t, n, k, lt, snr, link.los(), -1);
            attempts += r < 0 ? urllcDl.rounds() : r + 1;
            if (r < 0) {
                lost(m, ServiceClass.URLLC, dir, "harq", attempts, out);
                return;
            }
            t = roundsBuf[r];
        }
        if (u.dropLate() && u.deadline() != null && t - m.sentNs() > u.deadline().ns()) {
            lost(m, ServiceClass.URLLC, dir, "deadline", attempts, out);
            return;
        }
        delivered(m, ServiceClass.URLLC, dir, t, attempts, out);
    }

    /**
     * Rounds of one hop; returns the first successful round (decode time in roundsBuf) or −1. With
     * {@code preemptingAgg} ≥ 0 (a device on a shared uplink with pre-emption, at that aggregator) the repetitions
     * of the rounds it sends are marked on the units they hop to, so that the mMTC transmissions there are cancelled.
     */
    private int hop(LinkTiming timing, long arrival, int n, int k, double lt, double snr, boolean los, int preemptingAgg) {
        boolean preempting = preemptingAgg >= 0;
        timing.occasions(arrival, preempting ? firstBuf : null, roundsBuf);
        DoubleSupplier g = los ? rician() : rayleigh();
        int c0 = preempting ? hopping().nextInt(units.units()) : 0;
        for (int r = 0; r < timing.rounds(); r++) {
            if (preempting) {
                markRepetitions(preemptingAgg, firstBuf[r], r, c0);
            }
            double sum = 0;
            for (int i = 0; i < timing.repetitions(); i++) {
                sum += cfg.fastFading() ? g.getAsDouble() : 1;
            }
            double eps = NormalApproximation.psi(n, k, snr * sum, lt);
            if (decode().nextDouble() >= eps) {
                return r;
            }
        }
        return -1;
    }

    /**
     * The unit of the j-th uplink transmission of a message (over all its rounds) on a shared uplink: a cyclic
     * hop from a random start, (c0 + j) mod N, so the transmissions of a message that share a slot use different
     * units (frequency hopping between repetitions, TS 38.214 §6.3; the pattern itself is a modelling choice).
     */
    private int unitOf(int c0, int round, int rep) {
        return (c0 + round * urllcUl.repetitions() + rep) % units.units();
    }

    private long slotOf(long position) {
        return Math.floorDiv(position, urllcUl.positionsPerSlot());
    }

    private void markRepetitions(int agg, long first, int round, int c0) {
        for (int i = 0; i < urllcUl.repetitions(); i++) {
            long pos = first + (long) i * urllcUl.occasionEvery();
            units.urllc(agg, slotOf(pos), unitOf(c0, round, i));
            urllcRepetitions++;
        }
    }

    /** A URLLC message on a shared uplink without pre-emption, between the rounds of its uplink hop. */
    private static final class UrllcJob {
        static final java.util.Comparator<UrllcJob> ORDER =
                java.util.Comparator.comparingLong(UrllcJob::timeNs).thenComparingLong(j -> j.seq);
        final Message m;
        final Direction dir;
        final RadioLinks.Device src;
        final RadioLinks.Device dst;
        final int k;
        final double snr;
        final long seq;
        final int c0;
        final long[] first;
        final long[] decode;
        final int agg;
        int round;

        UrllcJob(Message m, Direction dir, RadioLinks.Device src, RadioLinks.Device dst, int k, double snr, long seq, int c0,
                 int rounds, int agg) {
            this.agg = agg;
            this.m = m;
            this.dir = dir;
            this.src = src;
            this.dst = dst;
            this.k = k;
            this.snr = snr;
            this.seq = seq;
            this.c0 = c0;
            this.first = new long[rounds];
            this.decode = new long[rounds];
        }

        long timeNs() {
            return decode[round];
        }
    }

    private void startRound(UrllcJob job) {
        markRepetitions(job.agg, job.first[job.round], job.round, job.c0);
        urllcPending.add(job);
    }

    /**
     * Decides a round on a shared uplink at its decode time: a repetition whose unit carries background or Msg3
     * traffic in its slot is erased (the Msg3 there is lost too, {@link MmtcService}); the others are chase-combined.
     */
    private void decideRound(UrllcJob job, Delivery out) {
        int agg = job.agg;
        if (down[agg]) {
            lost(job.m, ServiceClass.URLLC, job.dir, "outage", job.round + 1, out);
            return;
        }
        int n = urllc.blocklength();
        double lt = NormalApproximation.logTerm(n, logTerm);
        DoubleSupplier g = job.src.links()[agg].los() ? rician() : rayleigh();
        double sum = 0;
        int survivors = 0;
        for (int i = 0; i < urllcUl.repetitions(); i++) {
            long pos = job.first[job.round] + (long) i * urllcUl.occasionEvery();
            if ((units.busy(agg, slotOf(pos)) & (1L << unitOf(job.c0, job.round, i))) != 0) {
                urllcErased++;
                continue;
            }
            survivors++;
            sum += cfg.fastFading() ? g.getAsDouble() : 1;
        }
        boolean ok = survivors > 0 && decode().nextDouble() >= NormalApproximation.psi(n, job.k, job.snr * sum, lt);
        if (ok) {
            long t = job.decode[job.round]
                    + (job.dst == null ? backhaulNs : (servingOf(job.dst, job.decode[job.round]) == agg ? 0 : 2 * backhaulNs));
            finishUrllc(job.m, job.dir, job.dst, t, job.round + 1, n, job.k, lt, out);
        } else if (job.round + 1 < urllcUl.rounds()) {
            job.round++;
            startRound(job);
        } else {
            lost(job.m, ServiceClass.URLLC, job.dir, "harq", urllcUl.rounds(), out);
        }
    }

    /**
     * The exact delivery-time distribution of URLLC messages of {@code sizeBytes} from {@code from} to
     * {@code to} under this configuration (arrival at a uniform phase of the frame), for analytic
     * deadline-miss probabilities: {@code urllcAnalysis(a, b, 32).missProbability(deadlineNs)}. It uses
     * each link's mean SNR (path loss with this run's shadowing and LOS state), the per-packet
     * fading law the simulation draws from and, on a shared uplink, its erasure law, so simulated URLLC
     * traffic samples exactly this distribution. Shorthand for {@code urllc().path(from, to, sizeBytes).distribution()}.
     */
    public DeliveryTimeDistribution urllcAnalysis(String from, String to, int sizeBytes) {
        return urllc.path(from, to, sizeBytes).distribution();
    }

    /** The analysis of this network's URLLC service (serving cells, per-round errors, paths; {@link UrllcAnalysis}). */
    public UrllcAnalysis urllc() {
        return urllc;
    }

    /**
     * The same devices and links (positions, shadowing, line of sight as this network drew them) analysed under
     * another configuration: other URLLC timing, repetitions, powers, coexistence or background load. The
     * variant must place devices the same way ({@link RadioConfig#sameGeometry}). Analyses of one network share
     * their per-round errors, so variants that differ only in load or pre-emption cost one fading average per link.
     */
    public UrllcAnalysis urllc(RadioConfig variant) {
        if (!cfg.sameGeometry(variant)) {
            throw new PacketGridException("radio network", "a variant analysis needs the same carrier, propagation, heights,"
                    + " shadowing, aggregators, devices, placement area and wired endpoints");
        }
        return variant.equals(cfg) ? urllc : new UrllcAnalysis(links, variant, roundFailures);
    }

    /** The aggregator serving the device behind {@code endpoint} (largest mean received power). */
    public String servingAggregator(String endpoint) {
        return urllc.servingAggregator(endpoint);
    }

    /** The URLLC blocklength n (resource elements per transmission). */
    public int urllcBlocklength() {
        return urllc.blocklength();
    }

    /** The URLLC uplink timing (for reports and tests). */
    public LinkTiming urllcUplinkTiming() {
        return urllcUl;
    }

    /** The URLLC downlink timing. */
    public LinkTiming urllcDownlinkTiming() {
        return urllcDl;
    }

    /** Mean uplink and downlink URLLC SNR (dB) of the device behind {@code endpoint}. */
    public double[] urllcMeanSnrDb(String endpoint) {
        return urllc.meanSnrDb(endpoint);
    }

    // ------------------------------------------------------------------------------------- shared

    RadioLinks links() {
        return links;
    }

    Numerology numerology() {
        return nu;
    }

    long backhaulNs() {
        return backhaulNs;
    }

    boolean logTerm() {
        return logTerm;
    }

    double dlOffsetDb() {
        return urllc.downlinkOffsetDb();
    }

    /** One fading draw for a device's link to aggregator {@code agg} (1 when fast fading is off). */
    double fade(RadioLinks.Device d, int agg) {
        if (!cfg.fastFading()) {
            return 1;
        }
        return d.links()[agg].los() ? rician().getAsDouble() : rayleigh().getAsDouble();
    }

    UniformRandomProvider decodeStream() {
        return decode();
    }

    private UniformRandomProvider decode() {
        if (decode == null) {
            decode = streams.stream("radio:decode");
        }
        return decode;
    }

    /** Background utilisation draws (mMTC units; on a shared uplink, every unit of every slot looked at). */
    UniformRandomProvider backgroundStream() {
        if (background == null) {
            background = streams.stream("radio:background");
        }
        return background;
    }

    /** Hop starts of URLLC repetitions on a shared uplink. */
    private UniformRandomProvider hopping() {
        if (hopping == null) {
            hopping = streams.stream("radio:hopping");
        }
        return hopping;
    }

    // Both samplers draw from the one "radio:fading" stream, in call order.
    private void fadingSamplers() {
        UniformRandomProvider fadingStream = streams.stream("radio:fading");
        rayleigh = Fading.rayleigh().sampler(fadingStream);
        rician = urllc.losFading().sampler(fadingStream);
    }

    private DoubleSupplier rayleigh() {
        if (rayleigh == null) {
            fadingSamplers();
        }
        return rayleigh;
    }

    private DoubleSupplier rician() {
        if (rician == null) {
            fadingSamplers();
        }
        return rician;
    }

    /** The cell of a message's first radio hop, for the per-cell statistics (−1: none; its device's own cell). */
    void route(Message m, int aggregator) {
        ledger.route(m, aggregator);
    }

    /** The own cell of the device a message belongs to (−1 if unknown). */
    private int homeCell(Message m) {
        int o = ledger.owner(m);
        return o < 0 ? -1 : links.devices().get(o).serving();
    }

    void delivered(Message m, ServiceClass c, Direction dir, long atNs, int attempts, Delivery out) {
        long latency = atNs - m.sentNs();
        ledger.delivered(m, atNs, latency, attempts, homeCell(m));
        stats.get(c).delivered(latency, attempts);
        all.delivered(latency, attempts);
        inFlight--;
        Long dl = c == ServiceClass.URLLC ? deadline(cfg.urllc().deadline()) : deadline(cfg.mmtc().deadline());
        listener.accept(new RadioOutcome(m.id(), m.from(), m.to(), c, dir, m.sentNs(), true, latency, attempts,
                dl != null && latency > dl ? "late" : ""));
        out.deliver(m, atNs);
    }

    void lost(Message m, ServiceClass c, Direction dir, String reason, int attempts, Delivery out) {
        ledger.lost(m, reason, attempts, homeCell(m));
        stats.get(c).lost(reason, attempts);
        all.lost(reason, attempts);
        inFlight--;
        listener.accept(new RadioOutcome(m.id(), m.from(), m.to(), c, dir, m.sentNs(), false, -1, attempts, reason));
        out.drop(m, reason);
    }

    private static Long deadline(io.packetgrid.cosim.scenario.SimDuration d) {
        return d == null ? null : d.ns();
    }

    @Override
    public String toString() {
        return "RadioNetwork(" + links.model.label() + ", μ=" + nu.mu() + ", " + links.aggregators.size()
                + " aggregators, backhaul " + SimTime.format(backhaulNs) + ")";
    }
}
