package io.packetgrid.studies.pem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.message.FixedDelayNetwork;
import io.packetgrid.cosim.message.IdealNetwork;
import io.packetgrid.cosim.message.Network;
import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.cosim.record.CsvFormat;
import io.packetgrid.cosim.record.CsvRecorder;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.pem.sim.Acc2017Experiment;
import io.packetgrid.pem.sim.Control;
import io.packetgrid.studies.report.Summary;
import io.packetgrid.studies.run.RunContext;
import io.packetgrid.studies.run.Study;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * {@code kind: acc2017}: reproduces Almassalkhi, Frolik &amp; Hines, ACC 2017 §IV (PEM-NOTES §4.1):
 * schemes thermostat, uncoordinated PEM(5), tracking PEM(5) and PEM(30) on the Table I fleet, and
 * the rebound test with and without the 300 kW/min ramp limit. Writes {@code summary.json}
 * (metrics per variant beside the published table), {@code tracking.csv}, {@code rebound.csv},
 * {@code tracking.png}, {@code rebound.png} and each variant's event log {@code <variant>/events.csv}.
 */
public final class Acc2017Study implements Study {
    private static final long MIN = 60_000_000_000L;

    /** ACC 2017 Table II, as published: E_M %, E_RMS kW, cycles/h, ΔT mean °C. */
    private static final Object[][] PUBLISHED = {
            {"thermostat", 23.0, 231.0, 0.6, 2.02},
            {"pem_uncoordinated", 25.0, 243.0, 5.0, 2.15},
            {"pem_5min", 0.6, 15.0, 4.0, 1.91},
            {"pem_30min", 1.3, 25.0, 1.4, 2.34},
    };

    @Override
    public String kind() {
        return "acc2017";
    }

