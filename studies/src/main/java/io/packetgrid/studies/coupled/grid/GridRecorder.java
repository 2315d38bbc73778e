package io.packetgrid.studies.coupled.grid;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.federate.GridFederate;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.result.FlowSummary;
import io.packetgrid.studies.coupled.scenario.GridLimitsSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Records what the study reports of a feeder's power flow, after grid-model's {@link GridFederate}
 * solved it: the LV voltage envelope (every LV phase node, EN 50160 nominal), the LV nodes outside
 * the band, the households' voltages and their extremes, the lowest voltage of every bus (for the
 * map), the transformer loading and the three sides of the power balance (source, loads, losses: the
 * grid federate's {@link FlowSummary}, each side computed on its own). It logs violations starting and
 * ending.
 */
public final class GridRecorder implements Federate {
    private final String name;
    private final GridFederate grid;
    private final int[] householdLoad;
    private final long stepNs;
    private final int observeStep;
    private final GridLimitsSpec limits;
    private final GridSeries series;
    private final boolean logEvents;
    private final FlowSummary summary = new FlowSummary();
    private Network bound;
    private int[] lvNodes;
    private int[] lvNodeBus;
    private double[] re;
    private double[] im;
    private boolean violating;

    public GridRecorder(String name, GridFederate grid, int[] householdLoad, long stepNs, int observeStep, GridLimitsSpec limits,
                        GridSeries series, boolean logEvents) {
        this.name = name;
        this.grid = grid;
        this.householdLoad = householdLoad.clone();
        this.stepNs = stepNs;
        this.observeStep = observeStep;
        this.limits = limits;
        this.series = series;
        this.logEvents = logEvents;
    }

    /** A series sized for a feeder: its buses (map order) and households. */
    public static GridSeries seriesFor(Feeder feeder, int steps, int households) {
        String[] buses = new String[feeder.network().busCount()];
        for (int b = 0; b < buses.length; b++) {
            buses[b] = feeder.network().busName(b);
        }
        return new GridSeries(steps, households, buses);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long initialize(Setup setup) {
        setup.after(grid.name());
        return 0;
    }

    private void bind(Network net) {
        List<Integer> lv = new ArrayList<>();
        for (int i = 0; i < net.nodeCount(); i++) {
            int bus = net.nodeBus(i);
            if (net.nodeNumber(i) >= 1 && net.nodeNumber(i) <= 3 && net.busKvBase(bus) > 0 && net.busKvBase(bus) <= 1.0) {
                lv.add(i);
            }
        }
        lvNodes = lv.stream().mapToInt(Integer::intValue).toArray();
        lvNodeBus = new int[lvNodes.length];
        for (int k = 0; k < lvNodes.length; k++) {
            lvNodeBus[k] = net.nodeBus(lvNodes[k]);
        }
        re = new double[net.nodeCount()];
        im = new double[net.nodeCount()];
        bound = net;
    }

    @Override
    public long step(Step step) {
        long now = step.now();
        int k = (int) (now / stepNs);
        if (k >= series.vMinPu.length) {
            return SimTime.NEVER;
        }
        Feeder feeder = grid.feeder();
        if (feeder.network() != bound) {
            bind(feeder.network());
        }
        feeder.nodeVoltages(re, im);
        // magnitudes compared squared (no square root per node): |V|² against (limit·nominal)²
        double nominal = limits.nominalV();
        double lo2 = sq(limits.vMinPu() * nominal);
        double hi2 = sq(limits.vMaxPu() * nominal);
        double min2 = Double.POSITIVE_INFINITY;
        double max2 = Double.NEGATIVE_INFINITY;
        int bad = 0;
        boolean observe = k >= observeStep;
        double[] busMin2 = series.busVMinPu;
        Network net = feeder.network();
        for (int j = 0; j < lvNodes.length; j++) {
            int i = lvNodes[j];
            if (!net.energised(i)) {
                continue;   // without supply: an interruption (counted by the time line), not a voltage violation
            }
            double m2 = re[i] * re[i] + im[i] * im[i];
            if (m2 < min2) {
                min2 = m2;
            }
            if (m2 > max2) {
                max2 = m2;
            }
            if (m2 < lo2 || m2 > hi2) {
                bad++;
            }
            if (observe) {
                int b = lvNodeBus[j];
                if (!(busMin2[b] <= m2)) {
                    busMin2[b] = m2; // squared volts until the run ends (see finish)
                }
            }
        }
        double vMin = min2 == Double.POSITIVE_INFINITY ? Double.NaN : Math.sqrt(min2) / nominal;
        double vMax = max2 == Double.NEGATIVE_INFINITY ? Double.NaN : Math.sqrt(max2) / nominal;
        double[] v = grid.lastVoltagesPu();
        double cMin = Double.POSITIVE_INFINITY;
        for (int h = 0; h < householdLoad.length; h++) {
            double vh = v[householdLoad[h]];
            if (vh == 0.0) {
                continue;   // de-energised (a load with supply never reads exactly 0 V)
            }
            cMin = Math.min(cMin, vh);
            if (observe) {
                series.householdVMinPu[h] = Math.min(series.householdVMinPu[h], vh);
                series.householdVMaxPu[h] = Math.max(series.householdVMaxPu[h], vh);
                if (vh < limits.vMinPu() || vh > limits.vMaxPu()) {
                    series.householdViolationSteps[h]++;
                }
            }
        }
        feeder.summarize(summary);
        series.vMinPu[k] = vMin;
        series.vMaxPu[k] = vMax;
        series.violatingNodes[k] = bad;
        series.customerVMinPu[k] = cMin;
        series.transformerPct[k] = 100 * summary.transformerLoadingPu();
        series.sourceKw[k] = summary.sourceKw();
        series.loadsKw[k] = summary.loadsKw();
        series.lossesKw[k] = summary.lossesKw();
        series.steps = k + 1;
        if (logEvents && observe && (bad > 0) != violating) {
            violating = bad > 0;
            step.event(violating ? "voltage_violation_start" : "voltage_violation_end", String.format(Locale.ROOT,
                    "%d LV nodes outside [%.2f, %.2f] pu; range %.4f..%.4f pu", bad, limits.vMinPu(), limits.vMaxPu(), vMin, vMax));
        }
        return now + stepNs;
    }

    private static double sq(double x) {
        return x * x;
    }

    /** Turns the per-bus minima, kept squared in volts during the run, into pu. */
    @Override
    public void finish(long endNs) {
        double[] b = series.busVMinPu;
        for (int i = 0; i < b.length; i++) {
            b[i] = Double.isNaN(b[i]) ? Double.NaN : Math.sqrt(b[i]) / limits.nominalV();
        }
    }
}
