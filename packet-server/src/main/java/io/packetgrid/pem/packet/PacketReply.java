package io.packetgrid.pem.packet;

/**
 * The server's answer to one request: accept with a start time and a duration, or deny with a
 * reason. A device runs its packet from {@code startNs} to {@code startNs + durationNs}.
 */
public record PacketReply(long deviceId, long seq, boolean accepted, long startNs, long durationNs, DenyReason reason) {

    public static final int WIRE_BYTES = 32;

    public static PacketReply accept(PacketRequest r, long startNs, long durationNs) {
        return new PacketReply(r.deviceId(), r.seq(), true, startNs, durationNs, DenyReason.NONE);
    }

    public static PacketReply deny(PacketRequest r, long nowNs, DenyReason reason) {
        return new PacketReply(r.deviceId(), r.seq(), false, nowNs, 0, reason);
    }

    public long endNs() {
        return startNs + durationNs;
    }
}
