package io.packetgrid.studies.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grid run}, {@code grid synth} and {@code bench grid} through the real launcher (CLI.md). */
class GridIT {

    private static Path copyIeee13(Path dir) throws Exception {
        Path shared = Launcher.shared();
        assumeTrue(shared != null, "../shared not available");
        Path src = shared.resolve("feeders/ieee13");
        Path dst = Files.createDirectories(dir.resolve("ieee13"));
        for (String f : List.of("IEEE13Nodeckt.dss", "IEEELineCodes.DSS", "IEEE13Node_BusXY.csv")) {
            Files.copy(src.resolve(f), dst.resolve(f));
        }
        return dst.resolve("IEEE13Nodeckt.dss");
    }

    private static List<Path> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void gridRunWritesVoltagesAndMonitorsAndNothingBesideTheScript(@TempDir Path dir) throws Exception {
        Path script = copyIeee13(dir);
        Files.writeString(script, Files.readString(script) + "\nNew Monitor.m671 Line.670671 2 mode=1 ppolar=no\n"
                + "Set mode=daily number=3 stepsize=1h\nSolve\nExport monitors m671\n");
        List<Path> before = listing(script.getParent());
        Path work = Files.createDirectories(dir.resolve("work"));
        Launcher.Result r = Launcher.run(work, "grid", "run", script.toString(), "--out", "exports", "--voltages", "v.csv");
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(before, listing(script.getParent()), "nothing may be written beside the script");
        List<String> v = Files.readAllLines(work.resolve("v.csv"));
        assertEquals("bus,node,vmag_v,vangle_deg,vmag_pu", v.get(0));
        assertTrue(v.stream().anyMatch(l -> l.startsWith("675,3,")), "bus 675 node 3 listed");
        List<String> m = Files.readAllLines(work.resolve("exports/m671.csv"));
        assertEquals("hour,t(sec),P1 (kW),Q1 (kvar),P2 (kW),Q2 (kvar),P3 (kW),Q3 (kvar)", m.get(0));
        assertEquals(4, m.size(), "three daily steps");
        assertTrue(m.get(1).startsWith("1,0.00000,"), m.get(1));
    }

    @Test
    void badScriptGivesOneLineAndExitOne(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("bad.dss");
        Files.writeString(script, "New Circuit.x basekv=11\nNew Load.l1 bus1=sourcebus kV=11 kW=5 colour=red\n");
        Launcher.Result r = Launcher.run(dir, "grid", "run", script.toString());
        assertEquals(1, r.exit());
        String[] lines = r.stderr().strip().split("\n");
        assertEquals(1, lines.length, r.stderr());
        assertTrue(lines[0].contains("bad.dss:2") && lines[0].contains("colour"), lines[0]);
    }

    @Test
    void benchGridPrintsTheContractFields(@TempDir Path dir) throws Exception {
        Launcher.Result s = Launcher.run(dir, "grid", "synth", "--copies", "1", "--out", "eu");
        assertEquals(0, s.exit(), s.stderr());
        Launcher.Result r = Launcher.run(dir, "bench", "grid", dir.resolve("eu/Master.dss").toString(), "--steps", "60",
                "--warmup", "0", "--repeats", "1");
        assertEquals(0, r.exit(), r.stderr());
        String out = r.stdout().strip();
        JsonNode j = new ObjectMapper().readTree(out.substring(out.lastIndexOf("\n{") + 1));
        for (String f : List.of("steps", "parse_ms", "total_solve_ms", "median_step_ms", "p99_step_ms", "mean_iterations")) {
            assertTrue(j.has(f), "missing " + f + " in " + out);
        }
        assertEquals(60, j.get("steps").asInt());
        assertTrue(j.get("mean_iterations").asDouble() >= 2.0);
    }
}
