package io.packetgrid.radio.bench;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.kernel.RunReport;
import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.radio.fading.RayleighNa;
import io.packetgrid.radio.fbl.Channel;
import io.packetgrid.radio.fbl.NormalApproximation;
import io.packetgrid.radio.network.RadioConfig;
import io.packetgrid.radio.network.RadioNetwork;
import io.packetgrid.radio.network.RadioStatistics;
import java.util.SplittableRandom;

/**
 * Benchmarks of the radio model's hot paths (one thread; after warm-up; JVM start excluded):
 * <ul>
 *   <li>AWGN normal-approximation evaluations per second: ε(n, k, ρ) for the complex channel over a
 *       table of 4096 random (n, k, ρ) (n 50–2000, k 16–2048 bits, ρ −5…35 dB, linear);</li>
 *   <li>Rayleigh-averaged evaluations per second over the same kind of inputs drawn from 64 (n, k)
 *       pairs (the tabulated form: a table per (n, k), reused as in a simulation), and the cost of a
 *       new (n, k) (building its table);</li>
 *   <li>an mMTC cell: N devices, one request of 32 bytes every 5 minutes each (random phase), a 16-byte
 *       reply from the server, NOMA pairing, for one simulated hour through the kernel.</li>
 * </ul>
 */
public final class RadioBench {
    private RadioBench() {
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * A rate measured both by the wall clock and by the thread's CPU time (which leaves out the time
     * the thread waited for a core: on a shared machine the CPU-time rate is the per-core throughput).
     */
    public record Rate(double perWallSecond, double perCpuSecond) {
    }

    /** Evaluations per second of the AWGN NA (wall clock), median of {@code repeats} timed rounds. */
    public static double awgnEvalsPerSecond(long evals, int repeats) {
        return awgnRate(evals, repeats).perWallSecond();
    }

