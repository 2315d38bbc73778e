package io.packetgrid.pem.internet;

import io.packetgrid.pem.packet.ConnectionPoint;

/**
 * What the grid lets the server add at a connection point now: the power that may be drawn there beyond
 * what is drawn now before a voltage or loading limit would be crossed (negative: already past one, draw
 * less). The Energy-Internet server caps its flexible allocations with it (network congestion); forced use
 * is not capped (the owner's need comes first, as a PEM device's opt-out).
 */
@FunctionalInterface
public interface PowerLimit {

    /** Extra power allowed at {@code at} now, kW ({@code +∞}: no limit known). */
    double headroomKw(ConnectionPoint at, long nowNs);

    /** No grid information. */
    PowerLimit NONE = (at, nowNs) -> Double.POSITIVE_INFINITY;
}
