package io.packetgrid.grid.model;

/**
 * A power conversion element (OpenDSS taxonomy: load, generator, PV): it draws or injects a
 * current that depends on its terminal voltages. For the fixed-point iteration of OpenDSS's
 * normal solution mode it offers a constant linearisation admittance (put into the factorised
 * system matrix) and, at each iteration, the compensation current
 * {@code I = Ylin V - I_element(V)} injected into the network.
 *
 * <p>All arrays are in conductor order ({@code connection().order()}).
 */
public interface PowerConversion extends CircuitElement {

    /** Adds the linearisation admittance (row major) into {@code re}/{@code im}. */
    void linearY(double[] re, double[] im);

    /**
     * Sets {@code ir}/{@code ii} to the compensation current injected into each conductor's node
     * for the terminal voltages {@code vr}/{@code vi}.
     */
    void compensation(double[] vr, double[] vi, double[] ir, double[] ii);

    /**
     * Sets {@code ir}/{@code ii} to the current flowing from each conductor's node into the
     * element (the element's terminal current, OpenDSS sign convention).
     */
    void terminalCurrent(double[] vr, double[] vi, double[] ir, double[] ii);

    /** Whether this element is in service. */
    default boolean enabled() {
        return true;
    }
}
