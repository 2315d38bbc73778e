package io.packetgrid.radio.network;

import io.packetgrid.cosim.stats.ValueCounts;
import java.util.Map;
import java.util.TreeMap;

/**
 * Running statistics of one service class (or of all traffic): counts, losses by reason, deadline
 * misses and every delivered latency (kept exactly, as a count per distinct value, so percentiles are exact order
 * statistics: a day of an MV study delivers millions of messages on a few dozen distinct delays).
 */
public final class ClassStatistics {
    private final String label;
    private final Long deadlineNs;
    private long sent;
    private long delivered;
    private long late;
    private long attempts;
    private final Map<String, Long> lost = new TreeMap<>();
    private final ValueCounts latency = new ValueCounts();

    ClassStatistics(String label, Long deadlineNs) {
        this.label = label;
        this.deadlineNs = deadlineNs;
    }

    void sent() {
        sent++;
    }

    void delivered(long latencyNs, int tries) {
        latency.add(latencyNs);
        delivered++;
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
        long lostTotal = lost.values().stream().mapToLong(Long::longValue).sum();
        long finished = delivered + lostTotal;
        double mean = 0;
        for (int d = 0; d < latency.distinct(); d++) {   // every sample in ascending order, as a sorted array's sum
            long value = latency.distinctValue(d);
            for (long k = latency.distinctCount(d); k > 0; k--) {
                mean += value;
            }
        }
        mean = delivered == 0 ? Double.NaN : mean / delivered / 1e6;
        return new Summary(label, sent, delivered, lostTotal, Map.copyOf(lost), late,
                finished == 0 ? Double.NaN : 100.0 * lostTotal / finished,
                deadlineNs == null || finished == 0 ? Double.NaN : 100.0 * (lostTotal + late) / finished,
                percentileMs(latency, 0.5), percentileMs(latency, 0.9), percentileMs(latency, 0.99),
                percentileMs(latency, 0.999), mean, delivered == 0 ? Double.NaN : latency.at(delivered - 1) / 1e6,
                finished == 0 ? Double.NaN : (double) attempts / finished);
    }

    /** {@link #percentileMs(long[], double)} of the samples counted. */
    static double percentileMs(ValueCounts samples, double p) {
        return samples.size() == 0 ? Double.NaN : samples.nearestRank(p) / 1e6;
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
