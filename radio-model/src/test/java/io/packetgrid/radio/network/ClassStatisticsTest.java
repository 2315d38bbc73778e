package io.packetgrid.radio.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A class's latency summary against the direct computation over every sample kept in an array and sorted (nearest-rank
 * percentiles, the mean summed in ascending order), to the last bit.
 */
class ClassStatisticsTest {

    @Test
    void summaryEqualsTheSortedSamplesComputation() {
        SplittableRandom r = new SplittableRandom(11);
        long deadline = 20_000_000L;
        ClassStatistics stats = new ClassStatistics("mmtc", deadline);
        long[] all = new long[30_001];
        int late = 0;
        for (int i = 0; i < all.length; i++) {
            // slot-quantised delays with a long tail, as the radio delivers them
            all[i] = 500_000L * (1 + r.nextInt(r.nextInt(10) == 0 ? 400 : 30)) + 17;
            stats.sent();
            stats.delivered(all[i], 1 + r.nextInt(3));
            late += all[i] > deadline ? 1 : 0;
        }
        stats.sent();
        stats.lost("collision", 2);

        long[] sorted = all.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        ClassStatistics.Summary s = stats.summary();
        assertEquals(all.length, s.delivered());
        assertEquals(late, s.late());
        assertEquals(nearestRankMs(sorted, 0.5), s.latencyP50Ms());
        assertEquals(nearestRankMs(sorted, 0.9), s.latencyP90Ms());
        assertEquals(nearestRankMs(sorted, 0.99), s.latencyP99Ms());
        assertEquals(nearestRankMs(sorted, 0.999), s.latencyP999Ms());
        assertEquals(sum / all.length / 1e6, s.latencyMeanMs());
        assertEquals(sorted[sorted.length - 1] / 1e6, s.latencyMaxMs());
    }

    @Test
    void noDeliveriesGiveNaN() {
        ClassStatistics.Summary s = new ClassStatistics("urllc", null).summary();
        assertEquals(Double.NaN, s.latencyP50Ms());
        assertEquals(Double.NaN, s.latencyMeanMs());
        assertEquals(Double.NaN, s.latencyMaxMs());
    }

    // the smallest sample with at least a share p of all samples at or below it
    private static double nearestRankMs(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
