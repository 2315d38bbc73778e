package io.packetgrid.studies.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.studies.report.Summary;
import io.packetgrid.studies.sweep.testkind.SweepTestStudy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #12 M3: the ACC 2017 study with a repeated variant name wrote summary.json and its CSVs, then
 * failed drawing a figure (XChart refuses two series of one name) and left a complete-looking folder.
 * A study that fails after writing its summary leaves none.
 */
class LateFailureTest {

    @Test
    void aStudyThatFailsAfterItsSummaryLeavesNone(@TempDir Path dir) throws Exception {
        SweepTestStudy study = new SweepTestStudy();
        JsonNode tree = YamlFiles.read("kind: sweep-test\nx: 1\nn: 1\n", "t.yaml", JsonNode.class);
        Object parsed = study.scenario(tree, "t.yaml", null);
        Path out = dir.resolve("acc");
        RunContext ctx = RunContext.quiet(out, dir, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StudyRun.execute("acc2017", parsed,
                yaml -> study.scenario(YamlFiles.read(yaml, "r.yaml", JsonNode.class), "r.yaml", null), ctx, "run t.yaml", folder -> {
                    Summary s = new Summary("acc2017", "t", 1);
                    s.variant("pem_5min").put("tracking_mae_pct", 0.6);
                    s.write(folder);
                    try {
                        Files.writeString(folder.resolve("tracking.csv"), "time_s,reference_kw\n");
                    } catch (java.io.IOException io) {
                        throw new java.io.UncheckedIOException(io);
                    }
                    throw new IllegalArgumentException("Series name >pem_5min< has already been used");
                }));
        assertTrue(e.getMessage().contains("already been used"));
        assertFalse(Files.exists(out.resolve("summary.json")), "no summary.json after a failed run");
        assertEquals("failed", Summary.JSON.readTree(out.resolve("run.json").toFile()).get("status").asText());
    }
}
