package io.packetgrid.studies.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./packetgrid run studies/scenarios/acc2017-water-heaters.yaml}, end to end. */
class Acc2017IT {

    @Test
    void reproducesTheQualitativeFactsAndWritesItsOutputs(@TempDir Path dir) throws Exception {
        Path scenario = Launcher.root().resolve("studies/scenarios/acc2017-water-heaters.yaml");
        Path out1 = dir.resolve("one");
        Path out2 = dir.resolve("two");
        Launcher.Result r = Launcher.run(dir, java.util.Map.of(), 600, "run", scenario.toString(), "--out", out1.toString(), "--threads", "2");
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(r.stdout().contains("ACC 2017 reproduction"), r.stdout());
        JsonNode s = new ObjectMapper().readTree(out1.resolve("summary.json").toFile());
        JsonNode v = s.get("variants");
        for (String name : new String[] {"thermostat", "pem_uncoordinated", "pem_5min", "pem_30min"}) {
            for (String m : new String[] {"tracking_mae_pct", "tracking_rms_kw", "cycles_per_hour"}) {
                assertTrue(v.get(name).has(m), name + "." + m);
            }
        }
        assertTrue(v.get("pem_5min").get("tracking_mae_pct").asDouble() < 2);
        assertTrue(v.get("pem_5min").get("tracking_mae_pct").asDouble() < v.get("pem_30min").get("tracking_mae_pct").asDouble());
        assertTrue(v.get("pem_30min").get("tracking_mae_pct").asDouble() < v.get("thermostat").get("tracking_mae_pct").asDouble());
        assertTrue(s.get("rebound_peak_cut_pct").asDouble() > 50);
        for (String f : new String[] {"tracking.csv", "rebound.csv", "tracking.png", "rebound.png"}) {
            assertTrue(Files.size(out1.resolve(f)) > 1000, f);
        }
        // the same scenario and seed give the same bytes, whatever the threads
        Launcher.Result r2 = Launcher.run(dir, java.util.Map.of(), 600, "run", scenario.toString(), "--out", out2.toString(), "--threads", "1");
        assertEquals(0, r2.exit(), r2.stderr());
        assertTrue(Files.readString(out1.resolve("pem_5min/events.csv")).contains(",fleet,opt_out_on,device="));
        for (String f : new String[] {"summary.json", "tracking.csv", "rebound.csv", "pem_5min/events.csv"}) {
            assertArrayEquals(Files.readAllBytes(out1.resolve(f)), Files.readAllBytes(out2.resolve(f)), f);
        }
    }

    @Test
    void aBadFieldIsOneLineNamingFileLineAndField(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "kind: acc2017\ndevices: 10\nstep: ten\n");
        Launcher.Result r = Launcher.run(dir, "run", bad.toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, r.exit());
        assertEquals("packetgrid: bad.yaml:3: step: expected a duration like 10s, got 'ten'\n", r.stderr());
        Files.writeString(bad, "kind: acc2017\nvariants:\n  - {name: x, control: remote}\n");
        Launcher.Result r2 = Launcher.run(dir, "run", bad.toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, r2.exit());
        assertTrue(r2.stderr().startsWith("packetgrid: bad.yaml:3: variants[0]"), r2.stderr());
        assertTrue(r2.stderr().contains("control must be thermostat or pem"), r2.stderr());
    }
}
