package io.packetgrid.studies.protection.stats;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Two-sided confidence intervals for miss probabilities.
 * <ul>
 *   <li>Clopper–Pearson (exact binomial) for sampled counts k of n: the α/2 quantile of Beta(k, n − k + 1)
 *       and the 1 − α/2 quantile of Beta(k + 1, n − k) (Clopper and Pearson, Biometrika 26(4), 1934;
 *       Brown, Cai and DasGupta, Statistical Science 16(2), 2001, eq. 4). Never narrower than it should be,
 *       and meaningful at k = 0 (upper bound 1 − (α/2)^(1/n)).</li>
 *   <li>Wilson score interval (Wilson, JASA 22, 1927; Brown et al. 2001 eq. 3), reported alongside.</li>
 *   <li>For the mean of exact conditional probabilities (conditional Monte Carlo), the normal interval of
 *       a weighted mean (ratio estimator): p̂ ± z √(Σ w²(p − p̂)²) / Σ w, clipped to [0, 1].</li>
 * </ul>
 */
public final class Intervals {
    private Intervals() {
    }

    /** z such that P[|Z| ≤ z] = confidence. */
    public static double z(double confidence) {
        return NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + confidence / 2);
    }

    /** {low, high}. */
    public static double[] clopperPearson(long k, long n, double confidence) {
        if (n <= 0) {
            return new double[] {0, 1};
        }
        double a = 1 - confidence;
        double lo = k == 0 ? 0.0 : BetaDistribution.of(k, n - k + 1).inverseCumulativeProbability(a / 2);
        double hi = k == n ? 1.0 : BetaDistribution.of(k + 1, n - k).inverseCumulativeProbability(1 - a / 2);
        return new double[] {lo, hi};
    }

    /** {low, high}. */
    public static double[] wilson(long k, long n, double confidence) {
        if (n <= 0) {
            return new double[] {0, 1};
        }
        double z = z(confidence);
        double p = (double) k / n;
        double z2 = z * z;
        double den = 1 + z2 / n;
        double mid = (p + z2 / (2.0 * n)) / den;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / den;
        return new double[] {Math.max(0, mid - half), Math.min(1, mid + half)};
    }

    /** {estimate, low, high} of Σ w p / Σ w; null when Σ w = 0. */
    public static double[] weightedMean(double[] w, double[] p, int n, double confidence) {
        double sw = 0;
        double swp = 0;
        for (int i = 0; i < n; i++) {
            if (w[i] > 0) {
                sw += w[i];
                swp += w[i] * p[i];
            }
        }
        if (!(sw > 0)) {
            return null;
        }
        double m = swp / sw;
        double v = 0;
        for (int i = 0; i < n; i++) {
            if (w[i] > 0) {
                double d = p[i] - m;
                v += w[i] * w[i] * d * d;
            }
        }
        double half = z(confidence) * Math.sqrt(v) / sw;
        return new double[] {m, Math.max(0, m - half), Math.min(1, m + half)};
    }
}
