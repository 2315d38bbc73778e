package io.packetgrid.studies.coupled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.studies.report.Summary;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The island formed by the feeder script's own {@code Storage ... ControlMode=GFM} (YAML {@code island.unit}) is
 * the island a {@code community_battery:} of the same figures forms: same survival, duration, lowest state of
 * charge and energy not served. The script unit is dispatched to discharge 40 kW on the grid, so it would add
 * those 40 kW to the island's supply (and its SoC would fall slower) if it stayed in the solve beside its own
 * grid-forming source; and its run starts at the script's {@code %stored} on a reused feeder.
 */
class ScriptStorageIslandTest {
    @TempDir
    Path out;

    private static final String STUDY = """
            kind: coupled
            name: script_storage
            seed: 3
            start: 17h20m
            duration: 40m
            grid_step: 1m
            device_step: 10s
            feeder:
              script: builtin:european-lv
              commands:
                - BatchEdit Load..* vminpu=0.5 vmaxpu=1.5
            %s
            households:
              mix: {water_heater: 1.0, pv: 0.3}
            network: {model: ideal}
            %s
            events:
              - {at: 10m, kind: island}
              - {at: 30m, kind: reconnect}
            variants:
              - {name: uncontrolled, control: local}
              - {name: again, control: local}
            outputs: {plots: false}
            """;

    private static final String SCRIPT_UNIT = """
                - New Storage.bat1 phases=3 bus1=1 kV=0.416 kWrated=400 kVA=450 kWhrated=120 %stored=95 %reserve=20 \
            %EffCharge=95 %EffDischarge=95 %IdlingkW=0 ControlMode=GFM DispMode=External State=DISCHARGING %Discharge=10""";

    private Summary run(String commands, String island, String dir) {
        return Scenarios.run(String.format(STUDY, commands, island), out.resolve(dir), 1);
    }

    @Test
    void theScriptsGridFormingStorageFormsTheSameIslandAsACommunityBatteryOfItsFigures() {
        Summary battery = run("", """
                community_battery: {bus: "1", kw: 400, kva: 450, kwh: 120, soc_pct: 95, reserve_pct: 20}
                island: {pcc: Transformer.TR1}""", "battery");
        Summary script = run(SCRIPT_UNIT, "island: {pcc: Transformer.TR1, unit: Storage.bat1}", "script");
        JsonNode b = battery.variants().get("uncontrolled").get("events").get(0);
        assertTrue(b.get("island_survived").asBoolean(), "a meaningful check: the island lives " + b);
        double socDrop = 95 - b.get("min_soc").asDouble();
        assertTrue(socDrop > 5, "a meaningful check: the battery supplies the island (" + socDrop + " % of 120 kWh)");
        for (String v : new String[] {"uncontrolled", "again"}) {     // "again": the same reused feeder starts anew
            JsonNode s = script.variants().get(v).get("events").get(0);
            for (String f : new String[] {"island_survived", "min_soc", "energy_not_served_kwh"}) {
                assertEquals(b.get(f).asDouble(), s.get(f).asDouble(), 1e-6, v + "." + f);
            }
            // the synchronising slip starts from the angle the bus had on the grid, which the unit's 40 kW there moved a little
            assertEquals(b.get("island_duration_s").asDouble(), s.get("island_duration_s").asDouble(), 0.01, v + ".island_duration_s");
        }
    }

    @Test
    void aUnitDispatchedOnTheGridEntersTheIslandWithWhatItsDispatchLeftAndIsNotDispatchedWhileForming() {
        Summary battery = run("", """
                community_battery: {bus: "1", kw: 400, kva: 450, kwh: 120, soc_pct: 95, reserve_pct: 20}
                island: {pcc: Transformer.TR1}""", "battery");
        // with 1 % idling losses (4 kW), which OpenDSS's UpdateStorage adds to a discharging unit's draw, and which a unit
        // standing behind its grid-forming source must not lose a second time beside the island's own energy account
        Summary script = run(SCRIPT_UNIT.replace("%IdlingkW=0", "%IdlingkW=1"), """
                island: {pcc: Transformer.TR1, unit: Storage.bat1}
                inverters: {household_pv: profile, storage: [{unit: Storage.bat1, schedule: [{from: 0h, kw: 40}]}]}""", "dispatched");
        // 40 kW + 4 kW idling from 17:20 to the island at 17:30 (ten solutions, each held a minute), 95 % discharge efficiency
        double before = (40 + 4) * (10 / 60.0) / 0.95 / 120 * 100;
        JsonNode b = battery.variants().get("uncontrolled").get("events").get(0);
        JsonNode s = script.variants().get("uncontrolled").get("events").get(0);
        assertTrue(s.get("island_survived").asBoolean());
        assertEquals(b.get("min_soc").asDouble() - before, s.get("min_soc").asDouble(), 1e-6);
        assertEquals(b.get("energy_not_served_kwh").asDouble(), s.get("energy_not_served_kwh").asDouble(), 1e-6);
    }

    @Test
    void aUnitThatIsNotAGridFormingStorageOrIsGivenTwiceIsOneClearLine() {
        PacketGridException e = assertThrows(PacketGridException.class,
                () -> run("", "island: {pcc: Transformer.TR1, unit: Storage.nope}", "a"));
        assertEquals("test.yaml: island.unit: Storage.nope: no such storage unit in the feeder", e.userMessage());
        e = assertThrows(PacketGridException.class, () -> run(SCRIPT_UNIT.replace(" ControlMode=GFM", ""),
                "island: {pcc: Transformer.TR1, unit: Storage.bat1}", "b"));
        assertEquals("test.yaml: island.unit: Storage.bat1: is not grid-forming: define it three-phase with ControlMode=GFM",
                e.userMessage());
        e = assertThrows(PacketGridException.class, () -> run(SCRIPT_UNIT, """
                community_battery: {bus: "1", kw: 150, kwh: 60}
                island: {pcc: Transformer.TR1, unit: Storage.bat1}""", "c"));
        assertFalse(e.userMessage().contains("\n"));
        assertTrue(e.userMessage().startsWith("test.yaml: island.unit: the island is formed either by community_battery:"),
                e.userMessage());
    }
}
