package io.packetgrid.grid.federate;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.island.IslandSpec;
import io.packetgrid.grid.island.Microgrid;
import io.packetgrid.grid.island.ScriptStorage;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.GridFormingSource;
import io.packetgrid.grid.model.Load;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.model.Switchable;
import io.packetgrid.grid.result.FlowSummary;
import io.packetgrid.grid.result.VoltageSensitivity;
import io.packetgrid.grid.series.LoadDriver;
import io.packetgrid.grid.series.SolveMode;
import java.util.ArrayList;
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
 *
 * <p><b>A changing topology.</b> With {@link SwitchInput}s it opens and closes elements when their values
 * change (woken at once), rebuilding the network: parts cut off from every source are de-energised, their
 * loads draw nothing and read 0 V. With an {@link IslandSpec} it runs a {@link Microgrid}: the request value
 * opens the PCC (the storage unit forms the island) and asks for the reconnection (through the synchronism
 * check); it steps by itself when the unit's reserve will be reached or the PCC is due to close. With either
 * (or a {@link GridInstrument}) it also publishes {@code <prefix>/load_energised} (1 or 0 per bound load) and
 * {@code <prefix>/unserved_kw} (what the de-energised bound loads would draw), and with an island
 * {@code islanded}, {@code pcc_open}, {@code battery_kw}, {@code battery_kvar}, {@code battery_soc_pct},
 * {@code battery_kw_limit} and {@code frequency_hz}. Its periodic solutions stay on multiples of the period
 * whatever wakes it in between.
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

    // nodes of the bound loads in the present network (rebuilt when the network is)
    private Network boundTo;
    private int[] phaseNode;
    private int[] refNode;
    private double[] sensitivityVolts;

    // a changing topology (null / empty when the feeder is fixed)
    private final List<GridInstrument> instruments = new ArrayList<>();
    private final List<ValueKey<Double>> switchKeys = new ArrayList<>();
    private final List<Switchable> switchElements = new ArrayList<>();
    private final int[] switchTerminals;
    private final Microgrid microgrid;
    private final ValueKey<Double> islandRequest;
    private boolean islandRequested;
    private final ValueKey<double[]> energisedKey;
    private final ValueKey<Double> unservedKey;
    private final ValueKey<Double> islandedKey;
    private final ValueKey<Double> pccOpenKey;
    private final ValueKey<Double> batteryKwKey;
    private final ValueKey<Double> batteryKvarKey;
    private final ValueKey<Double> socKey;
    private final ValueKey<Double> batteryLimitKey;
    private final ValueKey<Double> frequencyKey;
    private double lastUnservedKw;

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
        switchTerminals = new int[cfg.switches().size()];
        for (int i = 0; i < switchTerminals.length; i++) {
            SwitchInput sw = cfg.switches().get(i);
            Switchable e = Microgrid.element(feeder.network(), sw.element());
            if (sw.terminal() > e.connection().terminals()) {
                throw new PacketGridException("federate '" + cfg.name() + "'", e.name() + " has no terminal " + sw.terminal());
            }
            switchElements.add(e);
            switchTerminals[i] = sw.terminal();
            switchKeys.add(ValueKey.ofDouble(sw.key(), 0.5));
        }
        IslandSpec is = cfg.island();
        if (is != null) {
            GridFormingSource unit = unit(feeder, is);
            microgrid = new Microgrid(feeder.simulation(), unit, is.settings(),
                    is.scriptUnit() != null ? ScriptStorage.definedKwh(unit) : is.storage().initialKwh());
            islandRequest = ValueKey.ofDouble(is.requestKey(), 0.5);
            islandedKey = ValueKey.ofDouble(p + "/islanded", 0.5);
            pccOpenKey = ValueKey.ofDouble(p + "/pcc_open", 0.5);
            batteryKwKey = ValueKey.ofDouble(p + "/battery_kw", 1e-9);
            batteryKvarKey = ValueKey.ofDouble(p + "/battery_kvar", 1e-9);
            socKey = ValueKey.ofDouble(p + "/battery_soc_pct", 1e-9);
            batteryLimitKey = ValueKey.ofDouble(p + "/battery_kw_limit", 0);
            frequencyKey = ValueKey.ofDouble(p + "/frequency_hz", 1e-9);
        } else {
            microgrid = null;
            islandRequest = null;
            islandedKey = null;
            pccOpenKey = null;
            batteryKwKey = null;
            batteryKvarKey = null;
            socKey = null;
            batteryLimitKey = null;
            frequencyKey = null;
        }
        energisedKey = ValueKey.ofArray(p + "/load_energised", 0.5);
        unservedKey = ValueKey.ofDouble(p + "/unserved_kw", 1e-9);
    }

    /**
     * The island's grid-forming unit on this feeder: the one added before (feeders are reused between runs)
     * or a new one at the spec's bus.
     */
    private static GridFormingSource unit(Feeder feeder, IslandSpec is) {
        if (is.scriptUnit() != null) {
            try {
                return ScriptStorage.find(feeder.network(), is.scriptUnit());
            } catch (PacketGridException e) {
                throw e.within("island.unit");
            }
        }
        String name = "GridForming." + is.storage().name();
        for (CircuitElement e : feeder.network().elements()) {
            if (e instanceof GridFormingSource g && e.name().equalsIgnoreCase(name)) {
                return g;
            }
        }
        GridFormingSource g = GridFormingSource.of(is.storage().create(), is.bus().toLowerCase(Locale.ROOT), is.kvLL(), is.rPu(), is.xPu());
        try {
            feeder.simulation().addElement(g);
        } catch (PacketGridException e) {
            throw e.within("island.bus");
        }
        return g;
    }

    /** Adds something acting on the feeder inside this federate's step (before the federation runs). */
    public GridFederate instrument(GridInstrument i) {
        instruments.add(i);
        return this;
    }

    /** The micro-grid, or null without an island. */
    public Microgrid microgrid() {
        return microgrid;
    }

    /** Whether the topology may change during the run (switches, an island or instruments). */
    private boolean dynamic() {
        return !switchKeys.isEmpty() || microgrid != null || !instruments.isEmpty();
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
        for (ValueKey<Double> k : switchKeys) {
            setup.wakesOn(k);
        }
        if (microgrid != null) {
            microgrid.reset();
            islandRequested = false;
            setup.wakesOn(islandRequest);
            setup.publishes(islandedKey, 0.0);
            setup.publishes(pccOpenKey, 0.0);
            setup.publishes(batteryKwKey, 0.0);
            setup.publishes(batteryKvarKey, 0.0);
            setup.publishes(socKey, microgrid.socPct());
            setup.publishes(batteryLimitKey, microgrid.unit().unit().kwRated());
            setup.publishes(frequencyKey, cfg.island().settings().nominalHz());
        }
        if (dynamic()) {
            setup.publishes(energisedKey, new double[0]);
            setup.publishes(unservedKey, 0.0);
        }
        for (GridInstrument i : instruments) {
            i.initialize(setup);
        }
        return 0;
    }

    /** Every bound load's energisation (1 or 0), published when the topology may change. */
    public ValueKey<double[]> energisedKey() {
        return energisedKey;
    }

    /** What the de-energised bound loads would draw, kW. */
    public ValueKey<Double> unservedKey() {
        return unservedKey;
    }

    /** An island value's key ({@code islanded}, {@code battery_kw}, {@code battery_soc_pct}, ...); null without an island. */
    public ValueKey<Double> islandKey(String what) {
        if (microgrid == null) {
            return null;
        }
        for (ValueKey<Double> k : List.of(islandedKey, pccOpenKey, batteryKwKey, batteryKvarKey, socKey, batteryLimitKey, frequencyKey)) {
            if (k.name().equals(cfg.prefix() + "/" + what)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no island value " + what);
    }

    @Override
    public long step(Step step) {
        long now = step.now();
        double[] kw = input(step, kwKey);
        double[] kvar = input(step, kvarKey);
        applyInputs(kw, kvar);
        if (dynamic()) {
            change(step);
        }
        setTime(now);
        lastIterations = feeder.solve();
        if (microgrid != null) {
            // the island may collapse, match its voltage or close: each is solved again at this time
            for (int k = 0; k < 8 && microgrid.afterSolve(now, (type, detail) -> step.event(type, detail)); k++) {
                lastIterations += feeder.solve();
            }
        }
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
        long next = (now / cfg.periodNs() + 1) * cfg.periodNs();
        if (dynamic()) {
            publishTopology(step);
            for (GridInstrument i : instruments) {
                i.afterSolve(step, feeder);
                next = Math.min(next, Math.max(now, i.nextEventNs()));
            }
            if (microgrid != null) {
                next = Math.min(next, Math.max(now, microgrid.nextEventNs()));
            }
        }
        return next;
    }

    /** Switch states, instruments and island requests for this step; rebuilds the network once if needed. */
    private void change(Step step) {
        long now = step.now();
        if (microgrid != null) {
            microgrid.advance(now);
        }
        boolean rebuild = false;
        for (int i = 0; i < switchKeys.size(); i++) {
            boolean open = step.read(switchKeys.get(i)) > 0.5;
            Switchable e = switchElements.get(i);
            int t = switchTerminals[i];
            for (int k = 0; k < e.connection().terminals(); k++) {
                if ((t == 0 || t - 1 == k) && e.terminalOpen(k) != open) {
                    e.setTerminalOpen(k, open);
                    rebuild = true;
                    step.event(open ? "open" : "close", "element=" + e.name() + " terminal=" + (k + 1));
                }
            }
        }
        for (GridInstrument i : instruments) {
            rebuild |= i.beforeSolve(step, feeder);
        }
        if (rebuild) {
            feeder.simulation().rebuildNetwork();
        }
        if (microgrid != null) {
            boolean want = step.read(islandRequest) > 0.5;
            if (want != islandRequested) {
                islandRequested = want;
                if (want) {
                    microgrid.island(now, step::event);
                } else {
                    microgrid.requestReconnect(now, step::event);
                }
            }
        }
    }

    private void publishTopology(Step step) {
        Network net = feeder.network();
        double[] on = new double[n];
        double unserved = 0;
        for (int l = 0; l < n; l++) {
            boolean e = phaseNode[l] >= 0 && net.energised(phaseNode[l]);
            on[l] = e ? 1.0 : 0.0;
            if (!e) {
                unserved += drivers[l].load().nominalKw();
            }
        }
        lastUnservedKw = unserved;
        step.publish(energisedKey, on);
        step.publish(unservedKey, unserved);
        if (microgrid != null) {
            step.publish(islandedKey, microgrid.islanded() ? 1.0 : 0.0);
            step.publish(pccOpenKey, microgrid.pccOpen() ? 1.0 : 0.0);
            step.publish(batteryKwKey, microgrid.batteryKw());
            step.publish(batteryKvarKey, microgrid.batteryKvar());
            step.publish(socKey, microgrid.socPct());
            step.publish(frequencyKey, microgrid.frequencyHz());
        }
    }

    /** What the de-energised bound loads would have drawn at the last solution, kW. */
    public double lastUnservedKw() {
        return lastUnservedKw;
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
        // n x n doubles (222 MB for HPK11's 5,275 loads): only for a federate that publishes the matrix
        sensitivityVolts = sensitivityKey != null ? new double[n * n] : null;
        boundTo = net;
    }

    /**
     * The bound loads' voltages from the feeder's node voltages of this solution (which the summary
     * has computed: {@code PowerFlowSolver.voltage} gives the same numbers node by node, without a
     * lookup per node).
     */
    private double[] loadVoltagesPu() {
        double[] re = feeder.nodeVoltagesRe();
        double[] im = feeder.nodeVoltagesIm();
        double[] v = new double[n];
        for (int l = 0; l < n; l++) {
            int a = phaseNode[l];
            int b = refNode[l];
            double dr = (a < 0 ? 0.0 : re[a]) - (b < 0 ? 0.0 : re[b]);
            double di = (a < 0 ? 0.0 : im[a]) - (b < 0 ? 0.0 : im[b]);
            v[l] = Math.sqrt(dr * dr + di * di) * invNominal[l];
        }
        return v;
    }

    /** dV_i/dP_j in pu of load i's nominal per kW consumed at load j (the negative of an injection). */
    private double[] sensitivities() {
        VoltageSensitivity.matrix(feeder.simulation().solver(), phaseNode, sensitivityVolts, null, null);
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
