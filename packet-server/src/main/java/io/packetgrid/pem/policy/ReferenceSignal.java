package io.packetgrid.pem.policy;

import java.util.Arrays;

/**
 * A reference (e.g. a regulation/AGC signal) given as samples, linearly interpolated and held
 * constant before the first and after the last sample.
 */
public final class ReferenceSignal implements TargetSignal {
    private final long[] timesNs;
    private final double[] kw;

    public ReferenceSignal(long[] timesNs, double[] kw) {
        if (timesNs.length == 0 || timesNs.length != kw.length) {
            throw new IllegalArgumentException("a reference needs matching, non-empty time and value arrays");
        }
        for (int i = 1; i < timesNs.length; i++) {
            if (timesNs[i] <= timesNs[i - 1]) {
                throw new IllegalArgumentException("reference times must increase");
            }
        }
        this.timesNs = timesNs.clone();
        this.kw = kw.clone();
    }

    @Override
    public double targetKw(long nowNs) {
        int i = Arrays.binarySearch(timesNs, nowNs);
        if (i >= 0) {
            return kw[i];
        }
        int hi = -i - 1;
        if (hi == 0) {
            return kw[0];
        }
        if (hi == timesNs.length) {
            return kw[kw.length - 1];
        }
        int lo = hi - 1;
        double f = (double) (nowNs - timesNs[lo]) / (timesNs[hi] - timesNs[lo]);
        return kw[lo] + f * (kw[hi] - kw[lo]);
    }
}
