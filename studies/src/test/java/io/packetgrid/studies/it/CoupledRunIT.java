package io.packetgrid.studies.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./packetgrid run} end to end on a shortened built-in default study (17:00–20:00: the evening
 * EV peak): its outputs parse and carry CLI.md's metric names; the same scenario and seed give
 * byte-identical CSV and JSON, run twice and with 1 or 2 threads (also with two feeders stepped in
 * parallel); bad scenarios give one line.
 */
class CoupledRunIT {
    static final List<String> METRICS = List.of("tracking_mae_pct", "tracking_rms_kw", "cycles_per_hour",
            "voltage_violation_node_minutes", "v_min_pu", "v_max_pu", "transformer_peak_loading_pct");
    static final List<String> PEM_METRICS = List.of("radio_loss_pct", "latency_p50_ms", "latency_p99_ms", "messages_per_device");

    @TempDir
    static Path dir;
    static String shortened;

    @BeforeAll
    static void shortenTheDefault() throws IOException {
        try (InputStream in = CoupledRunIT.class.getResourceAsStream("/scenarios/default.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            shortened = text.replaceFirst("(?m)^start: 12h", "start: 17h").replaceFirst("(?m)^duration: 24h", "duration: 3h")
                    .replaceFirst("(?m)^observe_from: 1h", "observe_from: 10m");
            assertTrue(shortened.contains("duration: 3h") && shortened.contains("start: 17h"), "the default changed shape");
        }
        Files.writeString(dir.resolve("short.yaml"), shortened);
    }

    private static Launcher.Result run(String... args) {
        return Launcher.run(dir, Map.of(), 900, args);
    }

    private static Map<Path, byte[]> csvAndJson(Path out) throws IOException {
        Map<Path, byte[]> m = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String n = p.getFileName().toString();
                if ((n.endsWith(".csv") || n.endsWith(".json")) && !n.equals("run.json")) {   // run.json: when and how long
                    m.put(out.relativize(p), Files.readAllBytes(p));
                }
            }
        }
        return m;
    }

    private static void assertSameBytes(Path a, Path b) throws IOException {
        Map<Path, byte[]> x = csvAndJson(a);
        Map<Path, byte[]> y = csvAndJson(b);
        assertEquals(x.keySet(), y.keySet(), "the same files");
        assertTrue(x.size() >= 10, "CSV and JSON outputs: " + x.keySet());
        for (Path p : x.keySet()) {
            assertArrayEquals(x.get(p), y.get(p), p + " differs");
        }
    }

    @Test
    void shortenedDefaultWritesParsableOutputsAndIsReproducible() throws Exception {
        Launcher.Result a = run("run", "short.yaml", "--out", "a", "--threads", "2");
        assertEquals(0, a.exit(), a.stderr());
        Path out = dir.resolve("a");
        assertTrue(a.stdout().contains("metric") && a.stdout().contains("pem_grid_aware"), "prints the summary table:\n" + a.stdout());
        assertTrue(a.stdout().strip().endsWith("results: " + out.toRealPath()), "ends with the output path:\n" + a.stdout());

        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("coupled", summary.get("study").asText());
        assertEquals(55, summary.get("households").asInt());
        JsonNode variants = summary.get("variants");
        for (String v : List.of("uncontrolled", "pem", "pem_grid_aware")) {
            assertNotNull(variants.get(v), v);
            for (String m : METRICS) {
                assertTrue(variants.get(v).get(m).isNumber(), v + "." + m);
            }
        }
        for (String v : List.of("pem", "pem_grid_aware")) {
            for (String m : PEM_METRICS) {
                assertTrue(variants.get(v).get(m).isNumber(), v + "." + m);
            }
        }
        for (String v : List.of("uncontrolled", "pem", "pem_grid_aware")) {
            for (String f : List.of("power.csv", "grid.csv", "households.csv")) {
                List<String> lines = Files.readAllLines(out.resolve(v).resolve(f));
                int cols = lines.get(0).split(",").length;
                assertTrue(lines.size() > 50, v + "/" + f + " has rows");
                for (String line : lines.subList(1, lines.size())) {
                    assertEquals(cols, line.split(",", -1).length, v + "/" + f + ": " + line);
                }
            }
            assertTrue(Files.readString(out.resolve(v).resolve("profile.txt")).contains("f1/grid"), "wall-time profile");
        }
        List<String> grid = Files.readAllLines(out.resolve("pem").resolve("grid.csv"));
        assertEquals("time_s,hour_of_day,base_kw,devices_kw,source_kw,loads_kw,losses_kw,v_min_pu,v_max_pu,customer_v_min_pu,"
                + "violating_nodes,transformer_loading_pct", grid.get(0));
        assertEquals(3 * 60 + 2, grid.size(), "a row per minute, 17:00 to 20:00");
        for (String l : grid.subList(1, grid.size())) {
            for (String cell : l.split(",")) {
                Double.parseDouble(cell);
            }
        }
        assertTrue(Files.readString(out.resolve("pem").resolve("events.csv")).startsWith("time_s,source,type,detail\n"));
        for (String png : List.of("power_vs_target.png", "voltage_envelope.png", "latency_cdf.png", "feeder_map_pem.png")) {
            byte[] b = Files.readAllBytes(out.resolve(png));
            assertTrue(b.length > 1000 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G', png + " is a PNG");
        }

        // provenance: the effective scenario reproduces the run byte for byte, run.json and report.html are there
        for (String f : List.of("scenario.resolved.yaml", "run.json", "report.html")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        Launcher.Result re = Launcher.run(out, Map.of(), 900, "run", "scenario.resolved.yaml", "--out", dir.resolve("re").toString());
        assertEquals(0, re.exit(), re.stderr());
        assertSameBytes(out, dir.resolve("re"));
        JsonNode info = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals("run short.yaml --out a --threads 2", info.get("command").asText());
        assertEquals(6, info.get("seed").asLong());
        assertEquals(2, info.get("threads").asInt());

        Launcher.Result again = run("run", "short.yaml", "--out", "b", "--threads", "2");
        assertEquals(0, again.exit(), again.stderr());
        assertSameBytes(out, dir.resolve("b"));
        Launcher.Result one = run("run", "short.yaml", "--out", "c", "--threads", "1");
        assertEquals(0, one.exit(), one.stderr());
        assertSameBytes(out, dir.resolve("c"));
        Launcher.Result other = run("run", "short.yaml", "--out", "d", "--threads", "2", "--seed", "7");
        assertEquals(0, other.exit(), other.stderr());
        assertFalse(Files.readString(out.resolve("summary.json")).equals(Files.readString(dir.resolve("d/summary.json"))),
                "another seed, other results");
    }

    @Test
    void twoFeedersSteppedInParallelAreReproducible() throws Exception {
        String two = shortened.replaceFirst("(?m)^duration: 3h", "duration: 1h")
                .replaceFirst("(?m)^feeder:\n", "feeder:\n  copies: 2\n");
        assertTrue(two.contains("copies: 2"), "the default changed shape");
        Files.writeString(dir.resolve("two.yaml"), two);
        Launcher.Result a = run("run", "two.yaml", "--out", "two-1", "--threads", "1");
        assertEquals(0, a.exit(), a.stderr());
        Launcher.Result b = run("run", "two.yaml", "--out", "two-2", "--threads", "2");
        assertEquals(0, b.exit(), b.stderr());
        assertSameBytes(dir.resolve("two-1"), dir.resolve("two-2"));
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("two-2/summary.json").toFile());
        assertEquals(2, summary.get("feeders").asInt());
        assertEquals(110, summary.get("households").asInt());
        assertTrue(Files.readString(dir.resolve("two-2/pem/profile.txt")).contains("f2/grid"));
    }

    @Test
    void badScenariosGiveOneLine() throws IOException {
        Files.writeString(dir.resolve("unknown.yaml"), shortened.replace("seed: 6", "seed: 6\ncolour: red"));
        Files.writeString(dir.resolve("path.yaml"), shortened.replace("builtin:european-lv", "feeders/nope.dss"));
        Files.writeString(dir.resolve("load.yaml"), shortened.replace("  loads: [all]", "  loads: [all]\n  overrides: [{load: LOAD77, devices: [ev_charger]}]"));
        Files.writeString(dir.resolve("event.yaml"), shortened + "events:\n  - {at: 1h, kind: open, element: Line.LINE1}\n"
                + "  - {at: 2h, kind: close, element: Line.NOPE}\n");
        Files.writeString(dir.resolve("late.yaml"), shortened + "events:\n  - {at: 5h, kind: server_outage, until: 6h}\n");
        String[][] cases = {
                {"unknown.yaml", "packetgrid: unknown.yaml: colour: unknown field 'colour' (known: "},
                {"path.yaml", "packetgrid: path.yaml: feeder.script: no such file 'feeders/nope.dss'"},
                {"load.yaml", "packetgrid: load.yaml: households.overrides[0].load: no load 'LOAD77' in the feeder"},
                {"event.yaml", "packetgrid: event.yaml: events[1].element: no Line 'NOPE' in the feeder"},
                {"late.yaml", "packetgrid: late.yaml: events[0].at: 5h is not before the end of the study (3h)"},
        };
        for (String[] c : cases) {
            Launcher.Result r = run("run", c[0], "--out", "bad");
            assertEquals(1, r.exit(), c[0] + ": " + r.stderr());
            assertTrue(r.stderr().startsWith(c[1]), c[0] + ": " + r.stderr());
            assertEquals(1, r.stderr().strip().lines().count(), "one line: " + r.stderr());
        }
    }
}
