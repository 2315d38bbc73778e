package io.packetgrid.grid.control;

import io.packetgrid.grid.model.Network;

/**
 * A control element (OpenDSS TControlElem: RegControl, CapControl, InvControl): after every
 * converged solution it samples the network and queues, keeps or cancels actions on the
 * {@link ControlQueue}; the actions change element states (taps, capacitor steps, inverter set
 * points), never the solver. The simulation samples its controls in definition order, as OpenDSS
 * walks its list of controls (Solution.pas SampleControlDevices).
 */
public interface Control {

    /** {@code Class.name}, e.g. {@code CapControl.cap1}. */
    String name();

    /** Samples the present solution and queues actions (OpenDSS Sample). */
    void sample(ControlContext ctx);

    /** Back to the state at definition (OpenDSS Reset; {@code Set mode=} resets every control). */
    void reset();

    /** System nodes whose voltages this control reads after every solution (kept cheap by the solver). */
    int[] trackedNodes(Network net);

    /** Time-driven control mode (OpenDSS {@code controlmode=time}) instead of static. */
    default void setTimed(boolean timed) {
    }

    /** End of a time step, after the monitors' samples (OpenDSS EndOfTimeStepCleanup, e.g. InvControl UpdateAll). */
    default void endOfStep(ControlContext ctx) {
    }
}
