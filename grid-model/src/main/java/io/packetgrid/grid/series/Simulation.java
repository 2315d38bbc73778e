package io.packetgrid.grid.series;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.control.Control;
import io.packetgrid.grid.control.ControlContext;
import io.packetgrid.grid.control.ControlQueue;
import io.packetgrid.grid.control.RegulatorControl;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.solve.PowerFlowSolver;
import java.util.ArrayList;
import java.util.List;

/**
 * Quasi-static simulation of a network: sets the loads and injections for the present time,
 * solves the power flow with control iterations (OpenDSS SolveSnap: solve, sample every control in
 * definition order, then in static mode execute the actions due at the earliest queued time, in
 * time-driven mode those due by now; repeat until no action is left or {@code maxcontroliter}), and
 * steps time in the time-series modes sampling the monitors (OpenDSS SolveDaily/SolveDuty/...: the
 * time is incremented before each solution, so the first solved step is {@code t = stepsize}; at
 * the end of each step storage energy and inverter controls are updated, EndOfTimeStepCleanup).
 */
public final class Simulation {
    private Network network;
    private PowerFlowSolver solver;
    private final List<LoadDriver> loads;
    private final List<InjectionDriver> injections;
    private final List<DerDriver> ders;
    private final List<Control> controls;
    private final List<RegulatorControl> regulators = new ArrayList<>();
    private final List<Monitor> monitors = new ArrayList<>();
    private final ControlQueue queue = new ControlQueue();
    private final ControlContext ctx = new ControlContext(queue);

    private SolveMode mode = SolveMode.SNAPSHOT;
    private SolveMode.ShapeClass timeShapeClass = SolveMode.ShapeClass.NONE;
    private double stepSec = 3600;
    private int intHour;
    private double sec;
    private double loadMult = 1.0;
    private double genMult = 1.0;
    private boolean controlsOn = true;
    private boolean timedControls;
    private int maxControlIterations = 10;
    private int lastIterations;
    private int lastControlIterations;
    private boolean solved;

    public Simulation(Network network, PowerFlowSolver solver, List<LoadDriver> loads, List<InjectionDriver> injections,
                      List<RegulatorControl> regulators) {
        this(network, solver, loads, injections, List.of(), List.copyOf(regulators));
    }

    /**
     * @param ders     PV systems and storage, in definition order
     * @param controls every control element in definition order (the order OpenDSS samples them)
     */
    public Simulation(Network network, PowerFlowSolver solver, List<LoadDriver> loads, List<InjectionDriver> injections,
                      List<DerDriver> ders, List<Control> controls) {
        this.network = network;
        this.solver = solver;
        this.loads = List.copyOf(loads);
        this.injections = List.copyOf(injections);
        this.ders = List.copyOf(ders);
        this.controls = List.copyOf(controls);
        for (Control c : controls) {
            if (c instanceof RegulatorControl r) {
                regulators.add(r);
            }
        }
        trackControls();
    }

    private void trackControls() {
        for (Control c : controls) {
            solver.track(c.trackedNodes(network));
        }
    }

    public Network network() {
        return network;
    }

    /**
     * Rebuilds the network around the present switch states (a topology change): energisation
     * is re-checked, nodes cut off from every source are kept out of the solve (0 V), and the
     * system matrix is analysed and factorised anew.
     */
    public void rebuildNetwork() {
        rebuildWith(network.elements());
    }

    /**
     * Adds an element after the script (e.g. a grid-forming unit at a bus) and rebuilds the network around
     * it; its buses must exist (they keep their voltage bases).
     *
     * @throws PacketGridException naming the element when one of its buses is not in the network
     */
    public void addElement(CircuitElement e) {
        for (String bus : e.connection().buses()) {
            if (network.bus(bus) < 0) {
                throw new PacketGridException(e.name(), "bus " + bus + " is not in this feeder");
            }
        }
        List<CircuitElement> all = new ArrayList<>(network.elements());
        all.add(e);
        rebuildWith(all);
    }

    private void rebuildWith(List<CircuitElement> elements) {
        Network n2 = new Network(elements, true);
        for (int b = 0; b < n2.busCount(); b++) {
            int old = network.bus(n2.busName(b));
            if (old >= 0) {
                n2.setBusKvBase(b, network.busKvBase(old));
            }
        }
        PowerFlowSolver s2 = new PowerFlowSolver(n2, solver.options());
        network = n2;
        solver = s2;
        trackControls();
        for (Monitor m : monitors) {
            solver.track(m.nodes(solver));
        }
        solved = false;
    }

    public PowerFlowSolver solver() {
        return solver;
    }

    public List<LoadDriver> loads() {
        return loads;
    }

    public List<InjectionDriver> injections() {
        return injections;
    }

    /** PV systems and storage drivers, in definition order. */
    public List<DerDriver> ders() {
        return ders;
    }

    /** Every control element, in definition order. */
    public List<Control> controls() {
        return controls;
    }

    /** The regulator controls among {@link #controls()}. */
    public List<RegulatorControl> regulators() {
        return List.copyOf(regulators);
    }

    public List<Monitor> monitors() {
        return List.copyOf(monitors);
    }

    /** Replaces the monitors (each already bound to an element of this network). */
    public void replaceMonitors(List<Monitor> ms) {
        monitors.clear();
        for (Monitor m : ms) {
            addMonitor(m);
        }
    }

    /** Adds a monitor (already bound to an element of this network). */
    public void addMonitor(Monitor m) {
        monitors.add(m);
        solver.track(m.nodes(solver));
    }

    public SolveMode mode() {
        return mode;
    }

