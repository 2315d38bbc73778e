package io.packetgrid.grid.island;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.GridFormingSource;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.model.OpenConductors;
import io.packetgrid.grid.model.StorageUnit;
import io.packetgrid.grid.model.Switchable;
import io.packetgrid.grid.result.ElementFlows;
import io.packetgrid.grid.series.Simulation;
import io.packetgrid.grid.solve.PowerFlowSolver;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * A feeder that can run as a micro-grid: a point of common coupling (one terminal of a switchable element,
 * the island side) and a grid-forming storage unit inside it.
 *
 * <ul>
 *   <li><b>Island.</b> Opening the PCC puts the unit in service as the island's voltage source
 *       ({@link GridFormingSource}), its EMF at the set voltage and at the angle the bus had on the grid;
 *       the power flow then solves the island with the unit as its slack.</li>
 *   <li><b>Limits.</b> After each solution the unit's active power must stay within {@code kWrated} and its
 *       phase currents within the kVA rating (OpenDSS Storage.pas CheckOLInverter: kVA / phases / V); its
 *       stored energy, integrated between solutions ({@code E -= P dt / η_discharge}, {@code E += |P| dt
 *       η_charge}, Storage.pas UpdateStorage), must stay above its reserve, where OpenDSS turns a GFM unit
 *       off. Past any of them the island collapses: the unit stops and everything behind the PCC is
 *       de-energised until reconnection.</li>
 *   <li><b>Frequency.</b> The unit runs on a P–f droop, {@code f = f0 (1 − droop · P / P_rated)}; the island's
 *       angle against the grid advances by {@code 360 (f − f0)} degrees per second.</li>
 *   <li><b>Reconnection.</b> An energised island is paralleled only through the synchronism check
 *       ({@link SynchronismCheck}): the unit first matches the grid-side voltage magnitude (its EMF within
 *       {@code maxEmfPu}), then slips its frequency by {@code syncSlipHz} towards the grid's angle; the PCC
 *       closes when the measured differences across it (positive sequence, phase to neutral; the grid side
 *       is the open terminal's floating voltage, {@link OpenConductors#floatingVoltages}) are in the window. A
 *       collapsed (dead) island is closed at once.</li>
 * </ul>
 * Quasi-static: the differences are those of the power-flow solutions at the times the federate solves.
 */
public final class Microgrid {

    /** Where the micro-grid is. */
    public enum State { CONNECTED, ISLANDED, SYNCHRONISING, COLLAPSED }

    /**
     * @param pcc          the PCC element ({@code Line.X}, {@code Transformer.X}; a bare name is a line)
     * @param pccTerminal  its terminal on the island side, 1-based
     * @param vSetPu       the unit's EMF in the island, pu of its rated voltage
     * @param droopPct     frequency drop at rated discharge, % of nominal
     * @param nominalHz    the grid's frequency
     * @param syncSlipHz   the frequency offset the unit slips by while synchronising
     * @param maxEmfPu     the largest EMF the unit can set when matching the grid's voltage
     * @param window       the synchronism window (IEEE 1547-2018 for the unit's kVA unless given)
     */
    public record Settings(String pcc, int pccTerminal, double vSetPu, double droopPct, double nominalHz, double syncSlipHz,
                           double maxEmfPu, SynchronismCheck.Window window) {
        public Settings {
            if (pccTerminal < 1) {
                throw new IllegalArgumentException("pcc terminal is 1-based");
            }
            if (!(vSetPu > 0) || !(maxEmfPu >= vSetPu) || !(droopPct >= 0) || !(nominalHz > 0) || !(syncSlipHz > 0)) {
                throw new IllegalArgumentException("island settings: v_set_pu > 0, max_emf_pu ≥ v_set_pu, droop ≥ 0, slip > 0");
            }
        }

        /** Defaults: 1.0 pu, 1 % droop, 50 Hz, 0.1 Hz slip, EMF up to 1.1 pu, the IEEE 1547 window for {@code kva}. */
        public static Settings of(String pcc, int pccTerminal, double kva) {
            return new Settings(pcc, pccTerminal, 1.0, 1.0, 50.0, 0.1, 1.1, SynchronismCheck.ieee1547(kva));
        }
    }

    private final Simulation sim;
    private final Switchable pcc;
    private final int terminal;
    private final GridFormingSource unit;
    private final StorageUnit store;
    private final Settings s;
    private final double initialKwh;
    private State state = State.CONNECTED;
    private long lastNs;
    private double batteryKw;
    private double batteryKvar;
    private double maxPhaseA;
    private double frequencyHz;
    private double angleDeg;          // EMF angle of phase 1 (degrees)
    private long closeAtNs = Long.MAX_VALUE;
    private int matching;             // voltage-matching iterations left; 0 = matched
    private boolean refusalLogged;
    private boolean fullLogged;
    private double lastDvPct = Double.NaN;
    private double lastDthetaDeg = Double.NaN;

    /**
     * Binds a micro-grid to a simulation whose network holds the unit (added with
     * {@link Simulation#addElement}) and the PCC; resets the PCC to closed, the unit to grid-following and its
     * stored energy to {@code initialKwh}.
     *
     * @throws PacketGridException naming the PCC when it is not a switchable element of the feeder
     */
    public Microgrid(Simulation sim, GridFormingSource unit, Settings settings, double initialKwh) {
        this.sim = sim;
        this.unit = unit;
        this.store = unit.unit();
        this.s = settings;
        this.initialKwh = initialKwh;
        this.pcc = element(sim.network(), settings.pcc());
        if (settings.pccTerminal() > pcc.connection().terminals()) {
            throw new PacketGridException("pcc " + settings.pcc(), "has " + pcc.connection().terminals() + " terminals, not "
                    + settings.pccTerminal());
        }
        this.terminal = settings.pccTerminal() - 1;
        reset();
    }

    /** The switchable element of this name ({@code Class.name}; a bare name is a line). */
    public static Switchable element(Network net, String name) {
        String full = name.contains(".") ? name : "Line." + name;
        for (CircuitElement e : net.elements()) {
            if (e.name().equalsIgnoreCase(full)) {
                if (e instanceof Switchable sw) {
                    return sw;
                }
                throw new PacketGridException("pcc " + name, e.name() + " cannot be opened (a line, switch or transformer can)");
            }
        }
        throw new PacketGridException("pcc " + name, "no element " + full + " in the feeder");
    }

    /** Back to the start: PCC closed, unit not forming, stored energy at its initial value. */
    public void reset() {
        boolean changed = pcc.terminalOpen(terminal) || unit.forming();
        pcc.setTerminalOpen(terminal, false);
        unit.setForming(false);
        store.setKwhStored(initialKwh);
        state = State.CONNECTED;
        lastNs = 0;
        batteryKw = 0;
        batteryKvar = 0;
        frequencyHz = s.nominalHz();
        closeAtNs = Long.MAX_VALUE;
        matching = 0;
        refusalLogged = false;
        fullLogged = false;
        if (changed) {
            sim.rebuildNetwork();
        }
    }

    public State state() {
        return state;
    }

    /** Running as an energised island (also while synchronising). */
    public boolean islanded() {
        return state == State.ISLANDED || state == State.SYNCHRONISING;
    }

    /** Whether the PCC is open (an island, alive or dead). */
    public boolean pccOpen() {
        return state != State.CONNECTED;
    }

    /** Active power the unit delivers, kW (negative: charging); 0 when it does not form. */
    public double batteryKw() {
        return batteryKw;
    }

    public double batteryKvar() {
        return batteryKvar;
    }

    /** The island's frequency (the grid's when connected), Hz. */
    public double frequencyHz() {
        return frequencyHz;
    }

    public double socPct() {
        return store.socPct();
    }

    public GridFormingSource unit() {
        return unit;
    }

    public Switchable pcc() {
        return pcc;
    }

    /** The last measured voltage and angle differences across the open PCC (% and degrees), NaN if none. */
    public double[] lastDifferences() {
        return new double[] {lastDvPct, lastDthetaDeg};
    }

    /** The next time something happens by itself: the reserve reached, or the planned closing. */
    public long nextEventNs() {
        long t = closeAtNs;
        if (islanded() && batteryKw > 0) {
            double hours = (store.kwhStored() - store.kwhReserve()) * store.dischargeEfficiency() / batteryKw;
            double ns = Math.ceil(Math.max(0, hours) * 3.6e12);
            if (ns < Long.MAX_VALUE - lastNs) {   // else: not within any run
                t = Math.min(t, lastNs + (long) ns);
            }
        }
        return t;
    }

    /**
     * Integrates the stored energy and the island's angle from the last call to {@code nowNs} with the
     * power and frequency of the last solution.
     */
    public void advance(long nowNs) {
        double dtS = (nowNs - lastNs) / 1e9;
        lastNs = nowNs;
        if (dtS <= 0 || !islanded()) {
            return;
        }
        double e = store.kwhStored();
        double h = dtS / 3600.0;
        if (batteryKw >= 0) {
            e -= batteryKw * h / store.dischargeEfficiency();
        } else {
            e += -batteryKw * h * store.chargeEfficiency();
        }
        store.setKwhStored(Math.min(store.kwhRated(), e));
        angleDeg = SynchronismCheck.wrap(angleDeg + 360.0 * (frequencyHz - s.nominalHz()) * dtS);
        unit.setEmf(unit.emfPu(), angleDeg);
    }

    /**
     * Opens the PCC: the unit forms the island (or, with no energy above its reserve, the island is dead
     * at once). Call after {@link #advance} and before solving.
     */
    public void island(long nowNs, BiConsumer<String, String> log) {
        if (state != State.CONNECTED) {
            return;
        }
        double[] v = sideVoltages();
        angleDeg = v == null || !Double.isFinite(v[0] + v[1]) ? 0.0 : Math.toDegrees(Math.atan2(v[1], v[0]));
        pcc.setTerminalOpen(terminal, true);
        unit.setEmf(s.vSetPu(), angleDeg);
        if (store.kwhStored() <= store.kwhReserve() + 1e-9 * store.kwhRated()) {
            state = State.COLLAPSED;
            log.accept("island", "pcc=" + pcc.name() + " unit=" + store.name() + " dead=true reason=reserve");
        } else {
            unit.setForming(true);
            state = State.ISLANDED;
            log.accept("island", String.format(Locale.ROOT, "pcc=%s unit=%s v_pu=%.3f soc_pct=%.1f", pcc.name(), store.name(),
                    s.vSetPu(), store.socPct()));
        }
        frequencyHz = s.nominalHz();
        lastNs = nowNs;
        sim.rebuildNetwork();
    }

    /**
     * Asks to reconnect: a dead island closes at once; a live one starts synchronising (voltage match, then
     * frequency slip) and closes once the check passes. Call after {@link #advance} and before solving.
     */
    public void requestReconnect(long nowNs, BiConsumer<String, String> log) {
        if (state == State.COLLAPSED) {
            close(log, "dead_island=true");
            return;
        }
        if (state != State.ISLANDED) {
            return;
        }
        state = State.SYNCHRONISING;
        matching = 4;
        refusalLogged = false;
        closeAtNs = Long.MAX_VALUE;
        log.accept("synchronising", "pcc=" + pcc.name() + " step=voltage_match");
    }

    /**
     * After a solution: reads the unit's power, checks its limits (collapsing the island past them) and, while
     * synchronising, matches the voltage, plans the closing and closes when the check passes.
     *
     * @return true when the network changed and must be solved again at this time
     */
    public boolean afterSolve(long nowNs, BiConsumer<String, String> log) {
        if (!islanded()) {
            batteryKw = 0;
            batteryKvar = 0;
            frequencyHz = s.nominalHz();
            return false;
        }
        PowerFlowSolver solver = sim.solver();
        double[][] f = ElementFlows.solve(solver, unit);
        double p = 0;
        double q = 0;
        maxPhaseA = 0;
        for (int k = 0; k < 3; k++) {
            p += f[0][k] * f[2][k] + f[1][k] * f[3][k];
            q += f[1][k] * f[2][k] - f[0][k] * f[3][k];
            maxPhaseA = Math.max(maxPhaseA, Math.hypot(f[2][k], f[3][k]));
        }
        batteryKw = -p / 1000.0;
        batteryKvar = -q / 1000.0;
        String why = limitBreached();
        if (why != null) {
            collapse(log, why);
            return true;
        }
        if (store.kwhStored() >= store.kwhRated() && batteryKw < 0 && !fullLogged) {
            fullLogged = true;
            log.accept("storage_full", "unit=" + store.name() + String.format(Locale.ROOT, " surplus_kw=%.1f", -batteryKw));
        }
        if (state == State.ISLANDED) {
            frequencyHz = s.nominalHz() * (1 - s.droopPct() / 100.0 * batteryKw / store.kwRated());
            return false;
        }
        return synchronise(nowNs, log);
    }

    private String limitBreached() {
        if (batteryKw > store.kwRated() * (1 + 1e-9)) {
            return String.format(Locale.ROOT, "reason=power kw=%.1f limit_kw=%.1f", batteryKw, store.kwRated());
        }
        if (-batteryKw > store.kwRated() * (1 + 1e-9)) {
            return String.format(Locale.ROOT, "reason=power kw=%.1f limit_kw=%.1f", batteryKw, -store.kwRated());
        }
        double maxA = store.kvaRated() * 1000.0 / 3.0 / unit.nominalLnV();
        if (maxPhaseA > maxA * (1 + 1e-9)) {
            return String.format(Locale.ROOT, "reason=current phase_a=%.1f limit_a=%.1f", maxPhaseA, maxA);
        }
        if (store.kwhStored() <= store.kwhReserve() + 1e-9 * store.kwhRated()) {
            return String.format(Locale.ROOT, "reason=reserve kwh=%.1f", store.kwhReserve());
        }
        return null;
    }

    private void collapse(BiConsumer<String, String> log, String why) {
        if (store.kwhStored() < store.kwhReserve()) {
            store.setKwhStored(store.kwhReserve());   // it stops there (the integration step may overshoot by rounding)
        }
        unit.setForming(false);
        state = State.COLLAPSED;
        batteryKw = 0;
        batteryKvar = 0;
        closeAtNs = Long.MAX_VALUE;
        log.accept("island_collapse", "pcc=" + pcc.name() + " unit=" + store.name() + " " + why);
        sim.rebuildNetwork();
    }

    private boolean synchronise(long nowNs, BiConsumer<String, String> log) {
        double[] d = differences();
        lastDvPct = d[0];
        lastDthetaDeg = d[1];
        if (matching > 0) {
            matching--;
            double target = unit.emfPu() / (1 + d[0] / 100.0);   // island / grid = 1 + ΔV
            double emf = Math.min(s.maxEmfPu(), Math.max(2 * s.vSetPu() - s.maxEmfPu(), target));
            if (Math.abs(emf - unit.emfPu()) > 1e-7 && matching > 0) {
                unit.setEmf(emf, angleDeg);
                return true;
            }
            matching = 0;
            // slip towards the grid's angle: an island ahead (Δθ > 0) runs slower
            double slip = d[1] > 0 ? -s.syncSlipHz() : s.syncSlipHz();
            frequencyHz = s.nominalHz() + slip;
            closeAtNs = nowNs + Math.round(Math.abs(d[1]) / (360.0 * s.syncSlipHz()) * 1e9);
            if (closeAtNs > nowNs) {
                return false;
            }
        }
        if (nowNs < closeAtNs) {
            return false;
        }
        double df = frequencyHz - s.nominalHz();
        if (s.window().accepts(df, d[0], d[1])) {
            close(log, String.format(Locale.ROOT, "dead_island=false df_hz=%.3f dv_pct=%.2f dtheta_deg=%.2f", df, d[0], d[1]));
            return true;
        }
        if (!refusalLogged) {
            refusalLogged = true;
            log.accept("reconnect_refused", String.format(Locale.ROOT, "pcc=%s df_hz=%.3f dv_pct=%.2f dtheta_deg=%.2f refused=\"%s\"",
                    pcc.name(), df, d[0], d[1], s.window().refusal(df, d[0], d[1])));
        }
        // keep slipping: the next chance is a turn of the angle away, or the next solution
        closeAtNs = nowNs + Math.round(1e9 / s.syncSlipHz());
        return false;
    }

    private void close(BiConsumer<String, String> log, String how) {
        pcc.setTerminalOpen(terminal, false);
        unit.setForming(false);
        state = State.CONNECTED;
        batteryKw = 0;
        batteryKvar = 0;
        frequencyHz = s.nominalHz();
        closeAtNs = Long.MAX_VALUE;
        log.accept("reconnect", "pcc=" + pcc.name() + " " + how);
        sim.rebuildNetwork();
    }

    /** {ΔV in % of the grid side, Δθ in degrees} across the open PCC, island side minus grid side. */
    public double[] differences() {
        double[] island = sideVoltages();
        double[] grid = gridSideVoltages();
        if (island == null || grid == null) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mi = Math.hypot(island[0], island[1]);
        double mg = Math.hypot(grid[0], grid[1]);
        double dv = 100.0 * (mi - mg) / mg;
        double dth = SynchronismCheck.wrap(Math.toDegrees(Math.atan2(island[1], island[0]) - Math.atan2(grid[1], grid[0])));
        return new double[] {dv, dth};
    }

    /** Positive-sequence phase-to-neutral voltage at the PCC terminal's bus (the island side), or null. */
    private double[] sideVoltages() {
        double[][] f = ElementFlows.solve(sim.solver(), pcc);
        int nc = pcc.connection().conductors();
        double[] vr = new double[nc];
        double[] vi = new double[nc];
        for (int k = 0; k < nc; k++) {
            vr[k] = f[0][terminal * nc + k];
            vi[k] = f[1][terminal * nc + k];
        }
        return positiveSequence(vr, vi);
    }

    /** The same on the grid side: the open terminal's floating voltages from the element's other terminals. */
    private double[] gridSideVoltages() {
        int m = pcc.connection().order();
        int nc = pcc.connection().conductors();
        double[] yr = new double[m * m];
        double[] yi = new double[m * m];
        pcc.closedPrimitiveY(yr, yi);
        double[][] f = ElementFlows.solve(sim.solver(), pcc);
        boolean[] open = new boolean[m];
        for (int k = 0; k < m; k++) {
            open[k] = k / nc == terminal;
        }
        double[] vr = f[0].clone();
        double[] vi = f[1].clone();
        if (!OpenConductors.floatingVoltages(yr, yi, open, vr, vi)) {
            return null;
        }
        double[] tr = new double[nc];
        double[] ti = new double[nc];
        for (int k = 0; k < nc; k++) {
            tr[k] = vr[terminal * nc + k];
            ti[k] = vi[terminal * nc + k];
        }
        return positiveSequence(tr, ti);
    }

    /** V1 = (Va + a Vb + a² Vc) / 3 of the first three conductors, less the fourth (a neutral) if any. */
    private static double[] positiveSequence(double[] vr, double[] vi) {
        if (vr.length < 3) {
            return vr.length == 0 ? null : new double[] {vr[0], vi[0]};
        }
        double nr = vr.length > 3 ? vr[3] : 0;
        double ni = vr.length > 3 ? vi[3] : 0;
        double c = -0.5;
        double sn = Math.sqrt(3) / 2;
        double ar = vr[0] - nr;
        double ai = vi[0] - ni;
        double br = vr[1] - nr;
        double bi = vi[1] - ni;
        double cr = vr[2] - nr;
        double ci = vi[2] - ni;
        // a = 1∠120°: a·Vb and a²·Vc
        double abr = c * br - sn * bi;
        double abi = c * bi + sn * br;
        double acr = c * cr + sn * ci;
        double aci = c * ci - sn * cr;
        return new double[] {(ar + abr + acr) / 3.0, (ai + abi + aci) / 3.0};
    }
}
