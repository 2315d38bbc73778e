package io.packetgrid.grid.model;

/**
 * A voltage source as a Norton equivalent (OpenDSS Vsource): a primitive admittance between its
 * two terminals and a constant injected current {@code Yprim [Vs; 0]}.
 */
public interface Source extends PowerDelivery {

    /** Sets {@code ir}/{@code ii} (conductor order) to the Norton current injected into the nodes. */
    void injection(double[] ir, double[] ii);

    /**
     * Whether the source is in service: one that is not (a grid-forming unit that is not forming) neither
     * energises the nodes it touches nor contributes admittance or current. A change of this state is a
     * topology change: the network is rebuilt around it.
     */
    default boolean energises() {
        return true;
    }

    /** Changes whenever the injected current changes (EMF magnitude or angle), not the admittance. */
    default long injectionVersion() {
        return 0;
    }
}
