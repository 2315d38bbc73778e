package io.packetgrid.studies.sweep.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.packetgrid.studies.sweep.spec.PlotSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** Sweep plots name the fixed values in their titles and keep the intervals of non-negative metrics above zero. */
class SweepPlotsTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void theTitleNamesTheWhereValues() {
        PlotSpec p = new PlotSpec("pem.switchings_per_hour", "variants[0].packet", null,
                Map.of("network.loss", F.numberNode(0.1), "devices", F.numberNode(100)), null, "plots[1]");
        assertEquals(" (where devices = 100, network.loss = 0.1)", SweepPlots.where(p));
        assertEquals("", SweepPlots.where(new PlotSpec("m", "x", null, Map.of(), null, "plots[0]")));
    }

    @Test
    void intervalsOfANonNegativeMetricStopAtZero() {
        Map<JsonNode, Stat> pts = new LinkedHashMap<>();
        // two seeds: 0.05 and 0.15 -> mean 0.1, t(0.975, 1) = 12.706 -> 0.1 ± 0.635
        pts.put(F.numberNode(0.0), new Stat(2, 0.1, 0.0707, 0.1 - 0.635, 0.1 + 0.635));
        pts.put(F.numberNode(0.1), new Stat(2, 2.0, 0.1, 1.1, 2.9));
        Map<String, Map<JsonNode, Stat>> lines = new LinkedHashMap<>();
        lines.put("mean", pts);
        XYChart c = (XYChart) SweepPlots.chart("t", "network.loss", "radio_loss_pct", lines);
        XYSeries ci = c.getSeries("mean 95 % CI");
        double min = Double.POSITIVE_INFINITY;
        for (double y : ci.getYData()) {
            if (!Double.isNaN(y)) {
                min = Math.min(min, y);
            }
        }
        assertEquals(0.0, min, "clipped at zero");
        assertEquals(0.735, ci.getYData()[1], 1e-12, "the upper end stays");
        assertEquals(1.1, ci.getYData()[3], 1e-12, "an interval above zero is unchanged");

        Map<JsonNode, Stat> signed = new LinkedHashMap<>();
        signed.put(F.numberNode(0.0), new Stat(2, -0.1, 0.1, -0.9, 0.7));
        XYChart s = (XYChart) SweepPlots.chart("t", "x", "energy_balance_error_pct", Map.of("mean", signed));
        assertTrue(s.getSeries("mean 95 % CI").getYData()[0] < 0, "a metric with negative means is not clipped");
    }
}
