package io.packetgrid.grid.control;

import io.packetgrid.grid.model.Capacitor;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.result.ElementFlows;
import io.packetgrid.grid.series.LoadShape;
import io.packetgrid.grid.solve.PowerFlowSolver;

/**
 * A capacitor control (OpenDSS CapControl, re-derived from CapControl.pas Sample, DoPendingAction,
 * Reset and GetControlVoltage/GetControlCurrent). After each solution it measures, at one
 * terminal of the monitored element, the current (through the CT), the voltage (through the PT),
 * the reactive power, the power factor, or reads the time of day or a control signal, and
 * compares it with its ON and OFF settings: an open bank switches in when the ON setting is
 * crossed, a closed one out when the OFF setting is (another step in while steps are available).
 * With {@code VoltOverride} a voltage outside {@code Vmin..Vmax} switches first. A switching is
 * queued once (armed) after {@code Delay} (closing) or {@code DelayOFF} (opening); a close within
 * {@code DeadTime} of the last opening waits for the rest of the dead time. When the condition
 * goes away before the action runs, the action is cancelled.
 */
public final class CapControl implements Control {

    /** What the control measures (OpenDSS CapControl type). */
    public enum Type { CURRENT, VOLTAGE, KVAR, TIME, PF, FOLLOW }

    /** OpenDSS's phase selections: one phase (1..n) or these. */
    public static final int AVG = -1;
    public static final int MAX = -2;
    public static final int MIN = -3;

    private enum Action { NONE, OPEN, CLOSE }

    /**
     * Settings of one control (units as in OpenDSS: volts and amperes on the secondary of the PT
     * and CT, kvar, per-unit power factor in OpenDSS's 0..2 scale, hours of the day, seconds).
     */
    public record Settings(Type type, int terminal, double ptRatio, double ctRatio, double onValue, double offValue,
                           double pfOn, double pfOff, double onDelayS, double offDelayS, double deadTimeS, boolean voltOverride,
                           double vmin, double vmax, int ctPhase, int ptPhase, double pctMinKvar) {
    }

    private final String name;
    private final Capacitor capacitor;
    private final CircuitElement monitored;   // null for time and follow types
    private final int[] overrideBusNodes;     // VBus: system nodes of that bus in order, or null
    private final LoadShape controlSignal;
    private final Settings s;

    private Action pendingChange = Action.NONE;
    private boolean shouldSwitch;
    private boolean armed;
    private boolean presentClosed;
    private final boolean initialClosed;
    private double lastOpenTimeS;
    private int handle;
    private int operations;

    /**
     * @param initialClosed the bank's state when the control was defined (OpenDSS closes the bank then,
     *                      RecalcElementData); {@link #reset()} returns to it
     */
    public CapControl(String name, Capacitor capacitor, CircuitElement monitored, int[] overrideBusNodes, LoadShape controlSignal,
                      Settings settings, boolean initialClosed) {
        this.name = name;
        this.capacitor = capacitor;
        this.monitored = monitored;
        this.overrideBusNodes = overrideBusNodes;
        this.controlSignal = controlSignal;
        this.s = settings;
        this.presentClosed = capacitor.isClosed();
        this.initialClosed = initialClosed;
        this.lastOpenTimeS = -settings.deadTimeS();
    }

    @Override
    public String name() {
        return "CapControl." + name;
    }

    public Capacitor capacitor() {
        return capacitor;
    }

    public Settings settings() {
        return s;
    }

    /** Switching operations executed since the start (or the last reset). */
    public int operations() {
        return operations;
    }

    @Override
    public int[] trackedNodes(Network net) {
        int[] a = monitored == null ? new int[0] : net.nodesOf(monitored);
        if (overrideBusNodes == null) {
            return a;
        }
        int[] all = java.util.Arrays.copyOf(a, a.length + overrideBusNodes.length);
        System.arraycopy(overrideBusNodes, 0, all, a.length, overrideBusNodes.length);
        return all;
    }

    @Override
    public void reset() {
        pendingChange = Action.NONE;
        capacitor.setClosed(initialClosed);
        shouldSwitch = false;
        armed = false;
        handle = 0;
        lastOpenTimeS = -s.deadTimeS();
        presentClosed = initialClosed;
        operations = 0;
    }

