package io.packetgrid.studies.sweep.results;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Statistics of a metric over the seeds (replications) of a point. The confidence interval of the
 * mean is x̄ ± t(0.975; n−1)·s/√n with s the sample standard deviation (n−1 in the denominator), the
 * standard interval for independent replications with unknown variance (Law, "Simulation Modeling
 * and Analysis", 5th ed., 2015, §4.5). Seeds are shared across points (common random
 * numbers), so intervals of different points are not independent of each other.
 */
public final class SeedStatistics {
    private SeedStatistics() {
    }

    public static Stat of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Stat(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Mean.of(values).getAsDouble();
        if (n == 1) {
            return new Stat(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double sd = StandardDeviation.of(values).getAsDouble();   // unbiased (n − 1) by default
        double t = TDistribution.of(n - 1).inverseSurvivalProbability(0.025);
        double half = t * sd / Math.sqrt(n);
        return new Stat(n, mean, sd, mean - half, mean + half);
    }
}
