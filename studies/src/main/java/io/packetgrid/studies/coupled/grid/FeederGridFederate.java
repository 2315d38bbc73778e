package io.packetgrid.studies.coupled.grid;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.model.Load;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.model.PowerDelivery;
import io.packetgrid.grid.model.Transformer;
import io.packetgrid.grid.result.ElementFlows;
import io.packetgrid.grid.series.LoadDriver;
import io.packetgrid.grid.solve.PowerFlowSolver;
import io.packetgrid.studies.coupled.scenario.GridLimitsSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One LV feeder's power flow in the co-simulation. Every grid step it sets each load to its base
 * load (the load shape at that time) plus the household's device power read from the fleet's value,
 * solves (grid-model's {@link Feeder}, an OpenDSS snapshot solution), and publishes the households'
 * connection-point voltages (pu of the EN 50160 nominal) and the transformer loading, which the
 * grid-aware server reads as its view of the grid. It records voltages, loadings and the three sides
 * of the power balance in a {@link GridSeries}.
 *
 * <p>It steps after the fleet at equal times, so the power flow at t sees the devices' state decided
 * at t. Re-stepped at the same time it recomputes from the same inputs.
 */
public final class FeederGridFederate implements Federate {
    private final String name;
    private final String fleetName;
    private final Feeder feeder;
    private final FeederTemplate template;
    private final int[] householdLoad;
    private final int[] householdShape;
    private final int[] loadShape;
    private final long stepNs;
    private final int observeStep;
    private final GridLimitsSpec limits;
    private final ValueKey<double[]> householdKwKey;
    private final ValueKey<double[]> voltageKey;
    private final ValueKey<Double> transformerKey;
    private final ValueKey<double[]> sensitivityKey;
    private final GridSeries series;
    private final boolean logEvents;

    // fixed after initialisation
    private LoadDriver[] drivers;
    private int[] householdNode;
    private int[] lvNodes;
    private int[] lvNodeBus;
    private Transformer[] transformers;
    private PowerBalance balance;
    private double[] re;
    private double[] im;
    private boolean violating;

    /**
     * @param householdLoad  the load index of each household
     * @param loadShape      for every load of the script, the load whose base shape it follows
     */
    public FeederGridFederate(String name, String fleetName, Feeder feeder, FeederTemplate template, int[] householdLoad,
                              int[] loadShape, long stepNs, int steps, int observeStep, GridLimitsSpec limits, boolean logEvents) {
        this.name = name;
        this.fleetName = fleetName;
        this.feeder = feeder;
        this.template = template;
        this.householdLoad = householdLoad.clone();
        this.loadShape = loadShape.clone();
        this.householdShape = new int[householdLoad.length];
        for (int h = 0; h < householdLoad.length; h++) {
            householdShape[h] = loadShape[householdLoad[h]];
        }
        this.stepNs = stepNs;
        this.observeStep = observeStep;
        this.limits = limits;
        this.householdKwKey = householdKwKey(fleetName);
        this.voltageKey = ValueKey.ofArray(name + "/load_v_pu", 0);
        this.transformerKey = ValueKey.ofDouble(name + "/transformer_pu", 0);
        this.sensitivityKey = ValueKey.ofArray(name + "/dv_dp_pu_per_kw", 0);
        String[] buses = new String[feeder.network().busCount()];
        for (int b = 0; b < buses.length; b++) {
            buses[b] = feeder.network().busName(b);
        }
        this.series = new GridSeries(steps, householdLoad.length, buses);
        this.logEvents = logEvents;
    }

    /** The fleet's value: each household's device power (consumption minus PV), kW, in household order. */
    public static ValueKey<double[]> householdKwKey(String fleetName) {
        return ValueKey.ofArray(fleetName + "/household_kw", 0);
    }

    public ValueKey<double[]> voltageKey() {
        return voltageKey;
    }

    public ValueKey<Double> transformerKey() {
        return transformerKey;
    }

    public ValueKey<double[]> sensitivityKey() {
        return sensitivityKey;
    }

    public GridSeries series() {
        return series;
    }

    public Feeder feeder() {
        return feeder;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long initialize(Setup setup) {
        Network net = feeder.network();
        List<LoadDriver> ds = feeder.simulation().loads();
        drivers = ds.toArray(new LoadDriver[0]);
        List<Load> loads = new ArrayList<>();
        for (LoadDriver d : drivers) {
            loads.add(d.load());
        }
        householdNode = new int[householdLoad.length];
        for (int h = 0; h < householdLoad.length; h++) {
            householdNode[h] = firstPhaseNode(net, drivers[householdLoad[h]].load());
        }
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
        List<Transformer> tr = new ArrayList<>();
        for (PowerDelivery d : net.deliveries()) {
            if (d instanceof Transformer t) {
                tr.add(t);
            }
        }
        transformers = tr.toArray(new Transformer[0]);
        balance = new PowerBalance(net, loads);
        re = new double[net.nodeCount()];
        im = new double[net.nodeCount()];
        setup.subscribes(householdKwKey);
        setup.after(fleetName);
        setup.publishes(voltageKey, new double[0]);
        setup.publishes(transformerKey, 0.0);
        setup.publishes(sensitivityKey, new double[0]);
        return 0;
    }

    private static int firstPhaseNode(Network net, Load l) {
        for (int n : net.nodesOf(l)) {
            if (n >= 0) {
                return n;
            }
        }
        throw new IllegalStateException(l.name() + " is not connected");
    }

    @Override
    public long step(Step step) {
        long now = step.now();
        int k = (int) (now / stepNs);
        if (k >= series.vMinPu.length) {
            return io.packetgrid.cosim.time.SimTime.NEVER;
        }
        double[] dev = step.read(householdKwKey);
        double devTotal = 0;
        double baseTotal = 0;
        for (int l = 0; l < drivers.length; l++) {
            int s = loadShape[l];
            drivers[l].override(template.baseKw(s, k), template.baseKvar(s, k));
        }
        for (int h = 0; h < householdLoad.length; h++) {
            int l = householdLoad[h];
            int s = householdShape[h];
            double p = dev.length == householdLoad.length ? dev[h] : 0;
            devTotal += p;
            baseTotal += template.baseKw(s, k);
            // devices draw (or PV injects) at unity power factor (resistive elements, inverter at pf 1: assumption)
            drivers[l].override(template.baseKw(s, k) + p, template.baseKvar(s, k));
        }
        feeder.simulation().solveSnapshot();
        PowerFlowSolver solver = feeder.simulation().solver();
        solver.voltages(re, im);
        // magnitudes compared squared (no square root per node): |V|² against (limit·nominal)²
        double nominal = limits.nominalV();
        double lo2 = sq(limits.vMinPu() * nominal);
        double hi2 = sq(limits.vMaxPu() * nominal);
        double min2 = Double.POSITIVE_INFINITY;
        double max2 = Double.NEGATIVE_INFINITY;
        int bad = 0;
        boolean observe = k >= observeStep;
        double[] busMin2 = series.busVMinPu;
        for (int j = 0; j < lvNodes.length; j++) {
            int i = lvNodes[j];
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
        double vMin = Math.sqrt(min2) / nominal;
        double vMax = Math.sqrt(max2) / nominal;
        double[] v = new double[householdLoad.length];
        double cMin = Double.POSITIVE_INFINITY;
        for (int h = 0; h < v.length; h++) {
            int i = householdNode[h];
            v[h] = Math.sqrt(re[i] * re[i] + im[i] * im[i]) / nominal;
            cMin = Math.min(cMin, v[h]);
            if (observe) {
                series.householdVMinPu[h] = Math.min(series.householdVMinPu[h], v[h]);
                series.householdVMaxPu[h] = Math.max(series.householdVMaxPu[h], v[h]);
                if (v[h] < limits.vMinPu() || v[h] > limits.vMaxPu()) {
                    series.householdViolationSteps[h]++;
                }
            }
        }
        double trPu = 0;
        for (Transformer t : transformers) {
            double[] s = ElementFlows.terminalPowers(solver, t);
            for (int w = 0; w < t.windingCount(); w++) {
                trPu = Math.max(trPu, Math.hypot(s[2 * w], s[2 * w + 1]) / 1000.0 / t.winding(w).kva());
            }
        }
        series.vMinPu[k] = vMin;
        series.vMaxPu[k] = vMax;
        series.violatingNodes[k] = bad;
        series.customerVMinPu[k] = cMin;
        series.transformerPct[k] = 100 * trPu;
        series.sourceKw[k] = balance.sourcesW(re, im) / 1000;
        series.loadsKw[k] = balance.loadsW(re, im) / 1000;
        series.lossesKw[k] = balance.lossesW(re, im) / 1000;
        series.baseKw[k] = baseTotal;
        series.devicesKw[k] = devTotal;
        series.steps = k + 1;
        if (logEvents && observe && (bad > 0) != violating) {
            violating = bad > 0;
            step.event(violating ? "voltage_violation_start" : "voltage_violation_end", String.format(Locale.ROOT,
                    "%d LV nodes outside [%.2f, %.2f] pu; range %.4f..%.4f pu", bad, limits.vMinPu(), limits.vMaxPu(), vMin, vMax));
        }
        step.publish(voltageKey, v);
        step.publish(transformerKey, trPu);
        if (k == 0) {
            step.publish(sensitivityKey, sensitivities());
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

    /**
     * The voltage sensitivities of the connection points to the households' consumption, pu per kW,
     * row-major {@code S[i·n + j] = dV_i/dP_j} (negative: consumption lowers voltages), from grid-model's
     * transfer impedances at the first power flow. The diagonal is each point's own sensitivity.
     */
    private double[] sensitivities() {
        int n = householdLoad.length;
        double[] s = new double[n * n];
        for (int i = 0; i < n; i++) {
            String at = template.loads().get(householdLoad[i]).name();
            for (int j = 0; j < n; j++) {
                String from = template.loads().get(householdLoad[j]).name();
                s[i * n + j] = -feeder.voltageSensitivity(at, from) / limits.nominalV();
            }
        }
        return s;
    }

    public int householdCount() {
        return householdLoad.length;
    }
}