    @Override
    public void sample(ControlContext ctx) {
        PowerFlowSolver solver = ctx.solver();
        presentClosed = capacitor.isClosed();
        shouldSwitch = false;
        double[][] f = monitored == null ? null : ElementFlows.solve(solver, monitored);
        int nc = monitored == null ? 0 : monitored.connection().conductors();
        int off = (s.terminal() - 1) * nc;

        if (s.voltOverride() && s.type() != Type.VOLTAGE) {
            double v = overrideBusNodes != null ? busVoltage(solver) : controlVoltage(f, off);
            if (!presentClosed && v < s.vmin()) {
                pendingChange = Action.CLOSE;
                shouldSwitch = true;
            } else if (presentClosed && v > s.vmax()) {
                pendingChange = Action.OPEN;
                shouldSwitch = true;
            }
        }
        if (!shouldSwitch) {
            switch (s.type()) {
                case CURRENT -> compare(controlCurrent(f, off), true);
                case VOLTAGE -> voltage(controlVoltage(f, off));
                case KVAR -> compare(terminalPower(f, off)[1] * 0.001, true);
                case PF -> powerFactor(terminalPower(f, off));
                case TIME -> time(timeOfDay(ctx.nowSec()));
                case FOLLOW -> follow(ctx.hours());
            }
        }
        if (shouldSwitch && !armed) {
            double delay;
            if (pendingChange == Action.CLOSE) {
                double sinceOpen = ctx.nowSec() - lastOpenTimeS;
                delay = sinceOpen < s.deadTimeS() ? Math.max(s.onDelayS(), s.deadTimeS() + s.onDelayS() - sinceOpen) : s.onDelayS();
            } else {
                delay = s.offDelayS();
            }
            handle = ctx.queue().push(ctx.nowSec() + delay, this::act);
            armed = true;
        }
        if (armed && pendingChange == Action.NONE) {
            ctx.queue().delete(handle);
            armed = false;
        }
    }

    /** Current, kvar: close above ON, open below OFF, another step above ON while steps are available. */
    private void compare(double value, boolean aboveCloses) {
        if (!presentClosed) {
            if (value > s.onValue()) {
                pendingChange = Action.CLOSE;
                shouldSwitch = true;
            } else {
                pendingChange = Action.NONE;
            }
        } else if (value < s.offValue()) {
            pendingChange = Action.OPEN;
            shouldSwitch = true;
        } else if (capacitor.availableSteps() > 0) {
            if (value > s.onValue()) {
                pendingChange = Action.CLOSE;
                shouldSwitch = true;
            }
        } else {
            pendingChange = Action.NONE;
        }
    }

    /** Voltage: close below ON, open above OFF. */
    private void voltage(double v) {
        if (!presentClosed) {
            if (v < s.onValue()) {
                pendingChange = Action.CLOSE;
                shouldSwitch = true;
            } else {
                pendingChange = Action.NONE;
            }
        } else {
            pendingChange = Action.NONE;
            if (v > s.offValue()) {
                pendingChange = Action.OPEN;
                shouldSwitch = true;
            } else if (capacitor.availableSteps() > 0 && v < s.onValue()) {
                pendingChange = Action.CLOSE;
                shouldSwitch = true;
            }
        }
    }

    /**
     * Power factor in OpenDSS's 0..2 scale (leading above 1); closing needs at least
     * {@code pctMinkvar} of the bank's kvar flowing (one step's half when adding a step).
     */
    private void powerFactor(double[] pq) {
        double p = pq[0];
        double q = pq[1];
        double sabs = Math.hypot(p, q);
        double pf = sabs != 0 ? Math.abs(p) / sabs : 1.0;
        if (q < 0) {
            pf = 2.0 - pf;
        }
        double kvar = q * 0.001;
        if (!presentClosed) {
            if (pf < s.pfOn() && kvar > capacitor.totalKvar() * s.pctMinKvar() * 0.01) {
                pendingChange = Action.CLOSE;
                shouldSwitch = true;
            } else {
                pendingChange = Action.NONE;
            }
        } else if (pf > s.pfOff()) {
            pendingChange = Action.OPEN;
            shouldSwitch = true;
        } else if (capacitor.availableSteps() > 0) {
            if (pf < s.pfOn() && kvar > capacitor.totalKvar() / capacitor.numSteps() * 0.5) {
                pendingChange = Action.CLOSE;
                shouldSwitch = true;
            }
        } else {
            pendingChange = Action.NONE;
        }
    }

    /** Time of day (hours): in service from ON to OFF (OFF may be the next day). */
    private void time(double t) {
        double on = s.onValue();
        double offT = s.offValue();
        boolean inWindow = offT > on ? t >= on && t < offT : t >= on && t < 24.0;
        boolean outWindow = offT > on ? t >= offT || t < on : t >= offT && t < on;
        if (!presentClosed) {
            if (inWindow) {
                pendingChange = Action.CLOSE;
                shouldSwitch = true;
            } else {
                pendingChange = Action.NONE;
            }
        } else if (outWindow) {
            pendingChange = Action.OPEN;
            shouldSwitch = true;
        } else if (capacitor.availableSteps() > 0) {
            if (inWindow) {
                pendingChange = Action.CLOSE;
                shouldSwitch = true;
            }
        } else {
            pendingChange = Action.NONE;
        }
    }

    /** Follow: the control signal's value (non-zero: in service) at the present hour. */
    private void follow(double hours) {
        double next = controlSignal.at(hours)[0];
        if ((next != 0) == !presentClosed) {
            pendingChange = presentClosed ? Action.OPEN : Action.CLOSE;
            shouldSwitch = true;
        }
    }

