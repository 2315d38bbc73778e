package io.packetgrid.radio.network;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.radio.fading.Fading;
import io.packetgrid.radio.fbl.NormalApproximation;
import io.packetgrid.radio.nr.LinkTiming;
import io.packetgrid.radio.nr.Numerology;
import io.packetgrid.radio.nr.ProcessingTimes;
import io.packetgrid.radio.nr.ResourceAllocation;
import io.packetgrid.radio.nr.SchedulingRequest;
import io.packetgrid.radio.propagation.ThermalNoise;
import io.packetgrid.radio.reliability.Hop;
import io.packetgrid.radio.reliability.UrllcLinkAnalysis;
import java.util.ArrayList;
import java.util.List;

/**
 * The analytic side of a {@link RadioNetwork}'s URLLC service for its devices as placed (positions, shadowing,
 * line of sight): which aggregator serves a device, the failure probability of each HARQ round on each hop,
 * and the exact delivery-time distribution of a path ({@link UrllcPath}). It uses the same timing, link budget
 * and fading laws as the network's simulation, and on a shared uplink ({@link CoexistenceConfig}) the same
 * erasure law, so simulated URLLC traffic samples these distributions.
 *
 * <p><b>Erasures.</b> On a shared uplink without pre-emption each uplink repetition is lost with probability
 * u = min(1, background.pusch_utilization + coexistence.mmtc_share), independently of the others and of the
 * fading; the survivors are chase-combined (see {@link UrllcLinkAnalysis#erasedRoundFailure}). In the simulation
 * a round's repetitions hop cyclically over the aggregator's uplink units from a random start, so those that
 * share a slot use different units; background traffic takes each unit of each slot independently with its
 * utilisation: the erasures are then exactly independent with probability u (while at most
 * {@code pusch_units_per_slot} transmissions of a message fall in one slot). mMTC Msg3 traffic occupies units as
 * it is scheduled: the law uses its mean share, a measured or assumed figure.
 *
 * <p>Built by {@link RadioNetwork#urllc()} (the network's configuration) or {@link RadioNetwork#urllc(RadioConfig)}
 * (the same links under another URLLC, coexistence, power or timing configuration). Not thread-safe: one per
 * thread, or synchronise.
 */
public final class UrllcAnalysis {
    private final RadioLinks links;
    private final RadioConfig cfg;
    private final Numerology nu;
    private final ResourceAllocation alloc;
    private final LinkTiming ul;
    private final LinkTiming dl;
    private final double ulOffsetDb;
    private final double dlOffsetDb;
    private final long backhaulNs;
    private final Fading losFading;
    private final double erasure;
    private final RoundFailureCache cache;

    UrllcAnalysis(RadioLinks links, RadioConfig cfg, RoundFailureCache cache) {
        this.links = links;
        this.cfg = cfg;
        this.cache = cache;
        this.nu = new Numerology(cfg.numerology());
        UrllcConfig u = cfg.urllc();
        this.alloc = ResourceAllocation.of(u.resourceBlocks(), u.symbols());
        double n1 = ProcessingTimes.n1(nu, u.capability());
        double n2 = ProcessingTimes.n2(nu, u.capability());
        double gnb = u.gnbProcessingSymbols() == null ? n1 : u.gnbProcessingSymbols();
        long gnbNs = Math.max(1, nu.processingNs(gnb));
        long pdcchNs = nu.processingNs(2); // a 2-symbol CORESET carrying the DCI / HARQ feedback
        SchedulingRequest sr = u.uplink() == UrllcConfig.Uplink.GRANT_BASED
                ? new SchedulingRequest(u.srPeriodSymbols(), 2, gnbNs + pdcchNs + nu.processingNs(n2)) : null;
        // Uplink: the device prepares the PUSCH (T_proc,2 = N2 symbols) before its first occasion; the base
        // station decodes; a failed round waits for the DCI and a new preparation.
        this.ul = new LinkTiming(nu, u.symbols(), u.occasionEvery(), u.repetitions(), u.harqRounds(),
                sr == null ? Math.max(1, nu.processingNs(n2)) : 1, gnbNs, pdcchNs + nu.processingNs(n2), sr);
        // Downlink: the base station prepares; the device decodes (N1) and answers on PUCCH; the base
        // station processes the NACK before retransmitting.
        this.dl = new LinkTiming(nu, u.symbols(), u.occasionEvery(), u.repetitions(), u.harqRounds(),
                gnbNs, Math.max(1, nu.processingNs(n1)), pdcchNs + gnbNs, null);
        this.ulOffsetDb = cfg.uePowerDbm() - ThermalNoise.noiseDbm(alloc.bandwidthHz(nu), cfg.bsNoiseFigureDb());
        this.dlOffsetDb = cfg.bsPowerDbm() - ThermalNoise.noiseDbm(cfg.carrierBandwidthMhz() * 1e6, cfg.ueNoiseFigureDb());
        this.backhaulNs = cfg.backhaul().ns();
        double kDb = links.model.kFactorDb(true);
        this.losFading = Double.isInfinite(kDb) ? Fading.rayleigh() : Fading.rician(Math.pow(10, kDb / 10));
        this.erasure = cfg.coexistence().erasures()
                ? Math.min(1, cfg.background().puschUtilization() + cfg.coexistence().mmtcShare()) : 0;
    }

    /** The configuration this analysis uses. */
    public RadioConfig config() {
        return cfg;
    }

    /** The aggregator serving the device behind {@code endpoint} (largest mean received power). */
    public String servingAggregator(String endpoint) {
        return links.aggregators.get(device(endpoint).serving()).name();
    }

