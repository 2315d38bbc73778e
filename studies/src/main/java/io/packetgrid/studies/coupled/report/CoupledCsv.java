package io.packetgrid.studies.coupled.report;

import io.packetgrid.cosim.stats.ValueCounts;
import io.packetgrid.studies.coupled.FeederRun;
import io.packetgrid.studies.report.CsvTable;
import io.packetgrid.studies.coupled.VariantResult;
import io.packetgrid.studies.coupled.grid.GridSeries;
import io.packetgrid.studies.coupled.grid.MvSeries;
import io.packetgrid.studies.coupled.household.Household;
import io.packetgrid.studies.coupled.scenario.CoupledScenario;
import java.nio.file.Path;
import java.util.List;

/**
 * The time-series and per-household CSVs of one variant, in {@code <run>/<variant>/}:
 * <ul>
 *   <li>{@code power.csv}: per device step, the flexible fleets' power and the target, and PV;</li>
 *   <li>{@code grid.csv}: per grid step, over all feeders: base, device and source power, load and loss
 *       power, the LV voltage range, nodes outside limits, the largest transformer loading;</li>
 *   <li>{@code households.csv}: per household, its equipment, energy, voltage extremes, minutes outside the
 *       band (instantaneous, per grid step) and EN 50160's 10-minute-mean statistic and verdict;</li>
 *   <li>{@code mv.csv} (an MV network, {@code feeder.mv}): per grid step, the MV voltage range (every MV phase
 *       node, pu of its own base), the zone transformer's loading and its tap (pu); grid.csv's source, load
 *       and loss columns are then the whole network's;</li>
 *   <li>{@code latency.csv}: request → reply round-trip quantiles (PEM variants).</li>
 * </ul>
 */
public final class CoupledCsv {
    private CoupledCsv() {
    }

    public static void write(Path dir, CoupledScenario s, VariantResult r) {
        double startH = s.start().seconds() / 3600;
        double dtS = s.deviceStep().seconds();
        double[] p = r.flexKw();
        double[] t = r.targetKw();
        double[] pv = new double[p.length];
        for (FeederRun f : r.feeders()) {
            for (int k = 0; k < pv.length; k++) {
                pv[k] += f.fleet().pvKw()[k];
            }
        }
        try (CsvTable c = new CsvTable(dir.resolve("power.csv"), List.of("time_s", "hour_of_day", "target_kw", "flexible_kw", "pv_kw"), 6)) {
            for (int k = 0; k < p.length; k++) {
                double ts = k * dtS;
                c.row(ts, (startH + ts / 3600) % 24, t[k], p[k], pv[k]);
            }
        }
        if (r.feeders().get(0).grid() != null) {
            writeGrid(dir, s, r, startH);
            writeHouseholds(dir, s, r);
        }
        if (r.mv() != null) {
            writeMv(dir, s, r.mv(), startH);
        }
        if (r.spec().pem()) {
            ValueCounts rt = io.packetgrid.studies.coupled.CoupledMetrics.roundTrips(r);
            try (CsvTable c = new CsvTable(dir.resolve("latency.csv"), List.of("quantile", "round_trip_ms"), 6)) {
                if (rt.size() > 0) {
                    for (int q = 0; q <= 1000; q++) {
                        c.row(q / 1000.0, rt.nearestRank(q / 1000.0) / 1e6);
                    }
                }
            }
        }
    }

    private static void writeGrid(Path dir, CoupledScenario s, VariantResult r, double startH) {
        double stepS = s.gridStep().seconds();
        int steps = r.feeders().get(0).grid().steps;
        try (CsvTable c = new CsvTable(dir.resolve("grid.csv"), List.of("time_s", "hour_of_day", "base_kw", "devices_kw", "source_kw",
                "loads_kw", "losses_kw", "v_min_pu", "v_max_pu", "customer_v_min_pu", "violating_nodes", "transformer_loading_pct"), 6)) {
            for (int k = 0; k < steps; k++) {
                double base = 0;
                double dev = 0;
                double src = 0;
                double loads = 0;
                double losses = 0;
                double vMin = Double.POSITIVE_INFINITY;
                double vMax = Double.NEGATIVE_INFINITY;
                double cMin = Double.POSITIVE_INFINITY;
                long bad = 0;
                double tr = 0;
                for (FeederRun f : r.feeders()) {
                    GridSeries g = f.grid();
                    base += g.baseKw[k];
                    dev += g.devicesKw[k];
                    src += g.sourceKw[k];
                    loads += g.loadsKw[k];
                    losses += g.lossesKw[k];
                    vMin = Math.min(vMin, g.vMinPu[k]);
                    vMax = Math.max(vMax, g.vMaxPu[k]);
                    cMin = Math.min(cMin, g.customerVMinPu[k]);
                    bad += g.violatingNodes[k];
                    tr = Math.max(tr, g.transformerPct[k]);
                }
                if (r.mv() != null) {
                    // an MV network is one power flow: its balance is the network's, not a sum over LV feeders
                    src = r.mv().sourceKw[k];
                    loads = r.mv().loadsKw[k];
                    losses = r.mv().lossesKw[k];
                }
                double ts = k * stepS;
                c.row(ts, (startH + ts / 3600) % 24, base, dev, src, loads, losses, vMin, vMax, cMin, bad, tr);
            }
        }
    }

    /** An MV network's own series: its MV voltage envelope, the zone transformer's loading and tap. */
    private static void writeMv(Path dir, CoupledScenario s, MvSeries mv, double startH) {
        double stepS = s.gridStep().seconds();
        try (CsvTable c = new CsvTable(dir.resolve("mv.csv"), List.of("time_s", "hour_of_day", "mv_v_min_pu", "mv_v_max_pu",
                "substation_loading_pct", "tap_pu"), 6)) {
            for (int k = 0; k < mv.steps; k++) {
                double ts = k * stepS;
                c.row(ts, (startH + ts / 3600) % 24, mv.vMinPu[k], mv.vMaxPu[k], mv.substationPct[k], mv.tap[k]);
            }
        }
    }

    private static void writeHouseholds(Path dir, CoupledScenario s, VariantResult r) {
        double stepMin = s.gridStep().seconds() / 60;
        try (CsvTable c = new CsvTable(dir.resolve("households.csv"), List.of("feeder", "household", "bus", "phase", "x_m", "y_m",
                "equipment", "device_energy_kwh", "v_min_pu", "v_max_pu", "violation_minutes", "ten_minute_means",
                "ten_minute_means_outside", "ten_minute_v_min_pu", "ten_minute_v_max_pu", "en50160_compliant"), 6)) {
            for (FeederRun f : r.feeders()) {
                GridSeries g = f.grid();
                for (Household h : f.plan().households()) {
                    int i = h.index();
                    c.row(f.plan().name(), h.id(), h.bus(), h.phase(), h.xM(), h.yM(), h.equipment(), f.fleet().householdEnergyKwh()[i],
                            g.householdVMinPu[i], g.householdVMaxPu[i], g.householdViolationSteps[i] * stepMin,
                            g.householdTenMinuteMeans[i], g.householdTenMinuteOutside[i], g.householdTenMinuteMinPu[i],
                            g.householdTenMinuteMaxPu[i], g.en50160Compliant(i) ? 1 : 0);
                }
            }
        }
    }
}
