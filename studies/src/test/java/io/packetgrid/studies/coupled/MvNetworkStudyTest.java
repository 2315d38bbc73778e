package io.packetgrid.studies.coupled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.feeders.SyntheticFeeders;
import io.packetgrid.studies.report.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coupled study on an MV network (feeder.mv): two European LV feeders on an 11 kV cable feeder
 * behind a 66/11 kV substation whose tap changer is set to hold the 11 kV busbar at 1.04 pu, half an
 * evening hour. Checked against what the network and the settings imply on their own: one plan (fleet,
 * server) per distribution transformer with its 55 households; the tap changer raises the busbar from
 * where the untapped network leaves it (about 1.0 pu) into its band, one 0.625 % tap at a time; the MV
 * voltages stay between the band and the busbar; source = loads + losses over the whole network; and
 * the results do not depend on the number of threads.
 */
class MvNetworkStudyTest {
    @TempDir
    static Path dir;
    static Path master;

    @BeforeAll
    static void network() {
        master = SyntheticFeeders.europeanLvOnMv(2, 2, dir.resolve("net"));
    }

    static String scenario(String mv, String extra) {
        return """
                kind: coupled
                name: mv
                seed: 4
                start: 17h
                duration: 30m
                grid_step: 1m
                device_step: 10s
                observe_from: 0s
                feeder:
                  script: %s
                  commands: [BatchEdit Load..* vminpu=0.5 vmaxpu=1.5]
                  mv: %s
                households:
                  mix: {water_heater: 1.0, ev_charger: 0.5}
                network: {model: ideal}
                pem: {packet: 5m, ev_packet: 15m, mttr: 5m, ev_mttr: 1m}
                target: {kind: baseline, baseline_variant: uncontrolled, window: 30m, offset_pct: -5, amplitude_pct: 10}
                grid_limits: {gate_margin_pu: 0.02}
                variants:
                  - {name: uncontrolled, control: local}
                  - {name: pem_grid_aware, control: pem, grid_aware: true}
                outputs: {plots: false}
                %s
                """.formatted(master.toString().replace('\\', '/'), mv, extra);
    }

    @Test
    void oneServerPerLvFeederTapChangerMovesAndEnergyBalances() throws Exception {
        String yaml = scenario("{oltc: {vreg_pu: 1.04, band_pct: 1.0, delay: 0s}}", "");
        Summary a = Scenarios.run(yaml, dir.resolve("out1"), 1);
        assertEquals(2, a.root().get("feeders").asInt(), "one plan per distribution transformer");
        assertEquals(110, a.root().get("households").asInt());
        for (String v : new String[] {"uncontrolled", "pem_grid_aware"}) {
            double taps = Scenarios.metric(a, v, "tap_changes");
            // from 1.0 pu (no tap) to within 0.5 % of 1.04 pu: at least (1.035 - 1.0) / 0.00625 = 5.6 taps up
            assertTrue(taps >= 6 && taps <= 12, v + ": tap changes " + taps);
            double lo = Scenarios.metric(a, v, "mv_v_min_pu");
            double hi = Scenarios.metric(a, v, "mv_v_max_pu");
            assertTrue(0.95 < lo && lo <= hi && hi < 1.04 + 0.005 + 0.00625, v + ": MV " + lo + ".." + hi);
            double sub = Scenarios.metric(a, v, "substation_peak_loading_pct");
            assertTrue(sub > 0.5 && sub < 10, v + ": substation loading " + sub + " % of 27.5 MVA");
            assertTrue(Math.abs(Scenarios.metric(a, v, "energy_balance_error_pct")) < 0.01, v + ": energy balance");
        }
        // the tables: 31 one-minute steps (both ends); the tap in steps of 0.625 %; the whole network's balance in grid.csv;
        // three EN 50160 10-minute means per household
        List<String> mv = Files.readAllLines(dir.resolve("out1/uncontrolled/mv.csv"));
        assertEquals("time_s,hour_of_day,mv_v_min_pu,mv_v_max_pu,substation_loading_pct,tap_pu", mv.get(0));
        assertEquals(1 + 31, mv.size(), "steps at 0, 1, ..., 30 min");
        for (String row : mv.subList(1, mv.size())) {
            double tap = Double.parseDouble(row.split(",")[5]);
            assertEquals(0, Math.IEEEremainder(tap - 1.0, 0.00625), 1e-6, "tap " + tap);
        }
        List<String> grid = Files.readAllLines(dir.resolve("out1/uncontrolled/grid.csv"));
        for (String row : grid.subList(1, grid.size())) {
            String[] c = row.split(",");
            double src = Double.parseDouble(c[4]);
            assertTrue(src > 100, row);
            assertEquals(src, Double.parseDouble(c[5]) + Double.parseDouble(c[6]), 1e-4 * src, "source = loads + losses: " + row);
        }
        List<String> households = Files.readAllLines(dir.resolve("out1/uncontrolled/households.csv"));
        int means = List.of(households.get(0).split(",")).indexOf("ten_minute_means");
        assertEquals(111, households.size());
        for (String row : households.subList(1, households.size())) {
            assertEquals("3", row.split(",")[means], row);
        }
        Summary b = Scenarios.run(yaml, dir.resolve("out2"), 2);
        assertEquals(Files.readString(dir.resolve("out1/summary.json")), Files.readString(dir.resolve("out2/summary.json")),
                "same results with two threads");
    }

