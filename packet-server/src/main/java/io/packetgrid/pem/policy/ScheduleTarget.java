package io.packetgrid.pem.policy;

import java.util.Arrays;

/** A piecewise-constant schedule: {@code kw[i]} from {@code fromNs[i]} until the next entry. */
public final class ScheduleTarget implements TargetSignal {
    private final long[] fromNs;
    private final double[] kw;

    public ScheduleTarget(long[] fromNs, double[] kw) {
        if (fromNs.length == 0 || fromNs.length != kw.length) {
            throw new IllegalArgumentException("a schedule needs matching, non-empty arrays");
        }
        this.fromNs = fromNs.clone();
        this.kw = kw.clone();
    }

    @Override
    public double targetKw(long nowNs) {
        int i = Arrays.binarySearch(fromNs, nowNs);
        int k = i >= 0 ? i : -i - 2;
        return k < 0 ? kw[0] : kw[k];
    }
}
