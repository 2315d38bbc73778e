package io.packetgrid.cosim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.error.PacketGridException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlFilesTest {

    enum Mode { UNCONTROLLED, PEM_GRID_AWARE }

    record Fed(@JsonProperty(required = true) String name, @JsonProperty(required = true) SimDuration step,
               double gain, Mode mode) {
    }

    record Scenario(@JsonProperty(required = true) String name, long seed, List<Fed> federates) {
    }

    private static final String GOOD = """
            name: demo
            seed: 7
            federates:
              - name: grid
                step: 1m
              - name: devices
                step: 10s
                gain: 0.5
                mode: pem_grid_aware
            """;

    private static String error(String yaml) {
        return assertThrows(PacketGridException.class, () -> YamlFiles.read(yaml, "study.yaml", Scenario.class)).userMessage();
    }

    @Test
    void readsRecordsWithDurationsAndCaseInsensitiveEnums() {
        Scenario s = YamlFiles.read(GOOD, "study.yaml", Scenario.class);
        assertEquals(60_000_000_000L, s.federates().get(0).step().ns());
        assertEquals(Mode.PEM_GRID_AWARE, s.federates().get(1).mode());
        assertEquals(0.5, s.federates().get(1).gain());
    }

    @Test
    void aBadDurationNamesFileLineAndFieldPath() {
        String yaml = GOOD + "  - name: radio\n    step: ten\n";
        assertEquals("study.yaml:11: federates[2].step: expected a duration like 10s, got 'ten'", error(yaml));
    }

    @Test
    void anUnknownFieldIsNamedWithTheKnownOnes() {
        String m = error(GOOD.replace("gain: 0.5", "gian: 0.5"));
        assertTrue(m.startsWith("study.yaml:8: federates[1].gian: unknown field 'gian' (known: gain, mode, name, step)"), m);
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        String m = error(GOOD.replace("    step: 1m\n", ""));
        assertTrue(m.contains("federates[0].step: missing required field"), m);
    }

    @Test
    void anIllTypedFieldSaysWhatWasExpected() {
        assertTrue(error(GOOD.replace("seed: 7", "seed: seven")).endsWith("seed: expected an integer, got 'seven'"),
                error(GOOD.replace("seed: 7", "seed: seven")));
        assertTrue(error(GOOD.replace("gain: 0.5", "gain: [1, 2]")).contains("federates[1].gain: expected a number here"),
                error(GOOD.replace("gain: 0.5", "gain: [1, 2]")));
        String m = error(GOOD.replace("mode: pem_grid_aware", "mode: magic"));
        assertTrue(m.contains("federates[1].mode: expected one of uncontrolled, pem_grid_aware, got 'magic'"), m);
    }

    @Test
    void brokenYamlIsReportedWithItsLine() {
        String m = error("name: demo\nfederates: [\n  {name: a\n");
        assertTrue(m.startsWith("study.yaml:") && m.contains("not valid YAML"), m);
    }

    @Test
    void aMissingFileIsOneLine(@TempDir Path dir) {
        Path p = dir.resolve("nope.yaml");
        assertEquals(p + ": no such file",
                assertThrows(PacketGridException.class, () -> YamlFiles.read(p, Scenario.class)).userMessage());
    }

    @Test
    void readsFromFilesNamingTheFile(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("s.yaml");
        Files.writeString(p, "name: x\nseed: 1.5\n");
        String m = assertThrows(PacketGridException.class, () -> YamlFiles.read(p, Scenario.class)).userMessage();
        assertTrue(m.startsWith("s.yaml:2: seed:"), m);
    }
}
