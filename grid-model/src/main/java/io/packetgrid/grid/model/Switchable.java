package io.packetgrid.grid.model;

/**
 * A delivery element whose terminals can be opened and closed: OpenDSS's {@code Open}/{@code Close}
 * commands on lines, switches and transformers (CktElement.pas, Terminals[].ConductorsClosed). An open
 * terminal forces the current of its conductors to zero: the primitive matrix is Kron-reduced on those
 * rows and they are zeroed ({@link OpenConductors#reduce}), so the element no longer joins that bus to
 * the others. A change is a topology change: whoever switches rebuilds the network around it.
 */
public interface Switchable extends PowerDelivery {

    /** Whether terminal {@code terminal} (0-based) is open. */
    boolean terminalOpen(int terminal);

    /** Opens or closes one terminal (0-based); bumps the element's version when it changes. */
    void setTerminalOpen(int terminal, boolean open);

    /** The primitive admittance with every terminal closed, added into {@code re}/{@code im}. */
    void closedPrimitiveY(double[] re, double[] im);

    /** Whether any terminal is open. */
    default boolean anyTerminalOpen() {
        for (int t = 0; t < connection().terminals(); t++) {
            if (terminalOpen(t)) {
                return true;
            }
        }
        return false;
    }
}
