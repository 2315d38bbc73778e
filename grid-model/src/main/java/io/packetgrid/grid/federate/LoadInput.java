package io.packetgrid.grid.federate;

/** How a {@link GridFederate}'s power inputs act on its bound loads. */
public enum LoadInput {
    /**
     * Loads follow their yearly load shapes at simulated time and the inputs are added on top
     * (a household's base load plus its managed devices).
     */
    ADD_TO_SHAPES,
    /**
     * The inputs are the loads' whole power (kvar at each load's own kvar/kW ratio when there is no
     * reactive input); until the first input arrives, and for loads not bound, the definition's power.
     */
    REPLACE
}
