package io.packetgrid.studies.run;

import io.packetgrid.cosim.kernel.ProgressListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where and how a study runs: output folder, worker threads (results never depend on them), a
 * progress-bar factory (given a label), the stream for the human summary, and where warnings go.
 *
 * @param scenarioDir folder of the scenario file, against which relative paths in it resolve
 *                    (null for the built-in default)
 * @param warnings    what the run tells its user although it goes on (stderr, run.json, report.html)
 */
public record RunContext(Path outDir, Path scenarioDir, int threads, Function<String, ProgressListener> progress,
                         PrintStream out, Warnings warnings) {

    /** A quiet context for tests and sweeps: no progress, no printed summary, warnings only kept. */
    public static RunContext quiet(Path outDir, Path scenarioDir, int threads) {
        return new RunContext(outDir, scenarioDir, threads, label -> ProgressListener.NONE,
                new PrintStream(java.io.OutputStream.nullOutputStream()), Warnings.quiet());
    }

    public ProgressListener progress(String label) {
        return progress.apply(label);
    }

    /** The same context writing into another folder. */
    public RunContext withOutDir(Path dir) {
        return new RunContext(dir, scenarioDir, threads, progress, out, warnings);
    }

    /** Shorthand for {@code warnings().add(warning)}. */
    public void warn(String warning) {
        warnings.add(warning);
    }
}
