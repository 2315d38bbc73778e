package io.packetgrid.studies.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runs of issue #12 M3, through the launcher: each used to fail late (exit 1 with a complete-looking
 * summary.json and CSVs left behind) or to succeed with "Infinity" in summary.json; now each is refused
 * before it runs, with one line naming the field and its line, and no summary.json anywhere.
 */
class BadValuesRunIT {

    static String acc() throws Exception {
        return Files.readString(Launcher.root().resolve("studies/scenarios/acc2017-water-heaters.yaml"))
                .replace("devices: 1000", "devices: 50").replace("duration: 6h", "duration: 3h");
    }

    static void refused(Path dir, String yaml, String expectedError) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, yaml);
        Path out = dir.resolve("out");
        Launcher.Result r = Launcher.run(dir, "run", file.toString(), "--out", out.toString());
        assertEquals(1, r.exit(), r.stdout() + r.stderr());
        assertEquals("packetgrid: " + expectedError + "\n", r.stderr());
        assertFalse(Files.exists(out.resolve("summary.json")), "no summary.json");
        try (var all = Files.walk(dir)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().equals("summary.json")), "no summary.json anywhere");
        }
    }

    @Test
    void aRepeatedAccVariantNameIsRefusedBeforeTheRun(@TempDir Path dir) throws Exception {
        refused(dir, acc().replace("{name: pem_30min,", "{name: pem_5min,"),
                "s.yaml:21: variants[3].name: 'pem_5min' is already the name of another variant");
    }

    @Test
    void anAbsurdAmplitudeWithoutReboundIsRefusedNotRunToInfinity(@TempDir Path dir) throws Exception {
        refused(dir, acc().replace("reference_amplitude_pct: 25", "reference_amplitude_pct: 1e308").replaceAll("(?s)rebound:.*", "rebound: null\n"),
                "s.yaml:16: reference_amplitude_pct: must be a number in [0, 100], got 1.0E308");
    }

    @Test
    void anInfiniteVoltageLimitIsRefused(@TempDir Path dir) throws Exception {
        String yaml = Files.readString(Launcher.root().resolve("studies/src/main/resources/scenarios/default.yaml"))
                .replace("v_max_pu: 1.10", "v_max_pu: 1e400");
        refused(dir, yaml, "s.yaml: grid_limits.v_max_pu: expected a finite number, got Infinity");
    }
}
