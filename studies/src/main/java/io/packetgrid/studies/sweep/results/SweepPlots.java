package io.packetgrid.studies.sweep.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.studies.sweep.plan.PlanFile;
import io.packetgrid.studies.sweep.results.ResultsTables.PointStat;
import io.packetgrid.studies.sweep.spec.PlotSpec;
import io.packetgrid.studies.sweep.spec.Values;
import io.packetgrid.studies.sweep.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * PNG plots of a metric's mean over seeds against one swept field, with 95 % confidence intervals,
 * optionally one line per value of a second field; the sweep's other fields are held at the
 * {@code where:} values, which the title names. Numeric x values give a line chart (intervals clipped
 * at zero for metrics that cannot be negative), others a bar chart.
 */
public final class SweepPlots {
    private SweepPlots() {
    }

    /** Writes every plot of the plan into {@code dir}; returns the files written. */
    public static List<Path> write(Collected c, List<PointStat> stats, Path dir) {
        System.setProperty("java.awt.headless", "true");
        List<Path> files = new ArrayList<>();
        PlanFile plan = c.plan();
        for (PlotSpec p : plan.plots()) {
            List<MetricColumn> cols = columns(p, c.metrics());
            if (cols.isEmpty()) {
                continue;   // no results yet for a bare metric
            }
            int xi = plan.columns().indexOf(p.x());
            int si = p.series() == null ? -1 : plan.columns().indexOf(p.series());
            Map<Integer, JsonNode> where = new LinkedHashMap<>();
            p.where().forEach((k, v) -> where.put(plan.columns().indexOf(k), v));
            boolean perVariantLines = p.metric().indexOf('.') < 0 && si < 0;
            List<List<MetricColumn>> charts = new ArrayList<>();
            if (perVariantLines) {
                charts.add(cols);
            } else {
                cols.forEach(col -> charts.add(List.of(col)));
            }
            for (List<MetricColumn> chartCols : charts) {
                String name = fileName(p, chartCols, charts.size() > 1);
                String title = (perVariantLines ? p.metric() : chartCols.get(0).name()) + where(p);
                // series name -> (x label -> stat), in the sweep's order
                Map<String, Map<JsonNode, Stat>> lines = new LinkedHashMap<>();
                for (PointStat ps : stats) {
                    if (!chartCols.contains(ps.metric()) || !matches(ps, where)) {
                        continue;
                    }
                    String line = perVariantLines ? ps.metric().variant()
                            : si < 0 ? "mean" : p.series() + " = " + Values.display(ps.first().params().get(si));
                    lines.computeIfAbsent(line, k -> new LinkedHashMap<>()).put(ps.first().params().get(xi), ps.stat());
                }
                if (lines.isEmpty()) {
                    continue;
                }
                Path f = dir.resolve(name);
                AtomicFiles.write(f, png(chart(title, p.x(), perVariantLines ? p.metric() : chartCols.get(0).name(), lines)));
                files.add(f);
            }
        }
        return files;
    }

    private static List<MetricColumn> columns(PlotSpec p, List<MetricColumn> metrics) {
        List<MetricColumn> out = new ArrayList<>();
        for (MetricColumn m : metrics) {
            if (m.name().equals(p.metric()) || p.metric().indexOf('.') < 0 && m.metric().equals(p.metric())) {
                out.add(m);
            }
        }
        if (out.isEmpty() && !metrics.isEmpty()) {
            throw new PacketGridException(p.location() + ".metric", "no column '" + p.metric() + "' in results.csv (metric columns: "
                    + String.join(", ", metrics.stream().map(MetricColumn::name).toList()) + ")");
        }
        return out;
    }

    private static boolean matches(PointStat ps, Map<Integer, JsonNode> where) {
        for (Map.Entry<Integer, JsonNode> e : where.entrySet()) {
            if (!Values.same(ps.first().params().get(e.getKey()), e.getValue())) {
                return false;
            }
        }
        return true;
    }

