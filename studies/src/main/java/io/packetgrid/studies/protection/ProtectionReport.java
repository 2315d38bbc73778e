package io.packetgrid.studies.protection;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.radio.network.UrllcConfig;
import io.packetgrid.studies.protection.ProtectionValidator.Result;
import io.packetgrid.studies.protection.ProtectionValidator.RowResult;
import io.packetgrid.studies.protection.ProtectionValidator.Variant;
import io.packetgrid.studies.protection.eval.Row;
import io.packetgrid.studies.protection.model.ProtectionSystem;
import io.packetgrid.studies.protection.scenario.ProtectionScenario;
import io.packetgrid.studies.protection.scenario.RequirementSpec;
import io.packetgrid.studies.report.Summary;
import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes the results of {@code protection validate}: {@code summary.json} (the {@code requirements} table
 * of CLI.md, with a {@code details} list of how each row was estimated, and the variants), CSVs of the
 * latency CCDFs and of the fault-to-isolation times, and PNG plots of both. Same scenario and seed, same
 * JSON and CSV bytes (numbers print as shortest round-trip decimals).
 */
public final class ProtectionReport {
    private ProtectionReport() {
    }

    /** The row's scheme label: {@code <variant>/<scheme>} when the scenario has variants. */
    public static String label(Result r, RowResult row) {
        return r.variants().size() > 1 || !row.variant().name().equals("base")
                ? row.variant().name() + "/" + row.row().schemeName() : row.row().schemeName();
    }

