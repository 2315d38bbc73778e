package io.packetgrid.studies.sweep.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.packetgrid.cosim.record.CsvFormat;
import io.packetgrid.studies.sweep.plan.Run;
import io.packetgrid.studies.sweep.spec.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * The two tables of a sweep, as text with {@code \n} line ends (byte-stable):
 * <ul>
 * <li>{@code results.csv}: one row per finished run (point and seed) in canonical order, columns
 * {@code point,seed,id}, the swept fields (scenario paths, in sweep-file order), then the metric
 * columns {@code variant.metric};</li>
 * <li>{@code stats.csv}: one row per point and numeric metric, columns {@code point}, the swept fields,
 * {@code metric,n_seeds,mean,sd,ci95_low,ci95_high} over the point's seeds.</li>
 * </ul>
 */
public final class ResultsTables {
    /** The leading columns of results.csv. */
    public static final List<String> RUN_COLUMNS = List.of("point", "seed", "id");
    /** The trailing columns of stats.csv. */
    public static final List<String> STATS_COLUMNS = List.of("metric", "n_seeds", "mean", "sd", "ci95_low", "ci95_high");

    private ResultsTables() {
    }

    public static String results(Collected c) {
        StringBuilder b = new StringBuilder();
        List<String> header = new ArrayList<>(RUN_COLUMNS);
        header.addAll(c.plan().columns());
        c.metrics().forEach(m -> header.add(m.name()));
        line(b, header.stream().map(CsvFormat::text).toList());
        for (Run r : c.plan().runs()) {
            JsonNode s = c.summaries().get(r.index());
            if (s == null) {
                continue;
            }
            List<String> cells = new ArrayList<>(List.of(Integer.toString(r.point()), Long.toString(r.seed()), r.id()));
            r.params().forEach(p -> cells.add(Values.cell(p)));
            for (MetricColumn m : c.metrics()) {
                cells.add(Values.cell(s.path("variants").path(m.variant()).get(m.metric())));
            }
            line(b, cells);
        }
        return b.toString();
    }

    /** The statistics of every numeric metric at every point with results, in point then column order. */
    public static List<PointStat> stats(Collected c) {
        List<PointStat> out = new ArrayList<>();
        List<Run> runs = c.plan().runs();
        int i = 0;
        while (i < runs.size()) {
            int j = i;
            while (j < runs.size() && runs.get(j).point() == runs.get(i).point()) {
                j++;
            }
            List<JsonNode> seeds = new ArrayList<>();
            for (int k = i; k < j; k++) {
                if (c.summaries().get(k) != null) {
                    seeds.add(c.summaries().get(k));
                }
            }
            if (!seeds.isEmpty()) {
                for (MetricColumn m : c.metrics()) {
                    List<Double> vs = new ArrayList<>();
                    boolean numeric = false;
                    for (JsonNode s : seeds) {
                        JsonNode v = s.path("variants").path(m.variant()).get(m.metric());
                        if (v != null && v.isNumber()) {
                            numeric = true;
                            if (Double.isFinite(v.doubleValue())) {
                                vs.add(v.doubleValue());
                            }
                        }
                    }
                    if (numeric) {
                        out.add(new PointStat(runs.get(i), m, SeedStatistics.of(vs.stream().mapToDouble(Double::doubleValue).toArray())));
                    }
                }
            }
            i = j;
        }
        return out;
    }

    public static String statsCsv(Collected c, List<PointStat> stats) {
        StringBuilder b = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("point"));
        header.addAll(c.plan().columns());
        header.addAll(STATS_COLUMNS);
        line(b, header.stream().map(CsvFormat::text).toList());
        for (PointStat ps : stats) {
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(ps.first().point()));
            ps.first().params().forEach(p -> cells.add(Values.cell(p)));
            cells.add(CsvFormat.text(ps.metric().name()));
            Stat s = ps.stat();
            cells.add(Integer.toString(s.n()));
            cells.add(num(s.mean()));
            cells.add(num(s.sd()));
            cells.add(num(s.ciLow()));
            cells.add(num(s.ciHigh()));
            line(b, cells);
        }
        return b.toString();
    }

    /** Undefined statistics (NaN) are empty cells. */
    private static String num(double v) {
        return Double.isNaN(v) ? "" : CsvFormat.number(v);
    }

    private static void line(StringBuilder b, List<String> cells) {
        b.append(String.join(",", cells)).append('\n');
    }

    /** A metric's statistics at the point of {@code first} (its first run). */
    public record PointStat(Run first, MetricColumn metric, Stat stat) {
    }
}
