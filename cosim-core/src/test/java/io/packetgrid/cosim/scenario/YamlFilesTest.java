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

    /** A record with its own checks, as the study scenarios have. */
    record Limits(double vMaxPu, Double gain, int steps) {
        @com.fasterxml.jackson.annotation.JsonCreator
        Limits(@JsonProperty("v_max_pu") double vMaxPu, @JsonProperty("gain") Double gain, @JsonProperty("steps") int steps) {
            this.vMaxPu = InvalidFieldException.inRange("v_max_pu", vMaxPu, 0, 2);
            this.gain = gain;
            this.steps = steps;
            if (steps < 0) {
                throw new IllegalArgumentException("steps must be >= 0");
            }
        }
    }

    private static String limitsError(String yaml) {
        return assertThrows(PacketGridException.class, () -> YamlFiles.read(yaml, "limits.yaml", Limits.class)).userMessage();
    }

    @Test
    void numbersThatAreNotFiniteAreRefusedWithTheFieldNamed() {
        // YAML reads 1e400 as infinity: it used to reach the study (and summary.json as "Infinity")
        assertEquals("limits.yaml:2: gain: expected a finite number, got 1e400", limitsError("v_max_pu: 1.1\ngain: 1e400\n"));
        assertEquals("limits.yaml:1: v_max_pu: expected a finite number, got -1.0e+999", limitsError("v_max_pu: -1.0e+999\n"));
        assertEquals("limits.yaml:1: v_max_pu: expected a finite number, got .nan", limitsError("v_max_pu: .nan\n"));
        assertEquals("limits.yaml:3: gain: expected a finite number, got .inf", limitsError("v_max_pu: 1\nsteps: 2\ngain: .inf\n"));
        // in a list of a scenario record too
        assertEquals("study.yaml:6: federates[0].gain: expected a finite number, got 1e309",
                error(GOOD.replace("    step: 1m\n", "    step: 1m\n    gain: 1e309\n")));
    }

    @Test
    void aRecordsOwnCheckIsPlacedAtItsFieldNeverPastTheEnd() {
        // the record's check named its field: the error is at that field's line, not at the end of the file
        assertEquals("limits.yaml:2: v_max_pu: must be a number in [0, 2], got 1.0E308",
                limitsError("steps: 3\nv_max_pu: 1e308\ngain: 2\n"));
        // a check that names no field: no line at all rather than line 4 of a 3-line file (was "limits.yaml:4")
        assertEquals("limits.yaml: steps must be >= 0", limitsError("v_max_pu: 1\ngain: 2\nsteps: -1\n"));
    }

    @Test
    void aRepeatedKeyIsNamedWithBothLines() {
        // used to be taken silently (the last one won) in records, and "expected a JsonNode section here" in trees
        assertEquals("limits.yaml:3: gain: duplicate key 'gain' (first at line 1): a key may appear only once",
                limitsError("gain: 1\nv_max_pu: 1\ngain: 2\n"));
        assertEquals("study.yaml:9: federates[1].gain: duplicate key 'gain' (first at line 7): a key may appear only once",
                error(GOOD.replace("gain: 0.5\n", "gain: 0.5\n    step: 1s\n    gain: 0.7\n").replace("    step: 10s\n", "")));
        String tree = assertThrows(PacketGridException.class,
                () -> YamlFiles.read("a:\n  b: 1\n  c: 2\n  b: 3\n", "t.yaml", com.fasterxml.jackson.databind.JsonNode.class)).userMessage();
        assertEquals("t.yaml:4: a.b: duplicate key 'b' (first at line 2): a key may appear only once", tree);
    }
}
