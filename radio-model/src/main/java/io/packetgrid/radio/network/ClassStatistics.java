package io.packetgrid.radio.network;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Running statistics of one service class (or of all traffic): counts, losses by reason, deadline
 * misses and every delivered latency (kept exactly, so percentiles are exact order statistics).
 */
public final class ClassStatistics {
    private final String label;
    private final Long deadlineNs;
    private long sent;
    private long delivered;
    private long late;
    private long attempts;
    private final Map<String, Long> lost = new TreeMap<>();
    private long[] latency = new long[64];

    ClassStatistics(String label, Long deadlineNs) {
        this.label = label;
        this.deadlineNs = deadlineNs;
    }

    void sent() {
        sent++;
    }

    void delivered(long latencyNs, int tries) {
        if (delivered == latency.length) {
            latency = Arrays.copyOf(latency, 2 * latency.length);
        }
        latency[(int) delivered++] = latencyNs;
        attempts += tries;
        if (deadlineNs != null && latencyNs > deadlineNs) {
            late++;
        }
    }

    void lost(String reason, int tries) {
        lost.merge(reason, 1L, Long::sum);
        attempts += tries;
    }

    /** A snapshot with percentiles. */
    public Summary summary() {
        long[] sorted = Arrays.copyOf(latency, (int) delivered);
        Arrays.sort(sorted);
        long lostTotal = lost.values().stream().mapToLong(Long::longValue).sum();
        long finished = delivered + lostTotal;
        double mean = 0;
        for (long l : sorted) {
            mean += l;
        }
        mean = delivered == 0 ? Double.NaN : mean / delivered / 1e6;
        return new Summary(label, sent, delivered, lostTotal, Map.copyOf(lost), late,
                finished == 0 ? Double.NaN : 100.0 * lostTotal / finished,
                deadlineNs == null || finished == 0 ? Double.NaN : 100.0 * (lostTotal + late) / finished,
                percentileMs(sorted, 0.5), percentileMs(sorted, 0.9), percentileMs(sorted, 0.99),
                percentileMs(sorted, 0.999), mean, sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6,
                finished == 0 ? Double.NaN : (double) attempts / finished);
    }

    /** The p-quantile by the nearest-rank rule (the smallest value with at least p of the sample at or below it). */
    static double percentileMs(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    /**
     * The statistics of a class at the end of a run.
     *
     * @param serviceClass   urllc, mmtc or all
     * @param sent           messages handed to the network
     * @param delivered      messages delivered (late ones included)
     * @param lost           messages lost
     * @param lostByReason   losses by reason
     * @param late           delivered after the class deadline
     * @param lossPct        100·lost / (delivered + lost)
     * @param deadlineMissPct 100·(lost + late) / (delivered + lost), NaN without a deadline
     * @param latencyP50Ms   latency percentiles of delivered messages, ms
     * @param latencyP90Ms   …
     * @param latencyP99Ms   …
     * @param latencyP999Ms  …
     * @param latencyMeanMs  mean latency of delivered messages, ms
     * @param latencyMaxMs   largest latency, ms
     * @param meanAttempts   transmissions per finished message
     */
    public record Summary(String serviceClass, long sent, long delivered, long lost, Map<String, Long> lostByReason,
                          long late, double lossPct, double deadlineMissPct, double latencyP50Ms, double latencyP90Ms,
                          double latencyP99Ms, double latencyP999Ms, double latencyMeanMs, double latencyMaxMs,
                          double meanAttempts) {
    }
}
