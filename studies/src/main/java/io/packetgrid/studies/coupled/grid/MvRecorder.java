package io.packetgrid.studies.coupled.grid;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.federate.GridFederate;
import io.packetgrid.grid.mvlv.MvLvStructure;
import io.packetgrid.grid.result.FlowSummary;
import io.packetgrid.grid.result.Loading;
import io.packetgrid.studies.coupled.scenario.GridLimitsSpec;
import io.packetgrid.studies.coupled.scenario.MvSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Records an MV network's power flow after grid-model's {@link GridFederate} solved it, in one pass
 * over its nodes: for every LV feeder what {@link GridRecorder} records of a feeder (LV voltage
 * envelope, nodes outside the band, households' voltages, the lowest voltage of each of its buses,
 * its distribution transformer's loading), and for the MV network the voltage envelope, the zone
 * transformer's loading and tap moves and the power balance ({@link MvSeries}).
 *
 * <p>It also publishes what the LV feeders' packet servers see of the grid beyond their households:
 * per LV feeder ({@code <name>/assets}, four numbers each) the zone transformer and the MV voltage at
 * the feeder's transformer as upstream assets in the gate's terms (loading and rating such that
 * {@code loading + kW / rating > max} exactly when the limit would be crossed: the substation's
 * {@code substation_max_pct}, and the MV band's lower end reached at the linear rate dV/dP of the MV
 * node per kW the feeder's households consume), and per LV feeder the voltage sensitivities among its
 * households ({@code <name>/f<k>/dv_dp}, at the first step). So every server holds back when the
 * substation or the MV voltage is at its limit, from values of the grid side.
 */
public final class MvRecorder implements Federate {
    private final String name;
    private final GridFederate grid;
    private final MvNetwork mv;
    private final List<int[]> householdLoads;
    private final List<GridSeries> series;
    private final MvSeries mvSeries;
    private final long stepNs;
    private final int observeStep;
    private final GridLimitsSpec limits;
    /** The MV voltage's rate is measured with this much more per household (re-solved at the first step). */
    static final double PROBE_KW_PER_HOUSEHOLD = 0.5;
    private final ValueKey<double[]> transformerKey;
    private final ValueKey<double[]> assetsKey;
    private final List<ValueKey<double[]>> sensitivityKeys = new ArrayList<>();
    private final FlowSummary summary = new FlowSummary();
    private final List<TenMinuteMeans> tenMinute = new ArrayList<>();
    private boolean bound;
    private int[][] lvNodes;          // per LV feeder: LV phase nodes
    private int[][] lvNodeBus;        // per LV feeder: index of each node's bus in its series
    private int[] mvNodes;
    private double[] mvInvBase;
    private double[] mvRate;          // per LV feeder: dV(MV node)/dP of its households, pu per kW (negative)
    private double lastTap = Double.NaN;
    private int[] transformerAt;      // per LV feeder: its transformer's position in the feeder's transformer loadings, or -1
    private int zoneAt;               // the zone transformer's position there, or -1
    private boolean sensitivitiesSent;
    private final boolean gridAware;

    /**
     * @param householdLoads per LV feeder (plan order), the load index of each household
     * @param series         per LV feeder, its series (buses: the LV feeder's buses, {@link #seriesFor})
     * @param gridAware      whether servers read the sensitivities and the MV rate (else neither is computed)
     */
    public MvRecorder(String name, GridFederate grid, MvNetwork mv, List<int[]> householdLoads, List<GridSeries> series,
                      MvSeries mvSeries, long stepNs, int observeStep, GridLimitsSpec limits, boolean gridAware) {
        this.name = name;
        this.gridAware = gridAware;
        this.grid = grid;
        this.mv = mv;
        this.householdLoads = List.copyOf(householdLoads);
        this.series = List.copyOf(series);
        this.mvSeries = mvSeries;
        this.stepNs = stepNs;
        this.observeStep = observeStep;
        this.limits = limits;
        this.transformerKey = ValueKey.ofArray(name + "/transformer_pct", 1e-9);
        this.assetsKey = ValueKey.ofArray(name + "/assets", 1e-9);
        for (int f = 0; f < householdLoads.size(); f++) {
            tenMinute.add(new TenMinuteMeans(series.get(f), householdLoads.get(f).length, stepNs, limits));
            sensitivityKeys.add(ValueKey.ofArray(name + "/f" + (f + 1) + "/dv_dp", 0));
        }
        this.lastTap = mv.structure().zoneTap(grid.feeder())[0];   // the script's tap: moves from the first step on count
    }

    /** A series for one LV feeder: its buses and households. */
    public static GridSeries seriesFor(MvLvStructure.LvFeeder lv, int steps, int households) {
        return new GridSeries(steps, households, lv.buses().toArray(new String[0]));
    }

    /** Each LV feeder's distribution transformer loading, %, plan order. */
    public ValueKey<double[]> transformerKey() {
        return transformerKey;
    }

    /** Per LV feeder {substation loading, rating, MV voltage loading, rating}, in the gate's terms. */
    public ValueKey<double[]> assetsKey() {
        return assetsKey;
    }

    /** dV_i/dP_j among an LV feeder's households, pu per kW consumed, row major (household order). */
    public ValueKey<double[]> sensitivityKey(int feeder) {
        return sensitivityKeys.get(feeder);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long initialize(Setup setup) {
        setup.after(grid.name());
        double[] none = new double[0];
        setup.publishes(transformerKey, none);
        setup.publishes(assetsKey, none);
        for (ValueKey<double[]> k : sensitivityKeys) {
            setup.publishes(k, none);
        }
        return 0;
    }

    private void bind(Feeder feeder) {
        MvLvStructure structure = mv.structure();
        structure.checkReadFrom(feeder);
        List<MvLvStructure.LvFeeder> lv = structure.feeders();
        lvNodes = new int[lv.size()][];
        lvNodeBus = new int[lv.size()][];
        String[] transformer = new String[lv.size()];
        for (int f = 0; f < lv.size(); f++) {
            lvNodes[f] = lv.get(f).nodes();
            lvNodeBus[f] = lv.get(f).nodeBus();
            transformer[f] = lv.get(f).transformer().toLowerCase(Locale.ROOT);
        }
        mvNodes = structure.mvNodes();
        mvInvBase = new double[mvNodes.length];
        for (int j = 0; j < mvNodes.length; j++) {
            mvInvBase[j] = 1.0 / structure.mvBaseV()[j];
        }
        // the loadings come in network order, the same at every step: positions by name once
        Map<String, Integer> position = new HashMap<>();
        List<Loading> loadings = feeder.transformerLoadings();
        for (int t = 0; t < loadings.size(); t++) {
            position.put(loadings.get(t).element().toLowerCase(Locale.ROOT), t);
        }
        transformerAt = new int[lv.size()];
        for (int f = 0; f < lv.size(); f++) {
            transformerAt[f] = position.getOrDefault(transformer[f], -1);
        }
        zoneAt = position.getOrDefault(structure.substation().toLowerCase(Locale.ROOT), -1);
        bound = true;
    }

    @Override
    public long step(Step step) {
        long now = step.now();
        int k = (int) (now / stepNs);
        if (k >= mvSeries.vMinPu.length) {
            return SimTime.NEVER;
        }
        Feeder feeder = grid.feeder();
        if (!bound) {
            bind(feeder);   // node numbers do not change when the copy's network is rebuilt (same elements, same order)
        }
        double[] re = feeder.nodeVoltagesRe();   // the feeder's own arrays (read only): no copy of every node per step
        double[] im = feeder.nodeVoltagesIm();
        boolean observe = k >= observeStep;
        double nominal = limits.nominalV();
        double lo2 = sq(limits.vMinPu() * nominal);
        double hi2 = sq(limits.vMaxPu() * nominal);
        double[] v = grid.lastVoltagesPu();
        List<Loading> loading = feeder.transformerLoadings();
        double[] trPct = new double[lvNodes.length];
        for (int f = 0; f < lvNodes.length; f++) {
            GridSeries g = series.get(f);
            double min2 = Double.POSITIVE_INFINITY;
            double max2 = Double.NEGATIVE_INFINITY;
            int bad = 0;
            int[] nodes = lvNodes[f];
            for (int j = 0; j < nodes.length; j++) {
                int i = nodes[j];
                double m2 = re[i] * re[i] + im[i] * im[i];
                min2 = Math.min(min2, m2);
                max2 = Math.max(max2, m2);
                if (m2 < lo2 || m2 > hi2) {
                    bad++;
                }
                if (observe) {
                    int b = lvNodeBus[f][j];
                    if (!(g.busVMinPu[b] <= m2)) {
                        g.busVMinPu[b] = m2; // squared volts until the run ends (see finish)
                    }
                }
            }
            double cMin = Double.POSITIVE_INFINITY;
            int[] hl = householdLoads.get(f);
            for (int h = 0; h < hl.length; h++) {
                double vh = v[hl[h]];
                cMin = Math.min(cMin, vh);
                if (observe) {
                    g.householdVMinPu[h] = Math.min(g.householdVMinPu[h], vh);
                    g.householdVMaxPu[h] = Math.max(g.householdVMaxPu[h], vh);
                    if (g.outside(h, vh, limits)) {
                        g.householdViolationSteps[h]++;
                    }
                    tenMinute.get(f).add(h, vh);
                }
            }
            if (observe) {
                tenMinute.get(f).stepDone();
            }
            Loading t = transformerAt[f] < 0 ? null : loading.get(transformerAt[f]);
            trPct[f] = t == null ? Double.NaN : 100 * t.loadingPu();
            g.vMinPu[k] = Math.sqrt(min2) / nominal;
            g.vMaxPu[k] = Math.sqrt(max2) / nominal;
            g.violatingNodes[k] = bad;
            g.customerVMinPu[k] = cMin;
            g.transformerPct[k] = trPct[f];
            g.steps = k + 1;
        }
        // the MV network
        double mvMin = Double.POSITIVE_INFINITY;
        double mvMax = Double.NEGATIVE_INFINITY;
        int mvBad = 0;
        for (int j = 0; j < mvNodes.length; j++) {
            int i = mvNodes[j];
            double pu = Math.sqrt(re[i] * re[i] + im[i] * im[i]) * mvInvBase[j];
            mvMin = Math.min(mvMin, pu);
            mvMax = Math.max(mvMax, pu);
            if (pu < limits.mvVMinPu() || pu > limits.mvVMaxPu()) {
                mvBad++;
            }
        }
        Loading z = zoneAt < 0 ? null : loading.get(zoneAt);
        double zonePu = z == null ? Double.NaN : z.loadingPu();
        double[] zt = mv.structure().zoneTap(feeder);
        double tap = zt[0];
        if (observe && tap != lastTap) {
            mvSeries.tapChanges += (int) Math.round(Math.abs(tap - lastTap) / zt[1]);
        }
        lastTap = tap;
        feeder.summarize(summary);
        mvSeries.vMinPu[k] = mvMin;
        mvSeries.vMaxPu[k] = mvMax;
        mvSeries.violatingNodes[k] = mvBad;
        mvSeries.substationPct[k] = 100 * zonePu;
        mvSeries.tap[k] = tap;
        mvSeries.sourceKw[k] = summary.sourceKw();
        mvSeries.loadsKw[k] = summary.loadsKw();
        mvSeries.lossesKw[k] = summary.lossesKw();
        mvSeries.steps = k + 1;
        if (gridAware && !sensitivitiesSent) {
            // after this step's records: measuring the MV rate re-solves the network (and solves it back)
            sensitivities(step, feeder);
            sensitivitiesSent = true;
        }
        step.publish(transformerKey, trPct);
        step.publish(assetsKey, assets(zonePu, re, im));
        return now + stepNs;
    }

    /**
     * Per LV feeder the two shared limits in the gate's terms (its check is {@code loading + kW / rating > M},
     * M = grid_limits.transformer_max_pct / 100): the zone transformer with loading {@code L M / S} and
     * rating {@code kVA S / M} (S = mv.substation_max_pct / 100: the check becomes {@code L + kW / kVA > S}),
     * and the MV band with loading {@code M (1 - v) / (1 - v_min)} and rating {@code (1 - v_min) / (M |s|)}
     * (the check becomes {@code v + s kW < v_min}, v_min = grid_limits.mv_v_min_pu: the MV voltage at the feeder's transformer, falling at
     * s pu per kW, would leave the band).
     */
    private double[] assets(double zonePu, double[] re, double[] im) {
        MvSpec spec = mv.spec();
        double m = limits.transformerMaxPct() / 100;
        double sMax = spec.substationMaxPct() / 100;
        double kva = mv.structure().substationKva();
        double[] out = new double[4 * lvNodes.length];
        for (int f = 0; f < lvNodes.length; f++) {
            out[4 * f] = zonePu * m / sMax;
            out[4 * f + 1] = kva * sMax / m;
            double vMv = Double.POSITIVE_INFINITY;
            MvLvStructure.LvFeeder lv = mv.structure().feeders().get(f);
            for (int a = 0; a < lv.mvNodes().length; a++) {
                int node = lv.mvNodes()[a];
                vMv = Math.min(vMv, Math.sqrt(re[node] * re[node] + im[node] * im[node]) / lv.mvBaseV()[a]);
            }
            double rate = mvRate == null ? 0 : Math.abs(mvRate[f]);
            double span = 1 - limits.mvVMinPu();
            if (Double.isInfinite(vMv) || rate == 0) {
                out[4 * f + 2] = 0;
                out[4 * f + 3] = Double.POSITIVE_INFINITY;
            } else {
                out[4 * f + 2] = m * (1 - vMv) / span;
                out[4 * f + 3] = span / (m * rate);
            }
        }
        return out;
    }

    /**
     * At the first step: per LV feeder the voltage sensitivities among its households (as grid-model's
     * grid federate computes them among a feeder's loads: {@code -dV_i/dP_j / V_nominal,i}) and the rate
     * at which its transformer's MV nodes fall per kW its households consume (their mean, pu per kW).
     */
    private void sensitivities(Step step, Feeder feeder) {
        List<String> names = feeder.loadNames();   // definition order: the load indices
        List<List<String>> probed = new ArrayList<>();
        double[] probeKw = new double[householdLoads.size()];
        for (int f = 0; f < householdLoads.size(); f++) {
            int[] hl = householdLoads.get(f);
            int n = hl.length;
            List<String> mine = new ArrayList<>();
            for (int h : hl) {
                mine.add(names.get(h));
            }
            probed.add(mine);
            probeKw[f] = PROBE_KW_PER_HOUSEHOLD * n;
            double[] volts = feeder.voltageSensitivityMatrix(mine);
            double[] out = new double[n * n];
            for (int i = 0; i < n; i++) {
                double inv = 1.0 / feeder.loadNominalV(mine.get(i));
                for (int j = 0; j < n; j++) {
                    out[i * n + j] = -volts[i * n + j] * inv;
                }
            }
            step.publish(sensitivityKeys.get(f), out);
        }
        mvRate = mv.structure().mvRatesPuPerKw(feeder, probed, probeKw);
    }

    private static double sq(double x) {
        return x * x;
    }

    /** Turns the per-bus minima, kept squared in volts during the run, into pu. */
    @Override
    public void finish(long endNs) {
        for (GridSeries g : series) {
            double[] b = g.busVMinPu;
            for (int i = 0; i < b.length; i++) {
                b[i] = Double.isNaN(b[i]) ? Double.NaN : Math.sqrt(b[i]) / limits.nominalV();
            }
        }
    }
}
