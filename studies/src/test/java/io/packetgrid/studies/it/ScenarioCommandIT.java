package io.packetgrid.studies.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scenario show} and {@code scenario check} (CLI.md), end to end through the launcher. */
class ScenarioCommandIT {

    @Test
    void showPrintsTheEffectiveScenarioWithEveryDefault(@TempDir Path dir) throws Exception {
        Path s = dir.resolve("minimal.yaml");
        Files.createDirectories(dir.resolve("feeders"));
        Files.writeString(s, "kind: coupled\nfeeder: {script: feeders/f.dss}\n");
        Launcher.Result r = Launcher.run(dir, "scenario", "show", s.toString());
        assertEquals(0, r.exit(), r.stderr());
        String y = r.stdout();
        // defaults from the scenario records (CoupledScenario, PemSpec, DeviceParams, RadioConfig)
        for (String line : new String[] {"name: coupled\n", "seed: 1\n", "duration: 1d\n", "grid_step: 1m\n", "device_step: 10s\n",
                "  packet: 5m\n", "  reply_timeout: 5s\n", "    charger_kw: 6.6\n", "  carrier_ghz: 3.5\n", "  nominal_v: 230.0\n",
                "  - name: pem_grid_aware\n"}) {
            assertTrue(y.contains(line), "shows " + line.strip() + ":\n" + y);
        }
        assertTrue(y.contains("  script: " + dir.resolve("feeders/f.dss").toAbsolutePath().normalize() + "\n"),
                "the path made absolute:\n" + y);
    }

    @Test
    void checkValidatesWithoutRunning(@TempDir Path dir) throws Exception {
        Path acc = Launcher.root().resolve("studies/scenarios/acc2017-water-heaters.yaml");
        Launcher.Result ok = Launcher.run(dir, "scenario", "check", acc.toString());
        assertEquals(0, ok.exit(), ok.stderr());
        assertEquals("acc2017-water-heaters.yaml: ok (kind: acc2017)\n", ok.stdout());
        assertTrue(Files.list(dir).findAny().isEmpty(), "nothing written");

        Path prot = Launcher.root().resolve("studies/scenarios/protection-example.yaml");
        Launcher.Result p = Launcher.run(dir, "scenario", "check", prot.toString());
        assertEquals(0, p.exit(), p.stderr());

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "kind: coupled\nfeeder: {script: builtin:european-lv}\nhouseholds: {loads: [LOAD1, LOAD999]}\n");
        Launcher.Result b = Launcher.run(dir, "scenario", "check", bad.toString());
        assertEquals(1, b.exit());
        String[] lines = b.stderr().strip().split("\n");
        assertEquals(1, lines.length, b.stderr());
        assertTrue(lines[0].startsWith("packetgrid: bad.yaml") && lines[0].contains("LOAD999"), lines[0]);

        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, "kind: acc2017\ndevicez: 10\n");
        Launcher.Result t = Launcher.run(dir, "scenario", "show", typo.toString());
        assertEquals(1, t.exit());
        assertTrue(t.stderr().startsWith("packetgrid: typo.yaml:2: devicez: unknown field"), t.stderr());
    }

    @Test
    void checkStopsOnABadEventWithTheLineRunGives(@TempDir Path dir) throws Exception {
        // an event naming an element the feeder lacks: found by the time line's checks against the feeder, which run
        // makes before it simulates and scenario check must make too (households with devices: no warning before the line)
        Path bad = dir.resolve("bad-event.yaml");
        Files.writeString(bad, """
                kind: coupled
                duration: 1h
                feeder: {script: builtin:european-lv}
                households: {mix: {water_heater: 1.0}}
                events:
                  - {at: 10m, kind: open, element: LINE9999}
                """);
        Launcher.Result check = Launcher.run(dir, "scenario", "check", bad.toString());
        assertEquals(1, check.exit(), check.stderr());
        assertEquals("packetgrid: bad-event.yaml: events[0].element: no Line 'LINE9999' in the feeder\n", check.stderr());
        assertEquals("", check.stdout());
        Launcher.Result run = Launcher.run(dir, "run", bad.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, run.exit(), run.stderr());
        assertEquals(check.stderr(), run.stderr(), "the same one line as run");
    }
}
