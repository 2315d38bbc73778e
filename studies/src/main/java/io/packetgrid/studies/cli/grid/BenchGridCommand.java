package io.packetgrid.studies.cli.grid;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.api.ScriptRun;
import io.packetgrid.grid.feeders.BundledFeeders;
import io.packetgrid.grid.series.Simulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench grid SCRIPT.dss --steps N}: runs the script, timing its time series step by step
 * (N steps instead of the script's {@code number}); a script without a time series has its last
 * snapshot re-solved N times. Warm-up runs first; prints one JSON object last (CLI.md).
 */
@Command(name = "grid", mixinStandardHelpOptions = true,
        description = "Power-flow time series of an OpenDSS script: parse time and per-step solve times.")
public final class BenchGridCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(index = "0", paramLabel = "SCRIPT.dss", description = "OpenDSS script with a time series (or a snapshot), or builtin:NAME.")
    String scriptArg;

    private Path script;

    @Option(names = "--steps", defaultValue = "1440", description = "Time steps to time (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed runs first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--repeats", defaultValue = "3", description = "Timed runs; medians are reported (default ${DEFAULT-VALUE}).")
    int repeats;

    private static final class Run {
        double parseMs;
        double totalMs;
        double[] stepMs;
        double[] stepCpuMs;
        long iterations;
        int nodes;
        int injectionNodes;
        boolean reduced;
        String mode;
        long factorNonzeros;
        int restrictedRows;
        Simulation sim;
    }

    @Override
    public Integer call() throws Exception {
        if (steps < 1 || repeats < 1 || warmup < 0) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--steps and --repeats must be >= 1");
        }
        script = BundledFeeders.isBuiltin(scriptArg) ? BundledFeeders.resolve(scriptArg, "SCRIPT") : Path.of(scriptArg);
        if (!Files.isRegularFile(script)) {
            throw new PacketGridException(script.toString(), "script not found");
        }
        Path tmp = Files.createTempDirectory("packetgrid-bench");
        try {
            for (int w = 0; w < warmup; w++) {
                once(tmp);
            }
            Run[] runs = new Run[repeats];
            for (int r = 0; r < repeats; r++) {
                if (r > 0) {
                    runs[r - 1].sim = null;   // keep one solved network for the memory figure
                }
                runs[r] = once(tmp);
            }
            double[] all = new double[repeats * steps];
            double[] allCpu = new double[repeats * steps];
            double[] parse = new double[repeats];
            double[] total = new double[repeats];
            long iters = 0;
            for (int r = 0; r < repeats; r++) {
                System.arraycopy(runs[r].stepMs, 0, all, r * steps, steps);
                System.arraycopy(runs[r].stepCpuMs, 0, allCpu, r * steps, steps);
                parse[r] = runs[r].parseMs;
                total[r] = runs[r].totalMs;
                iters += runs[r].iterations;
            }
            Arrays.sort(all);
            Arrays.sort(allCpu);
            ObjectNode out = JSON.createObjectNode();
            out.put("steps", steps);
            out.put("parse_ms", round(median(parse)));
            out.put("total_solve_ms", round(median(total)));
            out.put("median_step_ms", round(percentile(all, 0.5)));
            out.put("p99_step_ms", round(percentile(all, 0.99)));
            // the benchmark thread's CPU time per step: on a shared machine far steadier than wall time
            out.put("median_step_cpu_ms", round(percentile(allCpu, 0.5)));
            out.put("mean_iterations", round((double) iters / (repeats * (double) steps)));
            out.put("mode", runs[0].mode);
            out.put("nodes", runs[0].nodes);
            out.put("injection_nodes", runs[0].injectionNodes);
            out.put("strategy", runs[0].reduced ? "reduced" : "sparse");
            out.put("factor_nonzeros", runs[0].factorNonzeros);
            out.put("iteration_rows", runs[0].restrictedRows);
            // memory the solved network holds (model, matrix, factor, solver state), after a full GC
            Runtime rt = Runtime.getRuntime();
            System.gc();
            System.gc();
            long heap = rt.totalMemory() - rt.freeMemory();
            out.put("heap_after_gc_mb", round(heap / 1e6));
            out.put("heap_bytes_per_node", Math.round((double) heap / runs[0].nodes));
            java.lang.ref.Reference.reachabilityFence(runs[repeats - 1].sim);
            out.put("warmup_runs", warmup);
            out.put("repeats", repeats);
            System.out.println(JSON.writeValueAsString(out));
            return 0;
        } finally {
            try (var s = Files.walk(tmp)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Run once(Path outDir) {
        Run run = new Run();
        run.stepMs = new double[steps];
        run.stepCpuMs = new double[steps];
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long[] tParsed = {0};
        ScriptRun dss = new ScriptRun(outDir);
        boolean[] series = {false};
        dss.onTimeSeries((Simulation sim, int n) -> {
            tParsed[0] = System.nanoTime();
            series[0] = true;
            long start = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                long c = cpu.getCurrentThreadCpuTime();
                long a = System.nanoTime();
                sim.step();
                run.stepMs[i] = (System.nanoTime() - a) / 1e6;
                run.stepCpuMs[i] = (cpu.getCurrentThreadCpuTime() - c) / 1e6;
                run.iterations += sim.lastIterations();
            }
            run.totalMs = (System.nanoTime() - start) / 1e6;
        });
        dss.run(script);
        Simulation sim = dss.simulation();
        if (!series[0]) {
            tParsed[0] = System.nanoTime();
            sim.solveSnapshot();
            long start = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                long c = cpu.getCurrentThreadCpuTime();
                long a = System.nanoTime();
                sim.solveSnapshot();
                run.stepMs[i] = (System.nanoTime() - a) / 1e6;
                run.stepCpuMs[i] = (cpu.getCurrentThreadCpuTime() - c) / 1e6;
                run.iterations += sim.lastIterations();
            }
            run.totalMs = (System.nanoTime() - start) / 1e6;
            run.mode = "snapshot re-solve";
        } else {
            run.mode = dss.mode().name().toLowerCase(java.util.Locale.ROOT);
        }
        run.parseMs = (tParsed[0] - t0) / 1e6;
        run.nodes = dss.nodeCount();
        ScriptRun.SolverShape shape = dss.solverShape();
        run.injectionNodes = shape.injectionNodes();
        run.reduced = shape.reduced();
        run.factorNonzeros = shape.factorNonzeros();
        run.restrictedRows = shape.restrictedRows();
        run.sim = sim;
        return run;
    }

    private static double median(double[] a) {
        double[] b = a.clone();
        Arrays.sort(b);
        return percentile(b, 0.5);
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, double q) {
        int k = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, k))];
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
