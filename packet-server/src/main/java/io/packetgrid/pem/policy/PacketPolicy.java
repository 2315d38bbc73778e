package io.packetgrid.pem.policy;

import io.packetgrid.pem.packet.DeviceEvent;
import io.packetgrid.pem.packet.PacketReply;
import io.packetgrid.pem.packet.PacketRequest;
import java.util.List;

/**
 * The server's acceptance policy: a plain object with no I/O and no clock of its own (time comes
 * in as an argument), so the same class decides inside a co-simulation and behind the socket.
 * Not thread-safe: a front-end calls it from one thread (or under one lock).
 */
public interface PacketPolicy {

    /**
     * Decides the requests that arrived together at {@code nowNs} (a batch; often one request).
     * Replies come back in the order of {@code batch}.
     */
    List<PacketReply> decide(List<PacketRequest> batch, long nowNs);

    /** A device event (opt-out, interruption, rejoin). */
    void onEvent(DeviceEvent event, long nowNs);

    /** The aggregate estimate the policy works with, kW. */
    double estimateKw(long nowNs);

    /** The present target, kW. */
    double targetKw(long nowNs);

    PolicyStats stats();
}
