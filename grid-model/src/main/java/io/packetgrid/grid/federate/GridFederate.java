package io.packetgrid.grid.federate;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.model.Load;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.result.FlowSummary;
import io.packetgrid.grid.result.VoltageSensitivity;
import io.packetgrid.grid.series.LoadDriver;
import io.packetgrid.grid.series.SolveMode;
import io.packetgrid.grid.solve.PowerFlowSolver;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One feeder as a co-simulation federate, built to run by the hundred. Every period it reads one
 * {@code double[]} of the bound loads' kW (and optionally one of kvar), solves the power flow
 * ({@link Feeder#solve()}: an OpenDSS snapshot solution), and publishes
 * <ul>
 *   <li>{@code <prefix>/load_v_pu}: each bound load's voltage (first phase, phase to neutral; pu of
 *       230 V for 230 V loads, as {@link Feeder#loadVoltagePu}), in the declared load order;</li>
 *   <li>the feeder summary ({@link FlowSummary}): {@code v_min_pu}, {@code v_max_pu} over every phase
 *       node, {@code transformer_loading_pct}, {@code line_loading_pct}, {@code losses_kw},
 *       {@code losses_kvar}, {@code source_kw}, {@code source_kvar}, {@code loads_kw}, {@code loads_kvar}
 *       and {@code violations} (nodes outside the voltage band plus overloaded lines and transformers);</li>
 *   <li>optionally {@code <prefix>/dv_dp_pu_per_kw}: the voltage-sensitivity matrix among the bound
 *       loads, row major, {@code S[i n + j]} = change of load i's voltage (pu) per kW more consumed at
 *       load j (negative), from the factorised network ({@link VoltageSensitivity}).</li>
 * </ul>
 * A step allocates nothing but what it publishes (the voltage array, boxed summary numbers, and the
 * sensitivity matrix when it is due): inputs go to the loads by index, results come from the
 * feeder's cached element matrices. Re-stepped at the same time it recomputes from the same inputs.
 */
public final class GridFederate implements Federate {
    private final Feeder feeder;
    private final GridFederateConfig cfg;
    private final int n;
    private final LoadDriver[] drivers;
    private final double[] kvarPerKw;
    private final double[] invNominal;
    private final ValueKey<double[]> kwKey;
    private final ValueKey<double[]> kvarKey;
    private final ValueKey<double[]> voltageKey;
    private final ValueKey<double[]> sensitivityKey;
    private final ValueKey<Double> vMin;
    private final ValueKey<Double> vMax;
    private final ValueKey<Double> trLoading;
    private final ValueKey<Double> lineLoading;
    private final ValueKey<Double> lossesKw;
    private final ValueKey<Double> lossesKvar;
    private final ValueKey<Double> sourceKw;
    private final ValueKey<Double> sourceKvar;
    private final ValueKey<Double> loadsKw;
    private final ValueKey<Double> loadsKvar;
    private final ValueKey<Double> violations;
    private final FlowSummary summary = new FlowSummary();
    private final double[] node = new double[2];
    private final double[] ref = new double[2];

    // nodes of the bound loads in the present network (rebuilt when the network is)
    private Network boundTo;
    private int[] phaseNode;
    private int[] refNode;
    private double[] sensitivityVolts;
    private double[] colRe;
    private double[] colIm;

    private long lastSensitivityNs = Long.MIN_VALUE;
    private int lastIterations;
    private double[] lastVoltages = new double[0];

    /**
     * @throws PacketGridException naming the load when a bound load is unknown or bound twice
     */
    public GridFederate(Feeder feeder, GridFederateConfig cfg) {
        this.feeder = feeder;
        this.cfg = cfg;
        this.n = cfg.loads().size();
        this.drivers = new LoadDriver[n];
        this.kvarPerKw = new double[n];
        this.invNominal = new double[n];
        List<LoadDriver> all = feeder.simulation().loads();
        Set<Integer> seen = new HashSet<>();
        for (int l = 0; l < n; l++) {
            String name = cfg.loads().get(l);
            int index = feeder.loadIndex(name);
            if (!seen.add(index)) {
                throw new PacketGridException("federate '" + cfg.name() + "'", "load " + name + " is bound twice");
            }
            drivers[l] = all.get(index);
            kvarPerKw[l] = drivers[l].kvarPerKw();
            invNominal[l] = 1.0 / feeder.loadNominalV(name);
        }
        String p = cfg.prefix();
        kwKey = cfg.powerKey() == null ? null : powerKey(cfg.powerKey());
        kvarKey = cfg.reactiveKey() == null ? null : powerKey(cfg.reactiveKey());
        voltageKey = ValueKey.ofArray(p + "/load_v_pu", 1e-9);
        sensitivityKey = cfg.sensitivityPeriodNs() > 0 ? ValueKey.ofArray(p + "/dv_dp_pu_per_kw", 0) : null;
        vMin = ValueKey.ofDouble(p + "/v_min_pu", 1e-9);
        vMax = ValueKey.ofDouble(p + "/v_max_pu", 1e-9);
        trLoading = ValueKey.ofDouble(p + "/transformer_loading_pct", 1e-9);
        lineLoading = ValueKey.ofDouble(p + "/line_loading_pct", 1e-9);
        lossesKw = ValueKey.ofDouble(p + "/losses_kw", 1e-9);
        lossesKvar = ValueKey.ofDouble(p + "/losses_kvar", 1e-9);
        sourceKw = ValueKey.ofDouble(p + "/source_kw", 1e-9);
        sourceKvar = ValueKey.ofDouble(p + "/source_kvar", 1e-9);
        loadsKw = ValueKey.ofDouble(p + "/loads_kw", 1e-9);
        loadsKvar = ValueKey.ofDouble(p + "/loads_kvar", 1e-9);
        violations = ValueKey.ofDouble(p + "/violations", 0);
        feeder.setMode(cfg.input() == LoadInput.ADD_TO_SHAPES ? SolveMode.YEARLY : SolveMode.SNAPSHOT);
    }

    /** The key of a per-load power array (what the publisher of the inputs declares). */
    public static ValueKey<double[]> powerKey(String name) {
        return ValueKey.ofArray(name, 0);
    }

    public Feeder feeder() {
        return feeder;
    }

    public GridFederateConfig config() {
        return cfg;
    }

    /** Fixed-point iterations of the last solution (control iterations included). */
    public int lastIterations() {
        return lastIterations;
    }

    /** The summary of the last solution (overwritten at every step). */
    public FlowSummary lastSummary() {
        return summary;
    }

    /** The load voltages last published (pu, declared load order); do not modify. */
    public double[] lastVoltagesPu() {
        return lastVoltages;
    }

    public ValueKey<double[]> loadVoltageKey() {
        return voltageKey;
    }

    /** The sensitivity matrix's key, or null when not configured. */
    public ValueKey<double[]> sensitivityKey() {
        return sensitivityKey;
    }

    /** A summary value's key by its name after the prefix, e.g. {@code losses_kw}. */
    public ValueKey<Double> summaryKey(String what) {
        for (ValueKey<Double> k : summaryKeys()) {
            if (k.name().equals(cfg.prefix() + "/" + what)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no summary value " + what);
    }

    private List<ValueKey<Double>> summaryKeys() {
        return List.of(vMin, vMax, trLoading, lineLoading, lossesKw, lossesKvar, sourceKw, sourceKvar, loadsKw, loadsKvar, violations);
    }

    @Override
    public String name() {
        return cfg.name();
    }

    @Override
    public long initialize(Setup setup) {
        if (kwKey != null) {
            setup.subscribes(kwKey);
        }
        if (kvarKey != null) {
            setup.subscribes(kvarKey);
        }
        for (String a : cfg.after()) {
            setup.after(a);
        }
        setup.publishes(voltageKey, new double[0]);
        if (sensitivityKey != null) {
            setup.publishes(sensitivityKey, new double[0]);
        }
        for (ValueKey<Double> k : summaryKeys()) {
            setup.publishes(k, k == violations ? 0.0 : Double.NaN);
        }
        return 0;
    }

    @Override
    public long step(Step step) {
        long now = step.now();
        double[] kw = input(step, kwKey);
        double[] kvar = input(step, kvarKey);
        applyInputs(kw, kvar);
        setTime(now);
        lastIterations = feeder.solve();
        feeder.summarize(summary);
        bind();
        double[] v = loadVoltagesPu();
        lastVoltages = v;
        step.publish(voltageKey, v);
        step.publish(vMin, summary.vMinPu());
        step.publish(vMax, summary.vMaxPu());
        step.publish(trLoading, 100.0 * summary.transformerLoadingPu());
        step.publish(lineLoading, 100.0 * summary.lineLoadingPu());
        step.publish(lossesKw, summary.lossesKw());
        step.publish(lossesKvar, summary.lossesKvar());
        step.publish(sourceKw, summary.sourceKw());
        step.publish(sourceKvar, summary.sourceKvar());
        step.publish(loadsKw, summary.loadsKw());
        step.publish(loadsKvar, summary.loadsKvar());
        step.publish(violations, (double) summary.violations());
        if (sensitivityKey != null && (lastSensitivityNs == Long.MIN_VALUE
                || (cfg.sensitivityPeriodNs() != SimTime.NEVER && now - lastSensitivityNs >= cfg.sensitivityPeriodNs()))) {
            step.publish(sensitivityKey, sensitivities());
            lastSensitivityNs = now;
        }
        return now + cfg.periodNs();
    }

    /** The array value of {@code key}, checked: empty (no input yet) or one finite number per bound load. */
    private double[] input(Step step, ValueKey<double[]> key) {
        if (key == null) {
            return null;
        }
        double[] a = step.read(key);
        if (a == null || a.length == 0) {
            return null;
        }
        if (a.length != n) {
            throw new PacketGridException("federate '" + cfg.name() + "' at t=" + SimTime.format(step.now()),
                    "value '" + key.name() + "' has " + a.length + " entries, expected " + n + " (one per bound load)");
        }
        for (int l = 0; l < n; l++) {
            if (!Double.isFinite(a[l])) {
                throw new PacketGridException("federate '" + cfg.name() + "' at t=" + SimTime.format(step.now()),
                        "value '" + key.name() + "'[" + l + "] (load " + cfg.loads().get(l) + ") is " + a[l]);
            }
        }
        return a;
    }

    private void applyInputs(double[] kw, double[] kvar) {
        if (cfg.input() == LoadInput.ADD_TO_SHAPES) {
            for (int l = 0; l < n; l++) {
                drivers[l].extra(kw == null ? 0.0 : kw[l], kvar == null ? 0.0 : kvar[l]);
            }
            return;
        }
        for (int l = 0; l < n; l++) {
            if (kw == null) {
                drivers[l].override(Double.NaN, Double.NaN);
            } else {
                drivers[l].override(kw[l], kvar == null ? kw[l] * kvarPerKw[l] : kvar[l]);
            }
        }
    }

    /** Shape time: {@code startHour} plus the simulated time, split into whole hours and seconds exactly. */
    private void setTime(long now) {
        double hours = cfg.startHour() + now / (double) SimTime.H;
        int h = (int) Math.floor(hours);
        double sec = cfg.startHour() == 0.0 ? (now - h * SimTime.H) / 1e9 : (hours - h) * 3600.0;
        feeder.simulation().setTime(h, sec);
    }

    /** Node indexes of the bound loads in the feeder's present network. */
    private void bind() {
        Network net = feeder.network();
        if (net == boundTo) {
            return;
        }
        phaseNode = new int[n];
        refNode = new int[n];
        for (int l = 0; l < n; l++) {
            Load load = drivers[l].load();
            int[] nodes = net.nodesOf(load);
            int nc = load.connection().conductors();
            phaseNode[l] = nodes[0];
            // phase 1's branch ends at the neutral (wye) or at phase 2 (delta), as Feeder.loadVoltage
            refNode[l] = nodes[load.delta() ? (1 >= nc ? 0 : 1) : nc - 1];
        }
        sensitivityVolts = new double[n * n];
        colRe = new double[net.nodeCount()];
        colIm = new double[net.nodeCount()];
        boundTo = net;
    }

    private double[] loadVoltagesPu() {
        PowerFlowSolver s = feeder.simulation().solver();
        double[] v = new double[n];
        for (int l = 0; l < n; l++) {
            voltage(s, phaseNode[l], node);
            voltage(s, refNode[l], ref);
            double dr = node[0] - ref[0];
            double di = node[1] - ref[1];
            v[l] = Math.sqrt(dr * dr + di * di) * invNominal[l];
        }
        return v;
    }

    private static void voltage(PowerFlowSolver s, int node, double[] out) {
        if (node < 0) {
            out[0] = 0;
            out[1] = 0;
        } else {
            s.voltage(node, out);
        }
    }

    /** dV_i/dP_j in pu of load i's nominal per kW consumed at load j (the negative of an injection). */
    private double[] sensitivities() {
        VoltageSensitivity.matrix(feeder.simulation().solver(), phaseNode, sensitivityVolts, colRe, colIm);
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i * n + j] = -sensitivityVolts[i * n + j] * invNominal[i];
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GridFederate[%s, %d loads]", cfg.name(), n);
    }
}
