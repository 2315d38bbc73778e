package io.packetgrid.pem.service;

/** The server's answer to a service request: accepted, or rejected with a reason ({@code capacity}, {@code deadline}, {@code emergency}). */
public record ServiceReply(long requestId, boolean accepted, String reason) {
    /** On the air: a reply frame like a packet reply's. */
    public static final int WIRE_BYTES = 32;
}
