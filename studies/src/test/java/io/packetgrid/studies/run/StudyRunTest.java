package io.packetgrid.studies.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.studies.report.Summary;
import io.packetgrid.studies.sweep.testkind.SweepTestStudy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder says what produced it and never looks valid when the run failed: the folder of a
 * completed run holds summary.json, scenario.resolved.yaml, run.json and report.html; a failed run
 * leaves no summary.json (its partial outputs with a failed run.json instead), and an earlier run's
 * results in the same folder stay untouched.
 */
class StudyRunTest {
    private static ObjectNode scenario(String yaml) {
        return (ObjectNode) YamlFiles.read(yaml, "t.yaml", JsonNode.class);
    }

    private static StudyRun.Outcome run(Path out, String yaml) {
        RunContext ctx = RunContext.quiet(out, out.getParent(), 1);
        return StudyRun.execute(new SweepTestStudy(), scenario(yaml), "t.yaml", ctx, "run t.yaml");
    }

    @Test
    void aCompletedRunHasItsProvenance(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("a");
        StudyRun.Outcome o = run(out, "kind: sweep-test\nx: 2.5\nn: 3\nseed: 4\n");
        assertEquals(out.toAbsolutePath().normalize(), o.dir());
        for (String f : new String[] {"summary.json", "series.csv", "scenario.resolved.yaml", "run.json", "report.html"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertFalse(Files.exists(RunFolder.stagingOf(out)), "the staging folder is gone");
        JsonNode info = Summary.JSON.readTree(out.resolve("run.json").toFile());
        for (String f : new String[] {"version", "git_commit", "command", "seed", "threads", "java", "started", "wall_s", "warnings"}) {
            assertTrue(info.has(f), "run.json has " + f + ": " + info);
        }
        assertEquals(4, info.get("seed").asLong());
        assertEquals("run t.yaml", info.get("command").asText());
        assertEquals("completed", info.get("status").asText());
        String resolved = Files.readString(out.resolve("scenario.resolved.yaml"));
        assertTrue(resolved.contains("\nx: 2.5\n") && resolved.contains("\nwork_ms: 0\n"), "defaults filled in:\n" + resolved);
    }

    @Test
    void aFailedRunLeavesNoSummaryAndSaysWhy(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("f");
        PacketGridException e = assertThrows(PacketGridException.class, () -> run(out, "kind: sweep-test\nlabel: fail\n"));
        assertTrue(e.userMessage().contains("power flow diverged"));
        assertFalse(Files.exists(out.resolve("summary.json")), "a failed run leaves no summary.json");
        JsonNode info = Summary.JSON.readTree(out.resolve("run.json").toFile());
        assertEquals("failed", info.get("status").asText());
        assertTrue(info.get("error").asText().contains("power flow diverged"), info.toString());
        assertTrue(Files.isRegularFile(out.resolve("scenario.resolved.yaml")), "what was run is kept");
        assertFalse(Files.exists(RunFolder.stagingOf(out)));
    }

    @Test
    void aFailedRunIntoAnEarlierRunsFolderLeavesThoseResultsAlone(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r");
        run(out, "kind: sweep-test\nx: 1\nn: 1\n");
        byte[] before = Files.readAllBytes(out.resolve("summary.json"));
        assertThrows(PacketGridException.class, () -> run(out, "kind: sweep-test\nlabel: fail\n"));
        assertEquals(new String(before), Files.readString(out.resolve("summary.json")), "the earlier results are untouched");
        assertEquals("completed", Summary.JSON.readTree(out.resolve("run.json").toFile()).get("status").asText());
        Path failed = out.resolveSibling("r.failed");
        assertEquals("failed", Summary.JSON.readTree(failed.resolve("run.json").toFile()).get("status").asText());
        assertFalse(Files.exists(failed.resolve("summary.json")));
    }

    @Test
    void aRunIntoAnEarlierRunsFolderReplacesItsFiles(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r");
        run(out, "kind: sweep-test\nx: 1\nn: 1\n");
        Files.writeString(out.resolve("notes.txt"), "mine");
        run(out, "kind: sweep-test\nx: 2\nn: 1\n");
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"y\" : 2.0"), "the new results");
        assertEquals("mine", Files.readString(out.resolve("notes.txt")), "a file the run did not write stays");
    }

    @Test
    void aKilledRunsStagingFolderIsClearedByTheNextRun(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("k");
        Path staging = RunFolder.stagingOf(out);
        Files.createDirectories(staging);
        Files.writeString(staging.resolve("summary.json"), "{}");   // what a killed run might have left
        run(out, "kind: sweep-test\n");
        assertFalse(Files.exists(staging));
        assertTrue(Files.readString(out.resolve("summary.json")).contains("sweep-test"));
    }

    @Test
    void aSecondRunIntoAFolderBeingWrittenIsRefusedAndTheFirstKeepsItsFiles(@TempDir Path dir) throws Exception {
        // found when two engineers started `packetgrid run --out X` at the same moment: the second one
        // deleted the first one's staging folder, which then failed writing its plots
        Path out = dir.resolve("busy");
        RunFolder first = RunFolder.open(out);
        Files.writeString(first.dir().resolve("series.csv"), "first run's file");
        PacketGridException e = assertThrows(PacketGridException.class, () -> run(out, "kind: sweep-test\n"));
        assertTrue(e.userMessage().contains("another run is writing into this folder"), e.userMessage());
        assertEquals("first run's file", Files.readString(first.dir().resolve("series.csv")), "the first run's staging is intact");
        first.publish();
        assertFalse(Files.exists(out.resolveSibling("busy.lock")), "the lock file goes with the run");
        run(out, "kind: sweep-test\n");
        assertTrue(Files.readString(out.resolve("summary.json")).contains("sweep-test"), "the folder is free again");
    }
}
