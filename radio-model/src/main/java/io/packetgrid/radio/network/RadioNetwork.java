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
import io.packetgrid.radio.nr.ProcessingTimes;
import io.packetgrid.radio.nr.ResourceAllocation;
import io.packetgrid.radio.nr.SchedulingRequest;
import io.packetgrid.radio.propagation.ThermalNoise;
import io.packetgrid.radio.reliability.DeliveryTimeDistribution;
import io.packetgrid.radio.reliability.Hop;
import io.packetgrid.radio.reliability.UrllcLinkAnalysis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 *   <li>URLLC uses dedicated resources, so nothing it does depends on other traffic: its fate is
 *       decided when it is sent ({@link LinkTiming}: mini-slot occasions, grant-free or grant-based,
 *       K chase-combined repetitions per round, HARQ rounds; per repetition a fresh block-fading draw
 *       and the complex-AWGN normal approximation at the instantaneous SNR).</li>
 *   <li>mMTC goes through contention-based random access at the serving aggregator
 *       ({@link io.packetgrid.radio.access.RandomAccessChannel}), then its data in Msg3 on a PUSCH
 *       unit, paired by the aggregator (near–far) into uplink NOMA with SIC; replies are scheduled in
 *       downlink slots, paired into downlink NOMA. Failed transmissions are retried by HARQ.</li>
 * </ul>
 * Randomness comes only from streams of the run's {@link RandomStreams}, in the kernel's defined
 * order of calls, so a run is reproducible.
 */
public final class RadioNetwork implements Network {
    private final RadioConfig cfg;
    private final RandomStreams streams;
    private final RadioLinks links;
    private final Numerology nu;
    private final boolean logTerm;
    private final long backhaulNs;
    private final UniformRandomProvider decode;
    private final DoubleSupplier rayleigh;
    private final DoubleSupplier rician;
    private final Fading losFading;
    private final Map<ServiceClass, ClassStatistics> stats = new LinkedHashMap<>();
    private final ClassStatistics all;
    private Consumer<RadioOutcome> listener = o -> { };
    private long inFlight;

    // URLLC
    private final ResourceAllocation urllcAlloc;
    private final LinkTiming urllcUl;
    private final LinkTiming urllcDl;
    private final double urllcUlOffsetDb;
    private final double dlOffsetDb;
    private final long[] roundsBuf;

    // mMTC
    private final MmtcService mmtc;

