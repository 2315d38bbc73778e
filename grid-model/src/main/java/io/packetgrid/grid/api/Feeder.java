package io.packetgrid.grid.api;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.feeders.BundledFeeders;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Line;
import io.packetgrid.grid.model.Load;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.result.GridResults;
import io.packetgrid.grid.result.Limits;
import io.packetgrid.grid.result.Loading;
import io.packetgrid.grid.result.NodeVoltage;
import io.packetgrid.grid.result.Violation;
import io.packetgrid.grid.series.LoadDriver;
import io.packetgrid.grid.series.Simulation;
import io.packetgrid.grid.series.SolveMode;
import io.packetgrid.grid.solve.PowerFlowSolver;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * <p>Not thread-safe: one feeder per thread (feeders are independent and cheap to load).
 */
public final class Feeder {
    private final DssInterpreter dss;
    private final Map<String, LoadDriver> loads = new LinkedHashMap<>();
    private Limits limits = Limits.en50160();

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
        return new Feeder(d);
    }

    /** Runs a script and then extra commands (e.g. {@code BatchEdit Load..* vmaxpu=1.5}) from the script's folder. */
    public static Feeder load(Path script, String extraCommands) {
        DssInterpreter d = new DssInterpreter(null);
        d.run(script);
        Path dir = script.toAbsolutePath().getParent();
        d.runText(extraCommands, dir, "(api)");
        d.simulation();
        return new Feeder(d);
    }

    /** The bundled IEEE European LV test feeder (55 households) as its Master.dss leaves it. */
    public static Feeder europeanLv() {
        return load(BundledFeeders.europeanLv());
    }

    private void index() {
        loads.clear();
        for (LoadDriver d : sim().loads()) {
            String n = d.load().name();
            loads.put(n.substring(n.indexOf('.') + 1).toLowerCase(Locale.ROOT), d);
        }
    }

    private Simulation sim() {
        return dss.simulation();
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
        LoadDriver d = loads.get(load.toLowerCase(Locale.ROOT));
        if (d == null) {
            throw new PacketGridException("load " + load, "no such load in this feeder");
        }
        return d;
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
        Load l = driver(load).load();
        double[] v = loadVoltage(load);
        double nominal = !l.delta() && l.vbase() <= limits.lvMaxKv() * 1000.0
                && Math.abs(l.vbase() / limits.lvNominalV() - 1.0) <= 0.15 ? limits.lvNominalV() : l.vbase();
        for (int i = 0; i < v.length; i++) {
            v[i] /= nominal;
        }
        return v;
    }

    /** Bus of a load (lower case). */
    public String loadBus(String load) {
        return driver(load).load().connection().buses()[0];
    }

    /** {min, max} phase voltage over all nodes, pu of nominal (EN 50160 230 V for LV nodes). */
    public double[] voltageRangePu() {
        return GridResults.voltageRangePu(solver(), limits);
    }

    public List<NodeVoltage> voltages() {
        return GridResults.voltages(solver());
    }

    public List<Loading> lineLoadings() {
        return GridResults.lineLoadings(solver());
    }

    public List<Loading> transformerLoadings() {
        return GridResults.transformerLoadings(solver());
    }

    /** Losses in the delivery elements (kW). */
    public double lossesKw() {
        return GridResults.losses(solver())[0] / 1000.0;
    }

    /** Power from the sources (kW, kvar). */
    public double[] sourcePowerKw() {
        double[] s = GridResults.sourcePower(solver());
        return new double[] {s[0] / 1000.0, s[1] / 1000.0};
    }

    public void setLimits(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    public List<Violation> violations() {
        return GridResults.violations(solver(), limits);
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
        // dI = 1000 / conj(Vj) = 1000 Vj / |Vj|^2
        double den = vj[0] * vj[0] + vj[1] * vj[1];
        double dir = 1000.0 * vj[0] / den;
        double dii = 1000.0 * vj[1] / den;
        double dvr = z[0] * dir - z[1] * dii;
        double dvi = z[0] * dii + z[1] * dir;
        double m = Math.hypot(vi[0], vi[1]);
        return (dvr * vi[0] + dvi * vi[1]) / m;
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

    /** Network for low-level queries (buses, nodes). */
    public Network network() {
        return sim().network();
    }

    /** Load shapes' names of loads and elements, for diagnostics. */
    public List<String> warnings() {
        return new ArrayList<>(dss.warnings());
    }
}
