package io.packetgrid.studies.sweep.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.studies.run.RunContext;
import io.packetgrid.studies.run.Study;
import io.packetgrid.studies.kinds.StudyKinds;
import io.packetgrid.studies.run.StudyRun;
import io.packetgrid.studies.sweep.plan.Run;
import io.packetgrid.studies.sweep.plan.SweepPlan;
import io.packetgrid.studies.sweep.results.MetricColumns;
import io.packetgrid.studies.sweep.spec.SweepField;
import io.packetgrid.studies.sweep.spec.SweepSpec;
import io.packetgrid.studies.sweep.store.RunStore;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a list of sweep runs with K workers in this JVM, skipping the finished ones. Each worker takes
 * the next run in canonical order, runs the study into {@code outputs/ID/}, and records the summary
 * atomically in {@code done/ID.json}; a process killed at any moment loses only the runs in progress.
 * Results never depend on K: each run is a separate, seeded study whose outputs go to its own file.
 *
 * <p>An error in the scenario (a bad swept value, a field the study does not know) stops the sweep
 * after the runs in progress are saved; any other failure is recorded in {@code failed/ID.txt} and the
 * other runs go on.
 */
public final class SweepExecutor {

    /** How to run: workers in parallel, threads each run's study may use, where to print progress. */
    public record Options(int workers, int threadsPerRun, PrintStream log, String command) {
        /** Options for runs whose command line is not known (tests). */
        public Options(int workers, int threadsPerRun, PrintStream log) {
            this(workers, threadsPerRun, log, "sweep");
        }
    }

    /** A failed run and why. */
    public record Failure(Run run, String message) {
    }

    /**
     * What happened: runs in the list, runs found finished, runs completed now, failures, and per
     * completed run the wall time inside the study and in total (both in nanoseconds).
     */
    public record Outcome(int runs, int skipped, int completed, List<Failure> failures, long[] studyNs, long[] totalNs,
                          long wallNs) {
    }

    private final SweepPlan plan;
    private final RunStore store;
    private final Options options;
    private final AtomicBoolean metricsChecked = new AtomicBoolean();

    public SweepExecutor(SweepPlan plan, RunStore store, Options options) {
        this.plan = plan;
        this.store = store;
        this.options = options;
    }

    public Outcome execute(List<Run> runs) {
        long start = System.nanoTime();
        List<Run> pending = runs.stream().filter(r -> !store.isDone(r.id())).toList();
        int skipped = runs.size() - pending.size();
        int workers = Math.max(1, Math.min(options.workers(), pending.size()));
        options.log().printf(Locale.ROOT, "sweep %s: %d run%s here, %d finished earlier, %d to run with %d worker%s%n",
                plan.spec().name(), runs.size(), runs.size() == 1 ? "" : "s", skipped, pending.size(), workers, workers == 1 ? "" : "s");
        options.log().flush();

        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<RuntimeException> fatal = new AtomicReference<>();
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        long[] studyNs = new long[pending.size()];
        long[] totalNs = new long[pending.size()];
        boolean[] completed = new boolean[pending.size()];

        Runnable worker = () -> {
            int i;
            while (!stop.get() && (i = next.getAndIncrement()) < pending.size()) {
                Run r = pending.get(i);
                try {
                    long[] t = runOne(r);
                    studyNs[i] = t[0];
                    totalNs[i] = t[1];
                    completed[i] = true;
                    int d = done.incrementAndGet();
                    synchronized (options.log()) {
                        options.log().printf(Locale.ROOT, "done %s [%s] in %.2f s (%d/%d)%n", r.label(), r.id(), t[1] / 1e9, d, pending.size());
                        options.log().flush();
                    }
                } catch (RunFailed f) {
                    failures.add(new Failure(r, f.getMessage()));
                    synchronized (options.log()) {
                        options.log().println("FAILED " + r.label() + " [" + r.id() + "]: " + f.getMessage());
                        options.log().flush();
                    }
                    try {
                        store.saveFailure(r.id(), f.getMessage());
                    } catch (RuntimeException e) {
                        fatal.compareAndSet(null, e);
                        stop.set(true);
                    }
                } catch (RuntimeException e) {
                    fatal.compareAndSet(null, e);
                    stop.set(true);
                } catch (OutOfMemoryError e) {
                    fatal.compareAndSet(null, new PacketGridException(r.label(),
                            "out of memory; raise the heap with PACKETGRID_JAVA_OPTS=-Xmx… or use fewer --workers"));
                    stop.set(true);
                } catch (Error e) {
                    // a broken build or class (never a result): stop, and let the command line report it
                    fatal.compareAndSet(null, new IllegalStateException(e.toString(), e));
                    stop.set(true);
                }
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers && !pending.isEmpty(); w++) {
            Thread t = new Thread(worker, "sweep-worker-" + w);
            t.setDaemon(true);   // a fatal error in main ends the process even if a study hangs
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PacketGridException("sweep", "interrupted");
            }
        }
        if (fatal.get() != null) {
            throw fatal.get();
        }
        int n = 0;
        for (boolean c : completed) {
            n += c ? 1 : 0;
        }
        long[] s = new long[n];
        long[] tt = new long[n];
        for (int i = 0, j = 0; i < completed.length; i++) {
            if (completed[i]) {
                s[j] = studyNs[i];
                tt[j++] = totalNs[i];
            }
        }
        List<Failure> fs = new ArrayList<>(failures);
        fs.sort((a, b) -> Integer.compare(a.run().index(), b.run().index()));
        return new Outcome(runs.size(), skipped, n, fs, s, tt, System.nanoTime() - start);
    }

