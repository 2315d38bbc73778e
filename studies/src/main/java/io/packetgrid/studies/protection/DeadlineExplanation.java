package io.packetgrid.studies.protection;

import io.packetgrid.studies.protection.ProtectionValidator.Result;
import io.packetgrid.studies.protection.ProtectionValidator.RowResult;
import io.packetgrid.studies.protection.scenario.RequirementSpec;
import java.util.Locale;

/**
 * Why a requirement was missed in every sample. A miss probability of 1 has two very different causes:
 * a radio that is too unreliable, or a deadline below the shortest time the scheme can take at all
 * (no retransmission, the best radio conditions) so that no configuration of the radio could meet it.
 * The second is read from the results themselves: the transfer-time CCDF (P(latency &gt; t), exact
 * where the analytic method applies) is 1 at every time up to the deadline, or no sample's fault
 * isolation came before it.
 */
public final class DeadlineExplanation {
    private DeadlineExplanation() {
    }

    /** The explanation of a row missed in every sample, or null when the row was met at least sometimes. */
    public static String of(Result r, RowResult x) {
        if (!(x.missProbability() >= 1.0)) {
            return null;
        }
        int v = r.variants().indexOf(x.variant());
        int sc = x.row().scheme();
        double deadlineMs = x.row().deadlineNs() / 1e6;
        RequirementSpec.Metric metric = x.row().metric();
        double shortestMs = Double.NaN;
        if (metric == RequirementSpec.Metric.ISOLATION && v >= 0) {
            double min = Double.POSITIVE_INFINITY;
            for (double t : r.isolationMs()[v][sc]) {
                if (t < min) {
                    min = t;
                }
            }
            shortestMs = min;
        } else if (metric == RequirementSpec.Metric.TRANSFER && v >= 0) {
            double[] c = r.ccdf()[v][sc];
            // P(latency > grid[g]) = 1 for every g before the first drop: no latency at or below those times
            for (int g = 0; g < c.length; g++) {
                if (!Double.isNaN(c[g]) && c[g] < 1.0) {
                    shortestMs = g == 0 ? 0 : r.gridNs()[g - 1] / 1e6;
                    break;
                }
            }
        }
        String what = metric.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (Double.isFinite(shortestMs) && shortestMs >= deadlineMs) {
            return String.format(Locale.ROOT, "miss probability 1: the %.1f ms deadline is below the shortest possible %s time "
                    + "(at least %.1f ms even without retransmissions and with the best radio conditions), so no radio setting "
                    + "can meet it; the scheme's fixed delays (processing, scheduling, breaker) must shrink or the deadline grow",
                    deadlineMs, what, shortestMs);
        }
        if (Double.isInfinite(shortestMs)) {
            return String.format(Locale.ROOT, "miss probability 1: no sample completed the %s at all (deadline %.1f ms)", what,
                    deadlineMs);
        }
        return String.format(Locale.ROOT, "miss probability 1: every sample missed the %.1f ms deadline", deadlineMs);
    }
}
