package io.packetgrid.studies.report;

import io.packetgrid.cosim.kernel.ProgressListener;

/**
 * One progress bar for several runs (variants run one after another or side by side): each run
 * reports its own simulated time; the bar shows the simulated time done over all runs.
 */
public final class CombinedProgress {
    private final ProgressListener bar;
    private final long[] done;
    private final long[] total;

    public CombinedProgress(ProgressListener bar, int runs) {
        this.bar = bar;
        this.done = new long[runs];
        this.total = new long[runs];
    }

    /** The listener of run {@code i}. */
    public ProgressListener run(int i) {
        return (now, end) -> update(i, now, end);
    }

    private synchronized void update(int i, long now, long end) {
        done[i] = Math.min(now, end);
        total[i] = end;
        double d = 0;
        double t = 0;
        for (int k = 0; k < done.length; k++) {
            d += done[k];
            t += total[k] > 0 ? total[k] : end;
        }
        bar.progress((long) d, (long) t); // simulated time done over all runs
    }
}
