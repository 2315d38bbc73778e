package io.packetgrid.studies.coupled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.studies.coupled.grid.FeederTemplate;
import io.packetgrid.studies.coupled.scenario.FeederSpec;
import io.packetgrid.studies.report.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coupled study's time line, end to end in process on the European LV feeder: every bad event is one
 * line naming the event and field; an island that collapses leaves every household without supply until the
 * reconnection (customer interruption minutes = 55 x the minutes by hand, energy not served = the published
 * base load over those minutes, from the load shapes); one that survives reconnects through the synchronism
 * check within one slip period; a fault beyond the recloser is cleared at the settings' time (30 ms stage +
 * 30 ms breaker), the recloser recloses after its dead time and locks out; same bytes on 1 and 2 threads.
 */
class TimelineTest {
    @TempDir
    Path out;

    /** 17:20 to 18:20: island at 17:30, reconnect at 17:50, fault at 18:05; {@code %s}: battery kWh, network, variants. */
    static final String STUDY = """
            kind: coupled
            name: timeline
            seed: 3
            start: 17h20m
            duration: 1h
            grid_step: 1m
            device_step: 10s
            observe_from: 5m
            feeder:
              script: builtin:european-lv
              commands:
                - BatchEdit Load..* vminpu=0.5 vmaxpu=1.5
                - Edit Transformer.TR1 Taps=[1.05 1.0]
            households:
              mix: {water_heater: 1.0, heat_pump: 0.3, ev_charger: 0.2, pv: 0.3}
            devices:
              heat_pump: {rated_kw: 3.0}
              ev_charger: {charger_kw: 7.0, arrival_h: [17, 19.5]}
            network: %s
            radio:
              propagation: umi
              aggregators: [{name: gnb1, x_m: 15, y_m: -25, height_m: 10}, {name: gnb2, x_m: 110, y_m: -90, height_m: 10}]
              backhaul: 250us
              urllc: {uplink: grant_free, symbols: 2, repetitions: 4, harq_rounds: 2}
            pem: {packet: 5m, ev_packet: 15m, mttr: 5m, ev_mttr: 1m, ramp_kw_per_min: 40}
            target: {kind: schedule, schedule: [{from: 0h, kw_per_household: 1.0}]}
            community: {basic_needs: [heat_pump]}
            community_battery: {bus: "1", kw: 150, kva: 200, kwh: %s, soc_pct: 95}
            island: {pcc: Transformer.TR1, emergency_soc_pct: 40}
            protection:
              relays:
                - {name: r1, element: Line.LINE1, breaker: cb1, phase: [{curve: si, pickup_a: 600, tms: 0.1},
                   {curve: dt, pickup_a: 900, delay: 30ms, blockable: true}], ground: [{curve: si, pickup_a: 300, tms: 0.2},
                   {curve: dt, pickup_a: 600, delay: 30ms, blockable: true}]}
                - {name: r2, element: Line.LINE271, breaker: rec2, phase: [{curve: dt, pickup_a: 700, delay: 30ms}],
                   ground: [{curve: dt, pickup_a: 400, delay: 30ms}]}
              breakers:
                - {name: cb1, element: Line.LINE1, operating_time: 50ms}
                - {name: rec2, element: Line.LINE271, operating_time: 30ms, dead_times: [500ms]}
              schemes:
                - {name: blocking_r1, kind: blocking, upstream: r1, downstream: [r2]}
            events:
            %s
            variants:
            %s
            outputs: {plots: false}
            """;

    static final String EVENTS = String.join("\n", "  - {at: 10m, kind: island}", "  - {at: 30m, kind: reconnect}",
            "  - {at: 45m, kind: fault, bus: \"500\", type: slg, resistance_ohm: 0.05}");

    static String study(double kwh, String network, String events, String... variants) {
        StringBuilder v = new StringBuilder();
        for (String s : variants) {
            v.append("  - ").append(s).append('\n');
        }
        return String.format(STUDY, network, kwh, events.stripTrailing(), v.toString().stripTrailing());
    }

    /**
     * The run's error for a bad time line; {@code scenario check} (the study's {@code check}) stops on the very same
     * line without simulating.
     */
    private PacketGridException fail(String events) {
        String yaml = study(360, "{model: radio}", events, "{name: pem, control: pem}");
        PacketGridException e = assertThrows(PacketGridException.class, () -> Scenarios.run(yaml, out, 1));
        assertFalse(e.userMessage().contains("\n"), "one line: " + e.userMessage());
        JsonNode tree = io.packetgrid.cosim.scenario.YamlFiles.read(yaml, "test.yaml", JsonNode.class);
        PacketGridException c = assertThrows(PacketGridException.class, () -> new CoupledStudy().check(tree, "test.yaml", null),
                "scenario check finds what run finds: " + e.userMessage());
        assertEquals(e.userMessage(), c.userMessage(), "scenario check and run give the same line");
        return e;
    }

