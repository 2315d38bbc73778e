package io.packetgrid.studies.coupled.target;

import io.packetgrid.pem.policy.TargetSignal;

/**
 * A regulation reference around a baseline (ACC 2017 §IV; TPWRS 2020 §V: "a detrended, scaled
 * regulation signal"): the baseline is a power series averaged over blocks of {@code window} and
 * linearly interpolated between block centres; the reference is
 * {@code B(t)·(1 + offset + amplitude·s(t − from))} from {@code from} on, with the zero-mean shape
 * {@code s(τ) = 0.6 sin(2πτ/60 min) + 0.3 sin(2πτ/20 min + 0.7) + 0.1 sin(2πτ/7 min + 1.9)} of
 * packet-server's {@code Acc2017Experiment} (the paper's own signal is not published), and B(t) before.
 */
public final class BaselineTarget implements TargetSignal {
    private final BaselineSeries series;
    private final int per;
    private final double[] centreNs;
    private final double[] blockKw;
    /** Blocks averaged so far (a prefix): each as soon as the value asked for needs it and its samples are final. */
    private int averaged;
    private final double offset;
    private final double amplitude;
    private final long fromNs;

    /**
     * @param kw       the baseline power at steps of {@code stepNs} from t = 0 (NaN entries skipped)
     * @param windowNs block length
     */
    public BaselineTarget(double[] kw, long stepNs, long windowNs, double offset, double amplitude, long fromNs) {
        this(BaselineSeries.of(kw), stepNs, windowNs, offset, amplitude, fromNs);
    }

    /**
     * Over a baseline still being produced: a value waits until the blocks it interpolates between are final
     * (the block whose centre is at or before the time and the next one; the first or the last block alone at the
     * ends), so it is the same number as over the finished series.
     */
    public BaselineTarget(BaselineSeries kw, long stepNs, long windowNs, double offset, double amplitude, long fromNs) {
        this.series = kw;
        per = (int) Math.max(1, windowNs / stepNs);
        int blocks = (kw.length() + per - 1) / per;
        centreNs = new double[blocks];
        blockKw = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            int from = b * per;
            int to = Math.min(kw.length(), from + per);
            // sample i is the power over [i·step, (i+1)·step)
            centreNs[b] = (from + to) / 2.0 * stepNs;
        }
        this.offset = offset;
        this.amplitude = amplitude;
        this.fromNs = fromNs;
    }

    /** Block {@code b}'s mean power (waits for its samples), averaging the blocks before it first. */
    private double block(int b) {
        if (b >= averaged) {
            int length = series.length();
            double[] kw = series.await(Math.min(length, (b + 1) * per));
            for (; averaged <= b; averaged++) {
                double s = 0;
                int n = 0;
                int from = averaged * per;
                int to = Math.min(length, from + per);
                for (int i = from; i < to; i++) {
                    if (!Double.isNaN(kw[i])) {
                        s += kw[i];
                        n++;
                    }
                }
                blockKw[averaged] = n == 0 ? 0 : s / n;
            }
        }
        return blockKw[b];
    }

    /** ACC 2017-style regulation shape (zero mean over its 60-min period). */
    public static double shape(long tauNs) {
        double t = tauNs / 1e9;
        return 0.6 * Math.sin(2 * Math.PI * t / 3600) + 0.3 * Math.sin(2 * Math.PI * t / 1200 + 0.7)
                + 0.1 * Math.sin(2 * Math.PI * t / 420 + 1.9);
    }

    /** The baseline at {@code nowNs}, kW. */
    public double baselineKw(long nowNs) {
        int n = centreNs.length;
        if (n == 0) {
            return 0;
        }
        if (nowNs <= centreNs[0]) {
            return block(0);
        }
        if (nowNs >= centreNs[n - 1]) {
            return block(n - 1);
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (centreNs[mid] <= nowNs) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        block(hi); // and every block before it
        double f = (nowNs - centreNs[lo]) / (centreNs[hi] - centreNs[lo]);
        return blockKw[lo] + f * (blockKw[hi] - blockKw[lo]);
    }

    @Override
    public double targetKw(long nowNs) {
        double b = baselineKw(nowNs);
        if (nowNs < fromNs) {
            return b;
        }
        return b * (1 + offset + amplitude * shape(nowNs - fromNs));
    }
}