    static String fileName(PlotSpec p, List<MetricColumn> cols, boolean several) {
        if (p.file() != null) {
            return several ? p.file().replaceFirst("\\.png$", "-" + safe(cols.get(0).variant()) + ".png") : p.file();
        }
        String metric = cols.size() > 1 ? p.metric() : cols.get(0).name();
        return safe(metric) + "-vs-" + safe(p.x()) + (p.series() == null ? "" : "-by-" + safe(p.series())) + ".png";
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /** The fixed values of the sweep's other fields, for the title: {@code  (where network.loss = 0.1)}. */
    static String where(PlotSpec p) {
        if (p.where().isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        new java.util.TreeMap<>(p.where()).forEach((k, v) -> parts.add(k + " = " + Values.display(v)));   // stable order
        return " (where " + String.join(", ", parts) + ")";
    }

    private static final java.awt.Color[] PALETTE = {new java.awt.Color(0x1F77B4), new java.awt.Color(0xD62728),
            new java.awt.Color(0x2CA02C), new java.awt.Color(0x9467BD), new java.awt.Color(0xFF7F0E), new java.awt.Color(0x8C564B),
            new java.awt.Color(0xE377C2), new java.awt.Color(0x7F7F7F)};

    /**
     * The chart. Numeric x: a line per series with its 95 % intervals drawn as vertical segments, clipped at
     * zero when no point's mean is negative (counts, percentages, latencies: a t-interval over two seeds can
     * reach far below zero, where the metric cannot be).
     */
    static Chart<?, ?> chart(String title, String x, String metric, Map<String, Map<JsonNode, Stat>> lines) {
        boolean numeric = lines.values().stream().allMatch(m -> m.keySet().stream().allMatch(JsonNode::isNumber));
        String yTitle = metric + " (mean, 95 % CI)";
        if (numeric) {
            XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(x).yAxisTitle(yTitle).build();
            style(chart.getStyler());
            boolean nonNegative = lines.values().stream().flatMap(m -> m.values().stream()).noneMatch(st -> st.mean() < 0);
            int i = 0;
            for (Map.Entry<String, Map<JsonNode, Stat>> line : lines.entrySet()) {
                Map<JsonNode, Stat> pts = line.getValue();
                java.awt.Color colour = PALETTE[i++ % PALETTE.length];
                double[] xs = pts.keySet().stream().mapToDouble(JsonNode::doubleValue).toArray();
                double[] ys = pts.values().stream().mapToDouble(Stat::mean).toArray();
                org.knowm.xchart.XYSeries s = chart.addSeries(line.getKey(), xs, ys);
                s.setLineColor(colour);
                s.setMarkerColor(colour);
                List<Stat> st = new ArrayList<>(pts.values());
                double[] ex = new double[3 * xs.length];
                double[] ey = new double[3 * xs.length];
                int k = 0;
                for (int j = 0; j < xs.length; j++) {
                    if (Double.isNaN(st.get(j).ciLow())) {
                        continue;
                    }
                    double lo = nonNegative ? Math.max(0, st.get(j).ciLow()) : st.get(j).ciLow();
                    ex[k] = xs[j];
                    ey[k++] = lo;
                    ex[k] = xs[j];
                    ey[k++] = st.get(j).ciHigh();
                    ex[k] = Double.NaN;
                    ey[k++] = Double.NaN;
                }
                if (k > 0) {
                    org.knowm.xchart.XYSeries e = chart.addSeries(line.getKey() + " 95 % CI", java.util.Arrays.copyOf(ex, k),
                            java.util.Arrays.copyOf(ey, k));
                    e.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
                    e.setLineColor(colour);
                    e.setShowInLegend(false);
                }
            }
            return chart;
        }
        CategoryChart chart = new CategoryChartBuilder().width(900).height(560).title(title).xAxisTitle(x).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        lines.forEach((name, pts) -> chart.addSeries(name,
                pts.keySet().stream().map(Values::display).toList(),
                pts.values().stream().map(Stat::mean).map(Number.class::cast).toList(),
                pts.values().stream().map(Stat::halfWidth).map(Number.class::cast).toList()));
        return chart;
    }

    private static void style(AxesChartStyler s) {
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setChartBackgroundColor(java.awt.Color.WHITE);
        s.setErrorBarsColorSeriesColor(true);
    }

    private static byte[] png(Chart<?, ?> chart) {
        try {
            return ChartEncoder.getBytes(chart, "png");
        } catch (IOException e) {
            throw new PacketGridException("plot " + chart.getTitle(), "cannot render: " + e.getMessage());
        }
    }
}
