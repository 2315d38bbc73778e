package io.packetgrid.studies.protection;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.grid.fault.FaultAnalysis;
import io.packetgrid.grid.fault.FaultSpec;
import io.packetgrid.radio.network.RadioConfig;
import io.packetgrid.studies.protection.eval.Row;
import io.packetgrid.studies.protection.eval.SampleEvaluator;
import io.packetgrid.studies.protection.eval.SampleOutput;
import io.packetgrid.studies.protection.model.FaultSampler;
import io.packetgrid.studies.protection.model.ProtectionSystem;
import io.packetgrid.studies.protection.radio.LinkConfigs;
import io.packetgrid.studies.protection.radio.RadioSample;
import io.packetgrid.studies.protection.radio.SampleLinks;
import io.packetgrid.studies.protection.scenario.CoexistenceSpec;
import io.packetgrid.studies.protection.scenario.ProtectionScenario;
import io.packetgrid.studies.protection.scenario.RequirementSpec;
import io.packetgrid.studies.protection.stats.Intervals;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The Monte Carlo of {@code protection validate}: for every sample a fault (location, type, phases,
 * resistance), the devices' positions and the radio's shadowing and line of sight, common to every variant;
 * per variant the schemes' messages over that variant's radio. Samples are evaluated in chunks on any
 * number of threads, each sample from its own seeded streams, and combined in sample order: the result
 * does not depend on the thread count.
 */
public final class ProtectionValidator {
    static final int CHUNK = 128;

    /**
     * A variant as evaluated: its scenario, the PEM fleet's busy share of the uplink units (given or
     * measured) and the resulting erasure probability of an uplink URLLC repetition.
     */
    public record Variant(String name, String description, ProtectionScenario scenario, double fleetUtilization, double erasure) {

        /** The variant of a scenario file, its PEM fleet measured over its own radio when the scenario has one. */
        public static Variant of(ProtectionScenarios.Variant v, ProtectionSystem sys) {
            ProtectionScenario s = v.scenario();
            double fleet = ProtectionValidator.fleetUtilization(s, sys);
            return new Variant(v.name(), v.description(), s, fleet, ProtectionValidator.erasure(s, fleet));
        }
    }

    /** The PEM fleet's busy share of the uplink units: measured, or from {@code fleet_messages_per_s}. */
    public static double fleetUtilization(ProtectionScenario s, ProtectionSystem sys) {
        CoexistenceSpec c = s.coexistence();
        RadioConfig r = s.radio();
        if (c.fleet() != null) {
            return FleetLoad.measure(sys, r, c.fleet(), s.seed()).utilization();
        }
        double slotS = 1e-3 / (1 << r.numerology());
        return c.fleetMessagesPerS() * slotS / r.mmtc().puschUnitsPerSlot();
    }

    /** One row of the table with what went into it. */
    public record RowResult(Variant variant, Row row, String method, double missProbability, double ciLow, double ciHigh,
                            boolean pass, long samples, double weight, double analytic, double sampled, long trials,
                            long misses, double[] sampledCi) {
    }

    /** Everything a report needs. */
    public record Result(List<Variant> variants, List<Row> rows, List<RowResult> table, long[] gridNs,
                         double[][][] ccdf, double[][][] isolationMs, int samples) {
    }

    private ProtectionValidator() {
    }

    /** The uplink erasure probability of a variant (0 with pre-emption): background plus the fleet's share. */
    public static double erasure(ProtectionScenario s, double fleetUtilization) {
        if (s.coexistence().uplinkPreemption()) {
            return 0;
        }
        return Math.min(1.0, s.radio().background().puschUtilization() + fleetUtilization);
    }

