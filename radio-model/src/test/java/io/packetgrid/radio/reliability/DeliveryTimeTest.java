package io.packetgrid.radio.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.radio.fading.Fading;
import io.packetgrid.radio.fading.RayleighNa;
import io.packetgrid.radio.nr.LinkTiming;
import io.packetgrid.radio.nr.Numerology;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The exact delivery-time distribution: against hand-worked cases, against Monte Carlo (HARQ within a
 * deadline), and deep-tail miss probabilities computed rather than sampled.
 */
class DeliveryTimeTest {
    private static final Numerology MU1 = new Numerology(1);

    private static LinkTiming timing(int rounds, int reps) {
        return new LinkTiming(MU1, 2, 1, reps, rounds, MU1.processingNs(5.5), MU1.processingNs(4.5),
                MU1.processingNs(2) + MU1.processingNs(5.5), null);
    }

    @Test
    void lossIsTheProductOfRoundFailuresDownToTheTinyest() {
        LinkTiming t = timing(3, 1);
        DeliveryTimeDistribution d = DeliveryTimeDistribution.of(Hop.uniform(t, 1e-3, 0));
        assertEquals(1e-9, d.lossProbability(), 1e-24);
        assertEquals(1e-9, d.missProbability(1e12), 1e-24); // a deadline nobody misses but the lost
        assertEquals(1 - 1e-9, d.cdf(1e12), 1e-15);
        // between the last possible first-round delivery and the earliest second round, the miss
        // probability is exactly the first round's failure
        DeliveryTimeDistribution two = DeliveryTimeDistribution.of(Hop.uniform(timing(2, 1), 1e-5, 0));
        double[] lat = firstAndSecondRoundRange(timing(2, 1));
        assertTrue(lat[1] < lat[2], "rounds do not overlap");
        double mid = 0.5 * (lat[1] + lat[2]);
        assertEquals(1e-5, two.missProbability(mid), 1e-18);
    }

    @Test
    void monteCarloHarqWithinADeadlineMatches() {
        LinkTiming t = timing(3, 2);
        double[] eps = {0.3, 0.2, 0.1};
        DeliveryTimeDistribution d = DeliveryTimeDistribution.of(new Hop(t, eps, 0));
        SplittableRandom r = new SplittableRandom(8);
        int trials = 400_000;
        long[] dec = new long[3];
        double[] deadlines = {300_000, 500_000, 700_000, 900_000, 1_200_000, 2_000_000};
        int[] late = new int[deadlines.length];
        long h = t.hyperperiodNs();
        for (int i = 0; i < trials; i++) {
            long a = r.nextLong(1000 * h);
            t.decodeTimes(a, dec);
            long lat = -1;
            for (int k = 0; k < 3; k++) {
                if (r.nextDouble() >= eps[k]) {
                    lat = dec[k] - a;
                    break;
                }
            }
            for (int j = 0; j < deadlines.length; j++) {
                if (lat < 0 || lat > deadlines[j]) {
                    late[j]++;
                }
            }
        }
        for (int j = 0; j < deadlines.length; j++) {
            double p = d.missProbability(deadlines[j]);
            double sd = Math.sqrt(p * (1 - p) / trials);
            assertEquals(p, late[j] / (double) trials, 4.5 * sd + 1e-9, "deadline " + deadlines[j] + " ns");
        }
        assertEquals(0.3 * 0.2 * 0.1, d.lossProbability(), 1e-15);
        double q = d.quantile(0.5);
        assertEquals(0.5, d.cdf(q), 1e-6);
    }