    /**
     * The substation's limit reaches the servers: with a limit the zone transformer's loading reaches, the
     * grid-aware servers deny consumption packets for loading (their own 800 kVA transformers stay far
     * from their limit: none is denied with the substation at 100 %), so the substation delivers less
     * energy than with a limit it never reaches (its peak is the initial state's, before any packet).
     */
    @Test
    void everyServerHoldsBackUnderTheSubstationLimit() {
        Summary loose = Scenarios.run(scenario("{substation_max_pct: 100, oltc: {enabled: false}}", ""), dir.resolve("loose"), 1);
        Summary tight = Scenarios.run(scenario("{substation_max_pct: 1.2, oltc: {enabled: false}}", ""), dir.resolve("tight"), 1);
        assertEquals(0, Scenarios.metric(loose, "pem_grid_aware", "denied_loading"), "no limit reached at 100 %");
        assertTrue(Scenarios.metric(tight, "pem_grid_aware", "denied_loading") > 0, "denied for the substation");
        double free = Scenarios.metric(loose, "pem_grid_aware", "source_energy_kwh");
        double held = Scenarios.metric(tight, "pem_grid_aware", "source_energy_kwh");
        assertTrue(held < free, "the substation delivers less when the servers hold back: " + held + " vs " + free + " kWh");
    }

    @Test
    void anMvNetworkTakesNoCopiesAndAKnownSubstation() {
        PacketGridException copies = assertThrows(PacketGridException.class,
                () -> Scenarios.run(scenario("{}", "").replace("  mv: {}", "  copies: 2\n  mv: {}"), dir.resolve("bad1"), 1));
        assertTrue(copies.userMessage().contains("copies must be 1"), copies.userMessage());
        PacketGridException sub = assertThrows(PacketGridException.class,
                () -> Scenarios.run(scenario("{substation: nope}", ""), dir.resolve("bad2"), 1));
        assertTrue(sub.userMessage().contains("feeder.mv.substation") && sub.userMessage().contains("no transformer 'nope'"),
                sub.userMessage());
        PacketGridException hold = assertThrows(PacketGridException.class, () -> Scenarios.run(
                scenario("{}", "").replace("  mv: {}", "  on_nonconvergence: hold_last\n  mv: {}"), dir.resolve("bad3"), 1));
        assertTrue(hold.userMessage().contains("hold_last is not available on an MV network"), hold.userMessage());
        PacketGridException detail = assertThrows(PacketGridException.class, () -> Scenarios.run(
                scenario("{}", "").replace("outputs: {plots: false}", "outputs: {plots: false, detail: {households: true}}"),
                dir.resolve("bad4"), 1));
        assertTrue(detail.userMessage().contains("no detail tables yet"), detail.userMessage());
    }
}
