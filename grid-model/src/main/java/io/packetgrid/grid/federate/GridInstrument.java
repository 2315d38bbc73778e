package io.packetgrid.grid.federate;

import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.grid.api.Feeder;

/**
 * Something that acts on a {@link GridFederate}'s feeder inside the federate's own step (the feeder belongs
 * to that federate and its thread): it may change the model before the solution (trip a unit, apply a
 * fault) and read the solution after it (publish what relays measure). Declares its own values.
 */
public interface GridInstrument {

    /** Declares the values it publishes, subscribes to and wakes on. */
    void initialize(Setup setup);

    /**
     * Before the federate solves at {@code step.now()}.
     *
     * @return true when it changed the topology (the federate rebuilds the network)
     */
    boolean beforeSolve(Step step, Feeder feeder);

    /** After the solution (and after any re-solution the island logic needed). */
    void afterSolve(Step step, Feeder feeder);

    /** The next time it needs the federate to step by itself. */
    default long nextEventNs() {
        return SimTime.NEVER;
    }
}
