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
 * PNG plots of a metric's mean over seeds against one swept field, with 95 % confidence intervals as
 * error bars, optionally one line per value of a second field; the sweep's other fields are held at
 * the {@code where:} values. Numeric x values give a line chart, others a bar chart.
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
                String title = perVariantLines ? p.metric() : chartCols.get(0).name();
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
                AtomicFiles.write(f, png(chart(title, p.x(), lines)));
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

    private static Chart<?, ?> chart(String title, String x, Map<String, Map<JsonNode, Stat>> lines) {
        boolean numeric = lines.values().stream().allMatch(m -> m.keySet().stream().allMatch(JsonNode::isNumber));
        if (numeric) {
            XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(x).yAxisTitle(title + " (mean, 95 % CI)").build();
            style(chart.getStyler());
            lines.forEach((name, pts) -> {
                double[] xs = pts.keySet().stream().mapToDouble(JsonNode::doubleValue).toArray();
                double[] ys = pts.values().stream().mapToDouble(Stat::mean).toArray();
                double[] es = pts.values().stream().mapToDouble(Stat::halfWidth).toArray();
                chart.addSeries(name, xs, ys, es);
            });
            return chart;
        }
        CategoryChart chart = new CategoryChartBuilder().width(900).height(560).title(title).xAxisTitle(x).yAxisTitle(title + " (mean, 95 % CI)").build();
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
