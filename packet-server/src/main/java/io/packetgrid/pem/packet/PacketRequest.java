package io.packetgrid.pem.packet;

/**
 * A device's request for one energy packet: what the server needs and nothing about the device's
 * state (PEM is anonymous: Almassalkhi, Frolik &amp; Hines, ACC 2017, §III). The same record is a
 * kernel message payload in simulations and the decoded request frame behind the socket.
 *
 * @param deviceId    the device (32-bit on the wire)
 * @param seq         the device's request sequence number (replay protection, matching replies)
 * @param deviceClass appliance class, for community rules
 * @param ratedKw     the packet's power, positive = consumption, negative = injection (discharge)
 * @param priority    the device's priority class (0 = normal; rules may rank classes and levels)
 * @param durationNs  the packet length the device asks for
 * @param at          where it connects, for grid-aware admission
 */
public record PacketRequest(long deviceId, long seq, DeviceClass deviceClass, double ratedKw, int priority,
                            long durationNs, ConnectionPoint at) {

    /** Size of the request on the air (the authenticated frame of docs/protocol.md). */
    public static final int WIRE_BYTES = 32;
}
