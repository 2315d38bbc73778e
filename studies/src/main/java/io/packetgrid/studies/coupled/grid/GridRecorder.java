package io.packetgrid.studies.coupled.grid;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.federate.GridFederate;
import io.packetgrid.grid.api.Nodes;
import io.packetgrid.grid.result.FlowSummary;
import io.packetgrid.studies.coupled.detail.FeederDetail;
import io.packetgrid.studies.coupled.scenario.GridLimitsSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Records what the study reports of a feeder's power flow, after grid-model's {@link GridFederate}
 * solved it: the LV voltage envelope (every LV phase node, EN 50160 nominal), the LV nodes outside
 * the band, the MV nodes' envelope and violations on each bus's own base against the MV band, the
 * households' voltages and their extremes (each against the band of its level), the lowest voltage of
 * every bus (for the map), the transformer loading and the three sides of the power balance (source,
 * loads, losses: the grid federate's {@link FlowSummary}, each side computed on its own). It logs
 * violations starting and ending.
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
    private Nodes bound;
    private int[] lvNodes;
    private int[] lvNodeBus;
    // MV phase nodes and the squares of their bases' volts
    private int[] mvNodes;
    private double[] mvBase2;
    private double[] re;
    private double[] im;
    private boolean violating;
    private final TenMinuteMeans tenMinute;

    public GridRecorder(String name, GridFederate grid, int[] householdLoad, long stepNs, int observeStep, GridLimitsSpec limits,
                        GridSeries series, boolean logEvents) {
        this(name, grid, householdLoad, stepNs, observeStep, limits, series, logEvents, null, null, null, null, null);
    }

    /**
     * @param detail     the feeder's detailed tables, or null
     * @param loads      the load publisher (each load's power at the step), for the households' table
     * @param householdIds the households' ids, in household order
     * @param loadNames  the feeder's load names, in load order
     * @param guard      the grid federate's non-convergence policy (null: a failure fails the run)
     */
    public GridRecorder(String name, GridFederate grid, int[] householdLoad, long stepNs, int observeStep, GridLimitsSpec limits,
                        GridSeries series, boolean logEvents, FeederDetail detail, LoadPublisher loads, String[] householdIds,
                        String[] loadNames, ConvergenceGuard guard) {
        this.name = name;
        this.grid = grid;
        this.householdLoad = householdLoad.clone();
        this.stepNs = stepNs;
        this.observeStep = observeStep;
        this.limits = limits;
        this.series = series;
        this.logEvents = logEvents;
        this.tenMinute = new TenMinuteMeans(series, householdLoad.length, stepNs, limits);
        this.detail = detail;
        this.loads = loads;
        this.householdIds = householdIds;
        this.loadNames = loadNames;
        this.guard = guard;
        List<String> names = grid.feeder().loadNames();
        for (int h = 0; h < householdLoad.length; h++) {
            series.householdMv[h] = grid.feeder().loadNominalV(names.get(householdLoad[h])) > LV_MAX_PHASE_V;
        }
    }

    /** EN 50160 defines LV supply up to 1 kV between phases (about 577 V phase to neutral) and MV above it up to 36 kV. */
    public static final double LV_MAX_PHASE_V = 1000.0 / Math.sqrt(3);
    private static final double MV_MAX_KV_LN = 36.0 / Math.sqrt(3);

    private final ConvergenceGuard guard;

    private final FeederDetail detail;
    private final LoadPublisher loads;
    private final String[] householdIds;
    private final String[] loadNames;
    // detail: the nodes written (indexes in the bound network), their bus names, numbers and base voltages
    private int[] detailNodes;
    private String[] detailBus;
    private int[] detailNumber;
    private double[] detailBaseV;

    /** A series sized for a feeder: its buses (map order) and households. */
    public static GridSeries seriesFor(Feeder feeder, int steps, int households) {
        Nodes nodes = feeder.nodes();
        String[] buses = new String[nodes.busCount()];
        for (int b = 0; b < buses.length; b++) {
            buses[b] = nodes.busName(b);
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

    private void bind(Nodes net) {
        List<Integer> lv = new ArrayList<>();
        List<Integer> mv = new ArrayList<>();
        for (int i = 0; i < net.nodeCount(); i++) {
            int bus = net.nodeBus(i);
            double kv = net.busKvBase(bus);
            if (net.nodeNumber(i) >= 1 && net.nodeNumber(i) <= 3 && kv > 0 && kv <= 1.0) {
                lv.add(i);
            } else if (net.nodeNumber(i) >= 1 && net.nodeNumber(i) <= 3 && kv > 1.0 && kv <= MV_MAX_KV_LN && !net.voltageSourceBus(bus)) {
                mv.add(i);   // the source's bus is the upstream grid's boundary, set by the script, not a result
            }
        }
        lvNodes = lv.stream().mapToInt(Integer::intValue).toArray();
        mvNodes = mv.stream().mapToInt(Integer::intValue).toArray();
        mvBase2 = new double[mvNodes.length];
        for (int j = 0; j < mvNodes.length; j++) {
            mvBase2[j] = sq(net.busKvBase(net.nodeBus(mvNodes[j])) * 1000.0);
        }
        series.mvNodes = Math.max(series.mvNodes, mvNodes.length);
        if (detail != null && detail.nodes()) {
            bindDetail(net);
        }
        lvNodeBus = new int[lvNodes.length];
        for (int k = 0; k < lvNodes.length; k++) {
            lvNodeBus[k] = net.nodeBus(lvNodes[k]);
        }
        re = new double[net.nodeCount()];
        im = new double[net.nodeCount()];
        bound = net;
    }

    /** The nodes of the detailed table: every phase node of the chosen buses (all buses with {@code [all]}). */
    private void bindDetail(Nodes net) {
        java.util.Set<String> buses = new java.util.HashSet<>();
        for (String b : detail.spec().nodeVoltages()) {
            buses.add(b.toLowerCase(Locale.ROOT));
        }
        boolean all = detail.spec().allNodes();
        List<Integer> nodes = new ArrayList<>();
        for (int i = 0; i < net.nodeCount(); i++) {
            int bus = net.nodeBus(i);
            if (net.nodeNumber(i) >= 1 && (all || buses.contains(net.busName(bus).toLowerCase(Locale.ROOT)))) {
                nodes.add(i);
            }
        }
        detailNodes = nodes.stream().mapToInt(Integer::intValue).toArray();
        detailBus = new String[detailNodes.length];
        detailNumber = new int[detailNodes.length];
        detailBaseV = new double[detailNodes.length];
        for (int j = 0; j < detailNodes.length; j++) {
            int bus = net.nodeBus(detailNodes[j]);
            detailBus[j] = net.busName(bus);
            detailNumber[j] = net.nodeNumber(detailNodes[j]);
            detailBaseV[j] = net.busKvBase(bus) * 1000.0;   // the bus's line-to-neutral base (Set voltagebases)
        }
    }

    /** Writes the step's rows of the detailed tables. */
    private void writeDetail(int k, double[] vLoads) {
        double t = k * (stepNs / 1e9);
        if (detail.households()) {
            double[] kw = loads.lastKw();
            for (int h = 0; h < householdLoad.length; h++) {
                int l = householdLoad[h];
                detail.household(t, householdIds[h], loadNames[l], kw.length > l ? kw[l] : Double.NaN, vLoads[l]);
            }
        }
        if (detail.nodes()) {
            for (int j = 0; j < detailNodes.length; j++) {
                int i = detailNodes[j];
                double v = Math.sqrt(re[i] * re[i] + im[i] * im[i]);
                detail.node(t, detailBus[j], detailNumber[j], detailBaseV[j] > 0 ? v / detailBaseV[j] : Double.NaN, v);
            }
        }
    }

    @Override
    public long step(Step step) {
        long now = step.now();
        int k = (int) (now / stepNs);
        if (k >= series.vMinPu.length) {
            return SimTime.NEVER;
        }
        if (guard != null && guard.lastHeld()) {
            hold(k);
            return now + stepNs;
        }
        Feeder feeder = grid.feeder();
        if (feeder.nodes() != bound) {
            bind(feeder.nodes());
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
        Nodes net = bound;
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
        if (mvNodes.length > 0) {
            recordMv(k, net);
        }
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
                if (outside(h, vh)) {
                    series.householdViolationSteps[h]++;
                }
                tenMinute.add(h, vh);
            }
        }
        if (observe) {
            tenMinute.stepDone();
        }
        if (detail != null && detail.due(k)) {
            writeDetail(k, v);
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
        if (detail != null && detail.households() && detail.due(k)) {
            detail.feeder(k * (stepNs / 1e9), series.baseKw[k], series.devicesKw[k], series.loadsKw[k], series.sourceKw[k],
                    series.lossesKw[k]);
        }
        if (logEvents && observe && (bad > 0) != violating) {
            violating = bad > 0;
            // key=value fields: the structured event table (outputs.detail.events) gives each its column
            step.event(violating ? "voltage_violation_start" : "voltage_violation_end", String.format(Locale.ROOT,
                    "nodes=%d band_min_pu=%.2f band_max_pu=%.2f v_min_pu=%.4f v_max_pu=%.4f", bad, limits.vMinPu(), limits.vMaxPu(),
                    vMin, vMax));
        }
        return now + stepNs;
    }

    private static double sq(double x) {
        return x * x;
    }

    /** The MV nodes at step k: lowest and highest voltage in pu of each bus's own base, and how many lie outside the MV band. */
    private void recordMv(int k, Nodes net) {
        double lo2 = sq(limits.mvVMinPu());
        double hi2 = sq(limits.mvVMaxPu());
        double min2 = Double.POSITIVE_INFINITY;
        double max2 = Double.NEGATIVE_INFINITY;
        int bad = 0;
        for (int j = 0; j < mvNodes.length; j++) {
            int i = mvNodes[j];
            if (!net.energised(i)) {
                continue;
            }
            double m2 = (re[i] * re[i] + im[i] * im[i]) / mvBase2[j];
            min2 = Math.min(min2, m2);
            max2 = Math.max(max2, m2);
            if (m2 < lo2 || m2 > hi2) {
                bad++;
            }
        }
        series.mvVMinPu[k] = min2 == Double.POSITIVE_INFINITY ? Double.NaN : Math.sqrt(min2);
        series.mvVMaxPu[k] = max2 == Double.NEGATIVE_INFINITY ? Double.NaN : Math.sqrt(max2);
        series.mvViolatingNodes[k] = bad;
    }

    /** Whether a household's voltage lies outside the band of its level: EN 50160's at an LV customer point, the MV band above. */
    private boolean outside(int h, double vPu) {
        return series.outside(h, vPu, limits);
    }

    /**
     * A held step (its power flow did not converge, feeder.on_nonconvergence: hold_last): the last step's
     * results stand for it; the households' statistics count their last voltages, as the devices saw them.
     */
    private void hold(int k) {
        int p = Math.max(0, k - 1);
        series.vMinPu[k] = k == 0 ? Double.NaN : series.vMinPu[p];
        series.vMaxPu[k] = k == 0 ? Double.NaN : series.vMaxPu[p];
        series.violatingNodes[k] = k == 0 ? 0 : series.violatingNodes[p];
        series.customerVMinPu[k] = k == 0 ? Double.NaN : series.customerVMinPu[p];
        series.transformerPct[k] = k == 0 ? Double.NaN : series.transformerPct[p];
        series.sourceKw[k] = k == 0 ? Double.NaN : series.sourceKw[p];
        series.loadsKw[k] = k == 0 ? Double.NaN : series.loadsKw[p];
        series.lossesKw[k] = k == 0 ? Double.NaN : series.lossesKw[p];
        series.mvVMinPu[k] = k == 0 ? Double.NaN : series.mvVMinPu[p];
        series.mvVMaxPu[k] = k == 0 ? Double.NaN : series.mvVMaxPu[p];
        series.mvViolatingNodes[k] = k == 0 ? 0 : series.mvViolatingNodes[p];
        series.heldSteps++;
        series.steps = k + 1;
        double[] v = grid.lastVoltagesPu();
        if (k >= observeStep && v.length > 0) {
            for (int h = 0; h < householdLoad.length; h++) {
                double vh = v[householdLoad[h]];
                series.householdVMinPu[h] = Math.min(series.householdVMinPu[h], vh);
                series.householdVMaxPu[h] = Math.max(series.householdVMaxPu[h], vh);
                if (outside(h, vh)) {
                    series.householdViolationSteps[h]++;
                }
                tenMinute.add(h, vh);
            }
            tenMinute.stepDone();
        }
    }

    /** Turns the per-bus minima, kept squared in volts during the run, into pu (a last partial 10-minute window is dropped). */
    @Override
    public void finish(long endNs) {
        if (detail != null) {
            detail.close();
        }
        double[] b = series.busVMinPu;
        for (int i = 0; i < b.length; i++) {
            b[i] = Double.isNaN(b[i]) ? Double.NaN : Math.sqrt(b[i]) / limits.nominalV();
        }
    }
}