    /**
     * The probability that one URLLC uplink repetition is erased by other traffic on its unit: u of the class
     * comment on a shared uplink without pre-emption, else 0 (the same at every aggregator: the background
     * utilisation and the mMTC share are per aggregator figures).
     */
    public double erasureProbability() {
        return erasure;
    }

    /** The per-repetition uplink SNR offset: transmit power minus noise (dB); add the link gain. */
    double uplinkOffsetDb() {
        return ulOffsetDb;
    }

    double downlinkOffsetDb() {
        return dlOffsetDb;
    }

    /** The fading law of a device's serving link under this configuration (none without fast fading). */
    Fading fading(RadioLinks.Device d) {
        if (!cfg.fastFading()) {
            return Fading.none();
        }
        return d.servingLink().los() ? losFading : Fading.rayleigh();
    }

    Fading losFading() {
        return losFading;
    }

    /** Mean URLLC SNR per repetition (dB), uplink and downlink, of the device behind {@code endpoint}. */
    public double[] meanSnrDb(String endpoint) {
        double g = device(endpoint).servingLink().gainDb();
        return new double[] {ulOffsetDb + g, dlOffsetDb + g};
    }

    /**
     * ε_m: the failure probability of one round of {@code repetitions} chase-combined transmissions of a
     * {@code sizeBytes} packet between the device and its aggregator, without erasures (the fading-averaged
     * finite-blocklength error at the combined mean SNR, {@link UrllcLinkAnalysis#roundFailure(int, double,
     * double, double, Fading, boolean)}).
     */
    public double combinedRoundFailure(String endpoint, boolean uplink, int sizeBytes, int repetitions) {
        return combined(device(endpoint), uplink, bits(sizeBytes), repetitions);
    }

    private double combined(RadioLinks.Device d, boolean uplink, int k, int m) {
        double snr = Math.pow(10, ((uplink ? ulOffsetDb : dlOffsetDb) + d.servingLink().gainDb()) / 10);
        return cache.get(alloc.blocklength(), k, snr, fading(d), cfg.logTerm(), m);
    }

    /**
     * The failure probability of each HARQ round on the device's uplink ({@code uplink}) or downlink: ε_K with K
     * the configured repetitions, or on a shared uplink without pre-emption the erasure mixture ε' (class
     * comment). Rounds see independent fading and erasures, so every round fails with the same probability.
     */
    public double[] roundFailure(String endpoint, boolean uplink, int sizeBytes) {
        double e = round(device(endpoint), uplink, bits(sizeBytes));
        double[] out = new double[cfg.urllc().harqRounds()];
        java.util.Arrays.fill(out, e);
        return out;
    }

    private double round(RadioLinks.Device d, boolean uplink, int k) {
        int reps = cfg.urllc().repetitions();
        if (!uplink || erasure == 0) {
            return combined(d, uplink, k, reps);
        }
        boolean monotone = k - NormalApproximation.logTerm(alloc.blocklength(), cfg.logTerm()) > 0;
        return UrllcLinkAnalysis.erasedRoundFailure(reps, erasure, monotone, m -> combined(d, true, k, m));
    }

    /**
     * The path of a {@code sizeBytes} URLLC message from {@code from} to {@code to} (either may be wired, not
     * both): uplink hop, then the core (nothing when both devices share an aggregator, two backhaul latencies
     * when they do not, one to a wired endpoint), then the downlink hop; from a wired endpoint the backhaul comes
     * first. Its {@link UrllcPath#distribution()} is what {@link RadioNetwork#urllcAnalysis} returns.
     */
    public UrllcPath path(String from, String to, int sizeBytes) {
        boolean fromWired = links.isWired(from);
        boolean toWired = links.isWired(to);
        if (fromWired && toWired) {
            throw new PacketGridException("radio network", "'" + from + "' and '" + to + "' are both wired");
        }
        RadioLinks.Device src = fromWired ? null : links.device(from);
        RadioLinks.Device dst = toWired ? null : links.device(to);
        int k = bits(sizeBytes);
        List<Hop> hops = new ArrayList<>(2);
        long extra = 0;
        long core = 0;
        if (src != null) {
            core = dst == null ? backhaulNs : (dst.serving() == src.serving() ? 0 : 2 * backhaulNs);
            hops.add(Hop.uniform(ul, round(src, true, k), core));
        } else {
            extra = backhaulNs;
        }
        if (dst != null) {
            hops.add(Hop.uniform(dl, round(dst, false, k), 0));
        }
        String upAgg = src == null ? null : links.aggregators.get(src.serving()).name();
        String downAgg = dst == null ? null : links.aggregators.get(dst.serving()).name();
        return new UrllcPath(from, to, sizeBytes, hops, extra, upAgg, downAgg);
    }

    /** The URLLC blocklength n (resource elements per transmission). */
    public int blocklength() {
        return alloc.blocklength();
    }

    /** Information bits of a {@code sizeBytes} payload (headers and CRC added as the network does). */
    public int bits(int sizeBytes) {
        return ResourceAllocation.informationBits(Math.max(0, sizeBytes), cfg.urllc().headerBytes());
    }

    public LinkTiming uplinkTiming() {
        return ul;
    }

    public LinkTiming downlinkTiming() {
        return dl;
    }

    Numerology numerology() {
        return nu;
    }

    ResourceAllocation allocation() {
        return alloc;
    }

    private RadioLinks.Device device(String endpoint) {
        RadioLinks.Device d = links.device(endpoint);
        if (d == null) {
            throw new PacketGridException("radio network", "'" + endpoint + "' is wired, not a radio device");
        }
        return d;
    }
}
