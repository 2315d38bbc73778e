package io.packetgrid.grid.series;

import io.packetgrid.grid.solve.PowerFlowSolver;

/**
 * Drives an inverter-based element (PV system, storage) through time: its shapes set its state
 * before each solution, and its stored energy is updated from the solved power at the end of each
 * time step (OpenDSS SetNominalDEROutput, and StorageClass.UpdateAll in EndOfTimeStepCleanup).
 */
public interface DerDriver {

    /**
     * Sets the element's state for {@code hour} ({@code timeClass}: the shape class of {@link SolveMode#TIME};
     * {@code stepHours}: the time step, OpenDSS DynaVars.h).
     */
    void apply(SolveMode mode, SolveMode.ShapeClass timeClass, double hour, double stepHours);

    /** End of a time step of {@code intervalHours}, after the monitors' samples. */
    default void endOfStep(PowerFlowSolver solver, double intervalHours) {
    }

    /** Back to the state at definition ({@code Set mode=}). */
    default void reset() {
    }
}
