package io.packetgrid.studies.protection.radio;

import io.packetgrid.radio.network.RadioConfig;
import io.packetgrid.radio.network.UrllcConfig;
import io.packetgrid.radio.reliability.DeliveryTimeDistribution;
import io.packetgrid.radio.reliability.Hop;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The URLLC paths between protection devices in one Monte Carlo sample of one variant, from the radio
 * model ({@link io.packetgrid.radio.network.RadioNetwork}) built with the sample's own seed (shadowing,
 * line of sight) and every device at its position.
 *
 * <p>Per hop the radio model gives ε_m, the failure probability of a HARQ round of m chase-combined
 * repetitions (the fading-averaged finite-blocklength error at the link's mean SNR; {@link SampleLinks}).
 * Paths are composed from the building blocks the radio model uses ({@link Hop},
 * {@link DeliveryTimeDistribution}) with the variant's timing: uplink, core (0 when both devices share
 * an aggregator, else two backhaul latencies), downlink. Without coexistence losses the result equals
 * {@code urllcAnalysis(a, b, bytes)} of a network with the variant's configuration (checked in the tests).
 *
 * <p>Coexistence ({@link io.packetgrid.studies.protection.scenario.CoexistenceSpec}): without uplink
 * pre-emption each uplink repetition is erased with probability u, independently; m of K survive with
 * probability C(K,m)(1−u)^m u^(K−m) and are combined, so a round fails with
 * ε' = Σ_m C(K,m)(1−u)^m u^(K−m) ε_m (ε_0 = 1). The terms are summed from m = 0 up; since ε_m falls with m
 * and the remaining weights add up to at most 1, the sum stops once ε_m is below 10⁻¹² of it.
 */
public final class RadioSample {
    private final SampleLinks links;
    private final LinkConfigs.VariantRadio v;
    private final Map<Long, Double> ulEps = new HashMap<>();
    private final Map<Long, Path> paths = new HashMap<>();

    /** A path: its hops and the exact distribution of the whole path and of its first (air) hop. */
    public record Path(List<Hop> hops, DeliveryTimeDistribution whole, DeliveryTimeDistribution air) {
    }

    public RadioSample(LinkConfigs.VariantRadio v, SampleLinks links) {
        this.links = links;
        this.v = v;
    }

    static RadioConfig with(RadioConfig r, List<RadioConfig.DeviceConfig> devices, List<String> wired, UrllcConfig urllc) {
        return new RadioConfig(r.carrierGhz(), r.numerology(), r.propagation(), r.bsAboveRooftopM(), r.deviceHeightM(),
                r.uePowerDbm(), r.bsPowerDbm(), r.carrierBandwidthMhz(), r.ueNoiseFigureDb(), r.bsNoiseFigureDb(),
                r.shadowing(), r.fastFading(), r.logTerm(), r.aggregators(), devices, r.deviceArea(), wired, r.backhaul(),
                urllc, r.mmtc(), r.defaultClass(), r.background());
    }

    private static long key(int a, int b, int bytes) {
        return ((long) a << 40) | ((long) b << 20) | bytes;
    }

    /** ε of one uplink round of device {@code d} (coexistence erasures included). */
    public double uplinkRoundFailure(int d, int bytes) {
        return ulEps.computeIfAbsent(key(d, 0, bytes), k -> {
            int reps = v.repetitions();
            if (v.erasure() <= 0) {
                return links.roundFailure(v.roundIds()[reps], d, bytes, true);
            }
            double u = v.erasure();
            double sum = 0;
            for (int m = 0; m <= reps; m++) {
                double pm = binomial(reps, m) * Math.pow(1 - u, m) * Math.pow(u, reps - m);
                double em = m == 0 ? 1.0 : links.roundFailure(v.roundIds()[m], d, bytes, true);
                sum += pm * em;
                if (em < 1e-12 * sum) {
                    break;
                }
            }
            return Math.min(1.0, sum);
        });
    }

    /** ε of one downlink round towards device {@code d}. */
    public double downlinkRoundFailure(int d, int bytes) {
        return links.roundFailure(v.roundIds()[v.repetitions()], d, bytes, false);
    }

    static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    /** The path from device {@code a} to device {@code b} for a {@code bytes} payload. */
    public Path path(int a, int b, int bytes) {
        return paths.computeIfAbsent(key(a, b, bytes), k -> {
            double ea = uplinkRoundFailure(a, bytes);
            double eb = downlinkRoundFailure(b, bytes);
            long after = links.sameAggregator(v, a, b) ? 0 : 2 * v.backhaulNs();
            List<Hop> hops = List.of(Hop.uniform(v.uplink(), ea, after), Hop.uniform(v.downlink(), eb, 0));
            DeliveryTimeDistribution whole = DeliveryTimeDistribution.of(hops, 0);
            DeliveryTimeDistribution air = DeliveryTimeDistribution.of(List.of(Hop.uniform(v.uplink(), ea, 0)), 0);
            return new Path(hops, whole, air);
        });
    }
}
