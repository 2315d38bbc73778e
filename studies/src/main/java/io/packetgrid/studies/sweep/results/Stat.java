package io.packetgrid.studies.sweep.results;

/**
 * A metric at one point over its seeds: count, mean, sample standard deviation and the two-sided 95 %
 * Student-t confidence interval of the mean (NaN where undefined: sd and interval need n ≥ 2).
 */
public record Stat(int n, double mean, double sd, double ciLow, double ciHigh) {
    /** Half the width of the interval (0 when it is undefined, for error bars). */
    public double halfWidth() {
        return Double.isNaN(ciHigh) ? 0 : (ciHigh - ciLow) / 2;
    }
}
