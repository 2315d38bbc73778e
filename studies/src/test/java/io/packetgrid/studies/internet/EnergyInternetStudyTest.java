package io.packetgrid.studies.internet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.studies.report.Summary;
import io.packetgrid.studies.run.RunContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled seed-fig4 study: every accepted request met, the energy identities, reruns byte-identical, field errors. */
class EnergyInternetStudyTest {
    @TempDir
    Path out;

    static Summary run(String yaml, Path dir) {
        JsonNode tree = YamlFiles.read(yaml, "seed-fig4.yaml", JsonNode.class);
        return new EnergyInternetStudy().run(tree, "seed-fig4.yaml", RunContext.quiet(dir, null, 1));
    }

    @Test
    void theSeedsThreeHouseholdsMeetTheirDeadlines() throws Exception {
        String yaml = Files.readString(Path.of("scenarios/seed-fig4.yaml"));
        Summary s = run(yaml, out.resolve("a"));
        JsonNode v = s.variants().get("energy_internet");
        assertEquals(100.0, v.get("deadlines_met_pct").asDouble());
        assertEquals(0, v.get("requests_rejected").asLong());
        assertEquals(3, v.get("requests").asLong());
        // every kWh of load came from the local renewable or the grid: self-sufficiency = (load − import)/load
        double load = v.get("load_kwh").asDouble();
        double imp = v.get("import_kwh").asDouble();
        assertEquals(100 * (load - imp) / load, v.get("self_sufficiency_pct").asDouble(), 0.01);
        assertTrue(v.get("forced_use_kwh").asDouble() > 0, "the sauna, pre-heated early, is forced to finish in time");
        assertTrue(v.get("forecast_rmse_kw").asDouble() > 0 && v.get("forecast_rmse_kw").asDouble() < 2);
        // the EV: 30 kWh from its drawn SoC to full at η = 0.9, all of it in the load
        String requests = Files.readString(out.resolve("a/requests.csv"));
        assertTrue(requests.contains("house1,dishwasher,28800,39600,1.075,1,0,NaN,1"), requests);
        run(yaml, out.resolve("b"));
        for (String f : new String[] {"summary.json", "requests.csv", "power.csv", "events.csv"}) {
            assertArrayEquals(Files.readAllBytes(out.resolve("a/" + f)), Files.readAllBytes(out.resolve("b/" + f)), f);
        }
    }

    @Test
    void clockTimesAndErrorsNameTheField() {
        LocalDateTime noon = LocalDateTime.of(2026, 7, 15, 12, 0);
        assertEquals(7 * 3_600_000_000_000L, EnergyInternetStudy.clock("19:00", noon, "f"));
        assertEquals(12 * 3_600_000_000_000L, EnergyInternetStudy.clock("24:00", noon, "f"));
        assertEquals(20 * 3_600_000_000_000L, EnergyInternetStudy.clock("08:00", noon, "f"), "before the start: the next day");
        String bad = """
                kind: energy_internet
                start: 2026-07-15T12:00
                households:
                  - {name: h, dishwasher: {deadline: "23h"}}
                """;
        PacketGridException e = assertThrows(PacketGridException.class, () -> run(bad, out.resolve("c")));
        assertTrue(e.userMessage().contains("households[0].dishwasher.deadline"), e.userMessage());
        PacketGridException w = assertThrows(PacketGridException.class,
                () -> run(bad.replace("23h", "23:00") + "weather: builtin:sahara\n", out.resolve("d")));
        assertTrue(w.userMessage().contains("weather") && w.userMessage().contains("finnish-summer"), w.userMessage());
    }
}