    @Override
    public Summary run(JsonNode tree, String source, RunContext ctx) {
        Acc2017Scenario s = scenario(tree, source, ctx.scenarioDir());
        Acc2017Experiment.Config base = new Acc2017Experiment.Config(s.devices(), s.duration().ns(), s.step().ns(),
                s.baselineFrom().ns(), s.trackingFrom().ns(), 1e9 / s.mttr().ns(), 5_000_000_000L, s.nominalPacketKw(),
                s.referenceOffsetPct() / 100, s.referenceAmplitudePct() / 100);
        Acc2017Experiment exp = new Acc2017Experiment(base);
        List<Acc2017Experiment.Variant> variants = new ArrayList<>();
        for (Acc2017Scenario.VariantSpec v : s.variants()) {
            Control control = v.control().equals("pem") ? Control.PEM : Control.THERMOSTAT;
            Acc2017Experiment.Variant built = control == Control.THERMOSTAT ? Acc2017Experiment.thermostat()
                    : v.mode().equals("accept_all") ? Acc2017Experiment.uncoordinated(v.packet().ns())
                    : exp.tracking(v.name(), v.packet().ns());
            variants.add(new Acc2017Experiment.Variant(v.name(), built.control(), built.packetNs(), built.modes(), v.rampKwPerMin()));
        }
        Acc2017Experiment reboundExp = null;
        List<Acc2017Experiment.Variant> rebounds = new ArrayList<>();
        Acc2017Scenario.Rebound rb = s.rebound();
        if (rb != null) {
            long end = rb.denyFrom().ns() + rb.denyFor().ns() + rb.after().ns();
            reboundExp = new Acc2017Experiment(base.withDuration(end));
            rebounds.add(Acc2017Experiment.rebound(Acc2017Scenario.REBOUND_NO_LIMIT, rb.packet().ns(), rb.denyFrom().ns(), rb.denyFor().ns(), 0));
            rebounds.add(Acc2017Experiment.rebound(Acc2017Scenario.REBOUND_RAMP_LIMITED, rb.packet().ns(), rb.denyFrom().ns(), rb.denyFor().ns(),
                    rb.rampKwPerMin()));
        }
        Function<RandomStreams, Network> network = s.network() == null ? st -> new IdealNetwork()
                : st -> new FixedDelayNetwork(s.network().delay().ns(), s.network().loss(), st.stream("network"));

        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, ctx.threads()), r -> {
            Thread t = new Thread(r, "acc2017-variant");
            t.setDaemon(true);
            return t;
        });
        List<Future<Acc2017Experiment.Result>> futures = new ArrayList<>();
        long wall0 = System.nanoTime();
        try {
            // one reference for every scheme: scaled around uncoordinated PEM's mean power before tracking
            double baseline = exp.baseline(s.seed(), network);
            // each variant's event log (opt-outs, rejoins, interruptions, reply timeouts, late starts)
            // goes to <out>/<variant>/events.csv
            for (Acc2017Experiment.Variant v : variants) {
                futures.add(pool.submit(() -> {
                    try (CsvRecorder rec = new CsvRecorder(ctx.outDir().resolve(v.name()))) {
                        return exp.run(v, s.seed(), baseline, network, rec, io.packetgrid.cosim.kernel.ProgressListener.NONE);
                    }
                }));
            }
            for (Acc2017Experiment.Variant v : rebounds) {
                Acc2017Experiment re = reboundExp;
                futures.add(pool.submit(() -> {
                    try (CsvRecorder rec = new CsvRecorder(ctx.outDir().resolve(v.name()))) {
                        return re.run(v, s.seed(), baseline, network, rec, io.packetgrid.cosim.kernel.ProgressListener.NONE);
                    }
                }));
            }
            List<Acc2017Experiment.Result> results = new ArrayList<>();
            for (Future<Acc2017Experiment.Result> f : futures) {
                results.add(f.get());
            }
            double wallS = (System.nanoTime() - wall0) / 1e9;
            return report(s, base, results.subList(0, variants.size()), results.subList(variants.size(), results.size()), rb, ctx, wallS,
                    pool);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PacketGridException(source, "interrupted");
        } catch (ExecutionException e) {
            throw PacketGridException.ofTask(source, "a variant or figure", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The scenario record. A tree has no line numbers, so when it is rejected the original file is
     * read again to name the line (the tree differs from the file only by {@code --seed}).
     */
    @Override
    public Acc2017Scenario scenario(JsonNode tree, String source, Path scenarioDir) {
        try {
            return YamlFiles.convert(tree, source, Acc2017Scenario.class);
        } catch (PacketGridException e) {
            Path file = scenarioDir == null ? null : scenarioDir.resolve(source);
            if (file != null && Files.isRegularFile(file)) {
                try {
                    YamlFiles.read(Files.readString(file, StandardCharsets.UTF_8), source, Acc2017Scenario.class);
                } catch (PacketGridException withLine) {
                    throw withLine;
                } catch (IOException io) {
                    throw e;
                }
            }
            throw e;
        }
    }

    private Summary report(Acc2017Scenario s, Acc2017Experiment.Config base, List<Acc2017Experiment.Result> results,
                           List<Acc2017Experiment.Result> rebounds, Acc2017Scenario.Rebound rb, RunContext ctx, double wallS,
                           ExecutorService pool) throws InterruptedException, ExecutionException {
        Path dir = ctx.outDir();
        Summary summary = new Summary(kind(), s.name(), s.seed());
        ObjectNode root = summary.root();
        root.put("devices", s.devices());
        root.put("duration_s", s.duration().seconds());
        root.put("step_s", s.step().seconds());
        root.put("tracking_from_s", s.trackingFrom().seconds());
        root.put("source", "Almassalkhi, Frolik & Hines, ACC 2017, Table I (fleet) and Table II (published metrics)");
        for (Acc2017Experiment.Result r : results) {
            ObjectNode v = summary.variant(r.name());
            v.put("tracking_mae_pct", round(r.trackingMaePct(), 4));
            v.put("tracking_rms_kw", round(r.trackingRmsKw(), 3));
            v.put("cycles_per_hour", round(r.cyclesPerHour(), 3));
            v.put("cycles_per_hour_std", round(r.cyclesPerHourStd(), 3));
            v.put("switchings_per_hour", round(r.switchingsPerHour(), 3));
            v.put("temp_deviation_mean_c", round(r.tempDeviationMeanC(), 3));
            v.put("temp_deviation_std_c", round(r.tempDeviationStdC(), 3));
            v.put("baseline_kw", round(r.baselineKw(), 3));
            v.put("messages_per_device", round(r.messagesPerDevice(), 3));
            long sent = r.report().messagesSent();
            v.put("radio_loss_pct", sent == 0 ? 0.0 : round(100.0 * r.report().droppedTotal() / sent, 4));
            if (!Double.isNaN(r.latencyP50Ms())) {
                v.put("latency_p50_ms", round(r.latencyP50Ms(), 3));
                v.put("latency_p99_ms", round(r.latencyP99Ms(), 3));
            }
            v.put("requests", r.requests());
            v.put("accepted", r.accepted());
            v.put("denied", r.denied());
            v.put("reply_timeouts", r.timeouts());
            v.put("late_starts", r.lateStarts());
            for (Object[] p : PUBLISHED) {
                if (p[0].equals(r.name())) {
                    ObjectNode pub = v.putObject("published");
                    pub.put("tracking_mae_pct", (Double) p[1]);
                    pub.put("tracking_rms_kw", (Double) p[2]);
                    pub.put("cycles_per_hour", (Double) p[3]);
                    pub.put("note", "ACC 2017 counts 'cycles'; its values match our switchings_per_hour (on and off "
                            + "transitions), about twice our cycles_per_hour (off-to-on transitions)");
                    pub.put("temp_deviation_mean_c", (Double) p[4]);
                }
            }
        }
        double cut = Double.NaN;
        if (rb != null && rebounds.size() == 2) {
            long release = rb.denyFrom().ns() + rb.denyFor().ns();
            long window = Math.max(2 * rb.packet().ns(), 10 * MIN);
            double[] free = Acc2017Experiment.reboundPeak(rebounds.get(0), release, window);
            double[] lim = Acc2017Experiment.reboundPeak(rebounds.get(1), release, window);
            cut = 100 * (1 - (lim[1] - lim[0]) / (free[1] - free[0]));
            for (int i = 0; i < 2; i++) {
                double[] pk = i == 0 ? free : lim;
                ObjectNode v = summary.variant(rebounds.get(i).name());
                v.put("pre_release_kw", round(pk[0], 3));
                v.put("rebound_peak_kw", round(pk[1], 3));
                v.put("rebound_excess_kw", round(pk[1] - pk[0], 3));
                v.put("ramp_kw_per_min", i == 0 ? 0 : rb.rampKwPerMin());
            }
            root.put("rebound_peak_cut_pct", round(cut, 3));
            root.put("rebound_peak_cut_pct_published", 75.0);
        }
        summary.write(dir);
        // the two figures are independent and the variants' threads are idle by now: draw them side by side
        Future<?> reboundFigure = rebounds.isEmpty() ? null : pool.submit(() ->
                writeFigure(dir, "rebound", "ACC 2017 rebound: deny all, then release", rebounds, false));
        writeFigure(dir, "tracking", "ACC 2017: 1000 water heaters tracking a reference", results, true);
        if (reboundFigure != null) {
            reboundFigure.get();
        }
        printTable(ctx.out(), results, cut, wallS);
        return summary;
    }

    /** {@code <name>.csv} and {@code <name>.png}: fleet power (and the reference) over time. */
    private static void writeFigure(Path dir, String name, String title, List<Acc2017Experiment.Result> results,
                                    boolean withReference) {
        writeCsv(dir.resolve(name + ".csv"), results);
        Plots.timeSeries(dir.resolve(name + ".png"), title, results, withReference);
    }

    private static double round(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).setScale(digits, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    private static void writeCsv(Path file, List<Acc2017Experiment.Result> results) {
        StringBuilder b = new StringBuilder("time_s,reference_kw");
        for (Acc2017Experiment.Result r : results) {
            b.append(',').append(r.name()).append("_kw");
        }
        b.append('\n');
        Acc2017Experiment.Result first = results.get(0);
        for (int i = 0; i < first.timeS().length; i++) {
            b.append(CsvFormat.number(first.timeS()[i])).append(',').append(CsvFormat.number(round(first.referenceKw()[i], 6)));
            for (Acc2017Experiment.Result r : results) {
                b.append(',').append(i < r.powerKw().length ? CsvFormat.number(round(r.powerKw()[i], 6)) : "");
            }
            b.append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write: " + e.getMessage());
        }
    }

    private static void printTable(PrintStream out, List<Acc2017Experiment.Result> results, double cut, double wallS) {
        out.printf(Locale.ROOT, "ACC 2017 reproduction (ours | published), %.1f s%n", wallS);
        out.printf(Locale.ROOT, "%-18s %16s %18s %14s %16s%n", "variant", "MAE %", "RMS kW", "switch/h", "dT mean C");
        for (Acc2017Experiment.Result r : results) {
            Object[] p = null;
            for (Object[] row : PUBLISHED) {
                if (row[0].equals(r.name())) {
                    p = row;
                }
            }
            out.printf(Locale.ROOT, "%-18s %7.2f | %-6s %8.1f | %-6s %6.2f | %-5s %7.2f | %-5s%n", r.name(),
                    r.trackingMaePct(), p == null ? "-" : p[1], r.trackingRmsKw(), p == null ? "-" : p[2],
                    r.switchingsPerHour(), p == null ? "-" : p[3], r.tempDeviationMeanC(), p == null ? "-" : p[4]);
        }
        if (!Double.isNaN(cut)) {
            out.printf(Locale.ROOT, "rebound: the ramp limit cuts the first peak by %.0f %% (published: about 75 %%)%n", cut);
        }
    }
}