    /**
     * Takes the mode without {@link #setMode}'s resets: for a simulation rebuilt after an edit, which continues
     * the run (OpenDSS edits its objects in place: monitors keep their samples, the time goes on).
     */
    public void adoptMode(SolveMode m) {
        this.mode = m;
    }

    /** Sets the mode and resets time, monitors, controls and storage, as OpenDSS's {@code Set mode=} does. */
    public void setMode(SolveMode m) {
        this.mode = m;
        intHour = 0;
        sec = 0;
        for (Monitor mon : monitors) {
            mon.reset();
        }
        queue.clear();
        for (Control c : controls) {
            c.reset();
        }
    }

    /** The shape class that drives elements in {@link SolveMode#TIME} ({@code Set LoadShapeClass=}). */
    public void setTimeShapeClass(SolveMode.ShapeClass c) {
        timeShapeClass = c;
    }

    public double stepSec() {
        return stepSec;
    }

    public void setStepSec(double s) {
        if (!(s > 0)) {
            throw new IllegalArgumentException("step must be > 0");
        }
        stepSec = s;
    }

    public int hour() {
        return intHour;
    }

    public double secondsInHour() {
        return sec;
    }

    /** Hours since the start (OpenDSS dblHour). */
    public double hours() {
        return intHour + sec / 3600.0;
    }

    public void setTime(int hour, double seconds) {
        intHour = hour;
        sec = seconds;
        while (sec >= 3600.0) {
            intHour++;
            sec -= 3600.0;
        }
    }

    public void setLoadMult(double m) {
        loadMult = m;
    }

    public double loadMult() {
        return loadMult;
    }

    public void setGenMult(double m) {
        genMult = m;
    }

    public void setControlsOn(boolean on) {
        controlsOn = on;
    }

    public boolean controlsOn() {
        return controlsOn;
    }

    /** Time-driven control (actions when their time comes) instead of static (OpenDSS controlmode). */
    public void setTimedControls(boolean timed) {
        timedControls = timed;
        for (Control c : controls) {
            c.setTimed(timed);
        }
    }

    public boolean timedControls() {
        return timedControls;
    }

    public void setMaxControlIterations(int n) {
        maxControlIterations = n;
    }

    /** Fixed-point iterations summed over the control iterations of the last solution. */
    public int lastIterations() {
        return lastIterations;
    }

    public int lastControlIterations() {
        return lastControlIterations;
    }

    public boolean solved() {
        return solved;
    }

    /** Sets every load's, generator's and inverter-based element's power for the present time. */
    public void applySchedules() {
        double h = hours();
        for (LoadDriver d : loads) {
            d.apply(mode, timeShapeClass, h, loadMult);
        }
        for (InjectionDriver d : injections) {
            d.apply(mode, timeShapeClass, h, genMult);
        }
        for (DerDriver d : ders) {
            d.apply(mode, timeShapeClass, h, stepSec / 3600.0);
        }
    }

    /**
     * One solution at the present time with control iterations (OpenDSS SolveSnap).
     *
     * @return power-flow iterations summed over the control iterations
     */
    public int solveSnapshot() {
        solved = false;
        applySchedules();
        int total = 0;
        int controlIteration = 0;
        boolean done = false;
        while (!done && controlIteration < maxControlIterations) {
            controlIteration++;
            total += solver.solve();
            if (!controlsOn || controls.isEmpty()) {
                done = true;
                break;
            }
            double now = intHour * 3600.0 + sec;
            ctx.set(solver, now, controlIteration, stepSec, timedControls);
            for (Control c : controls) {
                c.sample(ctx);
            }
            if (timedControls) {
                done = !queue.doUntil(now);
            } else if (queue.isEmpty()) {
                done = true;
            } else {
                queue.doNearest(now);
            }
        }
        lastIterations = total;
        lastControlIterations = controlIteration;
        if (!done) {
            throw new PacketGridException("control", "control actions did not settle in " + maxControlIterations
                    + " control iterations (raise Set maxcontroliter or check the control settings)");
        }
        solved = true;
        return total;
    }

    /**
     * One step of a time-series run: advances time by one step and solves (OpenDSS SolveDaily,
     * SolveYearly, SolveDuty, SolvePeakDay); in {@link SolveMode#TIME} it solves at the present time
     * and advances afterwards (SolveGeneralTime, FinishTimeStep).
     */
    public int step() {
        boolean after = mode == SolveMode.TIME;
        if (!after) {
            advance();
        }
        int it = solveSnapshot();
        for (Monitor m : monitors) {
            m.sample(solver, intHour, sec);
        }
        finishTimeStep(stepSec / 3600.0);
        if (after) {
            advance();
        }
        return it;
    }

    private void advance() {
        sec += stepSec;
        while (sec >= 3600.0) {
            intHour++;
            sec -= 3600.0;
        }
    }

    /**
     * The end of a time step of {@code intervalHours} after its solution (OpenDSS EndOfTimeStepCleanup):
     * storage energy moves by the solved power, then the inverter controls update their memories. A
     * co-simulation that solves snapshots at its own pace calls this after each one.
     */
    public void finishTimeStep(double intervalHours) {
        for (DerDriver d : ders) {
            d.endOfStep(solver, intervalHours);
        }
        double now = intHour * 3600.0 + sec;
        ctx.set(solver, now, lastControlIterations, intervalHours * 3600.0, timedControls);
        for (Control c : controls) {
            c.endOfStep(ctx);
        }
    }

    /** Takes a sample on every monitor now (OpenDSS {@code Sample}). */
    public void sampleMonitors() {
        for (Monitor m : monitors) {
            m.sample(solver, intHour, sec);
        }
    }
}