    /** Evaluations per second of the AWGN NA, wall clock and CPU time, medians of {@code repeats} rounds. */
    public static Rate awgnRate(long evals, int repeats) {
        int size = 4096;
        double[] n = new double[size];
        double[] k = new double[size];
        double[] s = new double[size];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < size; i++) {
            n[i] = 50 + r.nextInt(1951);
            k[i] = 16 + r.nextInt(2033);
            s[i] = Math.pow(10, (-5 + 40 * r.nextDouble()) / 10);
        }
        double[] rates = new double[repeats];
        double[] cpu = new double[repeats];
        double sink = 0;
        for (int w = 0; w < 3; w++) {
            sink += awgnLoop(n, k, s, evals / 4);
        }
        for (int rep = 0; rep < repeats; rep++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += awgnLoop(n, k, s, evals);
            rates[rep] = evals / ((System.nanoTime() - t0) / 1e9);
            cpu[rep] = evals / ((THREADS.getCurrentThreadCpuTime() - c0) / 1e9);
        }
        blackhole(sink);
        return new Rate(median(rates), median(cpu));
    }

    private static double awgnLoop(double[] n, double[] k, double[] s, long evals) {
        double acc = 0;
        int mask = n.length - 1;
        for (long i = 0; i < evals; i++) {
            int j = (int) (i & mask);
            acc += NormalApproximation.errorProbability(Channel.COMPLEX, n[j], k[j], s[j], true);
        }
        return acc;
    }

    /** Rayleigh-averaged evaluations per second (tables warm, wall clock), median of {@code repeats}. */
    public static double rayleighEvalsPerSecond(long evals, int repeats) {
        return rayleighRate(evals, repeats).perWallSecond();
    }

    /** Rayleigh-averaged evaluations per second (tables warm), wall clock and CPU time. */
    public static Rate rayleighRate(long evals, int repeats) {
        int size = 4096;
        double[] n = new double[size];
        double[] k = new double[size];
        double[] s = new double[size];
        int[] ns = {50, 100, 150, 200, 300, 500, 1000, 2000};
        int[] ks = {16, 32, 64, 128, 256, 512, 1024, 2048};
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < size; i++) {
            n[i] = ns[r.nextInt(ns.length)];
            k[i] = ks[r.nextInt(ks.length)];
            s[i] = Math.pow(10, (-5 + 45 * r.nextDouble()) / 10);
        }
        double[] rates = new double[repeats];
        double[] cpu = new double[repeats];
        double sink = 0;
        for (int w = 0; w < 3; w++) {
            sink += rayleighLoop(n, k, s, evals / 4);
        }
        for (int rep = 0; rep < repeats; rep++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += rayleighLoop(n, k, s, evals);
            rates[rep] = evals / ((System.nanoTime() - t0) / 1e9);
            cpu[rep] = evals / ((THREADS.getCurrentThreadCpuTime() - c0) / 1e9);
        }
        blackhole(sink);
        return new Rate(median(rates), median(cpu));
    }

    private static double rayleighLoop(double[] n, double[] k, double[] s, long evals) {
        double acc = 0;
        int mask = n.length - 1;
        for (long i = 0; i < evals; i++) {
            int j = (int) (i & mask);
            acc += RayleighNa.errorProbability(n[j], k[j], s[j], true);
        }
        return acc;
    }

    /** Microseconds to build the table of a new (n, k) (median over {@code count} distinct pairs). */
    public static double rayleighNewTableMicros(int count) {
        double[] us = new double[count];
        double sink = 0;
        for (int i = 0; i < count; i++) {
            double n = 3000 + i; // never used elsewhere: a cold table every time
            double k = 700 + (i % 97);
            long t0 = System.nanoTime();
            sink += RayleighNa.errorProbability(n, k, 100.0, true);
            us[i] = (System.nanoTime() - t0) / 1e3;
        }
        blackhole(sink);
        return median(us);
    }

    /** Result of the cell benchmark ({@code cpuSeconds}: the running thread's CPU time). */
    public record CellResult(int devices, double simulatedHours, double wallSeconds, double cpuSeconds, long messages,
                             RadioStatistics statistics, RunReport report, io.packetgrid.radio.network.MmtcCounters counters) {
    }

    /** The mMTC cell with NOMA pairing: {@code devices} devices for {@code hours} simulated hours. */
    public static CellResult mmtcCell(int devices, double hours, long seed) {
        RadioConfig cfg = cellConfig();
        RandomStreams streams = new RandomStreams(seed);
        RadioNetwork net = new RadioNetwork(cfg, streams);
        Federation f = new Federation();
        f.add(new Server());
        for (int i = 0; i < devices; i++) {
            f.add(new Device("dev" + i));
        }
        f.network(net);
        long end = Math.round(hours * SimTime.H);
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        RunReport rep = f.run(KernelOptions.of(seed, end));
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
        return new CellResult(devices, hours, wall, cpu, rep.messagesSent(), net.statistics(), rep, net.mmtcCounters());
    }

    /** The cell of the benchmark: UMa at 3.5 GHz, 500 m radius, mMTC defaults with NOMA always on. */
    public static RadioConfig cellConfig() {
        return io.packetgrid.cosim.scenario.YamlFiles.read(String.join("\n",
                "propagation: uma",
                "carrier_ghz: 3.5",
                "wired: [server]",
                "device_area: {radius_m: 500, min_radius_m: 35}",
                "mmtc: {noma: always}",
                ""), "bench-cell.yaml", RadioConfig.class);
    }

    /** Requests 32 bytes every 5 minutes at a random phase; ignores replies. */
    static final class Device implements Federate {
        private final String name;
        private long next;

        Device(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long initialize(Setup s) {
            s.endpoint(name);
            next = (long) (s.random().nextDouble() * 5 * SimTime.MIN);
            return next;
        }

        @Override
        public long step(Step step) {
            if (step.now() >= next) {
                step.send(name, "server", null, 32, "mmtc");
                next += 5 * SimTime.MIN;
            }
            return next;
        }
    }

    /** Answers every request with 16 bytes. */
    static final class Server implements Federate {
        @Override
        public String name() {
            return "server";
        }

        @Override
        public long initialize(Setup s) {
            s.endpoint("server");
            return SimTime.NEVER;
        }

        @Override
        public long step(Step step) {
            for (Message m : step.inbox()) {
                step.send("server", m.from(), null, 16, "mmtc");
            }
            return SimTime.NEVER;
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }

    private static volatile double sinkField;

    private static void blackhole(double v) {
        sinkField = v;
    }
}
