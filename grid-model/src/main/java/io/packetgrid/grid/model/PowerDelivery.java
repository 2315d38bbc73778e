package io.packetgrid.grid.model;

/**
 * A power delivery element (OpenDSS taxonomy: line, transformer, capacitor, switch): its physics
 * is entirely a primitive admittance matrix between its conductors. The solver stitches these
 * into the system matrix and never asks what kind of element it is.
 */
public interface PowerDelivery extends CircuitElement {

    /**
     * Adds the primitive admittance (siemens, conductor order, row major, order
     * {@code connection().order()}) into {@code re}/{@code im}.
     */
    void primitiveY(double[] re, double[] im);

    /**
     * The series part only (no shunt capacitance or magnetising branch): what OpenDSS solves
     * with to find voltage bases ({@code Calcvoltagebases}). Defaults to the full matrix.
     */
    default void seriesY(double[] re, double[] im) {
        primitiveY(re, im);
    }

    /** Normal current rating per conductor (A), 0 if none. */
    default double normAmps() {
        return 0;
    }

    /** Emergency current rating per conductor (A), 0 if none. */
    default double emergAmps() {
        return 0;
    }

    /** True for elements whose current limit is a kVA rating (transformers). */
    default double ratedKva() {
        return 0;
    }

    /** A version number that changes whenever the primitive matrix changes (taps, switch state). */
    default long version() {
        return 0;
    }
}
