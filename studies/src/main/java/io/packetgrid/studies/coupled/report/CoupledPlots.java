package io.packetgrid.studies.coupled.report;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.stats.ValueCounts;
import io.packetgrid.studies.coupled.CoupledMetrics;
import io.packetgrid.studies.coupled.FeederRun;
import io.packetgrid.studies.coupled.VariantResult;
import io.packetgrid.studies.coupled.grid.FeederTemplate;
import io.packetgrid.studies.coupled.grid.GridSeries;
import io.packetgrid.studies.coupled.household.FeederPlan;
import io.packetgrid.studies.coupled.scenario.CoupledScenario;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The study's PNG plots (XChart, headless): flexible power against the target, the LV voltage envelope
 * over the day with the EN 50160 band, the request → reply latency CDF, and a map of each variant's
 * lowest voltage per bus drawn from the feeder's bus coordinates.
 */
public final class CoupledPlots {
    private static final Color[] PALETTE = {new Color(0xD62728), new Color(0x1F77B4), new Color(0x2CA02C), new Color(0x9467BD),
            new Color(0xFF7F0E), new Color(0x8C564B)};

    private CoupledPlots() {
    }

    /**
     * Draws every plot of the study into {@code dir}, up to {@code threads} at once (each plot is its own chart and
     * file, drawn the same whatever the thread: the files are byte-identical to drawing them one after another; a
     * feeder map of a large network takes a second or more).
     */
    public static void all(Path dir, CoupledScenario s, FeederTemplate template, Map<String, VariantResult> results, int threads) {
        System.setProperty("java.awt.headless", "true");
        List<Runnable> plots = new ArrayList<>();
        if (results.values().iterator().next().feeders().get(0).grid() != null && template.hasCoordinates()) {
            for (Map.Entry<String, VariantResult> e : results.entrySet()) {
                plots.add(() -> map(dir.resolve("feeder_map_" + e.getKey() + ".png"), s, template, e.getKey(), e.getValue()));
            }
        }
        plots.add(() -> power(dir.resolve("power_vs_target.png"), s, results));
        if (results.values().iterator().next().feeders().get(0).grid() != null) {
            plots.add(() -> voltage(dir.resolve("voltage_envelope.png"), s, results));
        }
        plots.add(() -> latency(dir.resolve("latency_cdf.png"), results));
        int n = Math.max(1, Math.min(threads, plots.size()));
        if (n == 1) {
            plots.forEach(Runnable::run);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "coupled-plots");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> drawn = new ArrayList<>();
            for (Runnable p : plots) {
                drawn.add(pool.submit(p));
            }
            for (Future<?> f : drawn) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PacketGridException(dir.toString(), "interrupted while drawing the plots");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PacketGridException p) {
                throw p;
            }
            throw new IllegalStateException("drawing a plot failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(1100).height(550).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setMarkerSize(0);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        if (x.startsWith("hour")) {
            // time of day on a date axis: XChart then picks whole-hour ticks
            c.getStyler().setDatePattern("HH:mm");
            c.getStyler().setTimezone(java.util.TimeZone.getTimeZone("UTC"));
        }
        return c;
    }

    /**
     * Pins a time-of-day axis to the data's first and last instants: left to itself XChart pads the range
     * and labels a tick before the first hour (an "11:00" before a run that starts at noon).
     */
    static void timeAxis(XYChart c, double firstHour, double lastHour) {
        c.getStyler().setXAxisMin((double) Math.round(firstHour * 3_600_000));
        c.getStyler().setXAxisMax((double) Math.round(lastHour * 3_600_000));
        // XChart keeps 4 % of the plot empty on each side (plotContentSize 0.92) and labels ticks there too
        c.getStyler().setPlotContentSize(1.0);
    }

    /** Hours since the start day's midnight as instants of 1 January 1970 (UTC), for a date axis. */
    static List<java.util.Date> dates(double[] hours) {
        List<java.util.Date> d = new ArrayList<>(hours.length);
        for (double h : hours) {
            d.add(new java.util.Date(Math.round(h * 3_600_000)));
        }
        return d;
    }

    static List<Double> values(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return out;
    }

    private static void save(XYChart c, Path file) {
        try {
            BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write the plot: " + e.getMessage());
        }
    }

    private static double hour(CoupledScenario s, double tS) {
        return (s.start().seconds() + tS) / 3600;
    }

    /** Flexible power of every variant and the target, averaged per grid step. */
    static void power(Path file, CoupledScenario s, Map<String, VariantResult> results) {
        XYChart c = chart("Flexible load against the target (" + s.name() + ")", "hour of day", "power (kW)");
        int per = (int) (s.gridStep().ns() / s.deviceStep().ns());
        VariantResult withTarget = results.values().stream().filter(r -> r.spec().pem()).findFirst()
                .orElse(results.values().iterator().next());
        double[][] t = average(withTarget.targetKw(), per, s);
        XYSeries ts = c.addSeries("target", dates(t[0]), values(t[1]));
        ts.setMarker(SeriesMarkers.NONE);
        ts.setLineColor(Color.BLACK);
        ts.setLineStyle(new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        int i = 0;
        for (Map.Entry<String, VariantResult> e : results.entrySet()) {
            double[][] p = average(e.getValue().flexKw(), per, s);
            XYSeries ser = c.addSeries(e.getKey(), dates(p[0]), values(p[1]));
            ser.setMarker(SeriesMarkers.NONE);
            ser.setLineColor(PALETTE[i++ % PALETTE.length]);
        }
        timeAxis(c, t[0][0], t[0][t[0].length - 1]);
        save(c, file);
    }

    private static double[][] average(double[] x, int per, CoupledScenario s) {
        int n = x.length / per;
        double[] h = new double[n];
        double[] v = new double[n];
        for (int b = 0; b < n; b++) {
            double sum = 0;
            int cnt = 0;
            for (int k = b * per; k < (b + 1) * per; k++) {
                if (Double.isFinite(x[k])) {
                    sum += x[k];
                    cnt++;
                }
            }
            h[b] = hour(s, b * s.gridStep().seconds());
            v[b] = cnt == 0 ? 0 : sum / cnt;
        }
        return new double[][] {h, v};
    }

    static void voltage(Path file, CoupledScenario s, Map<String, VariantResult> results) {
        XYChart c = chart("LV voltage envelope (lowest and highest phase voltage of all nodes)", "hour of day",
                String.format(Locale.ROOT, "voltage (pu of %.0f V)", s.gridLimits().nominalV()));
        int i = 0;
        double[] limX = null;
        for (Map.Entry<String, VariantResult> e : results.entrySet()) {
            int steps = e.getValue().feeders().get(0).grid().steps;
            double[] h = new double[steps];
            double[] lo = new double[steps];
            double[] hi = new double[steps];
            for (int k = 0; k < steps; k++) {
                h[k] = hour(s, k * s.gridStep().seconds());
                lo[k] = Double.POSITIVE_INFINITY;
                hi[k] = Double.NEGATIVE_INFINITY;
                for (FeederRun f : e.getValue().feeders()) {
                    lo[k] = Math.min(lo[k], f.grid().vMinPu[k]);
                    hi[k] = Math.max(hi[k], f.grid().vMaxPu[k]);
                }
            }
            Color col = PALETTE[i++ % PALETTE.length];
            XYSeries a = c.addSeries(e.getKey() + " min", dates(h), values(lo));
            a.setMarker(SeriesMarkers.NONE);
            a.setLineColor(col);
            XYSeries b = c.addSeries(e.getKey() + " max", dates(h), values(hi));
            b.setMarker(SeriesMarkers.NONE);
            b.setLineColor(col);
            b.setLineStyle(new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 3}, 0));
            limX = new double[] {h[0], h[steps - 1]};
        }
        for (double lim : new double[] {s.gridLimits().vMinPu(), s.gridLimits().vMaxPu()}) {
            XYSeries l = c.addSeries(String.format(Locale.ROOT, "EN 50160 %.2f pu", lim), dates(limX), List.of(lim, lim));
            l.setMarker(SeriesMarkers.NONE);
            l.setLineColor(Color.GRAY);
            l.setLineStyle(new BasicStroke(1.5f));
        }
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        timeAxis(c, limX[0], limX[1]);
        save(c, file);
    }

    static void latency(Path file, Map<String, VariantResult> results) {
        XYChart c = chart("Request → reply round trip seen by the devices", "round trip (ms)", "cumulative probability");
        boolean any = false;
        int i = 0;
        for (Map.Entry<String, VariantResult> e : results.entrySet()) {
            if (!e.getValue().spec().pem()) {
                i++;
                continue;
            }
            ValueCounts rt = CoupledMetrics.roundTrips(e.getValue());
            long size = rt.size();
            if (size == 0) {
                i++;
                continue;
            }
            int n = (int) Math.min(1001, size);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int q = 0; q < n; q++) {
                long idx = q * (size - 1) / Math.max(1, n - 1);
                x[q] = rt.at(idx) / 1e6;
                y[q] = (idx + 1.0) / size;
            }
            XYSeries ser = c.addSeries(e.getKey(), x, y);
            ser.setMarker(SeriesMarkers.NONE);
            ser.setLineColor(PALETTE[i++ % PALETTE.length]);
            any = true;
        }
        if (!any) {
            c.addSeries("no messages", new double[] {0, 1}, new double[] {0, 0}).setMarker(SeriesMarkers.NONE);
        }
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        save(c, file);
    }

    /** Buses coloured by the lowest voltage of the variant (per feeder copy, at its map position). */
    static void map(Path file, CoupledScenario s, FeederTemplate template, String variant, VariantResult r) {
        XYChart c = new XYChartBuilder().width(900).height(800).title("Lowest voltage per bus: " + variant)
                .xAxisTitle("x (m)").yAxisTitle("y (m)").build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        c.getStyler().setMarkerSize(5);
        double[] origin = template.origin();
        int segments = template.segments().size() * r.feeders().size();
        double[] bins = {Double.NEGATIVE_INFINITY, s.gridLimits().vMinPu(), s.gridLimits().vMinPu() + 0.03,
                s.gridLimits().vMinPu() + 0.06, 1.0, s.gridLimits().vMaxPu(), Double.POSITIVE_INFINITY};
        Color[] colours = {new Color(0xB2182B), new Color(0xEF8A62), new Color(0xFDDBC7), new Color(0xD1E5F0),
                new Color(0x67A9CF), new Color(0x2166AC)};
        List<List<double[]>> points = new ArrayList<>();
        for (int b = 0; b < colours.length; b++) {
            points.add(new ArrayList<>());
        }
        for (FeederRun run : r.feeders()) {
            FeederPlan plan = run.plan();
            double ox = (plan.copy() % s.feeder().columns()) * s.feeder().spacingM();
            double oy = -(plan.copy() / s.feeder().columns()) * s.feeder().spacingM();
            GridSeries g = run.grid();
            List<String> net = List.of(g.busNames);
            if (segments <= 6000) {
                double[] xs = new double[template.segments().size() * 3];
                double[] ys = new double[xs.length];
                int k = 0;
                for (String[] seg : template.segments()) {
                    double[] a = template.xy(seg[0]);
                    double[] b = template.xy(seg[1]);
                    if (a == null || b == null) {
                        continue;
                    }
                    xs[k] = a[0] - origin[0] + ox;
                    ys[k++] = a[1] - origin[1] + oy;
                    xs[k] = b[0] - origin[0] + ox;
                    ys[k++] = b[1] - origin[1] + oy;
                    xs[k] = Double.NaN;
                    ys[k++] = Double.NaN;
                }
                if (k > 0) {
                    XYSeries lines = c.addSeries("lines " + plan.name(), java.util.Arrays.copyOf(xs, k), java.util.Arrays.copyOf(ys, k));
                    lines.setMarker(SeriesMarkers.NONE);
                    lines.setLineColor(new Color(0xBBBBBB));
                    lines.setLineStyle(new BasicStroke(1.0f));
                    lines.setShowInLegend(false);
                }
            }
            for (int b = 0; b < g.busVMinPu.length && b < net.size(); b++) {
                double v = g.busVMinPu[b];
                double[] xy = template.xy(net.get(b));
                if (xy == null || Double.isNaN(v)) {
                    continue;
                }
                int bin = 0;
                while (bin < colours.length - 1 && v >= bins[bin + 1]) {
                    bin++;
                }
                points.get(bin).add(new double[] {xy[0] - origin[0] + ox, xy[1] - origin[1] + oy});
            }
        }
        String[] labels = {String.format(Locale.ROOT, "< %.2f pu", bins[1]),
                String.format(Locale.ROOT, "%.2f–%.2f", bins[1], bins[2]), String.format(Locale.ROOT, "%.2f–%.2f", bins[2], bins[3]),
                String.format(Locale.ROOT, "%.2f–%.2f", bins[3], bins[4]), String.format(Locale.ROOT, "%.2f–%.2f", bins[4], bins[5]),
                String.format(Locale.ROOT, "> %.2f pu", bins[5])};
        for (int b = 0; b < colours.length; b++) {
            List<double[]> pts = points.get(b);
            if (pts.isEmpty()) {
                continue;
            }
            double[] x = new double[pts.size()];
            double[] y = new double[pts.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = pts.get(i)[0];
                y[i] = pts.get(i)[1];
            }
            XYSeries ser = c.addSeries(labels[b], x, y);
            ser.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            ser.setMarker(SeriesMarkers.CIRCLE);
            ser.setMarkerColor(colours[b]);
        }
        save(c, file);
    }
}