    /** The rows: every scheme against every requirement that applies to it. */
    public static List<Row> rows(ProtectionSystem sys) {
        ProtectionScenario s = sys.scenario();
        List<Row> rows = new ArrayList<>();
        for (int q = 0; q < s.requirements().size(); q++) {
            RequirementSpec req = s.requirements().get(q);
            for (String name : req.schemes()) {
                if (sys.schemes().stream().noneMatch(b -> b.name().equals(name))) {
                    throw new PacketGridException("requirements[" + q + "].schemes", "no scheme named '" + name + "'");
                }
            }
        }
        for (ProtectionSystem.BoundScheme sc : sys.schemes()) {
            for (int q = 0; q < s.requirements().size(); q++) {
                RequirementSpec req = s.requirements().get(q);
                if (req.appliesTo(sc.name())) {
                    rows.add(new Row(sc.index(), q, sc.name(), req.name(), req.metricValue(), req.deadline().ns(), req.maxMiss(),
                            req.bytes() != null ? req.bytes() : sc.bytes()));
                }
            }
        }
        if (rows.isEmpty()) { // an empty table with exit 0 would read as "every requirement passes"
            throw new PacketGridException("requirements", s.requirements().isEmpty()
                    ? "none given: protection validate needs at least one requirement to check"
                    : "none applies to any scheme: nothing to validate");
        }
        return rows;
    }

    /** The latency grid of the CCDF plots: 0.1 ms to 200 ms, 40 points a decade. */
    static long[] grid() {
        int n = (int) Math.round(40 * Math.log10(2000)) + 1;
        long[] g = new long[n];
        for (int i = 0; i < n; i++) {
            g[i] = Math.round(1e5 * Math.pow(10, i / 40.0));
        }
        return g;
    }