    /** OpenDSS TimeOfDay(useEpsilon=true): hours of the day, 24:00 inclusive. */
    static double timeOfDay(double nowSec) {
        int h = (int) Math.floor(nowSec / 3600.0);
        double sec = nowSec - h * 3600.0;
        int hourOfDay = h > 24 ? h - ((h - 1) / 24) * 24 : h;
        double r = hourOfDay + sec / 3600.0;
        if (r - 24.0 > 1e-12) {
            r -= 24.0;
        }
        return r;
    }

    private int phases() {
        return capacitor.phases();
    }

    /** GetControlVoltage: one phase (line to line for a delta bank), or the average/max/min of the monitored element's phases. */
    private double controlVoltage(double[][] f, int off) {
        int p = s.ptPhase();
        int nph = monitored.phases();
        if (p == AVG || p == MAX || p == MIN) {
            double acc = p == MIN ? 1e50 : 0.0;
            for (int i = 0; i < nph; i++) {
                double m = Math.hypot(f[0][off + i], f[1][off + i]);
                acc = p == AVG ? acc + m : p == MAX ? Math.max(acc, m) : Math.min(acc, m);
            }
            return (p == AVG ? acc / nph : acc) / s.ptRatio();
        }
        int i = p - 1;
        if (capacitor.delta()) {
            int j = (p >= phases() ? 1 : p + 1) - 1;
            return Math.hypot(f[0][off + i] - f[0][off + j], f[1][off + i] - f[1][off + j]) / s.ptRatio();
        }
        return Math.hypot(f[0][off + i], f[1][off + i]) / s.ptRatio();
    }

    /** Voltage of the override bus's nodes (in the bus's node order), as GetControlVoltage reads them. */
    private double busVoltage(PowerFlowSolver solver) {
        double[] v = new double[2];
        int p = s.ptPhase();
        int n = Math.min(phases(), overrideBusNodes.length);
        double[] mag = new double[n];
        double[] re = new double[n];
        double[] im = new double[n];
        for (int j = 0; j < n; j++) {
            solver.voltage(overrideBusNodes[j], v);
            re[j] = v[0];
            im[j] = v[1];
            mag[j] = Math.hypot(v[0], v[1]);
        }
        if (p == AVG || p == MAX || p == MIN) {
            double acc = p == MIN ? 1e50 : 0.0;
            for (int j = 0; j < n; j++) {
                acc = p == AVG ? acc + mag[j] : p == MAX ? Math.max(acc, mag[j]) : Math.min(acc, mag[j]);
            }
            return (p == AVG ? acc / n : acc) / s.ptRatio();
        }
        int i = Math.min(p, n) - 1;
        if (capacitor.delta()) {
            int j = (p >= phases() ? 1 : p + 1) - 1;
            j = Math.min(j, n - 1);
            return Math.hypot(re[i] - re[j], im[i] - im[j]) / s.ptRatio();
        }
        return mag[i] / s.ptRatio();
    }

    /**
     * GetControlCurrent: the average, largest or smallest of the phase currents of the monitored
     * terminal, or one phase's current; OpenDSS reads a single phase from the first terminal's
     * conductors whatever the terminal (a quirk kept here).
     */
    private double controlCurrent(double[][] f, int off) {
        int p = s.ctPhase();
        int nph = phases();
        if (p == AVG || p == MAX || p == MIN) {
            double acc = p == MIN ? 1e50 : 0.0;
            for (int i = 0; i < nph; i++) {
                double m = Math.hypot(f[2][off + i], f[3][off + i]);
                acc = p == AVG ? acc + m : p == MAX ? Math.max(acc, m) : Math.min(acc, m);
            }
            return (p == AVG ? acc / nph : acc) / s.ctRatio();
        }
        int i = p - 1;
        return Math.hypot(f[2][i], f[3][i]) / s.ctRatio();
    }

    /** Complex power (W, var) into the monitored terminal, all its conductors. */
    private double[] terminalPower(double[][] f, int off) {
        int nc = monitored.connection().conductors();
        double p = 0;
        double q = 0;
        for (int c = 0; c < nc; c++) {
            double vr = f[0][off + c];
            double vi = f[1][off + c];
            double ir = f[2][off + c];
            double ii = f[3][off + c];
            p += vr * ir + vi * ii;
            q += vi * ir - vr * ii;
        }
        return new double[] {p, q};
    }

    /** The queued switching (OpenDSS DoPendingAction). */
    private void act(double nowSec) {
        switch (pendingChange) {
            case OPEN -> {
                if (capacitor.numSteps() == 1) {
                    if (presentClosed) {
                        capacitor.setClosed(false);
                        capacitor.subtractStep();
                        presentClosed = false;
                        lastOpenTimeS = nowSec;
                        operations++;
                    }
                } else if (presentClosed) {
                    if (!capacitor.subtractStep()) {
                        presentClosed = false;
                        capacitor.setClosed(false);
                    }
                    operations++;
                }
            }
            case CLOSE -> {
                if (!presentClosed) {
                    capacitor.setClosed(true);
                    presentClosed = true;
                    capacitor.addStep();
                    operations++;
                } else if (capacitor.addStep()) {
                    operations++;
                }
            }
            case NONE -> { }
        }
        shouldSwitch = false;
        armed = false;
    }
}
