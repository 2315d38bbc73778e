package io.packetgrid.studies.sweep.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A plot of a metric's mean over seeds (with its 95 % confidence interval) against one axis
 * ({@code x}), optionally one line per value of a second axis ({@code series}); the sweep's other
 * axes are fixed by {@code where}. A bare metric name draws one line (or file, with a series axis)
 * per variant.
 *
 * @param file PNG file name in {@code DIR/plots/}, or null for a name made of metric and axes
 */
public record PlotSpec(String metric, String x, String series, Map<String, JsonNode> where, String file,
                       String location) {
    public PlotSpec {
        where = Map.copyOf(where);
    }
}
