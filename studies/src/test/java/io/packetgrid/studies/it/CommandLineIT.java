package io.packetgrid.studies.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher and the root command, end to end (CLI.md: help, version, exit codes, bench JSON). */
class CommandLineIT {

    @Test
    void helpListsTheCommandsFromAnyFolder(@TempDir Path elsewhere) {
        Launcher.Result r = Launcher.run(elsewhere, "--help");
        assertEquals(0, r.exit(), r.stderr());
        for (String c : new String[] {"run", "bench"}) {
            assertTrue(r.stdout().contains("  " + c + " "), "help lists " + c + ":\n" + r.stdout());
        }
    }

    @Test
    void versionNamesTheProduct(@TempDir Path dir) {
        Launcher.Result r = Launcher.run(dir, "--version");
        assertEquals(0, r.exit());
        assertTrue(r.stdout().startsWith("packetgrid "), r.stdout());
    }

    @Test
    void usageErrorsExitWith2AndOneClearMessage(@TempDir Path dir) {
        Launcher.Result r = Launcher.run(dir, "no-such-command");
        assertEquals(2, r.exit());
        assertTrue(r.stderr().startsWith("packetgrid: Unmatched argument"), r.stderr());
        assertTrue(!r.stderr().contains("\tat "), "no stack trace");
    }

    @Test
    void badInputExitsWith1AndOneLineNamingTheFile(@TempDir Path dir) {
        Launcher.Result r = Launcher.run(dir, "run", "missing.yaml");
        assertEquals(1, r.exit());
        assertEquals("packetgrid: missing.yaml: no such scenario file\n", r.stderr());
    }

    @Test
    void benchKernelPrintsItsJsonLast(@TempDir Path dir) throws Exception {
        Launcher.Result r = Launcher.run(dir, "bench", "kernel", "--steps", "500", "--repeats", "1");
        assertEquals(0, r.exit(), r.stderr());
        String out = r.stdout();
        JsonNode json = new ObjectMapper().readTree(out.substring(out.lastIndexOf("\n{") + 1));
        assertTrue(json.get("messages_per_second").asDouble() > 0);
        assertTrue(json.get("value_updates_per_second").asDouble() > 0);
    }
}