    @Test
    void twoHopsAndAnExtraDelayCompose() {
        LinkTiming ul = timing(2, 1);
        LinkTiming dl = new LinkTiming(MU1, 2, 1, 1, 2, 100_000, 150_000, 200_000, null);
        DeliveryTimeDistribution d = DeliveryTimeDistribution.of(List.of(new Hop(ul, new double[] {0.1, 0.1}, 2_000_000),
                new Hop(dl, new double[] {0.2, 0.2}, 0)), 0);
        SplittableRandom r = new SplittableRandom(12);
        int trials = 200_000;
        long[] a1 = new long[2];
        long[] a2 = new long[2];
        int within = 0;
        double deadline = 3_000_000;
        for (int i = 0; i < trials; i++) {
            long a = r.nextLong(100 * ul.hyperperiodNs());
            ul.decodeTimes(a, a1);
            int k1 = r.nextDouble() >= 0.1 ? 0 : r.nextDouble() >= 0.1 ? 1 : -1;
            if (k1 < 0) {
                continue;
            }
            dl.decodeTimes(a1[k1] + 2_000_000, a2);
            int k2 = r.nextDouble() >= 0.2 ? 0 : r.nextDouble() >= 0.2 ? 1 : -1;
            if (k2 >= 0 && a2[k2] - a <= deadline) {
                within++;
            }
        }
        double p = d.cdf(deadline);
        assertEquals(p, within / (double) trials, 4.5 * Math.sqrt(p * (1 - p) / trials));
        assertEquals(1 - 0.99 * 0.96, d.lossProbability(), 1e-15);
    }

    @Test
    void urllcMissProbabilitiesOfOneInAMillionToOneInABillionAreComputed() {
        // 32-byte packet, 20 RBs × 2-symbol mini-slot (n = 240), Rayleigh at 20 dB mean SNR, two
        // repetitions chase-combined, up to three HARQ rounds
        LinkTiming t = timing(3, 2);
        double snr = 100;
        int k = 8 * 37 + 16;
        double round = UrllcLinkAnalysis.roundFailure(t, 240, k, snr, Fading.rayleigh(), true);
        // two Rayleigh repetitions at 2·ρ̄ equal Nakagami-2 at 2ρ̄: check against the direct average
        double single = RayleighNa.errorProbability(240, k, snr);
        assertTrue(round < single && round > single * single / 10, "combining gains diversity: " + round + " vs " + single);
        DeliveryTimeDistribution d = DeliveryTimeDistribution.of(Hop.uniform(t, round, 0));
        double loss = Math.pow(round, 3);
        assertEquals(loss, d.lossProbability(), loss * 1e-12);
        assertTrue(loss < 1e-9 && loss > 1e-15, "loss " + loss);
        // just before the earliest third-round delivery, only packets whose first two rounds failed miss
        assertEquals(round * round, d.missProbability(thirdRoundStart(t) - 1), round * round * 1e-9);
    }

    /** [min first-round latency, max first-round latency, min second-round latency] over all phases. */
    private static double[] firstAndSecondRoundRange(LinkTiming t) {
        long h = t.hyperperiodNs();
        long[] d = new long[t.rounds()];
        double min1 = Double.MAX_VALUE;
        double max1 = 0;
        double min2 = Double.MAX_VALUE;
        for (long a = 0; a < h; a += 997) {
            t.decodeTimes(a, d);
            min1 = Math.min(min1, d[0] - a);
            max1 = Math.max(max1, d[0] - a);
            if (d.length > 1) {
                min2 = Math.min(min2, d[1] - a);
            }
        }
        for (long b : t.breakpoints()) {
            for (long a : new long[] {b, Math.max(0, b - 1)}) {
                t.decodeTimes(a, d);
                min1 = Math.min(min1, d[0] - a);
                max1 = Math.max(max1, d[0] - a);
                if (d.length > 1) {
                    min2 = Math.min(min2, d[1] - a);
                }
            }
        }
        return new double[] {min1, max1, min2};
    }

    /** The smallest third-round latency over all phases (at the breakpoints, where latency is smallest). */
    private static double thirdRoundStart(LinkTiming t) {
        long[] d = new long[t.rounds()];
        double min3 = Double.MAX_VALUE;
        double max2 = 0;
        for (long b : t.breakpoints()) {
            t.decodeTimes(b, d);
            min3 = Math.min(min3, d[2] - b);
        }
        long h = t.hyperperiodNs();
        for (long a = 0; a < h; a += 101) {
            t.decodeTimes(a, d);
            max2 = Math.max(max2, d[1] - a);
        }
        assertTrue(max2 < min3, "rounds two and three do not overlap");
        return min3;
    }
}
