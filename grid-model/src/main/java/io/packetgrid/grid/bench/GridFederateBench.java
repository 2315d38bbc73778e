package io.packetgrid.grid.bench;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.record.Recorder;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.federate.GridFederate;
import io.packetgrid.grid.federate.GridFederateConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The grid federate's per-step cost on copies of the IEEE European LV feeder (55 households, every
 * load bound, device power added to the yearly shapes, one-minute steps), as the coupled study runs
 * it: each feeder has a publisher of its household kW array (10 % of households drawing 3 kW at any
 * minute, from the kernel's seeded streams) and its grid federate. Measured per grid step: wall
 * time, thread CPU time and bytes allocated (HotSpot's per-thread allocation counter); per run: the
 * whole federation's CPU time (kernel and publishers included). One kernel thread; JIT warm-up first.
 * Prints one JSON object.
 */
public final class GridFederateBench {

    /** Medians over all timed grid steps of all repeats. */
    public record Result(int feeders, int steps, int repeats, double medianStepUs, double p90StepUs, double medianStepCpuUs,
                         double allocatedBytesPerStep, double runCpuSeconds, double meanIterations, double parseMsPerFeeder) {
    }

    private GridFederateBench() {
    }

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private static long allocated() {
        return MX instanceof com.sun.management.ThreadMXBean t ? t.getThreadAllocatedBytes(Thread.currentThread().getId()) : 0;
    }

    /** A grid federate with its step timed. */
    private static final class Timed implements Federate {
        final GridFederate grid;
        final double[] wallNs;
        final double[] cpuNs;
        final double[] bytes;
        int k;
        long iterations;

        Timed(GridFederate grid, int steps) {
            this.grid = grid;
            this.wallNs = new double[steps];
            this.cpuNs = new double[steps];
            this.bytes = new double[steps];
        }

        public String name() {
            return grid.name();
        }

        public long initialize(Setup s) {
            return grid.initialize(s);
        }

        public long step(Step s) {
            long a0 = allocated();
            long c0 = MX.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long next = grid.step(s);
            long t1 = System.nanoTime();
            long c1 = MX.getCurrentThreadCpuTime();
            long a1 = allocated();
            if (k < wallNs.length) {
                wallNs[k] = t1 - t0;
                cpuNs[k] = c1 - c0;
                bytes[k] = a1 - a0;
                k++;
            }
            iterations += grid.lastIterations();
            return next;
        }
    }

    /** Publishes one feeder's household kW array every minute. */
    private static final class Households implements Federate {
        final String name;
        final ValueKey<double[]> key;
        final int n;

        Households(String name, String key, int n) {
            this.name = name;
            this.key = GridFederate.powerKey(key);
            this.n = n;
        }

        public String name() {
            return name;
        }

        public long initialize(Setup s) {
            s.publishes(key, new double[0]);
            return 0;
        }

        public long step(Step s) {
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = s.random().nextDouble() < 0.1 ? 3.0 : 0.0;
            }
            s.publish(key, p);
            return s.now() + SimTime.MIN;
        }
    }

    /** Loads {@code feeders} copies (timing the parse), then runs {@code steps} minutes {@code repeats} times. */
    public static Result run(int feeders, int steps, int repeats) {
        long p0 = System.nanoTime();
        List<Feeder> copies = new ArrayList<>();
        for (int f = 0; f < feeders; f++) {
            copies.add(Feeder.europeanLv());
        }
        double parseMs = (System.nanoTime() - p0) / 1e6 / feeders;
        once(copies.subList(0, 1), Math.min(steps, 1440)); // JIT warm-up
        int total = feeders * steps * repeats;
        double[] wall = new double[total];
        double[] cpu = new double[total];
        double[] bytes = new double[total];
        double runCpu = 0;
        long iterations = 0;
        int at = 0;
        for (int r = 0; r < repeats; r++) {
            for (Feeder f : copies) {
                f.simulation().rebuildNetwork(); // the state of a fresh feeder, as the study does between runs
            }
            long c0 = MX.getCurrentThreadCpuTime();
            List<Timed> timed = once(copies, steps);
            runCpu += (MX.getCurrentThreadCpuTime() - c0) / 1e9;
            for (Timed t : timed) {
                System.arraycopy(t.wallNs, 0, wall, at, t.k);
                System.arraycopy(t.cpuNs, 0, cpu, at, t.k);
                System.arraycopy(t.bytes, 0, bytes, at, t.k);
                at += t.k;
                iterations += t.iterations;
            }
        }
        wall = Arrays.copyOf(wall, at);
        cpu = Arrays.copyOf(cpu, at);
        bytes = Arrays.copyOf(bytes, at);
        Arrays.sort(wall);
        Arrays.sort(cpu);
        Arrays.sort(bytes);
        return new Result(feeders, steps, repeats, wall[at / 2] / 1e3, wall[(int) (at * 0.9)] / 1e3, cpu[at / 2] / 1e3,
                bytes[at / 2], runCpu / repeats, (double) iterations / at, parseMs);
    }

    private static List<Timed> once(List<Feeder> feeders, int steps) {
        Federation fed = new Federation();
        List<Timed> timed = new ArrayList<>();
        for (int f = 0; f < feeders.size(); f++) {
            Feeder feeder = feeders.get(f);
            String prefix = "feeder" + f;
            List<String> loads = feeder.loadNames();
            GridFederate g = new GridFederate(feeder, GridFederateConfig.of("grid" + f, prefix, loads).withAfter("households" + f));
            fed.add(new Households("households" + f, prefix + "/load_kw", loads.size()));
            Timed t = new Timed(g, steps);
            fed.add(t);
            timed.add(t);
        }
        fed.recorder(Recorder.discard()).run(KernelOptions.of(1L, (steps - 1) * SimTime.MIN));
        return timed;
    }

    /** {@code [--feeders N] [--steps S] [--repeats R]}; prints one JSON object. */
    public static void main(String[] args) {
        int feeders = 1;
        int steps = 1440;
        int repeats = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            int v = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--feeders" -> feeders = v;
                case "--steps" -> steps = v;
                case "--repeats" -> repeats = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Result r = run(feeders, steps, repeats);
        System.out.printf(Locale.ROOT, "{\"feeders\": %d, \"steps\": %d, \"repeats\": %d, \"median_step_us\": %.1f, \"p90_step_us\": %.1f,"
                        + " \"median_step_cpu_us\": %.1f, \"median_allocated_bytes_per_step\": %.0f, \"run_cpu_s\": %.2f,"
                        + " \"run_cpu_us_per_feeder_step\": %.1f, \"mean_iterations\": %.2f, \"parse_ms_per_feeder\": %.0f}%n",
                r.feeders(), r.steps(), r.repeats(), r.medianStepUs(), r.p90StepUs(), r.medianStepCpuUs(), r.allocatedBytesPerStep(),
                r.runCpuSeconds(), r.runCpuSeconds() * 1e6 / ((double) r.feeders() * r.steps()), r.meanIterations(), r.parseMsPerFeeder());
    }
}
