package io.packetgrid.studies.coupled;

import io.packetgrid.studies.coupled.grid.MvSeries;
import io.packetgrid.pem.packet.DenyReason;
import io.packetgrid.studies.coupled.grid.GridSeries;
import io.packetgrid.studies.coupled.scenario.CoupledScenario;
import io.packetgrid.studies.coupled.scenario.DeviceType;
import io.packetgrid.studies.coupled.sim.FleetResults;
import io.packetgrid.cosim.stats.ValueCounts;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A variant's metrics over the observation window, under the names of CLI.md where they apply
 * ({@code tracking_mae_pct}, {@code v_min_pu}, …), summed or taken over all feeders.
 *
 * <ul>
 *   <li>Tracking: the flexible fleets' total power over each device interval against the total target
 *       at its start; {@code tracking_mae_pct} = Σ|e| / Σ target · 100 (the mean absolute error as a
 *       share of the mean target), {@code tracking_rms_kw} = √mean e².</li>
 *   <li>Voltages over every LV phase node at every grid step; a node-minute is one node outside
 *       [v_min, v_max] for one minute (IREP 2022 counts node-instances the same way). MV nodes, on their own
 *       base against the MV band, in {@code mv_*} metrics when the feeder has any.</li>
 *   <li>Latency: request → reply round trips seen by the devices (nearest-rank percentiles).</li>
 *   <li>Energy balance: source, load and loss energy integrated over the grid steps.</li>
 * </ul>
 */
public final class CoupledMetrics {
    private CoupledMetrics() {
    }