    public static void write(Path dir, Result r, ProtectionSystem sys) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new PacketGridException(dir.toString(), "cannot create: " + e.getMessage());
        }
        atomic(dir.resolve("summary.json"), summary(r, sys));
        atomic(dir.resolve("ccdf.csv"), ccdfCsv(r, sys));
        atomic(dir.resolve("isolation.csv"), isolationCsv(r, sys));
        plots(dir, r, sys);
    }

    static String summary(Result r, ProtectionSystem sys) {
        ProtectionScenario s = sys.scenario();
        ObjectNode root = Summary.JSON.createObjectNode();
        root.put("study", "protection");
        root.put("scenario", s.name());
        root.put("seed", s.seed());
        root.put("samples", r.samples());
        root.put("method", s.method());
        root.put("confidence", s.confidence());
        ArrayNode req = root.putArray("requirements");
        ArrayNode det = root.putArray("details");
        for (RowResult x : r.table()) {
            ObjectNode o = req.addObject();
            o.put("scheme", label(r, x));
            o.put("requirement", x.row().requirementName());
            o.put("deadline_ms", x.row().deadlineNs() / 1e6);
            number(o, "miss_probability", x.missProbability());
            number(o, "ci_low", x.ciLow());
            number(o, "ci_high", x.ciHigh());
            o.put("pass", x.pass());
            ObjectNode d = det.addObject();
            RequirementSpec spec = s.requirements().get(x.row().requirement());
            d.put("scheme", label(r, x));
            d.put("requirement", x.row().requirementName());
            d.put("variant", x.variant().name());
            d.put("metric", x.row().metric().name().toLowerCase(Locale.ROOT));
            d.put("bytes", x.row().bytes());
            d.put("max_miss", x.row().maxMiss());
            d.put("method", x.method());
            d.put("samples_contributing", x.samples());
            number(d, "event_weight", x.weight());
            number(d, "analytic_miss_probability", x.analytic());
            number(d, "sampled_miss_probability", x.sampled());
            d.put("sampled_trials", x.trials());
            d.put("sampled_misses", x.misses());
            number(d, "sampled_ci_low", x.sampledCi()[0]);
            number(d, "sampled_ci_high", x.sampledCi()[1]);
            d.put("source", spec.source());
        }
        ObjectNode vs = root.putObject("variants");
        for (int v = 0; v < r.variants().size(); v++) {
            Variant var = r.variants().get(v);
            ObjectNode o = vs.putObject(var.name());
            o.put("description", var.description());
            UrllcConfig u = var.scenario().radio().urllc();
            o.put("urllc_uplink", u.uplink().name().toLowerCase(Locale.ROOT));
            o.put("urllc_symbols", u.symbols());
            o.put("urllc_repetitions", u.repetitions());
            o.put("urllc_harq_rounds", u.harqRounds());
            o.put("background_pusch_utilization", var.scenario().radio().background().puschUtilization());
            o.put("uplink_preemption", var.scenario().coexistence().uplinkPreemption());
            o.put("fleet_pusch_utilization", var.fleetUtilization());
            o.put("uplink_erasure_probability", var.erasure());
            int pass = 0;
            int fail = 0;
            for (RowResult x : r.table()) {
                if (x.variant() == var) {
                    if (x.pass()) {
                        pass++;
                    } else {
                        fail++;
                    }
                }
            }
            o.put("rows_passed", pass);
            o.put("rows_failed", fail);
            o.put("all_pass", fail == 0);
            ObjectNode iso = o.putObject("isolation_ms");
            for (ProtectionSystem.BoundScheme sc : sys.schemes()) {
                double[] t = finite(r.isolationMs()[v][sc.index()]);
                ObjectNode q = iso.putObject(sc.name());
                q.put("events", t.length);
                if (t.length > 0) {
                    q.put("p50", quantile(t, 0.5));
                    q.put("p99", quantile(t, 0.99));
                    q.put("p999", quantile(t, 0.999));
                    q.put("max", t[t.length - 1]);
                }
            }
        }
        try {
            return Summary.JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void number(ObjectNode o, String k, double v) {
        if (Double.isFinite(v)) {
            o.put(k, v);
        } else {
            o.putNull(k);
        }
    }

    private static double[] finite(double[] a) {
        double[] f = Arrays.stream(a).filter(Double::isFinite).toArray();
        Arrays.sort(f);
        return f;
    }

    private static double quantile(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static String ccdfCsv(Result r, ProtectionSystem sys) {
        StringBuilder b = new StringBuilder("variant,scheme,latency_ms,ccdf\n");
        for (int v = 0; v < r.variants().size(); v++) {
            for (ProtectionSystem.BoundScheme sc : sys.schemes()) {
                double[] c = r.ccdf()[v][sc.index()];
                if (Double.isNaN(c[0])) {
                    continue;
                }
                for (int g = 0; g < r.gridNs().length; g++) {
                    b.append(r.variants().get(v).name()).append(',').append(sc.name()).append(',')
                            .append(r.gridNs()[g] / 1e6).append(',').append(c[g]).append('\n');
                }
            }
        }
        return b.toString();
    }

    static String isolationCsv(Result r, ProtectionSystem sys) {
        StringBuilder b = new StringBuilder("variant,scheme,sample,isolation_ms\n");
        for (int v = 0; v < r.variants().size(); v++) {
            for (ProtectionSystem.BoundScheme sc : sys.schemes()) {
                double[] t = r.isolationMs()[v][sc.index()];
                for (int i = 0; i < t.length; i++) {
                    if (Double.isNaN(t[i])) {
                        continue;
                    }
                    b.append(r.variants().get(v).name()).append(',').append(sc.name()).append(',').append(i).append(',')
                            .append(Double.isInfinite(t[i]) ? "inf" : Double.toString(t[i])).append('\n');
                }
            }
        }
        return b.toString();
    }

    private static void plots(Path dir, Result r, ProtectionSystem sys) {
        System.setProperty("java.awt.headless", "true");
        for (ProtectionSystem.BoundScheme sc : sys.schemes()) {
            XYChart c = new XYChartBuilder().width(900).height(600).title("Transfer-time CCDF: " + sc.name())
                    .xAxisTitle("latency (ms)").yAxisTitle("P[latency > x]").build();
            c.getStyler().setXAxisLogarithmic(true);
            c.getStyler().setYAxisLogarithmic(true);
            c.getStyler().setMarkerSize(0);
            double yMin = 1.0;
            for (int v = 0; v < r.variants().size(); v++) {
                double[] y = r.ccdf()[v][sc.index()];
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (int g = 0; g < r.gridNs().length; g++) {
                    if (y[g] > 1e-15) {
                        xs.add(r.gridNs()[g] / 1e6);
                        ys.add(y[g]);
                        yMin = Math.min(yMin, y[g]);
                    }
                }
                if (!xs.isEmpty()) {
                    XYSeries s = c.addSeries(r.variants().get(v).name(), xs, ys);
                    s.setMarker(SeriesMarkers.NONE);
                }
            }
            TreeSet<Long> deadlines = new TreeSet<>();
            for (Row row : r.rows()) {
                if (row.scheme() == sc.index() && row.metric() == RequirementSpec.Metric.TRANSFER) {
                    deadlines.add(row.deadlineNs());
                }
            }
            for (long d : deadlines) {
                XYSeries s = c.addSeries("deadline " + d / 1e6 + " ms", new double[] {d / 1e6, d / 1e6},
                        new double[] {Math.max(1e-15, yMin), 1.0});
                s.setMarker(SeriesMarkers.NONE);
                s.setLineStyle(new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 3}, 0));
            }
            if (!c.getSeriesCollection().isEmpty()) {
                save(c, dir.resolve("ccdf-" + sc.name() + ".png"));
            }
            XYChart iso = new XYChartBuilder().width(900).height(600).title("Fault-to-isolation time: " + sc.name())
                    .xAxisTitle("time from fault inception (ms)").yAxisTitle("P[time >= x]").build();
            iso.getStyler().setXAxisLogarithmic(true);
            iso.getStyler().setYAxisLogarithmic(true);
            iso.getStyler().setMarkerSize(0);
            for (int v = 0; v < r.variants().size(); v++) {
                double[] t = finite(r.isolationMs()[v][sc.index()]);
                if (t.length == 0) {
                    continue;
                }
                // the empirical P[T >= x] at each distinct time (a lump of equal times keeps its mass)
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                // P[T >= x] is a step: p_i = (n − i)/n from just after the previous distinct time up to t_i,
                // then it drops to the share of times above t_i
                for (int i = 0; i < t.length; ) {
                    int j = i;
                    while (j + 1 < t.length && t[j + 1] == t[i]) {
                        j++;
                    }
                    if (t[i] > 0) {
                        xs.add(t[i]);
                        ys.add((double) (t.length - i) / t.length);
                        double after = (double) (t.length - j - 1) / t.length;
                        if (after > 0) {
                            xs.add(t[i]);
                            ys.add(after);
                        }
                    }
                    i = j + 1;
                }
                if (!xs.isEmpty()) {
                    XYSeries s = iso.addSeries(r.variants().get(v).name(), xs, ys);
                    s.setMarker(SeriesMarkers.NONE);
                }
            }
            if (!iso.getSeriesCollection().isEmpty()) {
                save(iso, dir.resolve("isolation-" + sc.name() + ".png"));
            }
        }
    }

    private static void save(XYChart c, Path file) {
        try {
            BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write the plot: " + e.getMessage());
        }
    }

    static void atomic(Path file, String content) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write: " + e.getMessage());
        }
    }
}