    /** Builds the network from its configuration and the run's random streams. */
    public RadioNetwork(RadioConfig cfg, RandomStreams streams) {
        this.cfg = cfg;
        this.streams = streams;
        this.links = new RadioLinks(cfg, streams);
        this.nu = new Numerology(cfg.numerology());
        this.logTerm = cfg.logTerm();
        this.backhaulNs = cfg.backhaul().ns();
        this.decode = streams.stream("radio:decode");
        UniformRandomProvider fadingStream = streams.stream("radio:fading");
        this.rayleigh = Fading.rayleigh().sampler(fadingStream);
        double kDb = links.model.kFactorDb(true);
        this.losFading = Double.isInfinite(kDb) ? Fading.rayleigh() : Fading.rician(Math.pow(10, kDb / 10));
        this.rician = losFading.sampler(fadingStream);
        UrllcConfig u = cfg.urllc();
        this.stats.put(ServiceClass.URLLC, new ClassStatistics("urllc", u.deadline() == null ? null : u.deadline().ns()));
        this.stats.put(ServiceClass.MMTC, new ClassStatistics("mmtc",
                cfg.mmtc().deadline() == null ? null : cfg.mmtc().deadline().ns()));
        this.all = new ClassStatistics("all", null);

        this.urllcAlloc = ResourceAllocation.of(u.resourceBlocks(), u.symbols());
        double n1 = ProcessingTimes.n1(nu, u.capability());
        double n2 = ProcessingTimes.n2(nu, u.capability());
        double gnb = u.gnbProcessingSymbols() == null ? n1 : u.gnbProcessingSymbols();
        long gnbNs = Math.max(1, nu.processingNs(gnb));
        long pdcchNs = nu.processingNs(2); // a 2-symbol CORESET carrying the DCI / HARQ feedback
        SchedulingRequest sr = u.uplink() == UrllcConfig.Uplink.GRANT_BASED
                ? new SchedulingRequest(u.srPeriodSymbols(), 2, gnbNs + pdcchNs + nu.processingNs(n2)) : null;
        // Uplink: the device prepares the PUSCH (T_proc,2 = N2 symbols) before its first occasion; the
        // base station decodes; a failed round waits for the DCI and a new preparation.
        this.urllcUl = new LinkTiming(nu, u.symbols(), u.occasionEvery(), u.repetitions(), u.harqRounds(),
                sr == null ? Math.max(1, nu.processingNs(n2)) : 1, gnbNs, pdcchNs + nu.processingNs(n2), sr);
        // Downlink: the base station prepares; the device decodes (N1) and answers on PUCCH; the base
        // station processes the NACK before retransmitting.
        this.urllcDl = new LinkTiming(nu, u.symbols(), u.occasionEvery(), u.repetitions(), u.harqRounds(),
                gnbNs, Math.max(1, nu.processingNs(n1)), pdcchNs + gnbNs, null);
        this.roundsBuf = new long[u.harqRounds()];
        this.urllcUlOffsetDb = cfg.uePowerDbm() - ThermalNoise.noiseDbm(urllcAlloc.bandwidthHz(nu), cfg.bsNoiseFigureDb());
        this.dlOffsetDb = cfg.bsPowerDbm() - ThermalNoise.noiseDbm(cfg.carrierBandwidthMhz() * 1e6, cfg.ueNoiseFigureDb());
        this.mmtc = new MmtcService(this, cfg, streams);
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
        boolean fromWired = links.isWired(m.from());
        boolean toWired = links.isWired(m.to());
        if (fromWired && toWired) {
            out.deliver(m, nowNs);
            return;
        }
        ServiceClass c = classOf(m);
        Direction dir = fromWired ? Direction.DOWNLINK : toWired ? Direction.UPLINK : Direction.DEVICE_TO_DEVICE;
        stats.get(c).sent();
        all.sent();
        inFlight++;
        RadioLinks.Device src = fromWired ? null : links.device(m.from());
        RadioLinks.Device dst = toWired ? null : links.device(m.to());
        if (c == ServiceClass.URLLC) {
            urllc(m, nowNs, dir, src, dst, out);
        } else {
            mmtc.submit(m, nowNs, dir, src, dst, out);
        }
    }

    @Override
    public long nextEventNs() {
        return mmtc.nextEventNs();
    }

    @Override
    public void advance(long nowNs, Delivery out) {
        mmtc.advance(nowNs, out);
    }

    @Override
    public void finish(long endNs) {
        // messages still held (e.g. waiting for a PRACH occasion after the end) stay in flight
    }

    /** Statistics so far (call after the run for the final figures). */
    public RadioStatistics statistics() {
        Map<String, ClassStatistics.Summary> by = new LinkedHashMap<>();
        stats.forEach((k, v) -> by.put(k.label(), v.summary()));
        return new RadioStatistics(all.summary(), Map.copyOf(by), inFlight);
    }