    public static Map<String, Object> of(CoupledScenario s, VariantResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        long dt = s.deviceStep().ns();
        int from = (int) ((s.observeFrom().ns() + dt - 1) / dt);
        double[] p = r.flexKw();
        double[] t = r.targetKw();
        double abs = 0;
        double sq = 0;
        double tsum = 0;
        int n = 0;
        for (int k = from; k < p.length; k++) {
            if (Double.isNaN(p[k]) || Double.isNaN(t[k]) || Double.isInfinite(t[k])) {
                continue;
            }
            double e = t[k] - p[k];
            abs += Math.abs(e);
            sq += e * e;
            tsum += t[k];
            n++;
        }
        boolean tracks = !r.spec().energyInternet(); // the Energy-Internet variant's target is a limit, not a reference
        m.put("tracking_mae_pct", n == 0 || tsum <= 0 || !tracks ? Double.NaN : round(100 * abs / tsum, 3));
        m.put("tracking_rms_kw", n == 0 || !tracks ? Double.NaN : round(Math.sqrt(sq / n), 3));
        m.put("flexible_mean_kw", n == 0 ? Double.NaN : round(Arrays.stream(p, from, p.length).filter(x -> !Double.isNaN(x)).average().orElse(Double.NaN), 3));
        m.put("target_mean_kw", n == 0 ? Double.NaN : round(tsum / n, 3));

        double cycles = 0;
        int tcl = 0;
        double dev = 0;
        int wh = 0;
        for (FeederRun f : r.feeders()) {
            for (FleetResults.DeviceResult d : f.fleet().devices()) {
                DeviceType type = d.type();
                if ((type == DeviceType.WATER_HEATER || type == DeviceType.HEAT_PUMP) && d.observedS() > 0) {
                    cycles += d.onTransitions() / (d.observedS() / 3600);
                    tcl++;
                }
                if (type == DeviceType.WATER_HEATER && d.observedS() > 0) {
                    dev += d.meanDeviation();
                    wh++;
                }
            }
        }
        m.put("cycles_per_hour", tcl == 0 ? Double.NaN : round(cycles / tcl, 3));
        m.put("water_temp_deviation_c", wh == 0 ? Double.NaN : round(dev / wh, 3));

        boolean grid = !r.feeders().isEmpty() && r.feeders().get(0).grid() != null;
        if (grid) {
            double stepMin = s.gridStep().seconds() / 60;
            double stepH = s.gridStep().seconds() / 3600;
            int g0 = (int) ((s.observeFrom().ns() + s.gridStep().ns() - 1) / s.gridStep().ns());
            double nodeMin = 0;
            double custMin = 0;
            double vMin = Double.POSITIVE_INFINITY;
            double vMax = Double.NEGATIVE_INFINITY;
            double tr = 0;
            double src = 0;
            double loads = 0;
            double losses = 0;
            int housesOut = 0;
            for (FeederRun f : r.feeders()) {
                GridSeries g = f.grid();
                for (int k = g0; k < g.steps; k++) {
                    nodeMin += g.violatingNodes[k] * stepMin;
                    if (!Double.isNaN(g.vMinPu[k])) {   // NaN: no LV node had supply at that step
                        vMin = Math.min(vMin, g.vMinPu[k]);
                        vMax = Math.max(vMax, g.vMaxPu[k]);
                    }
                    tr = Math.max(tr, g.transformerPct[k]);
                    src += g.sourceKw[k] * stepH;
                    loads += g.loadsKw[k] * stepH;
                    losses += g.lossesKw[k] * stepH;
                }
                for (int h = 0; h < g.householdViolationSteps.length; h++) {
                    custMin += g.householdViolationSteps[h] * stepMin;
                    housesOut += g.householdViolationSteps[h] > 0 ? 1 : 0;
                }
            }
            m.put("voltage_violation_node_minutes", round(nodeMin, 3));
            m.put("customer_violation_minutes", round(custMin, 3));
            m.put("households_with_violations", housesOut);
            m.put("v_min_pu", round(vMin, 5));
            m.put("v_max_pu", round(vMax, 5));
            m.put("transformer_peak_loading_pct", round(tr, 3));
            if (r.mv() != null) {
                // one network: its source, loads and losses (the LV feeders' series hold none of their own)
                MvSeries mv = r.mv();
                src = 0;
                loads = 0;
                losses = 0;
                double sub = 0;
                for (int k = g0; k < mv.steps; k++) {
                    src += mv.sourceKw[k] * stepH;
                    loads += mv.loadsKw[k] * stepH;
                    losses += mv.lossesKw[k] * stepH;
                    sub = Math.max(sub, mv.substationPct[k]);
                }
                m.put("substation_peak_loading_pct", round(sub, 3));
                m.put("tap_changes", mv.tapChanges);
            }
            m.put("source_energy_kwh", round(src, 4));
            m.put("load_energy_kwh", round(loads, 4));
            m.put("loss_energy_kwh", round(losses, 4));
            m.put("energy_balance_error_pct", src == 0 ? 0.0 : round(100 * (src - loads - losses) / src, 6));
            mv(m, r, g0, stepMin);
        }

        long requests = 0;
        long events = 0;
        long replies = 0;
        long executed = 0;
        long granted = 0;
        long ignored = 0;
        long timeouts = 0;
        long late = 0;
        long optOuts = 0;
        long deniedTracking = 0;
        long deniedVoltage = 0;
        long deniedLoading = 0;
        long deniedCap = 0;
        double unmet = 0;
        long short0 = 0;
        int devices = 0;
        double flexKwh = 0;
        for (FeederRun f : r.feeders()) {
            requests += f.fleet().requests();
            events += f.fleet().events();
            replies += f.fleet().replies();
            executed += f.fleet().executed();
            ignored += f.fleet().acceptsIgnored();
            timeouts += f.fleet().timeouts();
            late += f.fleet().lateStarts();
            optOuts += f.fleet().optOuts();
            granted += f.ledgerAccepted();
            unmet += f.fleet().evUnmetKwh();
            short0 += f.fleet().evDeparturesShort();
            devices += f.fleet().devices().size();
            for (double e : f.fleet().householdEnergyKwh()) {
                flexKwh += e;
            }
            if (f.stats() != null) {
                deniedTracking += f.stats().denied(DenyReason.TRACKING);
                deniedVoltage += f.stats().denied(DenyReason.VOLTAGE);
                deniedLoading += f.stats().denied(DenyReason.LOADING);
                deniedCap += f.stats().denied(DenyReason.CLASS_CAP);
            }
        }
        m.put("flexible_energy_kwh", round(flexKwh, 3));
        m.put("ev_unmet_kwh", round(unmet, 3));
        m.put("ev_departures_short", short0);
        if (r.spec().pem()) {
            ValueCounts rt = roundTrips(r);
            m.put("radio_loss_pct", r.traffic().delivered() + r.traffic().lost() == 0 ? 0.0
                    : round(100.0 * r.traffic().lost() / (r.traffic().delivered() + r.traffic().lost()), 4));
            m.put("latency_p50_ms", quantileMs(rt, 0.5));
            m.put("latency_p99_ms", quantileMs(rt, 0.99));
            ValueCounts oneWay = r.traffic().latencies();
            m.put("one_way_latency_p50_ms", quantileMs(oneWay, 0.5));
            m.put("one_way_latency_p99_ms", quantileMs(oneWay, 0.99));
            m.put("messages_per_device", devices == 0 ? 0.0 : round((requests + events + replies) / (double) devices, 3));
            m.put("requests", requests);
            m.put("packets_granted", granted);
            m.put("packets_executed", executed);
            m.put("accept_replies_lost", r.traffic().acceptsLost());
            m.put("accept_replies_ignored", ignored);
            m.put("accept_replies_in_flight", r.traffic().acceptsSent() - r.traffic().acceptsDelivered() - r.traffic().acceptsLost());
            m.put("messages_lost", r.traffic().lost());
            m.put("denied_tracking", deniedTracking);
            m.put("denied_voltage", deniedVoltage);
            m.put("denied_loading", deniedLoading);
            m.put("denied_class_cap", deniedCap);
            m.put("reply_timeouts", timeouts);
            m.put("late_starts", late);
            m.put("opt_outs", optOuts);
        }
        return m;
    }

