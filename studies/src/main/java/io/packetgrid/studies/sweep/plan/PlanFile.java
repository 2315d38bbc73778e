package io.packetgrid.studies.sweep.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.studies.sweep.store.AtomicFiles;
import io.packetgrid.studies.sweep.spec.MetricRequest;
import io.packetgrid.studies.sweep.spec.PlotSpec;
import io.packetgrid.studies.sweep.spec.SweepField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code DIR/plan.json}: what {@code sweep collect DIR} needs without the sweep file: the runs in
 * canonical order with ids and parameters, the columns, the metrics and plots asked for. Every run or
 * shard writes the same bytes (atomically), so concurrent array tasks agree.
 */
public record PlanFile(String name, String sweepFile, String base, String kind, List<String> columns,
                       List<Long> seeds, List<MetricRequest> metrics, List<PlotSpec> plots, List<Run> runs) {
    public static final String FILE = "plan.json";
    static final String FORMAT = "packetgrid-sweep-plan/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static PlanFile of(SweepPlan plan) {
        return new PlanFile(plan.spec().name(), plan.spec().file(), plan.spec().baseSource(), plan.spec().kind(),
                plan.columns().stream().map(SweepField::column).toList(), plan.spec().seeds(), plan.spec().metrics(),
                plan.spec().plots(), plan.runs());
    }

    public int pointCount() {
        return runs.isEmpty() ? 0 : runs.get(runs.size() - 1).point() + 1;
    }

    public void write(Path dir) {
        AtomicFiles.write(dir.resolve(FILE), toJson());
    }

    String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("name", name);
        o.put("sweep_file", sweepFile);
        o.put("base", base);
        o.put("kind", kind);
        columns.forEach(o.putArray("columns")::add);
        seeds.forEach(o.putArray("seeds")::add);
        if (metrics == null) {
            o.putNull("metrics");
        } else {
            ArrayNode m = o.putArray("metrics");
            for (MetricRequest r : metrics) {
                ObjectNode e = m.addObject();
                e.put("variant", r.variant());
                e.put("metric", r.metric());
                e.put("location", r.location());
            }
        }
        ArrayNode ps = o.putArray("plots");
        for (PlotSpec p : plots) {
            ObjectNode e = ps.addObject();
            e.put("metric", p.metric());
            e.put("x", p.x());
            e.put("series", p.series());
            ObjectNode w = e.putObject("where");
            new java.util.TreeMap<>(p.where()).forEach(w::set);
            e.put("file", p.file());
            e.put("location", p.location());
        }
        ArrayNode rs = o.putArray("runs");
        for (Run r : runs) {
            ObjectNode e = rs.addObject();
            e.put("index", r.index());
            e.put("point", r.point());
            e.put("seed", r.seed());
            e.put("id", r.id());
            r.params().forEach(e.putArray("params")::add);
        }
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads {@code DIR/plan.json}; a folder without one is not a sweep folder. */
    public static PlanFile read(Path dir) {
        Path f = dir.resolve(FILE);
        JsonNode o;
        try {
            o = JSON.readTree(Files.readString(f));
        } catch (NoSuchFileException e) {
            throw new PacketGridException(dir.toString(), "not a sweep folder (no " + FILE + "; run `sweep SWEEP.yaml --out "
                    + dir + "` first)");
        } catch (IOException e) {
            throw new PacketGridException(f.toString(), "cannot read: " + e.getMessage());
        }
        if (o == null || !FORMAT.equals(o.path("format").asText())) {
            throw new PacketGridException(f.toString(), "not a sweep plan of this version (expected format " + FORMAT + ")");
        }
        try {
            List<String> columns = new ArrayList<>();
            o.get("columns").forEach(c -> columns.add(c.asText()));
            List<Long> seeds = new ArrayList<>();
            o.get("seeds").forEach(s -> seeds.add(s.longValue()));
            List<MetricRequest> metrics = null;
            if (!o.get("metrics").isNull()) {
                metrics = new ArrayList<>();
                for (JsonNode m : o.get("metrics")) {
                    metrics.add(new MetricRequest(text(m.get("variant")), m.get("metric").asText(), m.get("location").asText()));
                }
            }
            List<PlotSpec> plots = new ArrayList<>();
            for (JsonNode p : o.get("plots")) {
                Map<String, JsonNode> where = new LinkedHashMap<>();
                p.get("where").properties().forEach(e -> where.put(e.getKey(), e.getValue()));
                plots.add(new PlotSpec(p.get("metric").asText(), p.get("x").asText(), text(p.get("series")), where,
                        text(p.get("file")), p.get("location").asText()));
            }
            List<Run> runs = new ArrayList<>();
            for (JsonNode r : o.get("runs")) {
                List<JsonNode> params = new ArrayList<>();
                r.get("params").forEach(params::add);
                runs.add(new Run(r.get("index").intValue(), r.get("point").intValue(), r.get("seed").longValue(),
                        r.get("id").asText(), params));
            }
            return new PlanFile(o.get("name").asText(), o.get("sweep_file").asText(), o.get("base").asText(),
                    o.get("kind").asText(), columns, seeds, metrics, plots, runs);
        } catch (RuntimeException e) {
            throw new PacketGridException(f.toString(), "damaged sweep plan (" + e.getClass().getSimpleName()
                    + "); rerun `sweep SWEEP.yaml --out " + dir + "` to rewrite it");
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