    /** Counters of the mMTC random access, Msg3 and downlink scheduling (NOMA pairs formed). */
    public MmtcCounters mmtcCounters() {
        return mmtc.counters();
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
        int n = urllcAlloc.blocklength();
        int k = ResourceAllocation.informationBits(Math.max(0, m.sizeBytes()), u.headerBytes());
        double lt = NormalApproximation.logTerm(n, logTerm);
        long t = now;
        int attempts = 0;
        if (src != null) {
            double snr = Math.pow(10, (urllcUlOffsetDb + src.servingLink().gainDb()) / 10);
            int r = hop(urllcUl, t, n, k, lt, snr, src.servingLink().los());
            attempts += r < 0 ? urllcUl.rounds() : r + 1;
            if (r < 0) {
                lost(m, ServiceClass.URLLC, dir, "harq", attempts, out);
                return;
            }
            t = roundsBuf[r];
            t += dst == null ? backhaulNs : (dst.serving() == src.serving() ? 0 : 2 * backhaulNs);
        } else {
            t += backhaulNs;
        }
        if (dst != null) {
            double snr = Math.pow(10, (dlOffsetDb + dst.servingLink().gainDb()) / 10);
            int r = hop(urllcDl, t, n, k, lt, snr, dst.servingLink().los());
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

    /** Rounds of one hop; returns the first successful round (decode time in roundsBuf) or −1. */
    private int hop(LinkTiming timing, long arrival, int n, int k, double lt, double snr, boolean los) {
        timing.decodeTimes(arrival, roundsBuf);
        DoubleSupplier g = los ? rician : rayleigh;
        for (int r = 0; r < timing.rounds(); r++) {
            double sum = 0;
            for (int i = 0; i < timing.repetitions(); i++) {
                sum += cfg.fastFading() ? g.getAsDouble() : 1;
            }
            double eps = NormalApproximation.psi(n, k, snr * sum, lt);
            if (decode.nextDouble() >= eps) {
                return r;
            }
        }
        return -1;
    }

    /**
     * The exact delivery-time distribution of URLLC messages of {@code sizeBytes} from {@code from} to
     * {@code to} under this configuration (arrival at a uniform phase of the frame), for analytic
     * deadline-miss probabilities: {@code urllcAnalysis(a, b, 32).missProbability(deadlineNs)}. It uses
     * each link's mean SNR (path loss with this run's shadowing and LOS state) and the per-packet
     * fading law the simulation draws from, so simulated URLLC traffic samples exactly this
     * distribution.
     */
    public DeliveryTimeDistribution urllcAnalysis(String from, String to, int sizeBytes) {
        boolean fromWired = links.isWired(from);
        boolean toWired = links.isWired(to);
        if (fromWired && toWired) {
            throw new PacketGridException("radio network", "'" + from + "' and '" + to + "' are both wired");
        }
        RadioLinks.Device src = fromWired ? null : links.device(from);
        RadioLinks.Device dst = toWired ? null : links.device(to);
        int n = urllcAlloc.blocklength();
        int k = ResourceAllocation.informationBits(sizeBytes, cfg.urllc().headerBytes());
        List<Hop> hops = new ArrayList<>();
        long extra = 0;
        if (src != null) {
            double snr = Math.pow(10, (urllcUlOffsetDb + src.servingLink().gainDb()) / 10);
            long after = dst == null ? backhaulNs : (dst.serving() == src.serving() ? 0 : 2 * backhaulNs);
            hops.add(UrllcLinkAnalysis.hop(urllcUl, n, k, snr, fadingOf(src), logTerm, after));
        } else {
            extra = backhaulNs;
        }
        if (dst != null) {
            double snr = Math.pow(10, (dlOffsetDb + dst.servingLink().gainDb()) / 10);
            hops.add(UrllcLinkAnalysis.hop(urllcDl, n, k, snr, fadingOf(dst), logTerm, 0));
        }
        return DeliveryTimeDistribution.of(hops, extra);
    }

    /** The URLLC blocklength n (resource elements per transmission). */
    public int urllcBlocklength() {
        return urllcAlloc.blocklength();
    }

    private Fading fadingOf(RadioLinks.Device d) {
        if (!cfg.fastFading()) {
            return Fading.none();
        }
        return d.servingLink().los() ? losFading : Fading.rayleigh();
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
        RadioLinks.Device d = links.device(endpoint);
        if (d == null) {
            throw new PacketGridException("radio network", "'" + endpoint + "' is wired, not a radio device");
        }
        double g = d.servingLink().gainDb();
        return new double[] {urllcUlOffsetDb + g, dlOffsetDb + g};
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
        return dlOffsetDb;
    }

    /** One fading draw for a link (1 when fast fading is off). */
    double fade(RadioLinks.Device d) {
        if (!cfg.fastFading()) {
            return 1;
        }
        return d.servingLink().los() ? rician.getAsDouble() : rayleigh.getAsDouble();
    }

    UniformRandomProvider decodeStream() {
        return decode;
    }

    void delivered(Message m, ServiceClass c, Direction dir, long atNs, int attempts, Delivery out) {
        long latency = atNs - m.sentNs();
        stats.get(c).delivered(latency, attempts);
        all.delivered(latency, attempts);
        inFlight--;
        Long dl = c == ServiceClass.URLLC ? deadline(cfg.urllc().deadline()) : deadline(cfg.mmtc().deadline());
        listener.accept(new RadioOutcome(m.id(), m.from(), m.to(), c, dir, m.sentNs(), true, latency, attempts,
                dl != null && latency > dl ? "late" : ""));
        out.deliver(m, atNs);
    }

    void lost(Message m, ServiceClass c, Direction dir, String reason, int attempts, Delivery out) {
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
