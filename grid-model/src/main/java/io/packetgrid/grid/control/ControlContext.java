package io.packetgrid.grid.control;

import io.packetgrid.grid.solve.PowerFlowSolver;

/**
 * What a control sees when it samples: the solved network, the queue, the simulation time and
 * the control iteration (1 for the first solution of a time step, as OpenDSS's ControlIteration).
 * One per simulation, updated in place.
 */
public final class ControlContext {
    private final ControlQueue queue;
    private PowerFlowSolver solver;
    private double nowSec;
    private int controlIteration;
    private double stepSec;
    private boolean timed;

    public ControlContext(ControlQueue queue) {
        this.queue = queue;
    }

    /** Sets the state for the next samples. */
    public void set(PowerFlowSolver solver, double nowSec, int controlIteration, double stepSec, boolean timed) {
        this.solver = solver;
        this.nowSec = nowSec;
        this.controlIteration = controlIteration;
        this.stepSec = stepSec;
        this.timed = timed;
    }

    public PowerFlowSolver solver() {
        return solver;
    }

    public ControlQueue queue() {
        return queue;
    }

    /** Simulation time in seconds from hour 0 (OpenDSS intHour * 3600 + t). */
    public double nowSec() {
        return nowSec;
    }

    /** Hours from the start (OpenDSS dblHour). */
    public double hours() {
        return nowSec / 3600.0;
    }

    /** Control iteration within the present solution, from 1. */
    public int controlIteration() {
        return controlIteration;
    }

    /** Time step of the simulation (OpenDSS DynaVars.h, seconds). */
    public double stepSec() {
        return stepSec;
    }

    /** Whether controls run in time-driven mode. */
    public boolean timed() {
        return timed;
    }
}
