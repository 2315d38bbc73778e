package io.packetgrid.studies.run;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a run should tell its user although it went on: a study with no devices, a feeder without bus
 * coordinates, loads that are not LV customers, ... Each distinct warning is printed once on stderr
 * (when a stream is given) and kept, in order, for {@code run.json} and {@code report.html}. Thread-safe:
 * variants running side by side may warn.
 */
public final class Warnings {
    private final PrintStream err;
    private final Set<String> seen = new LinkedHashSet<>();

    /** @param err where to print each new warning, or null to only keep them */
    public Warnings(PrintStream err) {
        this.err = err;
    }

    /** Warnings kept but never printed (tests, sweeps' runs). */
    public static Warnings quiet() {
        return new Warnings(null);
    }

    /** Adds a warning (a sentence: what is the case and what follows from it); repeats are dropped. */
    public void add(String warning) {
        boolean fresh;
        synchronized (seen) {
            fresh = seen.add(warning);
        }
        if (fresh && err != null) {
            synchronized (err) {
                err.println("packetgrid: warning: " + warning);
                err.flush();
            }
        }
    }

    public List<String> all() {
        synchronized (seen) {
            return new ArrayList<>(seen);
        }
    }
}