    @Test
    void everyBadEventIsOneLineNamingTheEventAndField() {
        assertEquals("test.yaml: events[1].element: no Line 'LINE9999' in the feeder",
                fail("  - {at: 10m, kind: island}\n  - {at: 20m, kind: open, element: LINE9999}").userMessage());
        assertEquals("test.yaml: events[0].element: no Transformer 'TX9' in the feeder",
                fail("  - {at: 10m, kind: close, element: Transformer.TX9}").userMessage());
        assertEquals("test.yaml: events[0].at: 2h is not before the end of the study (1h)",
                fail("  - {at: 2h, kind: island}").userMessage());
        assertEquals("test.yaml: events[0].kind: reconnect at 10m without an island before it",
                fail("  - {at: 10m, kind: reconnect}").userMessage());
        assertEquals("test.yaml: events[1].kind: island at 20m: the feeder is already islanded",
                fail("  - {at: 10m, kind: island}\n  - {at: 20m, kind: island}").userMessage());
        assertEquals("test.yaml: events[0].until: does not apply to a fault event",
                fail("  - {at: 10m, kind: fault, bus: \"500\", until: 20m}").userMessage());
        assertEquals("test.yaml: events[0].type: unknown fault type 'slgx' (slg, ll, dlg, 3ph, 3phg)",
                fail("  - {at: 10m, kind: fault, bus: \"500\", type: slgx}").userMessage());
        assertEquals("test.yaml: events[0].bus: no bus '5000' in the feeder",
                fail("  - {at: 10m, kind: fault, bus: \"5000\"}").userMessage());
        assertEquals("test.yaml: events[0].phases: bus 500 has no phase 7",
                fail("  - {at: 10m, kind: fault, bus: \"500\", phases: [7]}").userMessage());
        assertEquals("test.yaml: events[0].aggregator: no aggregator 'gnb9' in radio.aggregators (gnb1, gnb2)",
                fail("  - {at: 10m, kind: aggregator_outage, aggregator: gnb9, until: 20m}").userMessage());
        assertEquals("test.yaml: events[0].until: 30m is after the end of the study (1h)".replace("30m", "2h"),
                fail("  - {at: 10m, kind: server_outage, until: 2h}").userMessage());
        assertEquals("test.yaml: events[0].until: server_outage needs until: (its end)",
                fail("  - {at: 10m, kind: server_outage}").userMessage());
        assertEquals("test.yaml: events[0].element: Line.line1 is breaker cb1's element: its relay opens it",
                fail("  - {at: 10m, kind: open, element: Line.LINE1}").userMessage());
        assertEquals("test.yaml: events[0].element: Transformer.tr1 is the PCC: use island and reconnect",
                fail("  - {at: 10m, kind: open, element: Transformer.TR1}").userMessage());
        assertEquals("test.yaml: events[0]: a background burst needs rach_attempts_per_s or pusch_utilization",
                fail("  - {at: 10m, kind: background_burst, until: 20m}").userMessage());
        assertTrue(fail("  - {at: 10m, kind: blackout}").userMessage().contains("events[0].kind"));
    }

    /**
     * outputs.detail.radio with a protection scheme on the radio: after the fleet's devices, one row per protection device
     * (class protection, no reply timeouts), and all rows together carry every message the radio network was given.
     */
    private void radioTableHasTheProtectionsDevices(Summary s, JsonNode v) throws Exception {
        List<org.apache.commons.csv.CSVRecord> rows = DetailOutputsTest.read(out.resolve("pem/detail/radio_devices.csv.gz"));
        List<org.apache.commons.csv.CSVRecord> ieds = rows.stream().filter(r -> r.get("class").equals("protection")).toList();
        assertFalse(ieds.isEmpty(), "the relays' and breakers' radio devices");
        assertEquals(rows.size() - ieds.size(), s.root().get("devices").asInt(), "the fleet's devices, then the protection's");
        for (org.apache.commons.csv.CSVRecord r : ieds) {
            assertTrue(r.get("device").startsWith("protection/"), r.toString());
            assertEquals("", r.get("reply_timeouts"), r.toString());
        }
        assertEquals(v.get("radio").get("sent").asLong(), DetailOutputsTest.sum(rows, "uplink_sent") + DetailOutputsTest.sum(rows, "downlink_sent"),
                "every message of the radio network, the protection's included");
        assertTrue(DetailOutputsTest.sum(ieds, "uplink_sent") > 0, "the protection's devices sent messages (the fault at 45 min)");
    }

