package io.packetgrid.studies.run;

import io.packetgrid.cosim.kernel.ProgressListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where and how a study runs: output folder, worker threads (results never depend on them), a
 * progress-bar factory (given a label), and the stream for the human summary.
 *
 * @param scenarioDir folder of the scenario file, against which relative paths in it resolve
 *                    (null for the built-in default)
 */
public record RunContext(Path outDir, Path scenarioDir, int threads, Function<String, ProgressListener> progress,
                         PrintStream out) {

    /** A quiet context for tests and sweeps. */
    public static RunContext quiet(Path outDir, Path scenarioDir, int threads) {
        return new RunContext(outDir, scenarioDir, threads, label -> ProgressListener.NONE,
                new PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    public ProgressListener progress(String label) {
        return progress.apply(label);
    }
}
