package io.packetgrid.grid.api;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.dss.ScriptMemo;
import io.packetgrid.grid.feeders.BundledFeeders;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Line;
import io.packetgrid.grid.model.Load;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.result.FlowAccounting;
import io.packetgrid.grid.result.FlowSummary;
import io.packetgrid.grid.result.GridResults;
import io.packetgrid.grid.result.Limits;
import io.packetgrid.grid.result.Loading;
import io.packetgrid.grid.result.NodeVoltage;
import io.packetgrid.grid.result.Violation;
import io.packetgrid.grid.result.VoltageSensitivity;
import io.packetgrid.grid.series.LoadDriver;
import io.packetgrid.grid.series.Simulation;
import io.packetgrid.grid.series.SolveMode;
import io.packetgrid.grid.solve.PowerFlowSolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A feeder for other modules: load it from an OpenDSS script, set load powers, solve, read
 * voltages, loadings, losses and violations, estimate voltage sensitivities, switch lines. One
 * {@code solve()} is one OpenDSS snapshot solution (with control iterations) at the feeder's
 * present time; loads follow their shapes for that time unless their power is set here.
 *
 * <p>Results of a solution (losses, source and load power, voltage range, loadings, violations) are
 * computed once per solution from cached element matrices ({@link FlowAccounting}) and shared by
 * the queries; {@link #summarize} reads them without allocating, for per-step use.
 *
 * <p>Not thread-safe: one feeder per thread (feeders are independent and cheap to load).
 */
public final class Feeder {
    private DssInterpreter dss;         // null once the script is dropped (dropScript)
    private Simulation dropped;         // the simulation, once the script is dropped
    private Map<String, double[]> droppedXy;   // the script's bus coordinates then (may be the first feeder's own map)
    private List<String> droppedWarnings;
    private Feeder first;               // loadCopy: the feeder it copies
    private Map<String, double[]> firstXy;     // loadFirst: its bus coordinates as read, for copies to share
    private Path scriptDir;
    private final Map<String, LoadDriver> loads = new LinkedHashMap<>();
    private final Map<String, Integer> loadPositions = new LinkedHashMap<>();
    private Limits limits = Limits.en50160();
    private Map<String, BusXy> coordinates;
    private Ders ders;
    private ScriptMemo memo;    // loadFirst: what copies may reuse

    // results of the last solution, computed on first query
    private FlowAccounting accounting;
    private final FlowSummary summary = new FlowSummary();
    private PowerFlowSolver accountedSolver;
    private long accountedSolution = -1;
    private double[] re = new double[0];
    private double[] im = new double[0];

    private Feeder(DssInterpreter dss) {
        this.dss = dss;
        index();
    }

    /**
     * Runs an OpenDSS script (its own solves included) and returns the feeder in its final state.
     *
     * @throws PacketGridException naming file:line for bad input
     */
    public static Feeder load(Path script) {
        DssInterpreter d = new DssInterpreter(null);
        d.run(script);
        d.simulation();
        Feeder f = new Feeder(d);
        f.scriptDir = script.toAbsolutePath().getParent();
        return f;
    }

    /**
     * Runs more OpenDSS commands on this feeder (paths relative to the script's folder), e.g. elements a
     * study adds; errors name {@code label} and the command's line.
     *
     * @throws PacketGridException naming label:line for bad input
     */
    public void runCommands(String commands, String label) {
        if (dss == null) {
            throw new IllegalStateException("the feeder's script was dropped (dropScript): no more commands");
        }
        dss.runText(commands, scriptDir, label);
        dss.simulation();
        index();
        accounting = null;
        accountedSolver = null;   // these three hold the network the commands replaced (all its elements)
        nodes = null;
        coordinates = null;
        ders = null;   // the commands may add PV systems or storage: a new simulation holds new drivers
    }

    /** Runs a script and then extra commands (e.g. {@code BatchEdit Load..* vmaxpu=1.5}) from the script's folder. */
    public static Feeder load(Path script, String extraCommands) {
        return load(new DssInterpreter(null), script, extraCommands);
    }

    /**
     * As {@link #load(Path, String)}, and remembers what runs of the same script with the same commands can reuse
     * ({@link #loadCopy}): the feeder a study reads once and then copies for its runs.
     */
    public static Feeder loadFirst(Path script, String extraCommands) {
        ScriptMemo memo = new ScriptMemo();
        DssInterpreter d = new DssInterpreter(null);
        d.recordInto(memo);
        Feeder f = load(d, script, extraCommands);
        f.memo = memo;
        return f;
    }

    /**
     * A copy of {@code first} (loaded by {@link #loadFirst} from the same script): runs {@code script} and
     * {@code extraCommands} (which start with the commands {@code first} ran) like {@link #load(Path, String)} and gives
     * the same feeder, bit for bit, with less work: where this run has executed exactly what {@code first}'s had, a
     * {@code Calcvoltagebases} takes the bases {@code first}'s computed, and a snapshot {@code Solve} that cannot write
     * anything back (no controls, storage or protective devices) and whose solution a later edit discards is left out
     * (see {@code DssInterpreter.reuse}).
     */
    public static Feeder loadCopy(Path script, String extraCommands, Feeder first) {
        if (first.memo == null) {
            throw new IllegalArgumentException("the first feeder was not loaded with loadFirst");
        }
        DssInterpreter d = new DssInterpreter(null);
        d.reuse(first.memo);
        Feeder f = load(d, script, extraCommands);
        f.first = first;
        return f;
    }

    /**
     * Drops the script interpreter behind this feeder: its definitions, parsed parameters, name maps and builder, which
     * nothing reads once the feeder is loaded (on a 272k-node network that is about a third of a copy's heap). The
     * feeder keeps its simulation (network, solver, drivers, monitors) in the state it has now and answers every query
     * as before, but can run no more commands ({@link #runCommands} then fails). A study calls this on each copy once it
     * has run the copy's last command.
     */
    public void dropScript() {
        if (dss == null) {
            return;
        }
        Simulation s = dss.simulation();   // settles a deferred Solve, builds the circuit if an edit left it stale
        droppedWarnings = List.copyOf(dss.warnings());
        Map<String, double[]> xy = dss.busCoordinatesView();
        Map<String, double[]> shared = first == null ? null : first.rawCoordinates();
        droppedXy = shared != null && sameCoordinates(xy, shared) ? shared : xy;   // a view of the dropped reader's map
        dropped = s;
        dss = null;
        first = null;
    }

    /** The script's bus coordinates as read (bus to {x, y}), read-only; shared with copies that read the same. */
    private synchronized Map<String, double[]> rawCoordinates() {
        if (dss == null) {
            return droppedXy;
        }
        if (firstXy == null) {
            firstXy = Collections.unmodifiableMap(new LinkedHashMap<>(dss.busCoordinatesView()));
        }
        return firstXy;
    }

    /** Same buses in the same order with the same coordinates, bit for bit. */
    private static boolean sameCoordinates(Map<String, double[]> a, Map<String, double[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        java.util.Iterator<Map.Entry<String, double[]>> ib = b.entrySet().iterator();
        for (Map.Entry<String, double[]> e : a.entrySet()) {
            Map.Entry<String, double[]> o = ib.next();
            if (!o.getKey().equals(e.getKey()) || !java.util.Arrays.equals(o.getValue(), e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static Feeder load(DssInterpreter d, Path script, String extraCommands) {
        d.run(script);
        Path dir = script.toAbsolutePath().getParent();
        d.runText(extraCommands, dir, "(api)");
        d.simulation();
        Feeder f = new Feeder(d);
        f.scriptDir = dir;
        return f;
    }

    /** The bundled IEEE European LV test feeder (55 households) as its Master.dss leaves it. */
    public static Feeder europeanLv() {
        return load(BundledFeeders.europeanLv());
    }

    private void index() {
        loads.clear();
        loadPositions.clear();
        for (LoadDriver d : sim().loads()) {
            String n = d.load().name();
            String key = n.substring(n.indexOf('.') + 1).toLowerCase(Locale.ROOT);
            loadPositions.put(key, loads.size());
            loads.put(key, d);
        }
    }

    private Simulation sim() {
        return dss != null ? dss.simulation() : dropped;
    }

    private PowerFlowSolver solver() {
        return sim().solver();
    }

    /** The underlying simulation (network, solver, monitors) for advanced use. */
    public Simulation simulation() {
        return sim();
    }

    /** Load names (lower case), in definition order. */
    public List<String> loadNames() {
        return List.copyOf(loads.keySet());
    }

    private LoadDriver driver(String load) {
        return sim().loads().get(loadIndex(load));
    }

    /**
     * Position of a load (name with or without {@code Load.}, any case) in {@link #loadNames()} and
     * in {@code simulation().loads()}: for callers that address loads by index every step.
     */
    public int loadIndex(String load) {
        String n = load.toLowerCase(Locale.ROOT);
        Integer i = loadPositions.get(n);
        if (i == null && n.startsWith("load.")) {
            i = loadPositions.get(n.substring(5));
        }
        if (i == null) {
            throw new PacketGridException("load " + load, "no such load in this feeder");
        }
        return i;
    }

    /** Sets a load's total power (kW, kvar) until cleared; replaces its load shape. */
    public void setLoadPower(String load, double kw, double kvar) {
        if (!Double.isFinite(kw) || !Double.isFinite(kvar)) {
            throw new PacketGridException("load " + load, "power must be finite");
        }
        driver(load).override(kw, kvar);
    }

    /** Sets a load's power (kW) with the kvar/kW ratio of its definition. */
    public void setLoadPower(String load, double kw) {
        LoadDriver d = driver(load);
        setLoadPower(load, kw, kw * d.kvarPerKw());
    }

    /** Adds power on top of what the load's shape (or setting) gives, e.g. a flexible device. */
    public void addLoadPower(String load, double kw, double kvar) {
        driver(load).extra(kw, kvar);
    }

    /** Returns a load to its script behaviour (shape for the present time). */
    public void clearLoadPower(String load) {
        LoadDriver d = driver(load);
        d.override(Double.NaN, Double.NaN);
        d.extra(0, 0);
    }

    /** The power the load draws at the last solution (kW, kvar), from its voltage law. */
    public double[] loadPower(String load) {
        Load l = driver(load).load();
        double[][] f = io.packetgrid.grid.result.ElementFlows.solve(solver(), l);
        double p = 0;
        double q = 0;
        for (int k = 0; k < f[0].length; k++) {
            p += f[0][k] * f[2][k] + f[1][k] * f[3][k];
            q += f[1][k] * f[2][k] - f[0][k] * f[3][k];
        }
        return new double[] {p / 1000.0, q / 1000.0};
    }

    /** Uses shapes of this mode for loads without a setting (snapshot: base power). */
    public void setMode(SolveMode mode) {
        sim().setMode(mode);
    }

    /** Sets the present time (hours from the start) for load shapes. */
    public void setTimeHours(double hours) {
        int h = (int) Math.floor(hours);
        sim().setTime(h, (hours - h) * 3600.0);
    }

    /** Solves at the present time; returns the fixed-point iterations used. */
    public int solve() {
        return sim().solveSnapshot();
    }

    /** Voltage magnitudes (V) at the load's phase conductors (phase to its neutral or phase to phase for delta). */
    public double[] loadVoltage(String load) {
        Load l = driver(load).load();
        double[][] f = io.packetgrid.grid.result.ElementFlows.solve(solver(), l);
        int nc = l.connection().conductors();
        double[] out = new double[l.phases()];
        for (int i = 0; i < l.phases(); i++) {
            int j = l.delta() ? (i + 1 >= nc ? 0 : i + 1) : nc - 1;
            out[i] = Math.hypot(f[0][i] - f[0][j], f[1][i] - f[1][j]);
        }
        return out;
    }

    /** Load voltage in per unit of the EN 50160 nominal (230 V) for 230 V loads, else of the load's rated voltage. */
    public double[] loadVoltagePu(String load) {
        double[] v = loadVoltage(load);
        double nominal = loadNominalV(load);
        for (int i = 0; i < v.length; i++) {
            v[i] /= nominal;
        }
        return v;
    }

    /**
     * The voltage (V) a load's per-unit voltage is taken of: the EN 50160 nominal (230 V) for a wye
     * load rated within 15 % of it on an LV system, else the load's own rated phase voltage.
     */
    public double loadNominalV(String load) {
        Load l = driver(load).load();
        return !l.delta() && l.vbase() <= limits.lvMaxKv() * 1000.0
                && Math.abs(l.vbase() / limits.lvNominalV() - 1.0) <= 0.15 ? limits.lvNominalV() : l.vbase();
    }

    /**
     * A load's nominal power as last set for a solution, kW: its {@code kW=} by its shape and load multiplier (or
     * its setting), plus added power.
     */
    public double loadNominalKw(String load) {
        return driver(load).load().nominalKw();
    }

    /** Bus of a load (lower case). */
    public String loadBus(String load) {
        return driver(load).load().connection().buses()[0];
    }

    /** {min, max} phase voltage over all nodes, pu of nominal (EN 50160 230 V for LV nodes). */
    public double[] voltageRangePu() {
        accounted();
        return new double[] {summary.vMinPu(), summary.vMaxPu()};
    }

    public List<NodeVoltage> voltages() {
        return GridResults.voltages(solver());
    }

    /** Closed lines: worst conductor current at either end against normamps. */
    public List<Loading> lineLoadings() {
        return accounted().lineLoadings();
    }

    /** Transformers: largest terminal apparent power against that winding's kVA. */
    public List<Loading> transformerLoadings() {
        return accounted().transformerLoadings();
    }

    /** Losses in the delivery elements (kW). */
    public double lossesKw() {
        accounted();
        return summary.lossesKw();
    }

    /** Power from the sources (kW, kvar). */
    public double[] sourcePowerKw() {
        accounted();
        return new double[] {summary.sourceKw(), summary.sourceKvar()};
    }

    /** Power drawn by all loads at their solved voltages, minus what generators and PV inject (kW, kvar). */
    public double[] loadsPowerKw() {
        accounted();
        return new double[] {summary.loadsKw(), summary.loadsKvar()};
    }

    /** The feeder-wide figures of the last solution (a snapshot; see {@link #summarize} for per-step use). */
    public FlowSummary summary() {
        accounted();
        return summary.copy();
    }

    /** Copies the feeder-wide figures of the last solution into {@code out} (no allocation after the first call of a solution). */
    public void summarize(FlowSummary out) {
        accounted();
        out.set(summary);
    }

    /**
     * The result cache for the present solution: node voltages into {@code re}/{@code im} (one sparse
     * substitution) and one pass over the elements, once per solution and limits.
     */
    private FlowAccounting accounted() {
        PowerFlowSolver s = solver();
        Network net = s.network();
        if (accounting == null || accounting.network() != net || accounting.limits() != limits) {
            accounting = new FlowAccounting(net, limits);
            re = new double[net.nodeCount()];
            im = new double[net.nodeCount()];
            accountedSolver = null;
        }
        if (accountedSolver != s || accountedSolution != s.solutions()) {
            s.voltages(re, im);
            accounting.summarize(re, im, summary);
            accountedSolver = s;
            accountedSolution = s.solutions();
        }
        return accounting;
    }

    /**
     * All node voltages of the last solution (volts, real and imaginary parts, system node order of
     * {@link #network()}) into {@code re}/{@code im}, without allocating.
     */
    public void nodeVoltages(double[] re, double[] im) {
        accounted();
        System.arraycopy(this.re, 0, re, 0, this.re.length);
        System.arraycopy(this.im, 0, im, 0, this.im.length);
    }

    /**
     * {@link #nodeVoltages} without the copy: the feeder's own arrays of the last solution's node voltages
     * (volts, real part), shared and overwritten at the next solution; read only. For a per-step reader of
     * every node on a large network, where the copy would cost as much as the reading.
     */
    public double[] nodeVoltagesRe() {
        accounted();
        return re;
    }

    /** The imaginary parts beside {@link #nodeVoltagesRe} (shared, read only). */
    public double[] nodeVoltagesIm() {
        accounted();
        return im;
    }

    public void setLimits(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /** Violations of the last solution: nodes outside the voltage band, lines above normamps, transformers above kVA. */
    public List<Violation> violations() {
        return accounted().violations(re, im);
    }

    /**
     * Estimated change of the voltage magnitude at {@code atLoad}'s first phase per kW injected at
     * {@code injectAtLoad}'s first phase (V/kW, positive: injection raises the voltage), from the
     * factorised network at the last solution: {@code dV_i = Re(Z_ij conj(dI_j) ...)} with
     * {@code dI_j = 1 kW / conj(V_j)} and the projection on the direction of {@code V_i}. Z includes the
     * loads' linearisation admittances, so it is the sensitivity with the other loads as impedances.
     */
    public double voltageSensitivity(String atLoad, String injectAtLoad) {
        int i = phaseNode(atLoad);
        int j = phaseNode(injectAtLoad);
        PowerFlowSolver s = solver();
        double[] vi = new double[2];
        double[] vj = new double[2];
        s.voltage(i, vi);
        s.voltage(j, vj);
        double[] z = new double[2];
        s.transferImpedance(i, j, z);
        return VoltageSensitivity.voltsPerKw(z[0], z[1], vi[0], vi[1], vj[0], vj[1]);
    }

    /**
     * {@link #voltageSensitivity(String, String)} among several loads at once: row-major
     * {@code out[i n + j]} = V at load i per kW injected at load j (n = {@code loads.size()}), from
     * the reduced operator or one substitution per column.
     */
    public double[] voltageSensitivityMatrix(List<String> loads) {
        int n = loads.size();
        int[] nodes = new int[n];
        for (int k = 0; k < n; k++) {
            nodes[k] = phaseNode(loads.get(k));
        }
        double[] out = new double[n * n];
        VoltageSensitivity.matrix(solver(), nodes, out, null, null);   // restricted substitutions: no full-length columns
        return out;
    }

    /** Self sensitivity (V per kW injected at the load's own node). */
    public double voltageSensitivity(String load) {
        return voltageSensitivity(load, load);
    }

    private int phaseNode(String load) {
        Load l = driver(load).load();
        int[] nodes = sim().network().nodesOf(l);
        for (int n : nodes) {
            if (n >= 0) {
                return n;
            }
        }
        throw new PacketGridException("load " + load, "is not connected to any node");
    }

    /**
     * Opens or closes one terminal (1-based) of a switchable element ({@code Line.X}, {@code Transformer.X};
     * a bare name is a line), or every terminal with {@code terminal = 0}, as OpenDSS's {@code Open} and
     * {@code Close}; rebuilds the network (parts cut off from every source are de-energised).
     */
    public void setOpen(String element, int terminal, boolean open) {
        io.packetgrid.grid.model.Switchable e = io.packetgrid.grid.island.Microgrid.element(network(), element);
        if (terminal < 0 || terminal > e.connection().terminals()) {
            throw new PacketGridException(e.name(), "has no terminal " + terminal);
        }
        boolean changed = false;
        for (int t = 0; t < e.connection().terminals(); t++) {
            if ((terminal == 0 || terminal - 1 == t) && e.terminalOpen(t) != open) {
                e.setTerminalOpen(t, open);
                changed = true;
            }
        }
        if (changed) {
            sim().rebuildNetwork();
        }
    }

    /** Opens or closes a line or switch ({@code Line.name} or just the name); refactors the network. */
    public void setSwitch(String line, boolean open) {
        String full = line.toLowerCase(Locale.ROOT).startsWith("line.") ? line : "Line." + line;
        CircuitElement e = GridResults.element(sim().network(), full);
        if (!(e instanceof Line l)) {
            throw new PacketGridException(full, "no such line in this feeder");
        }
        if (l.isOpen() != open) {
            l.setOpen(open);
            sim().rebuildNetwork();
        }
    }

    /**
     * Bus coordinates from the script's {@code BusCoords} files (OpenDSS format: bus, x, y), for the
     * buses of this feeder, keyed by lower-case bus name in file order; empty without such a file.
     * Unlike OpenDSS, which keeps only buses that exist when the command runs, any bus of the final
     * circuit counts wherever the command appears.
     */
    public Map<String, BusXy> busCoordinates() {
        if (coordinates == null) {
            Map<String, BusXy> m = new LinkedHashMap<>();
            Network net = network();
            Map<String, double[]> xy = dss != null ? dss.busCoordinates() : droppedXy;
            for (Map.Entry<String, double[]> e : xy.entrySet()) {
                if (net.bus(e.getKey()) >= 0) {
                    m.put(e.getKey(), new BusXy(e.getValue()[0], e.getValue()[1]));
                }
            }
            coordinates = Collections.unmodifiableMap(m);
        }
        return coordinates;
    }

    /** Coordinates of a bus (any case), or null when the feeder has none for it. */
    public BusXy busXy(String bus) {
        return busCoordinates().get(bus.toLowerCase(Locale.ROOT));
    }

    /** The feeder's PV systems and storage units: weather, dispatch and limits for a co-simulation. */
    public Ders ders() {
        if (ders == null) {
            ders = new Ders(sim());
        }
        return ders;
    }

    /**
     * Ends a time step of {@code hours} at the last solution (OpenDSS EndOfTimeStepCleanup): storage
     * units' energy moves by their solved power over it and inverter controls update their memories.
     * Script time-series runs do this themselves; a caller that solves snapshots at its own pace calls
     * it once per step, after the solution whose power held over those hours.
     */
    public void finishTimeStep(double hours) {
        if (!(hours >= 0 && Double.isFinite(hours))) {
            throw new PacketGridException("time step", "must be finite and >= 0 hours, got " + hours);
        }
        sim().finishTimeStep(hours);
    }

    /** Network for low-level queries (buses, nodes). */
    public Network network() {
        return sim().network();
    }

    /** The present network's buses and nodes (a new view after a topology change). */
    public Nodes nodes() {
        Network n = network();
        if (nodes == null || !nodes.isOf(n)) {
            nodes = new Nodes(n);
        }
        return nodes;
    }

    private Nodes nodes;

    /** The element of this name ({@code Class.name}, any case), or null. */
    public ElementInfo element(String fullName) {
        CircuitElement e = GridResults.element(network(), fullName);
        return e == null ? null : info(e);
    }

    /** Every load, in the order of {@link #loadNames()} and {@code simulation().loads()}. */
    public List<ElementInfo> loadElements() {
        return sim().loads().stream().map(d -> info(d.load())).toList();
    }

    /** The power-delivery elements (lines, transformers, reactors, faults), in the present network's order. */
    public List<ElementInfo> deliveryElements() {
        return network().deliveries().stream().map(Feeder::info).toList();
    }

    /** The sources (voltage sources, grid-forming units), in the present network's order. */
    public List<ElementInfo> sourceElements() {
        return network().sources().stream().map(Feeder::info).toList();
    }

    private static ElementInfo info(CircuitElement e) {
        return new ElementInfo(e.name(), e instanceof io.packetgrid.grid.model.Switchable, List.of(e.connection().buses()), e.phases(),
                java.util.Arrays.stream(e.connection().nodes()[0]).boxed().toList());
    }

    /**
     * Opens or closes every terminal of a switchable element ({@code Class.name}) without rebuilding the network,
     * for a caller that changes several and then rebuilds once ({@code simulation().rebuildNetwork()});
     * {@link #setOpen} rebuilds at once.
     *
     * @return false if there is no such element or it cannot be opened and closed (not a line, switch or transformer)
     */
    public boolean setTerminalsOpen(String element, boolean open) {
        if (!(GridResults.element(network(), element) instanceof io.packetgrid.grid.model.Switchable sw)) {
            return false;
        }
        for (int t = 0; t < sw.connection().terminals(); t++) {
            sw.setTerminalOpen(t, open);
        }
        return true;
    }

    /** Puts a generator ({@code Generator.name}) in or out of service; the caller rebuilds the network. */
    public void setGeneratorEnabled(String generator, boolean enabled) {
        if (!(GridResults.element(network(), generator) instanceof io.packetgrid.grid.model.Generator g)) {
            throw new PacketGridException(generator, "no such generator in this feeder");
        }
        g.setEnabled(enabled);
    }

    /** Holds a generator ({@code Generator.name}) driven by this feeder's simulation at this power until cleared (kW, kvar). */
    public void overrideGeneratorPower(String generator, double kw, double kvar) {
        for (io.packetgrid.grid.series.InjectionDriver d : sim().injections()) {
            if (d.generator().name().equalsIgnoreCase(generator)) {
                d.override(kw, kvar);
                return;
            }
        }
        throw new PacketGridException("dg " + generator, "is not driven by this feeder's simulation");
    }

    /** The largest transformer's rating (its first winding's), kVA; 0 without a transformer. */
    public double largestTransformerKva() {
        return network().deliveries().stream().filter(d -> d instanceof io.packetgrid.grid.model.Transformer)
                .mapToDouble(d -> ((io.packetgrid.grid.model.Transformer) d).winding(0).kva()).max().orElse(0);
    }

    /** Load shapes' names of loads and elements, for diagnostics. */
    public List<String> warnings() {
        return new ArrayList<>(dss != null ? dss.warnings() : droppedWarnings);
    }
}
