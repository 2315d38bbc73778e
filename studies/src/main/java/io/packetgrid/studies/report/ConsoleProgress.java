package io.packetgrid.studies.report;

import io.packetgrid.cosim.kernel.ProgressListener;
import io.packetgrid.cosim.time.SimTime;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr for long runs; silent when stderr is not a terminal (CI, pipes),
 * so logs stay clean. Simulated time drives it, so it shows how far the study has come.
 */
public final class ConsoleProgress implements ProgressListener {
    private static final int WIDTH = 30;
    private final String label;
    private final PrintStream err;
    private final boolean enabled;
    private int lastPermille = -1;

    private ConsoleProgress(String label, PrintStream err, boolean enabled) {
        this.label = label;
        this.err = err;
        this.enabled = enabled;
    }

    /** A bar when attached to a terminal, otherwise {@link ProgressListener#NONE}. */
    public static ProgressListener forTerminal(String label) {
        return System.console() != null ? new ConsoleProgress(label, System.err, true) : ProgressListener.NONE;
    }

    @Override
    public void progress(long nowNs, long endNs) {
        if (!enabled || endNs <= 0) {
            return;
        }
        int permille = (int) Math.min(1000, Math.round(1000.0 * nowNs / endNs));
        if (permille == lastPermille) {
            return;
        }
        lastPermille = permille;
        int filled = permille * WIDTH / 1000;
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        err.printf(Locale.ROOT, "\r%-18s [%s] %5.1f%%  t=%s   ", label, bar, permille / 10.0, SimTime.format(nowNs));
        if (permille == 1000) {
            err.print('\n');
        }
        err.flush();
    }
}
