package io.packetgrid.studies.sweep;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.studies.sweep.exec.SweepExecutor;
import io.packetgrid.studies.sweep.plan.PlanFile;
import io.packetgrid.studies.sweep.plan.Run;
import io.packetgrid.studies.sweep.plan.Shards;
import io.packetgrid.studies.sweep.plan.SweepPlan;
import io.packetgrid.studies.sweep.results.Collected;
import io.packetgrid.studies.sweep.results.Collector;
import io.packetgrid.studies.sweep.spec.SweepFiles;
import io.packetgrid.studies.sweep.store.RunStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The sweep's steps as the command line uses them: plan, run a shard (or all), collect. */
public final class Sweeps {
    private Sweeps() {
    }

    /** Reads the sweep file and expands it into runs. */
    public static SweepPlan plan(Path sweepFile) {
        return SweepPlan.of(SweepFiles.read(sweepFile));
    }

    /** What running a shard did, and the merged results if the whole sweep ran here. */
    public record Result(SweepExecutor.Outcome outcome, Collected collected) {
    }

    /**
     * Runs shard {@code task} of {@code tasks} (0 of 1: the whole sweep) with {@code workers} workers,
     * skipping finished runs. After the whole sweep it collects the results. Failed runs are reported
     * (one line) after everything else is saved and merged.
     */
    public static Result run(SweepPlan plan, Path dir, int workers, int task, int tasks, PrintStream log) {
        if (workers < 1) {
            throw new PacketGridException("--workers", "must be ≥ 1, got " + workers);
        }
        List<Run> mine = Shards.of(plan.runs(), task, tasks);
        PlanFile.of(plan).write(dir);
        int cores = Runtime.getRuntime().availableProcessors();
        // what each run's run.json says produced it: the sweep, its file and the shard
        String command = "sweep " + plan.spec().name() + (tasks == 1 ? "" : " --task " + task + " --tasks " + tasks);
        SweepExecutor.Options opts = new SweepExecutor.Options(workers, Math.max(1, cores / workers), log, command);
        SweepExecutor.Outcome o = new SweepExecutor(plan, new RunStore(dir), opts).execute(mine);
        log.printf(Locale.ROOT, "%s: %d of %d runs finished (%d earlier, %d now in %.1f s with %d worker%s)%s%n",
                tasks == 1 ? "sweep " + plan.spec().name() : "shard " + task + " of " + tasks,
                o.skipped() + o.completed(), o.runs(), o.skipped(), o.completed(), o.wallNs() / 1e9, workers, workers == 1 ? "" : "s",
                o.completed() == 0 ? "" : String.format(Locale.ROOT, "; per run: study median %.1f ms, sweep overhead median %.2f ms",
                        median(o.studyNs()) / 1e6, median(overhead(o)) / 1e6));
        Collected c = null;
        if (tasks == 1) {
            c = Collector.collect(dir);
            log.println(describe(dir, c));
        } else if (o.failures().isEmpty()) {
            log.println("merge the shards with: packetgrid sweep collect " + dir);
        }
        log.flush();
        if (c != null && o.failures().isEmpty() && !c.missing().isEmpty()) {
            throw new PacketGridException(dir.toString(), c.missing().size() + " runs are missing after the sweep (first: "
                    + c.missing().get(0).label() + "); run it again to compute them");
        }
        if (!o.failures().isEmpty()) {
            SweepExecutor.Failure f = o.failures().get(0);
            throw new PacketGridException(dir.toString(), o.failures().size() + " of " + o.runs() + " runs failed (first: "
                    + f.run().label() + ": " + f.message() + "); see failed/ there; run the sweep again to retry them");
        }
        return new Result(o, c);
    }

    /** The one-line description of merged results. */
    public static String describe(Path dir, Collected c) {
        int points = c.plan().pointCount();
        int seeds = c.plan().seeds().size();
        return "results: " + dir.resolve(Collector.RESULTS).toAbsolutePath().normalize() + " (" + c.finished() + " of "
                + c.plan().runs().size() + " runs: " + points + (points == 1 ? " point" : " points") + " × " + seeds
                + (seeds == 1 ? " seed" : " seeds") + "), " + Collector.STATS
                + (c.plan().plots().isEmpty() ? "" : ", plots/");
    }

    static long[] overhead(SweepExecutor.Outcome o) {
        long[] d = new long[o.totalNs().length];
        for (int i = 0; i < d.length; i++) {
            d[i] = o.totalNs()[i] - o.studyNs()[i];
        }
        return d;
    }

    static double median(long[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        long[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }
}
