package io.packetgrid.grid.model;

/**
 * An element with named state variables, as an OpenDSS monitor in mode 3 records them
 * (PCElement VariableName, GetAllVariables): generators, PV systems, storage.
 */
public interface StateVariables {

    /** Names in OpenDSS's order. */
    String[] variableNames();

    /** Present values, same order, into {@code out} (length {@code variableNames().length}). */
    void variables(double[] out);
}
