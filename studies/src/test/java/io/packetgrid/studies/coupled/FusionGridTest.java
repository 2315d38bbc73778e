package io.packetgrid.studies.coupled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.studies.report.Summary;
import io.packetgrid.studies.run.RunContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled off-grid cell, {@code studies/scenarios/fusion-grid-offgrid.yaml}, whole (six houses: a day and a
 * night take about a second): run by their owners, the evening's saunas and EVs overload the grid-forming
 * inverter's most loaded phase and the cell collapses; under the island-aware PEM server and under the
 * Energy-Internet server with its emergency mode it lives through the night, and the Energy-Internet server meets
 * every service it accepted.
 */
class FusionGridTest {
    @TempDir
    Path out;

    @Test
    void theServerKeepsTheOffGridCellAlive() throws IOException {
        Path file = Path.of("scenarios/fusion-grid-offgrid.yaml");
        JsonNode tree = YamlFiles.read(Files.readString(file) + "outputs: {plots: false}\n",
                "fusion-grid-offgrid.yaml", JsonNode.class);
        Summary s = new CoupledStudy().run(tree, "fusion-grid-offgrid.yaml", RunContext.quiet(out, file.toAbsolutePath().getParent(), 1));
        assertEquals("false", s.variants().get("uncontrolled").get("island_survived").asText());
        assertTrue(Scenarios.metric(s, "uncontrolled", "deadlines_met_pct") < 50, "dark houses' saunas and dishwashers stop");
        // the inverter's 50 kVA over three 240 V phases: 50,000 / 3 / 240 = 69.4 A per phase
        List<String> events = Files.readAllLines(out.resolve("uncontrolled/events.csv"));
        assertTrue(events.stream().anyMatch(e -> e.contains("island_collapse") && e.contains("reason=current") && e.contains("limit_a=69.4")),
                String.join("\n", events));
        for (String v : List.of("pem_island_aware", "energy_internet")) {
            assertEquals("true", s.variants().get(v).get("island_survived").asText(), v);
            assertEquals(0, Scenarios.metric(s, v, "energy_not_served_kwh"), 0, v);
        }
        assertEquals(100, Scenarios.metric(s, "energy_internet", "deadlines_met_pct"), 0);
        assertTrue(Scenarios.metric(s, "energy_internet", "emergency_minutes") > 0, "the night runs in emergency mode");
        assertFalse(Files.readAllLines(out.resolve("energy_internet/requests.csv")).stream().skip(1)
                .anyMatch(r -> r.split(",")[7].equals("false")), "every deadline device was served in the end");
    }
}