    /**
     * The MV nodes' metrics, on each bus's own base against the MV band ({@code grid_limits.mv_v_min_pu},
     * {@code mv_v_max_pu}), appended only when a feeder has MV nodes besides its source's bus (an LV feeder's
     * summary keeps its shape): lowest and highest voltage, node-minutes outside the band.
     */
    private static void mv(Map<String, Object> m, VariantResult r, int g0, double stepMin) {
        double vMin = Double.POSITIVE_INFINITY;
        double vMax = Double.NEGATIVE_INFINITY;
        double nodeMin = 0;
        if (r.mv() != null) {
            // an MV network (feeder.mv): its MV nodes are the network's, recorded once, not per LV feeder
            MvSeries mv = r.mv();
            for (int k = g0; k < mv.steps; k++) {
                nodeMin += mv.violatingNodes[k] * stepMin;
                vMin = Math.min(vMin, mv.vMinPu[k]);
                vMax = Math.max(vMax, mv.vMaxPu[k]);
            }
            m.put("mv_v_min_pu", vMin == Double.POSITIVE_INFINITY ? Double.NaN : round(vMin, 5));
            m.put("mv_v_max_pu", vMax == Double.NEGATIVE_INFINITY ? Double.NaN : round(vMax, 5));
            m.put("mv_violation_node_minutes", round(nodeMin, 3));
            return;
        }
        if (r.feeders().stream().noneMatch(f -> f.grid().mvNodes > 0)) {
            return;
        }
        for (FeederRun f : r.feeders()) {
            GridSeries g = f.grid();
            for (int k = g0; k < g.steps; k++) {
                nodeMin += g.mvViolatingNodes[k] * stepMin;
                if (!Double.isNaN(g.mvVMinPu[k])) {
                    vMin = Math.min(vMin, g.mvVMinPu[k]);
                    vMax = Math.max(vMax, g.mvVMaxPu[k]);
                }
            }
        }
        m.put("mv_v_min_pu", vMin == Double.POSITIVE_INFINITY ? Double.NaN : round(vMin, 5));
        m.put("mv_v_max_pu", vMax == Double.NEGATIVE_INFINITY ? Double.NaN : round(vMax, 5));
        m.put("mv_violation_node_minutes", round(nodeMin, 3));
    }

    /** All devices' request → reply round trips, ns. */
    public static ValueCounts roundTrips(VariantResult r) {
        ValueCounts all = new ValueCounts();
        for (FeederRun f : r.feeders()) {
            all.addAll(f.fleet().latencies());
        }
        return all;
    }

    /** The q-quantile (the ⌈q·n⌉-th smallest), ms to 4 decimals; NaN without latencies. */
    static double quantileMs(ValueCounts latencies, double q) {
        return latencies.size() == 0 ? Double.NaN : round(latencies.nearestRank(q) / 1e6, 4);
    }

    public static double round(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).setScale(digits, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }
}
