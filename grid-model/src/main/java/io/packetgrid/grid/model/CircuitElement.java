package io.packetgrid.grid.model;

/** Anything connected to buses: it has a full name ({@code Class.name}) and a connection. */
public interface CircuitElement {
    /** {@code Class.name}, e.g. {@code Line.650632}; the name part lower case as OpenDSS keeps it. */
    String name();

    Connection connection();

    /** Phase conductors per terminal (the first conductors); elements with a neutral conductor have fewer than conductors. */
    default int phases() {
        return connection().conductors();
    }
}
