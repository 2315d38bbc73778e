package io.packetgrid.studies.coupled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.studies.report.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled {@code studies/scenarios/finnish-winter.yaml} and {@code finnish-summer.yaml}, shortened to a few
 * hours of twenty households (the full days are benchmarks, docs/scenario.md): they run as shipped otherwise,
 * with their three variants; under the Energy-Internet server every sauna due in the window is at its
 * temperature by its bath; in January's dark evening the feeder imports everything it uses, at a July
 * midday its PV exports.
 */
class FinnishStudiesTest {
    @TempDir
    Path out;

    static String shortened(String file, String start, String duration) throws IOException {
        String yaml = Files.readString(Path.of("scenarios", file));
        String loads = IntStream.rangeClosed(1, 20).mapToObj(i -> "load" + i).collect(Collectors.joining(", "));
        String s = yaml.replaceFirst("(?m)^start: \\S+", "start: " + start)
                .replaceFirst("(?m)^duration: 24h", "duration: " + duration)
                .replaceFirst("(?m)^observe_from: 1h", "observe_from: 10m")
                .replace("loads: [all]", "loads: [" + loads + "]");
        assertTrue(s.contains("start: " + start) && s.contains("duration: " + duration) && s.contains("load20]"), "shortened " + file);
        return s + "outputs: {plots: false}\n";
    }

    @Test
    void winterEveningSaunasAreReadyUnderTheEnergyInternetServer() throws IOException {
        // 17:00–20:00: the saunas booked for 18:30–20:00 are due inside the window
        Summary s = Scenarios.run(shortened("finnish-winter.yaml", "2026-01-15T17:00", "3h"), out, 1);
        assertEquals(List.of("uncontrolled", "pem", "energy_internet"), List.copyOf(s.variants().keySet()));
        assertEquals(100, Scenarios.metric(s, "energy_internet", "deadlines_met_pct"), 0);
        assertEquals(100, Scenarios.metric(s, "uncontrolled", "deadlines_met_pct"), 0);
        List<String> rows = Files.readAllLines(out.resolve("energy_internet/requests.csv"));
        assertTrue(rows.stream().skip(1).anyMatch(r -> r.contains(",sauna,") && r.split(",")[10].equals("true")), "a sauna met");
        // after dark (sunset 15:45) nothing is exported and all consumption is imported
        for (String v : List.of("uncontrolled", "pem", "energy_internet")) {
            assertEquals(0, Scenarios.metric(s, v, "export_kwh"), 0, v);
            assertEquals(0, Scenarios.metric(s, v, "self_sufficiency_pct"), 0.5, v);
        }
    }

    @Test
    void summerMiddayPvExports() throws IOException {
        Summary s = Scenarios.run(shortened("finnish-summer.yaml", "2026-07-15T12:00", "2h")
                .replace("  - {name: pem, control: pem}\n", ""), out, 1);
        for (String v : List.of("uncontrolled", "energy_internet")) {
            assertTrue(Scenarios.metric(s, v, "self_sufficiency_pct") > 20, v);
        }
        assertTrue(Scenarios.metric(s, "uncontrolled", "export_kwh") > 0);
    }
}
