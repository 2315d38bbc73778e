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
        return c;
    }
}
