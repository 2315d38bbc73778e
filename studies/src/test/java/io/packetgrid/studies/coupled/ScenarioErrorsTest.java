package io.packetgrid.studies.coupled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad scenarios fail with one line that names the field at fault. */
class ScenarioErrorsTest {
    @TempDir
    Path out;

    private PacketGridException fail(String yaml) {
        PacketGridException e = assertThrows(PacketGridException.class, () -> Scenarios.run(yaml, out, 1));
        assertFalse(e.userMessage().contains("\n"), "one line: " + e.userMessage());
        return e;
    }

    private static String base() {
        return Scenarios.evening("{model: ideal}", "{name: pem, control: pem, mode: accept_all}");
    }

    @Test
    void unknownFieldIsNamedWithItsPath() {
        PacketGridException e = fail(base().replace("  heat_pump: {rated_kw: 3.0}", "  heat_pump: {rated_kw: 3.0, colour: red}"));
        assertTrue(e.userMessage().startsWith("test.yaml: devices.heat_pump"), e.userMessage());
        assertTrue(e.userMessage().contains("unknown field 'colour'"), e.userMessage());
    }

    @Test
    void unknownTopLevelField() {
        PacketGridException e = fail(base() + "colour: red\n");
        assertTrue(e.userMessage().contains("unknown field 'colour'"), e.userMessage());
    }

    @Test
    void missingFeederScriptNamesTheFieldAndThePath() {
        PacketGridException e = fail(base().replace("builtin:european-lv", "feeders/nope.dss"));
        assertTrue(e.userMessage().startsWith("test.yaml: feeder.script: no such file 'feeders/nope.dss'"), e.userMessage());
    }

    @Test
    void unknownBuiltInFeeder() {
        PacketGridException e = fail(base().replace("builtin:european-lv", "builtin:ieee-13"));
        assertTrue(e.userMessage().startsWith("test.yaml: feeder.script: unknown built-in feeder 'ieee-13'"), e.userMessage());
    }

    @Test
    void householdOnAMissingLoad() {
        PacketGridException e = fail(base().replace("  mix: {", "  overrides: [{load: LOAD1, devices: [pv]}, {load: LOAD99, devices: [ev_charger]}]\n  mix: {"));
        assertEquals("test.yaml: households.overrides[1].load: no load 'LOAD99' in the feeder (builtin:european-lv has 55 loads: "
                + "load1, load2, load3, …, load55)", e.userMessage());
    }

    @Test
    void listedHouseholdLoadMissing() {
        PacketGridException e = fail(base().replace("households:\n", "households:\n  loads: [LOAD2, LOAD200]\n"));
        assertTrue(e.userMessage().startsWith("test.yaml: households.loads[1]: no load 'LOAD200'"), e.userMessage());
    }

    @Test
    void badValuesNameTheField() {
        assertTrue(fail(base().replace("ev_charger: 0.5", "ev_charger: 1.5")).userMessage()
                .contains("households.mix"), "share out of range");
        assertTrue(fail(base().replace("device_step: 10s", "device_step: 7s")).userMessage()
                .contains("grid_step must be a positive multiple of device_step"));
        PacketGridException e = fail(base().replace("duration: 3h", "duration: three hours"));
        assertTrue(e.userMessage().startsWith("test.yaml: duration"), e.userMessage());
        assertTrue(fail(base().replace("{name: pem, control: pem, mode: accept_all}", "{name: pem, control: remote}"))
                .userMessage().contains("variants[0].control"));
    }

    @Test
    void baselineVariantMustExist() {
        String yaml = Scenarios.evening("{model: ideal}", "{name: pem, control: pem}");
        PacketGridException e = fail(yaml);
        assertEquals("test.yaml: target.baseline_variant: no variant named 'uncontrolled' (variants: pem)", e.userMessage());
    }

    @Test
    void nonFiniteAndAbsurdNumbersAreRefusedNamingTheField() {
        // v_max_pu: 1e400 used to run (YAML reads it as infinity), fail in a plot and leave summary.json behind
        assertEquals("test.yaml: grid_limits.v_max_pu: expected a finite number, got Infinity",
                fail(base().replace("grid_limits: {gate_margin_pu: 0.02}", "grid_limits: {gate_margin_pu: 0.02, v_max_pu: 1e400}")).userMessage());
        assertEquals("test.yaml: grid_limits.v_max_pu: must be a number in [0.1, 2], got 1.0E308",
                fail(base().replace("grid_limits: {gate_margin_pu: 0.02}", "grid_limits: {gate_margin_pu: 0.02, v_max_pu: 1e308}")).userMessage());
        assertEquals("test.yaml: grid_limits.v_max_pu: must be above v_min_pu (0.9), got 0.85",
                fail(base().replace("grid_limits: {gate_margin_pu: 0.02}", "grid_limits: {v_max_pu: 0.85}")).userMessage());
        assertEquals("test.yaml: grid_limits.mv_v_max_pu: must be above mv_v_min_pu (0.9), got 0.88",
                fail(base().replace("grid_limits: {gate_margin_pu: 0.02}", "grid_limits: {mv_v_max_pu: 0.88}")).userMessage());
        assertEquals("test.yaml: grid_limits.mv_v_min_pu: must be a number in [0.1, 2], got 0",
                fail(base().replace("grid_limits: {gate_margin_pu: 0.02}", "grid_limits: {mv_v_min_pu: 0}")).userMessage());
        assertEquals("test.yaml: target.amplitude_pct: must be a number in [0, 100], got 1.0E308",
                fail(base().replace("amplitude_pct: 10", "amplitude_pct: 1e308")).userMessage());
    }

    @Test
    void aVariantCannotBeNamedLikeTheParentFolder() {
        PacketGridException e = fail(Scenarios.evening("{model: ideal}", "{name: .., control: pem, mode: accept_all}"));
        assertTrue(e.userMessage().contains("name must be letters, digits, '_', '.' or '-', got '..'"), e.userMessage());
    }
}
