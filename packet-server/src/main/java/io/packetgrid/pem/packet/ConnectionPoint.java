package io.packetgrid.pem.packet;

/**
 * Where a device connects to the grid: a bus index (the study keeps the index ↔ bus-name table)
 * and a phase (1, 2, 3; 0 = all phases / unknown). Small integers because they travel in the
 * 32-byte request frame (docs/protocol.md: 24-bit bus, 8-bit phase).
 */
public record ConnectionPoint(int bus, int phase) {
    public static final int MAX_BUS = (1 << 24) - 1;
    public static final ConnectionPoint UNKNOWN = new ConnectionPoint(0, 0);

    public ConnectionPoint {
        if (bus < 0 || bus > MAX_BUS) {
            throw new IllegalArgumentException("bus index must be in [0, " + MAX_BUS + "]: " + bus);
        }
        if (phase < 0 || phase > 3) {
            throw new IllegalArgumentException("phase must be 0..3: " + phase);
        }
    }
}
