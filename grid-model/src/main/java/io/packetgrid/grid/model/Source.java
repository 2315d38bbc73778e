package io.packetgrid.grid.model;

/**
 * A voltage source as a Norton equivalent (OpenDSS Vsource): a primitive admittance between its
 * two terminals and a constant injected current {@code Yprim [Vs; 0]}.
 */
public interface Source extends PowerDelivery {

    /** Sets {@code ir}/{@code ii} (conductor order) to the Norton current injected into the nodes. */
    void injection(double[] ir, double[] ii);
}
