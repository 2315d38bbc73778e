package io.packetgrid.studies.coupled.sim;

import io.packetgrid.pem.packet.DeviceEvent;
import io.packetgrid.pem.packet.PacketReply;
import io.packetgrid.pem.packet.PacketRequest;
import io.packetgrid.pem.policy.PacketPolicy;
import io.packetgrid.pem.policy.PolicyStats;
import java.util.List;

/**
 * The server's ledger of accepted packets around its policy: every acceptance it sends (count and
 * energy), so that a run can check that the packets the server granted are the packets the devices
 * ran, up to the accept replies the network lost.
 */
public final class LedgerPolicy implements PacketPolicy {
    private final PacketPolicy policy;
    private long accepted;
    private double acceptedKwh;

    public LedgerPolicy(PacketPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<PacketReply> decide(List<PacketRequest> batch, long nowNs) {
        List<PacketReply> replies = policy.decide(batch, nowNs);
        for (int i = 0; i < replies.size(); i++) {
            PacketReply r = replies.get(i);
            if (r.accepted()) {
                accepted++;
                acceptedKwh += Math.abs(batch.get(i).ratedKw()) * r.durationNs() / 3.6e12;
            }
        }
        return replies;
    }

    @Override
    public void onEvent(DeviceEvent event, long nowNs) {
        policy.onEvent(event, nowNs);
    }

    @Override
    public double estimateKw(long nowNs) {
        return policy.estimateKw(nowNs);
    }

    @Override
    public double targetKw(long nowNs) {
        return policy.targetKw(nowNs);
    }

    @Override
    public PolicyStats stats() {
        return policy.stats();
    }

    /** Packets granted. */
    public long accepted() {
        return accepted;
    }

    /** Energy granted (rated power × packet length), kWh. */
    public double acceptedKwh() {
        return acceptedKwh;
    }
}
