package io.packetgrid.grid.bench;

import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.feeders.SyntheticFeeders;
import io.packetgrid.grid.result.FlowSummary;
import io.packetgrid.grid.series.LoadDriver;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The parts of a coupled MV study's grid step on one network, as the study's grid federate and recorder
 * ask for them: the power flow after some households' power moved, every node's voltage, and the
 * accounting (losses, loadings, source and load power, voltage band). By default the 100 European LV
 * feeders on an MV network of {@code substation-100} ({@code SyntheticFeeders.europeanLvOnMv(100, 10)},
 * 272k nodes, with the study's two BatchEdits), every load at 1-6 kW (uniform, 0.3 kvar per kW) and
 * each step {@code --changed} loads drawn again, from a seeded stream: about six fixed-point
 * iterations a step, as the uncontrolled evening peak runs. Per step, thread CPU time of each part;
 * prints medians and minima and a fingerprint of the results (every node's voltage bits, losses, load
 * and source power of every step), which two builds must share to be compared.
 *
 * <p>{@code java -cp <grid-model and its dependencies> io.packetgrid.grid.bench.MvStepBench [--steps N]
 * [--warmup N] [--changed N] [--seed S] [--script Master.dss]}
 */
public final class MvStepBench {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private MvStepBench() {
    }

    public static void main(String[] args) throws IOException {
        int steps = 200;
        int warmup = 100;
        int changed = 500;
        long seed = 1;
        Path script = null;
        for (int a = 0; a < args.length; a += 2) {
            String v = args[a + 1];
            switch (args[a]) {
                case "--steps" -> steps = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--changed" -> changed = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--script" -> script = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[a]);
            }
        }
        Feeder feeder;
        if (script == null) {
            Path dir = Files.createTempDirectory("mv-step-bench");
            feeder = Feeder.load(SyntheticFeeders.europeanLvOnMv(100, 10, dir),
                    "BatchEdit Load..* vminpu=0.5 vmaxpu=1.5\nBatchEdit Transformer.c.*_tr1 Taps=[1.05 1.0]\n");
        } else {
            feeder = Feeder.load(script);
        }
        List<LoadDriver> loads = feeder.simulation().loads();
        Random rnd = new Random(seed);
        for (LoadDriver d : loads) {
            draw(d, rnd);
        }
        feeder.solve();
        int n = feeder.network().nodeCount();
        double[] re = new double[n];
        double[] im = new double[n];
        FlowSummary summary = new FlowSummary();
        long[] solve = new long[steps];
        long[] voltages = new long[steps];
        long[] full = new long[steps];
        long iterations = 0;
        long fingerprint = 0;
        for (int k = -warmup; k < steps; k++) {
            for (int c = 0; c < changed; c++) {
                draw(loads.get(rnd.nextInt(loads.size())), rnd);
            }
            long c0 = MX.getCurrentThreadCpuTime();
            int it = feeder.solve();
            long c1 = MX.getCurrentThreadCpuTime();
            feeder.nodeVoltages(re, im);    // the solve's full vector (one completion) and its accounting
            long c2 = MX.getCurrentThreadCpuTime();
            feeder.summarize(summary);      // cached: the accounting ran with the voltages above
            if (k >= 0) {
                solve[k] = (c1 - c0) / it;
                iterations += it;
            }
            fingerprint = fingerprint * 31 + Double.doubleToLongBits(summary.lossesKw());
            fingerprint = fingerprint * 31 + Double.doubleToLongBits(summary.loadsKw());
            fingerprint = fingerprint * 31 + Double.doubleToLongBits(summary.sourceKw());
            for (int i = 0; i < n; i++) {
                fingerprint = fingerprint * 31 + Double.doubleToLongBits(re[i]) * 7 + Double.doubleToLongBits(im[i]);
            }
            if (k >= 0) {
                voltages[k] = c2 - c1;
            }
        }
        // the voltages alone (the completion of the last solution, again), without the accounting
        for (int k = 0; k < steps; k++) {
            long c0 = MX.getCurrentThreadCpuTime();
            feeder.simulation().solver().invalidateFull();
            feeder.simulation().solver().voltages(re, im);
            long c1 = MX.getCurrentThreadCpuTime();
            full[k] = c1 - c0;
        }
        System.out.printf(Locale.ROOT, "{ \"nodes\" : %d, \"steps\" : %d, \"mean_iterations\" : %.3f,%n", n, steps, iterations / (double) steps);
        System.out.printf(Locale.ROOT, "  \"iteration_cpu_ms\" : %s,%n", stats(solve));
        System.out.printf(Locale.ROOT, "  \"voltages_and_accounting_cpu_ms\" : %s,%n", stats(voltages));
        System.out.printf(Locale.ROOT, "  \"voltages_only_cpu_ms\" : %s,%n", stats(full));
        System.out.printf(Locale.ROOT, "  \"fingerprint\" : \"%016x\" }%n", fingerprint);
    }

    private static void draw(LoadDriver d, Random rnd) {
        double kw = 1 + 5 * rnd.nextDouble();
        d.override(kw, 0.3 * kw);
    }

    private static String stats(long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "{ \"median\" : %.3f, \"min\" : %.3f }", s[s.length / 2] / 1e6, s[0] / 1e6);
    }
}
