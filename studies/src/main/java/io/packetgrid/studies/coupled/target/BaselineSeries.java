package io.packetgrid.studies.coupled.target;

import io.packetgrid.cosim.error.PacketGridException;
import java.util.Arrays;
import java.util.List;

/**
 * A baseline variant's flexible power per device step, handed to the tracking variants as its run produces it:
 * the run appends the intervals it has finished ({@link #extend}) and, at its end, says it is over
 * ({@link #complete}: NaN where it did not reach) or gives its failure ({@link #fail}); a reader asks for the first
 * {@code n} entries ({@link #await}) and waits, blocked, until they are final. The length (the run's device
 * steps) is known up front. A series built {@link #of} a finished array answers at once.
 */
public final class BaselineSeries {
    private final String variant;
    private final double[] kw;
    private int known;
    private RuntimeException failure;
    private long waits;
    private long waitedNs;

    private BaselineSeries(String variant, double[] kw, int known) {
        this.variant = variant;
        this.kw = kw;
        this.known = known;
    }

    /** A series still to be produced by {@code variant}'s run of {@code steps} device steps. */
    public static BaselineSeries streamed(String variant, int steps) {
        double[] kw = new double[steps];
        Arrays.fill(kw, Double.NaN);
        return new BaselineSeries(variant, kw, 0);
    }

    /** A finished series (not copied: the caller does not change it). */
    public static BaselineSeries of(double[] kw) {
        return new BaselineSeries(null, kw, kw.length);
    }

    /** Device steps of the series. */
    public int length() {
        return kw.length;
    }

    /**
     * The intervals the run has finished so far: rows (t_s, p_kw), one per device interval from the first, as
     * packet-server's {@code DeviceFleetFederate.intervalTrace()} keeps them (a row is final once there).
     */
    public synchronized void extend(List<double[]> intervals) {
        int upTo = Math.min(kw.length, intervals.size());
        if (failure != null || upTo <= known) {
            return;
        }
        for (int k = known; k < upTo; k++) {
            kw[k] = intervals.get(k)[1];
        }
        known = upTo;
        notifyAll();
    }

    /** The run is over: the entries it did not reach stay NaN (as in {@code FleetResults.flexKw}). */
    public synchronized void complete() {
        if (failure != null || known == kw.length) {
            return;
        }
        known = kw.length;
        notifyAll();
    }

    /** The run failed: every reader waiting or still to come gets this failure. */
    public synchronized void fail(Throwable cause) {
        if (known == kw.length || failure != null) {
            return;
        }
        // a PacketGridException prints as "location: message"
        failure = new PacketGridException("target.baseline_variant", "the baseline variant '" + variant + "' failed, so its "
                + "target cannot be built: " + cause, cause);
        notifyAll();
    }

    /**
     * The series, once its first {@code n} entries are final (only those may be read); blocks until then.
     *
     * @throws PacketGridException if the run producing it failed, or the waiting thread was interrupted
     */
    public synchronized double[] await(int n) {
        if (known >= n) {
            return kw;
        }
        long t0 = System.nanoTime();
        try {
            while (known < n) {
                if (failure != null) {
                    throw failure;
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PacketGridException("target.baseline_variant", "interrupted while waiting for the baseline variant '"
                            + variant + "'");
                }
            }
        } finally {
            waits++;
            waitedNs += System.nanoTime() - t0;
        }
        return kw;
    }

    /** How often readers had to wait, and for how long in all (wall time, ns): {waits, ns}. */
    public synchronized long[] waited() {
        return new long[] {waits, waitedNs};
    }
}
