package io.packetgrid.pem.policy;

import java.util.function.LongToDoubleFunction;

/**
 * A reference relative to the fleet's own baseline: the mean measured power over
 * [baselineFrom, trackFrom) times {@code 1 + shape(t − trackFrom)} from {@code trackFrom} on
 * (before it, the baseline so far). Regulation signals are usually given this way: a normalised
 * signal scaled around the resource's baseline (TPWRS 2020 §V: "detrended, scaled regulation signal").
 */
public final class BaselineReference implements TargetSignal {
    private final long baselineFromNs;
    private final long trackFromNs;
    private final LongToDoubleFunction shape;
    private double sum;
    private long count;
    private long lastSampleNs = Long.MIN_VALUE;
    private double fixedKw = Double.NaN;

    public BaselineReference(long baselineFromNs, long trackFromNs, LongToDoubleFunction shape) {
        this.baselineFromNs = baselineFromNs;
        this.trackFromNs = trackFromNs;
        this.shape = shape;
    }

    /** A meter sample of the fleet's power at {@code atNs} (repeated samples of one time count once). */
    public void observe(double kw, long atNs) {
        if (atNs == lastSampleNs) {
            return;
        }
        lastSampleNs = atNs;
        if (atNs >= baselineFromNs && atNs < trackFromNs) {
            sum += kw;
            count++;
        }
    }

    /** Uses {@code kw} as the baseline instead of learning it (the same reference for several runs). */
    public BaselineReference fixedBaseline(double kw) {
        this.fixedKw = kw;
        return this;
    }

    public double baselineKw() {
        if (!Double.isNaN(fixedKw)) {
            return fixedKw;
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    @Override
    public double targetKw(long nowNs) {
        double base = baselineKw();
        if (nowNs < trackFromNs || Double.isNaN(base)) {
            return base;
        }
        return base * (1 + shape.applyAsDouble(nowNs - trackFromNs));
    }
}