    /**
     * Runs the Monte Carlo.
     *
     * @param progress told the number of samples done (from worker threads, at chunk ends)
     */
    public static Result run(ProtectionSystem sys, List<Variant> variants, int threads, IntConsumer progress) {
        ProtectionScenario s = sys.scenario();
        int n = s.samples();
        List<Row> rows = rows(sys);
        long[] grid = grid();
        int nv = variants.size();
        int nr = rows.size();
        int ns = sys.schemes().size();
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[][][] weight = new double[nv][nr][n];
        double[][][] miss = new double[nv][nr][n];
        long[][][] trials = new long[nv][nr][chunks];
        long[][][] misses = new long[nv][nr][chunks];
        double[][][] iso = new double[nv][ns][n];
        double[][][][] ccdfChunk = new double[chunks][nv][ns][grid.length];
        double[][][] ccdfWChunk = new double[chunks][nv][ns];
        RandomStreams streams = new RandomStreams(s.seed());
        LinkConfigs configs = new LinkConfigs();
        List<LinkConfigs.VariantRadio> radios = new ArrayList<>();
        for (Variant var : variants) {
            radios.add(configs.register(var.scenario().radio(), var.erasure()));
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int k = Math.max(1, Math.min(threads, chunks));
        ExecutorService pool = Executors.newFixedThreadPool(k, r -> {
            Thread t = new Thread(r, "protection-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < k; w++) {
                fs.add(pool.submit(() -> {
                    FaultAnalysis fa = sys.preFault().analysis();
                    FaultSampler faults = new FaultSampler(sys);
                    SampleEvaluator eval = new SampleEvaluator(sys, rows, grid);
                    SampleOutput out = new SampleOutput(nr, ns, grid.length);
                    int c;
                    while ((c = next.getAndIncrement()) < chunks) {
                        for (int i = c * CHUNK; i < Math.min(n, (c + 1) * CHUNK); i++) {
                            UniformRandomProvider rng = streams.stream("protection:sample:" + i);
                            FaultSpec f = faults.draw(rng);
                            SampleEvaluator.Response resp = eval.respond(fa.solve(f));
                            double[][] xy = positions(sys, rng);
                            SampleLinks links = new SampleLinks(configs, sys.endpoints(), xy, rng.nextLong());
                            for (int v = 0; v < nv; v++) {
                                RadioSample radio = new RadioSample(radios.get(v), links);
                                eval.evaluate(resp, radio, streams.stream("protection:draws:" + i), out);
                                for (int r = 0; r < nr; r++) {
                                    weight[v][r][i] = out.weight[r];
                                    miss[v][r][i] = out.miss[r];
                                    trials[v][r][c] += out.trials[r];
                                    misses[v][r][c] += out.misses[r];
                                }
                                for (int sc = 0; sc < ns; sc++) {
                                    iso[v][sc][i] = out.isolationMs[sc];
                                    double cw = out.ccdfWeight[sc];
                                    if (cw > 0) {
                                        ccdfWChunk[c][v][sc] += cw;
                                        for (int g = 0; g < grid.length; g++) {
                                            ccdfChunk[c][v][sc][g] += cw * out.ccdf[sc][g];
                                        }
                                    }
                                }
                            }
                        }
                        progress.accept(done.addAndGet(Math.min(n, (c + 1) * CHUNK) - c * CHUNK));
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(t);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PacketGridException("protection validate", "interrupted");
        } finally {
            pool.shutdownNow();
        }
        // combine in sample / chunk order (independent of the threads)
        double[][][] ccdf = new double[nv][ns][grid.length];
        for (int v = 0; v < nv; v++) {
            for (int sc = 0; sc < ns; sc++) {
                double wsum = 0;
                double[] acc = new double[grid.length];
                for (int c = 0; c < chunks; c++) {
                    wsum += ccdfWChunk[c][v][sc];
                    for (int g = 0; g < grid.length; g++) {
                        acc[g] += ccdfChunk[c][v][sc][g];
                    }
                }
                for (int g = 0; g < grid.length; g++) {
                    ccdf[v][sc][g] = wsum > 0 ? acc[g] / wsum : Double.NaN;
                }
            }
        }
        List<RowResult> table = new ArrayList<>();
        boolean forceSampled = s.method().equals("sampled");
        for (int v = 0; v < nv; v++) {
            for (int r = 0; r < nr; r++) {
                long t = 0;
                long m = 0;
                for (int c = 0; c < chunks; c++) {
                    t += trials[v][r][c];
                    m += misses[v][r][c];
                }
                boolean analyticOk = true;
                long applicable = 0;
                double wsum = 0;
                for (int i = 0; i < n; i++) {
                    if (weight[v][r][i] > 0) {
                        applicable++;
                        wsum += weight[v][r][i];
                        if (Double.isNaN(miss[v][r][i])) {
                            analyticOk = false;
                        }
                    }
                }
                double conf = s.confidence();
                double[] cp = Intervals.clopperPearson(m, t, conf);
                double sampledEst = t > 0 ? (double) m / t : Double.NaN;
                double[] a = analyticOk ? Intervals.weightedMean(weight[v][r], miss[v][r], n, conf) : null;
                Row row = rows.get(r);
                String method;
                double est;
                double lo;
                double hi;
                if (a != null && !forceSampled) {
                    method = "analytic";
                    est = a[0];
                    lo = a[1];
                    hi = a[2];
                } else {
                    method = "sampled";
                    est = sampledEst;
                    lo = cp[0];
                    hi = cp[1];
                }
                boolean exercised = t > 0 || a != null;
                boolean pass = exercised && hi <= row.maxMiss();
                table.add(new RowResult(variants.get(v), row, method, est, lo, hi, pass, applicable, wsum,
                        a == null ? Double.NaN : a[0], sampledEst, t, m, cp));
            }
        }
        return new Result(variants, rows, table, grid, ccdf, iso, n);
    }

    /** Device positions of a sample: base, plus a common feeder offset, plus each device's own. */
    static double[][] positions(ProtectionSystem sys, UniformRandomProvider rng) {
        var p = sys.scenario().placement();
        double[] off = disc(rng, p.feederJitterM());
        int nd = sys.endpoints().size();
        double[][] xy = new double[nd][];
        for (int d = 0; d < nd; d++) {
            double[] b = sys.position(d);
            double[] j = disc(rng, p.deviceJitterM());
            xy[d] = new double[] {b[0] + off[0] + j[0], b[1] + off[1] + j[1]};
        }
        return xy;
    }

    /** A uniform point in a disc of radius r (r = R √U, θ uniform). */
    static double[] disc(UniformRandomProvider rng, double radius) {
        double u = rng.nextDouble();
        double th = 2 * Math.PI * rng.nextDouble();
        double rad = radius * Math.sqrt(u);
        return new double[] {rad * Math.cos(th), rad * Math.sin(th)};
    }
}
