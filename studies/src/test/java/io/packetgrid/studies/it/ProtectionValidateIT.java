package io.packetgrid.studies.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code protection validate} through the real launcher (CLI.md): the built-in example, determinism, bad input. */
class ProtectionValidateIT {
    static final Set<String> ROW_KEYS = new TreeSet<>(List.of("scheme", "requirement", "deadline_ms", "miss_probability", "ci_low",
            "ci_high", "pass"));

    @Test
    void builtInExampleWritesTheRequirementsTableAndPlots(@TempDir Path dir) throws Exception {
        Launcher.Result r = Launcher.run(dir, "protection", "validate", "--samples", "300", "--out", "out");
        assertEquals(3, r.exit(), "the example shows failing configurations: exit 3 (CLI.md)\n" + r.stderr());
        assertTrue(r.stdout().contains("results: "), r.stdout());
        String[] out = r.stdout().strip().split("\n");
        assertTrue(out[out.length - 1].matches("verdict: FAIL \\(\\d+ of \\d+ requirements missed\\)"), "the verdict, last:\n" + r.stdout());
        for (String f : List.of("scenario.resolved.yaml", "run.json", "report.html")) {
            assertTrue(Files.isRegularFile(dir.resolve("out").resolve(f)), f);
        }
        JsonNode s = new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile());
        JsonNode rows = s.get("requirements");
        assertTrue(rows.isArray() && rows.size() >= 12, "rows: " + rows.size());
        boolean pass = false;
        boolean fail = false;
        for (JsonNode row : rows) {
            Set<String> keys = new TreeSet<>();
            for (Iterator<String> it = row.fieldNames(); it.hasNext(); ) {
                keys.add(it.next());
            }
            assertEquals(ROW_KEYS, keys);
            assertTrue(row.get("pass").isBoolean());
            assertTrue(row.get("deadline_ms").isNumber());
            double p = row.get("miss_probability").asDouble();
            assertTrue(row.get("ci_low").asDouble() <= p && p <= row.get("ci_high").asDouble(), row.toString());
            pass |= row.get("pass").asBoolean();
            fail |= !row.get("pass").asBoolean();
        }
        assertTrue(pass && fail, "the example shows a passing and a failing configuration");
        assertTrue(s.get("variants").get("baseline").get("all_pass").asBoolean());
        assertTrue(!s.get("variants").get("busy_cell").get("all_pass").asBoolean());
        assertTrue(s.get("variants").get("busy_cell_preemption").get("all_pass").asBoolean());
        List<Path> pngs = new ArrayList<>();
        try (var files = Files.list(dir.resolve("out"))) {
            files.filter(p -> p.toString().endsWith(".png")).forEach(pngs::add);
        }
        assertTrue(pngs.size() >= 6, "CCDF and isolation plots: " + pngs);
        for (Path p : pngs) {
            byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(p), 8);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, p.toString());
        }
        assertTrue(Files.readAllLines(dir.resolve("out/ccdf.csv")).get(0).equals("variant,scheme,latency_ms,ccdf"));
        assertTrue(Files.readAllLines(dir.resolve("out/isolation.csv")).get(0).equals("variant,scheme,sample,isolation_ms"));
    }

    @Test
    void sameScenarioAndSeedGiveTheSameBytesWhateverTheThreads(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("p.yaml");
        Files.copy(Launcher.root().resolve("studies/scenarios/protection-example.yaml"), scenario);
        Launcher.Result a = Launcher.run(dir, "protection", "validate", scenario.toString(), "--samples", "150", "--threads", "1", "--out", "a");
        Launcher.Result b = Launcher.run(dir, "protection", "validate", scenario.toString(), "--samples", "150", "--threads", "2", "--out", "b");
        assertEquals(3, a.exit(), a.stderr());
        assertEquals(3, b.exit(), b.stderr());
        for (String f : List.of("summary.json", "ccdf.csv", "isolation.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
        // the folder's effective scenario reproduces it, wherever it is run from
        Launcher.Result c = Launcher.run(dir.resolve("a"), "protection", "validate", "scenario.resolved.yaml", "--threads", "2", "--out",
                dir.resolve("c").toString());
        assertEquals(3, c.exit(), c.stderr());
        for (String f : List.of("summary.json", "ccdf.csv", "isolation.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("c").resolve(f)), f);
        }
    }

    @Test
    void allRequirementsMetExitsZeroAndAnUnreachableDeadlineIsExplained(@TempDir Path dir) throws Exception {
        String text = Files.readString(Launcher.root().resolve("studies/scenarios/protection-example.yaml"));
        int v = text.indexOf("\nvariants:");
        Path baseline = dir.resolve("baseline.yaml");
        // the passing configuration alone, without the 1 ms air-interface row (whose interval needs many samples)
        String passing = text.substring(0, v + 1).replaceFirst("(?s)  - \\{name: 3gpp_urllc_1ms_32b.*?\\}\n", "");
        assertTrue(!passing.contains("3gpp_urllc_1ms_32b"), "the example changed shape");
        Files.writeString(baseline, passing);
        Launcher.Result ok = Launcher.run(dir, "protection", "validate", baseline.toString(), "--samples", "100", "--out", "ok");
        assertEquals(0, ok.exit(), ok.stdout() + ok.stderr());
        assertTrue(ok.stdout().strip().endsWith("requirements met)") && ok.stdout().contains("verdict: PASS"), ok.stdout());

        // 0.1 ms is below any transfer over the radio (a slot alone is 0.5 ms at 30 kHz): missed in every sample
        Path tight = dir.resolve("tight.yaml");
        Files.writeString(tight, passing.replace("requirements:\n",
                "requirements:\n  - {name: impossible_100us, metric: transfer, deadline: 100us, max_miss: 1.0e-5}\n"));
        Launcher.Result bad = Launcher.run(dir, "protection", "validate", tight.toString(), "--samples", "100", "--out", "tight");
        assertEquals(3, bad.exit(), bad.stdout() + bad.stderr());
        assertTrue(bad.stderr().contains("impossible_100us") && bad.stderr().contains("below the shortest possible transfer time"),
                "the row is explained:\n" + bad.stderr());
        String runJson = Files.readString(dir.resolve("tight/run.json"));
        assertTrue(runJson.contains("below the shortest possible transfer time"), "and the explanation is kept: " + runJson);
    }

    @Test
    void badInputIsOneLine(@TempDir Path dir) throws Exception {
        String text = Files.readString(Launcher.root().resolve("studies/scenarios/protection-example.yaml"));
        Path missingElement = dir.resolve("element.yaml");
        Files.writeString(missingElement, text.replace("element: Line.LINE271\n", "element: Line.NOPE\n"));
        Launcher.Result r = Launcher.run(dir, "protection", "validate", missingElement.toString(), "--samples", "10", "--out", "o1");
        assertEquals(1, r.exit());
        String[] lines = r.stderr().strip().split("\n");
        assertEquals(1, lines.length, r.stderr());
        assertTrue(lines[0].contains("element.yaml") && lines[0].contains("relays[1].element") && lines[0].contains("Line.NOPE"), lines[0]);

        Path missingBus = dir.resolve("bus.yaml");
        Files.writeString(missingBus, text.replace("  types: {slg:", "  buses: [\"nowhere\"]\n  types: {slg:"));
        r = Launcher.run(dir, "protection", "validate", missingBus.toString(), "--samples", "10", "--out", "o2");
        assertEquals(1, r.exit());
        lines = r.stderr().strip().split("\n");
        assertEquals(1, lines.length, r.stderr());
        assertTrue(lines[0].contains("bus.yaml") && lines[0].contains("faults.buses[0]") && lines[0].contains("nowhere"), lines[0]);

        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, text.replace("samples: 10000", "sampels: 10000"));
        r = Launcher.run(dir, "protection", "validate", typo.toString(), "--out", "o3");
        assertEquals(1, r.exit());
        lines = r.stderr().strip().split("\n");
        assertEquals(1, lines.length, r.stderr());
        assertTrue(lines[0].contains("typo.yaml:") && lines[0].contains("sampels"), lines[0]);

        r = Launcher.run(dir, "protection", "validate", "--samples");
        assertEquals(2, r.exit());
        r = Launcher.run(dir, "protection", "validate", dir.resolve("none.yaml").toString());
        assertEquals(1, r.exit());
        assertEquals(1, r.stderr().strip().split("\n").length, r.stderr());
    }
}
