package io.packetgrid.pem.journal;

import io.packetgrid.pem.packet.DeviceClass;

/**
 * One accepted packet in the journal (32 bytes on disk, see docs/protocol.md "Durability").
 *
 * @param startMs    packet start, Unix epoch ms
 * @param durationMs packet length, ms
 * @param powerW     signed power, W
 */
public record JournalRecord(long deviceId, long seq, long startMs, long durationMs, int powerW, DeviceClass deviceClass,
                            int priority) {

    public static final int BYTES = 32;

    public long endMs() {
        return startMs + durationMs;
    }

    /** device id and seq packed in one long (for sets of journaled packets). */
    public long key() {
        return (deviceId << 32) | (seq & 0xFFFF_FFFFL);
    }

    public static long key(long deviceId, long seq) {
        return (deviceId << 32) | (seq & 0xFFFF_FFFFL);
    }
}
