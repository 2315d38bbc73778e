package io.packetgrid.studies.sweep.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.studies.sweep.spec.MetricRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which metric columns results.csv has. The variants and metrics a study reports are read from the
 * runs' {@code summary.json} objects in canonical run order, in the order each lists them, so the
 * columns are the same however the sweep was sharded. Without {@code metrics:} every metric of every
 * variant is a column; {@code variant.metric} asks for one column; a bare {@code metric} for one per
 * variant that reports it. Metrics are single values (numbers, texts, true/false); sections inside a
 * variant are not columns. A metric no run reports is an error naming its sweep-file entry.
 */
public final class MetricColumns {
    private MetricColumns() {
    }

    /** @param summaries summary.json roots (objects with {@code variants}) in canonical run order */
    public static List<MetricColumn> resolve(List<MetricRequest> requests, List<JsonNode> summaries) {
        Map<String, Set<String>> available = new LinkedHashMap<>();
        for (JsonNode s : summaries) {
            JsonNode variants = s.path("variants");
            for (Map.Entry<String, JsonNode> v : variants.properties()) {
                Set<String> metrics = available.computeIfAbsent(v.getKey(), k -> new LinkedHashSet<>());
                for (Map.Entry<String, JsonNode> m : v.getValue().properties()) {
                    if (!m.getValue().isContainerNode()) {   // a metric is one value; sections (e.g. published figures) are not
                        metrics.add(m.getKey());
                    }
                }
            }
        }
        Set<MetricColumn> out = new LinkedHashSet<>();
        if (requests == null) {
            available.forEach((v, ms) -> ms.forEach(m -> out.add(new MetricColumn(v, m))));
            return List.copyOf(out);
        }
        for (MetricRequest r : requests) {
            if (r.variant() != null) {
                if (!summaries.isEmpty()) {
                    Set<String> ms = available.get(r.variant());
                    if (ms == null) {
                        throw new PacketGridException(r.location(), "no variant '" + r.variant() + "' in the runs' summary.json (variants: "
                                + String.join(", ", available.keySet()) + ")");
                    }
                    if (!ms.contains(r.metric())) {
                        throw new PacketGridException(r.location(), "variant '" + r.variant() + "' has no metric '" + r.metric()
                                + "' (it has: " + String.join(", ", ms) + ")");
                    }
                }
                out.add(new MetricColumn(r.variant(), r.metric()));
            } else {
                boolean found = false;
                for (Map.Entry<String, Set<String>> e : available.entrySet()) {
                    if (e.getValue().contains(r.metric())) {
                        out.add(new MetricColumn(e.getKey(), r.metric()));
                        found = true;
                    }
                }
                if (!found && !summaries.isEmpty()) {
                    Set<String> all = new TreeSet<>();
                    available.values().forEach(all::addAll);
                    throw new PacketGridException(r.location(), "no variant reports a metric '" + r.metric() + "' (metrics: "
                            + String.join(", ", all) + ")");
                }
            }
        }
        return new ArrayList<>(out);
    }
}