    @Test
    void anIslandThatCollapsesLeavesEveryHouseholdWithoutSupplyUntilTheReconnection() throws Exception {
        // 5 kWh: the reserve is reached within minutes of 17:30; the PCC closes at 17:50 (a dead island)
        Summary s = Scenarios.run(study(5, "{model: radio}", EVENTS, "{name: pem, control: pem}")
                .replace("outputs: {plots: false}", "outputs: {plots: false, detail: {radio: true}}"), out, 1);
        JsonNode v = s.variants().get("pem");
        radioTableHasTheProtectionsDevices(s, v);
        JsonNode island = v.get("events").get(0);
        assertEquals("island", island.get("kind").asText());
        assertFalse(island.get("island_survived").asBoolean());
        double collapse = island.get("collapse_at_s").asDouble();
        assertTrue(collapse > 600 && collapse < 1200, "collapse at " + collapse);
        JsonNode reconnect = v.get("events").get(1);
        assertTrue(reconnect.get("dead_island").asBoolean());
        assertEquals(1800.0, reconnect.get("reconnected_at_s").asDouble(), 0, "a dead island closes at once");
        // by hand: all 55 households out from the collapse to 17:50, plus what the fault's lockout takes after 18:05
        double faultOut = v.get("customer_interruption_minutes").asDouble() - 55 * (1800 - collapse) / 60;
        assertTrue(faultOut >= 0 && faultOut <= 36 * 15 + 1e-9, "the lockout's share: " + faultOut);
        // energy not served over the island: the base load of every load (the published shapes) over the dead minutes
        FeederTemplate t = FeederTemplate.load(new FeederSpec("builtin:european-lv", List.of("BatchEdit Load..* vminpu=0.5 vmaxpu=1.5",
                "Edit Transformer.TR1 Taps=[1.05 1.0]"), null, null, null, null), null, "feeder", 17 + 20 / 60.0, 60_000_000_000L, 61);
        double kwh = 0;
        for (int k = 0; k < 60; k++) {
            double from = Math.max(k * 60.0, collapse);
            double to = Math.min((k + 1) * 60.0, 1800);
            if (to > from) {
                for (int l = 0; l < t.loads().size(); l++) {
                    kwh += t.baseKw(l, k) * (to - from) / 3600;
                }
            }
        }
        // the devices' power at the collapse stays in the loads' inputs until the next grid step (at most 12 kW a household)
        double ens = island.get("energy_not_served_kwh").asDouble();
        double firstStep = (Math.ceil(collapse / 60) * 60 - collapse) / 3600;
        assertTrue(ens >= kwh - 1e-9 && ens <= kwh + 55 * 12 * firstStep, "the published base load over the dead minutes: " + ens
                + " against " + kwh);
        assertTrue(kwh > 5, "a meaningful check: " + kwh);
    }

    @Test
    void anIslandThatLastsReconnectsThroughTheSynchronismCheckAndTheFaultIsClearedByTheRecloser() {
        Summary a = Scenarios.run(study(360, "{model: radio}", EVENTS, "{name: pem_island_aware, control: pem, island_aware: true}"),
                out.resolve("a"), 1);
        JsonNode v = a.variants().get("pem_island_aware");
        for (String m : List.of("energy_not_served_kwh", "customer_interruption_minutes", "fault_isolation_ms", "island_survived")) {
            assertNotNull(v.get(m), m);
        }
        JsonNode island = v.get("events").get(0);
        assertTrue(island.get("island_survived").asBoolean());
        assertEquals(1200.0, island.get("island_duration_s").asDouble(), 10.0, "17:30 to the close after 17:50");
        assertTrue(island.get("min_soc").asDouble() < 95 && island.get("min_soc").asDouble() > 20);
        for (String f : List.of("kind", "at_s", "island_survived", "island_duration_s", "min_soc", "emergency_minutes")) {
            assertNotNull(island.get(f), f);
        }
        JsonNode reconnect = v.get("events").get(1);
        assertFalse(reconnect.get("dead_island").asBoolean());
        double wait = reconnect.get("sync_wait_s").asDouble();
        assertTrue(wait >= 0 && wait <= 10.0, "within one turn of the 0.1 Hz slip: " + wait);
        assertTrue(reconnect.get("rebound_peak_kw").asDouble() > 0);
        JsonNode fault = v.get("events").get(2);
        for (String f : List.of("kind", "at_s", "isolation_ms", "breakers_opened", "messages", "messages_lost")) {
            assertNotNull(fault.get(f), f);
        }
        // r2's 30 ms definite-time stage plus rec2's 30 ms: isolated at 60 ms; one reclose after 500 ms, then lockout
        assertEquals(60.0, fault.get("isolation_ms").asDouble(), 1e-6);
        assertEquals(60.0, v.get("fault_isolation_ms").asDouble(), 1e-6);
        assertEquals(2, fault.get("breakers_opened").asInt());
        assertEquals("rec2", fault.get("locked_out").get(0).asText());
        assertTrue(fault.get("messages").asInt() >= 1, "r2's block to r1 over the radio");
        assertTrue(v.get("island_survived").asBoolean());
    }

    @Test
    void theTimeLineIsTheSameOnOneAndTwoThreads() throws Exception {
        String yaml = study(360, "{model: radio}", EVENTS + "\n  - {at: 50m, kind: aggregator_outage, aggregator: gnb1, until: 55m}",
                "{name: uncontrolled, control: local}", "{name: pem_island_aware, control: pem, island_aware: true}");
        Scenarios.run(yaml, out.resolve("one"), 1);
        Scenarios.run(yaml, out.resolve("two"), 2);
        for (String f : List.of("summary.json", "uncontrolled/events.csv", "pem_island_aware/events.csv")) {
            assertEquals(Files.readString(out.resolve("one").resolve(f)), Files.readString(out.resolve("two").resolve(f)), f);
        }
    }
}
