package io.packetgrid.pem.service;

/** The power the server allocates to an accepted request from now on, kW (0: pause). */
public record PowerCommand(long requestId, double powerKw) {
    public static final int WIRE_BYTES = 32;
}