    /** A run failed for a reason of its own (not the sweep file's). */
    private static final class RunFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RunFailed(String message) {
            super(message, null, false, false);
        }
    }

    /** Runs one; returns {study ns, total ns}. */
    private long[] runOne(Run run) {
        long t0 = System.nanoTime();
        SweepSpec spec = plan.spec();
        var out = store.outputs(run.id());
        store.clearLeftovers(run.id());   // of this run, killed earlier
        ObjectNode scenario = plan.scenario(run);
        Study study = StudyKinds.of(spec.kind(), spec.baseSource() + ": kind");
        RunContext ctx = RunContext.quiet(out, spec.baseDir(), options.threadsPerRun());
        long s0 = System.nanoTime();
        JsonNode summary;
        try {
            summary = StudyRun.execute(study, scenario, spec.baseSource(), ctx, options.command() + " (run " + run.id() + ")").summary();
        } catch (PacketGridException e) {
            StudyErrors.Mapped m = StudyErrors.map(e, spec, run);
            if (m.input()) {
                throw m.error();
            }
            throw new RunFailed(e.userMessage());
        } catch (StackOverflowError e) {
            throw new RunFailed("stack overflow in the study (raise it with PACKETGRID_JAVA_OPTS=-Xss…)");
        } catch (RuntimeException e) {
            throw new RunFailed("internal error in the study: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
        }
        long s1 = System.nanoTime();
        if (summary == null) {
            throw new RunFailed("the study reported a failed run (no summary)");
        }
        ObjectNode record = RunStore.JSON.createObjectNode();
        record.put("id", run.id());
        record.put("point", run.point());
        record.put("seed", run.seed());
        ObjectNode params = record.putObject("params");
        List<SweepField> cols = plan.columns();
        for (int i = 0; i < cols.size(); i++) {
            params.set(cols.get(i).column(), run.params().get(i));
        }
        record.set("summary", summary.deepCopy());
        record.put("study_ms", (s1 - s0) / 1_000_000);
        store.saveDone(run.id(), record);
        if (metricsChecked.compareAndSet(false, true)) {
            // fail fast on a misspelt metric, after saving this run (it is not lost)
            MetricColumns.resolve(spec.metrics(), List.<JsonNode>of(record.get("summary")));
        }
        if (!spec.keepOutputs()) {
            RunStore.deleteTree(out);
        }
        return new long[] {s1 - s0, System.nanoTime() - t0};
    }
}
