package io.packetgrid.studies.pem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.scenario.YamlFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The ACC 2017 scenario refuses absurd values with the field and its line (issue #12 M3). */
class Acc2017ScenarioTest {
    static String shipped() throws Exception {
        return Files.readString(Path.of("scenarios/acc2017-water-heaters.yaml"));
    }

    static String error(String yaml) {
        return assertThrows(PacketGridException.class, () -> YamlFiles.read(yaml, "acc.yaml", Acc2017Scenario.class)).userMessage();
    }

    @Test
    void theShippedScenarioIsValid() throws Exception {
        Acc2017Scenario s = YamlFiles.read(shipped(), "acc.yaml", Acc2017Scenario.class);
        assertEquals(25, s.referenceAmplitudePct());
        assertEquals(4, s.variants().size());
    }

    @Test
    void anAbsurdAmplitudeIsRefusedAtItsLine() throws Exception {
        // 1e308 % ran to exit 0 with "Infinity" in summary.json when the rebound test was off
        String yaml = shipped().replace("reference_amplitude_pct: 25", "reference_amplitude_pct: 1e308")
                .replaceAll("(?s)rebound:.*", "rebound: null\n");
        assertEquals("acc.yaml:16: reference_amplitude_pct: must be a number in [0, 100], got 1.0E308", error(yaml));
        assertEquals("acc.yaml:16: reference_amplitude_pct: expected a finite number, got 1e400",
                error(yaml.replace("1e308", "1e400")));
        assertEquals("acc.yaml:16: reference_amplitude_pct: the reference would go below zero: reference_offset_pct − "
                + "reference_amplitude_pct must be ≥ −100, got -10.0 − 95.0", error(yaml.replace("1e308", "95")));
        assertEquals("acc.yaml:14: nominal_packet_kw: must be a number in [0.001, 1000], got -5",
                error(shipped().replace("nominal_packet_kw: 5", "nominal_packet_kw: -5")));
    }

    @Test
    void variantNamesAreUniqueAndSafeFolderNames() throws Exception {
        // a repeated name used to fail after the run had written a complete-looking summary.json
        String dup = shipped().replace("{name: pem_30min,", "{name: pem_5min,");
        assertEquals("acc.yaml:21: variants[3].name: 'pem_5min' is already the name of another variant", error(dup));
        String clash = shipped().replace("{name: pem_30min,", "{name: rebound_no_limit,");
        assertEquals("acc.yaml:21: variants[3].name: 'rebound_no_limit' is already the name of the rebound test's result", error(clash));
        String escape = shipped().replace("{name: pem_30min,", "{name: ../elsewhere,");
        assertEquals("acc.yaml:21: variants[3].name: must be 1 to 64 letters, digits, '_' or '-', got '../elsewhere'", error(escape));
    }
}
