package io.packetgrid.studies.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled island study through the real launcher, as a user runs it from a clone: it runs, its
 * summary carries CLI.md's events fields and metrics for every variant, each variant has its
 * {@code timeline.png}, and a second run on another thread count gives the same CSV and JSON bytes.
 */
class IslandEveningIT {
    @TempDir
    static Path dir;

    @Test
    void theBundledIslandStudyRunsAndIsReproducible() throws Exception {
        Path scenario = Launcher.root().resolve("studies/scenarios/island-evening.yaml");
        Launcher.Result a = Launcher.run(dir, Map.of(), 900, "run", scenario.toString(), "--out", "a", "--threads", "1");
        assertEquals(0, a.exit(), a.stderr());
        Launcher.Result b = Launcher.run(dir, Map.of(), 900, "run", scenario.toString(), "--out", "b", "--threads", "2");
        assertEquals(0, b.exit(), b.stderr());
        JsonNode s = new ObjectMapper().readTree(dir.resolve("a/summary.json").toFile());
        for (String v : List.of("uncontrolled", "pem", "pem_island_aware")) {
            JsonNode n = s.get("variants").get(v);
            for (String m : List.of("energy_not_served_kwh", "customer_interruption_minutes", "fault_isolation_ms", "island_survived")) {
                assertTrue(n.has(m), v + "." + m);
            }
            JsonNode events = n.get("events");
            assertEquals(3, events.size());
            for (String f : List.of("island_survived", "island_duration_s", "min_soc", "emergency_minutes")) {
                assertTrue(events.get(0).has(f), v + " island " + f);
            }
            for (String f : List.of("isolation_ms", "breakers_opened", "messages", "messages_lost")) {
                assertTrue(events.get(2).has(f), v + " fault " + f);
            }
            assertTrue(Files.size(dir.resolve("a").resolve(v).resolve("timeline.png")) > 10_000, v + " timeline.png");
        }
        assertTrue(s.get("variants").get("pem_island_aware").get("island_survived").asBoolean(), "the island-aware island lasts");
        assertFalse(s.get("variants").get("uncontrolled").get("island_survived").asBoolean());
        assertNotNull(s.get("variants").get("pem_island_aware").get("events").get(1).get("rebound_peak_kw"));
        Map<Path, byte[]> x = files(dir.resolve("a"));
        Map<Path, byte[]> y = files(dir.resolve("b"));
        assertEquals(x.keySet(), y.keySet());
        for (Path p : x.keySet()) {
            assertArrayEquals(x.get(p), y.get(p), p + " differs between 1 and 2 threads");
        }
    }

    private static Map<Path, byte[]> files(Path out) throws Exception {
        Map<Path, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String n = p.getFileName().toString();
                if ((n.endsWith(".csv") || n.endsWith(".json")) && !n.equals("run.json")) {   // run.json: wall time, start
                    m.put(out.relativize(p), Files.readAllBytes(p));
                }
            }
        }
        return m;
    }
}
