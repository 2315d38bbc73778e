package io.packetgrid.studies.coupled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.studies.coupled.target.BaselineTarget;
import io.packetgrid.studies.coupled.target.DailySchedule;
import io.packetgrid.studies.report.Summary;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Targets against hand-derived values, and the other target kinds and community rules reaching the server. */
class TargetsTest {
    static final long S = 1_000_000_000L;

    @Test
    void baselineIsBlockAveragedAndInterpolatedBetweenBlockCentres() {
        // 1-s samples, 2-s blocks: means 10 (centre 1 s) and 20 (centre 3 s)
        BaselineTarget t = new BaselineTarget(new double[] {8, 12, 20, 20}, S, 2 * S, 0, 0, 0);
        assertEquals(10, t.targetKw(0), 1e-12);
        assertEquals(10, t.targetKw(S), 1e-12);
        assertEquals(15, t.targetKw(2 * S), 1e-12);
        assertEquals(20, t.targetKw(3 * S), 1e-12);
        assertEquals(20, t.targetKw(9 * S), 1e-12);
    }

    @Test
    void regulationShapeAroundTheBaseline() {
        // s(0) = 0.6·sin 0 + 0.3·sin 0.7 + 0.1·sin 1.9 = 0.193265… + 0.094630… (hand-computed)
        assertEquals(0.3 * Math.sin(0.7) + 0.1 * Math.sin(1.9), BaselineTarget.shape(0), 1e-15);
        assertEquals(0.287895, BaselineTarget.shape(0), 1e-6);
        BaselineTarget t = new BaselineTarget(new double[] {100, 100, 100, 100}, S, S, -0.05, 0.10, 2 * S);
        assertEquals(100, t.targetKw(S), 1e-12, "before regulation starts: the baseline");
        assertEquals(100 * (1 - 0.05 + 0.10 * 0.287895), t.targetKw(2 * S), 1e-4);
    }

    @Test
    void dailyScheduleWrapsAroundMidnight() {
        // entries at 00:00 (1 kW) and 07:00 (2 kW); the run starts at 22:00
        DailySchedule d = new DailySchedule(new double[] {0, 7 * 3600}, new double[] {1, 2}, 22 * 3600);
        assertEquals(2, d.targetKw(0), "22:00 still holds the 07:00 entry");
        assertEquals(1, d.targetKw(2 * 3600 * S), "midnight");
        assertEquals(1, d.targetKw((9 * 3600 - 1) * S), "06:59:59");
        assertEquals(2, d.targetKw(9 * 3600 * S), "07:00");
    }

    @TempDir
    Path out;

    @Test
    void otherTargetKindsAndCommunityRulesRun() {
        String base = Scenarios.evening("{model: ideal}", "{name: pem, control: pem}");
        Summary sched = Scenarios.run(base.replace("target: {kind: baseline, baseline_variant: uncontrolled, window: 30m, offset_pct: -5, amplitude_pct: 10}",
                "target: {kind: schedule, schedule: [{from: 0h, kw_per_household: 1.0}, {from: 18h, kw_per_household: 2.0}]}"),
                out.resolve("a"), 1);
        // 55 households: 55 kW from 17:00, 110 kW from 18:00 (mean over 17:10-20:00 = (50·55 + 120·110)/170 min)
        assertEquals((50 * 55.0 + 120 * 110.0) / 170, Scenarios.metric(sched, "pem", "target_mean_kw"), 0.5);
        assertTrue(Scenarios.metric(sched, "pem", "tracking_mae_pct") < 10, "tracks a schedule");
        Summary self = Scenarios.run(base.replace("target: {kind: baseline, baseline_variant: uncontrolled, window: 30m, offset_pct: -5, amplitude_pct: 10}",
                "target: {kind: self_sufficiency, max_import_kw_per_household: 1.5}"), out.resolve("b"), 1);
        assertTrue(Scenarios.metric(self, "pem", "target_mean_kw") > 0);
        Summary capped = Scenarios.run(base.replace("grid_limits:", "community: {class_cap_kw_per_household: {ev_charger: 0}}\ngrid_limits:")
                .replace("target: {kind: baseline, baseline_variant: uncontrolled, window: 30m, offset_pct: -5, amplitude_pct: 10}",
                        "target: {kind: schedule, schedule: [{from: 0h, kw_per_household: 5.0}]}"), out.resolve("c"), 1);
        assertTrue(Scenarios.metric(capped, "pem", "denied_class_cap") > 0, "EV packets meet their class cap");
    }
}
