package io.packetgrid.grid.protection;

import java.util.Arrays;

/**
 * A time-current characteristic given by points (OpenDSS TCC_Curve): operate time against the
 * multiple of the device's rating or pickup, read by log-log interpolation between points, the last
 * time held beyond the last point, and no operation below the first point (TCC_Curve.pas
 * GetTCCTime, re-derived). Fuse melting curves and relay curves of OpenDSS scripts use it; the
 * built-in curves OpenDSS defines at start-up (A, D, TLink, KLink, ...) are in {@code grid.dss}.
 *
 * @param multiples current multiples (increasing)
 * @param timesS    operate times (seconds) at those multiples
 */
public record TccCurve(String name, double[] multiples, double[] timesS) {

    public TccCurve {
        if (multiples.length != timesS.length) {
            throw new IllegalArgumentException("TCC_Curve." + name + ": " + multiples.length + " multiples and " + timesS.length
                    + " times");
        }
        if (multiples.length == 0) {
            throw new IllegalArgumentException("TCC_Curve." + name + " has no points");
        }
        multiples = multiples.clone();
        timesS = timesS.clone();
    }

    /**
     * Operate time (s) at {@code multiple}; +∞ below the first point (OpenDSS returns -1: no
     * operation). Non-positive values count as 0.001 in the logarithm, as OpenDSS does.
     */
    public double timeS(double multiple) {
        int n = multiples.length;
        if (multiple < multiples[0]) {
            return Double.POSITIVE_INFINITY;
        }
        if (n == 1) {
            return timesS[0];
        }
        for (int i = 1; i < n; i++) {
            if (multiples[i] == multiple) {
                return timesS[i];
            }
            if (multiples[i] > multiple) {
                double lx = log(multiple);
                double l0 = log(multiples[i - 1]);
                double l1 = log(multiples[i]);
                double t0 = log(timesS[i - 1]);
                double t1 = log(timesS[i]);
                return Math.exp(t0 + (lx - l0) / (l1 - l0) * (t1 - t0));
            }
        }
        return timesS[n - 1];
    }

    private static double log(double v) {
        return Math.log(v > 0 ? v : 0.001);
    }

    /** The smallest multiple at which the curve operates. */
    public double pickupMultiple() {
        return multiples[0];
    }

    @Override
    public String toString() {
        return "TccCurve[" + name + ", " + Arrays.toString(multiples) + " -> " + Arrays.toString(timesS) + "]";
    }
}
