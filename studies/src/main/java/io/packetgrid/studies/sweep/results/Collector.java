package io.packetgrid.studies.sweep.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.packetgrid.studies.sweep.plan.PlanFile;
import io.packetgrid.studies.sweep.plan.Run;
import io.packetgrid.studies.sweep.store.AtomicFiles;
import io.packetgrid.studies.sweep.store.RunStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sweep collect DIR}: merges the finished runs of a sweep folder, whoever computed them, into
 * {@code results.csv}, {@code stats.csv} and the plots. Reads only {@code plan.json} and {@code done/},
 * in canonical run order, so the merged files are byte-identical for any sharding or number of workers.
 * Missing runs are left out of the tables and returned.
 */
public final class Collector {
    public static final String RESULTS = "results.csv";
    public static final String STATS = "stats.csv";

    private Collector() {
    }

    /** Reads the folder's plan and finished runs. */
    public static Collected read(Path dir) {
        PlanFile plan = PlanFile.read(dir);
        RunStore store = new RunStore(dir);
        List<JsonNode> summaries = new ArrayList<>();
        List<JsonNode> present = new ArrayList<>();
        List<Run> missing = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (Run r : plan.runs()) {
            JsonNode s = store.readDone(r.id()).map(d -> d.get("summary")).orElse(null);
            summaries.add(s);
            if (s == null) {
                missing.add(r);
                store.readFailure(r.id()).ifPresent(f -> failures.put(r.id(), f));
            } else {
                present.add(s);
            }
        }
        List<MetricColumn> metrics = MetricColumns.resolve(plan.metrics(), present);
        return new Collected(plan, summaries, metrics, missing, failures);
    }

    /** Reads and writes results.csv, stats.csv and the plots. */
    public static Collected collect(Path dir) {
        Collected c = read(dir);
        AtomicFiles.write(dir.resolve(RESULTS), ResultsTables.results(c));
        List<ResultsTables.PointStat> stats = ResultsTables.stats(c);
        AtomicFiles.write(dir.resolve(STATS), ResultsTables.statsCsv(c, stats));
        SweepPlots.write(c, stats, dir.resolve("plots"));
        report(dir, c);
        return c;
    }

    /** The sweep's {@code report.html}: what was swept, the statistics table, the plots, the runs missing or failed. */
    static void report(Path dir, Collected c) {
        PlanFile plan = c.plan();
        io.packetgrid.studies.report.HtmlReport page = new io.packetgrid.studies.report.HtmlReport(
                "PacketGrid sweep '" + plan.name() + "'");
        page.heading("Summary");
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("sweep file", plan.sweepFile());
        facts.put("base scenario", plan.base());
        facts.put("study", plan.kind());
        facts.put("swept fields", String.join(", ", plan.columns()));
        facts.put("runs", Integer.toString(plan.runs().size()));
        facts.put("finished", Integer.toString(c.finished()));
        facts.put("missing", Integer.toString(c.missing().size()));
        page.facts(facts);
        page.subheading("Mean over seeds with 95 % confidence intervals (stats.csv)");
        List<String> lines = java.util.Arrays.asList(ResultsTables.statsCsv(c, ResultsTables.stats(c)).split("\n"));
        List<List<String>> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            rows.add(java.util.Arrays.asList(l.split(",", -1)));
        }
        page.table(java.util.Arrays.asList(lines.get(0).split(",", -1)), rows);
        page.heading("Warnings");
        if (c.missing().isEmpty()) {
            page.paragraph("None: every run finished.");
        } else {
            List<String> w = new ArrayList<>();
            for (Run r : c.missing()) {
                w.add(r.label() + " [" + r.id() + "]" + (c.failures().containsKey(r.id()) ? ": failed: " + c.failures().get(r.id())
                        : ": not run yet"));
            }
            page.pre(String.join("\n", w));
        }
        page.plots(dir.resolve("plots"));
        page.write(dir.resolve(io.packetgrid.studies.report.HtmlReport.FILE));
    }
}
