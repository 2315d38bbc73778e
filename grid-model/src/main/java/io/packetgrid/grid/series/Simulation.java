package io.packetgrid.grid.series;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.control.ControlQueue;
import io.packetgrid.grid.control.RegulatorControl;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.solve.PowerFlowSolver;
import java.util.ArrayList;
import java.util.List;

/**
 * Quasi-static simulation of a network: sets the loads and injections for the present time,
 * solves the power flow with control iterations (OpenDSS SolveSnap in static control mode), and
 * steps time in daily/yearly mode sampling the monitors (OpenDSS SolveYearly/SolveDaily: the
 * time is incremented before each solution, so the first solved step is {@code t = stepsize}).
 */
public final class Simulation {
    private Network network;
    private PowerFlowSolver solver;
    private final List<LoadDriver> loads;
    private final List<InjectionDriver> injections;
    private final List<RegulatorControl> regulators;
    private final List<Monitor> monitors = new ArrayList<>();
    private final ControlQueue queue = new ControlQueue();

    private SolveMode mode = SolveMode.SNAPSHOT;
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
        this.network = network;
        this.solver = solver;
        this.loads = List.copyOf(loads);
        this.injections = List.copyOf(injections);
        this.regulators = List.copyOf(regulators);
        for (RegulatorControl r : regulators) {
            solver.track(network.nodesOf(r.transformer()));
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
        for (RegulatorControl r : regulators) {
            solver.track(network.nodesOf(r.transformer()));
        }
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

    public List<RegulatorControl> regulators() {
        return regulators;
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

    /** Sets the mode and resets time, monitors and controls, as OpenDSS's {@code Set mode=} does. */
    public void setMode(SolveMode m) {
        this.mode = m;
        intHour = 0;
        sec = 0;
        for (Monitor mon : monitors) {
            mon.reset();
        }
        queue.clear();
        for (RegulatorControl r : regulators) {
            r.reset();
        }
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
        for (RegulatorControl r : regulators) {
            r.setTimed(timed);
        }
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

    /** Sets every load's and injection's power for the present time. */
    public void applySchedules() {
        double h = hours();
        for (LoadDriver d : loads) {
            d.apply(mode, h, loadMult);
        }
        for (InjectionDriver d : injections) {
            d.apply(mode, h, genMult);
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
            if (!controlsOn || regulators.isEmpty()) {
                done = true;
                break;
            }
            double now = intHour * 3600.0 + sec;
            for (RegulatorControl r : regulators) {
                r.sample(solver, queue, now);
            }
            if (timedControls) {
                done = !queue.doUntil(now);
            } else if (queue.isEmpty()) {
                done = true;
            } else {
                queue.doNearest();
            }
        }
        lastIterations = total;
        lastControlIterations = controlIteration;
        if (!done) {
            throw new PacketGridException("control", "control actions did not settle in " + maxControlIterations
                    + " control iterations (raise Set maxcontroliter or check the regulator settings)");
        }
        solved = true;
        return total;
    }

    /** Advances time by one step and solves (one step of a daily/yearly run). */
    public int step() {
        sec += stepSec;
        while (sec >= 3600.0) {
            intHour++;
            sec -= 3600.0;
        }
        int it = solveSnapshot();
        for (Monitor m : monitors) {
            m.sample(solver, intHour, sec);
        }
        return it;
    }

    /** Takes a sample on every monitor now (OpenDSS {@code Sample}). */
    public void sampleMonitors() {
        for (Monitor m : monitors) {
            m.sample(solver, intHour, sec);
        }
    }
}
