package io.packetgrid.radio.network;

import io.packetgrid.radio.reliability.DeliveryTimeDistribution;
import io.packetgrid.radio.reliability.Hop;
import java.util.List;

/**
 * A URLLC message's path through a {@link RadioNetwork} as its analysis sees it ({@link UrllcAnalysis#path}): the
 * radio hops with each HARQ round's failure probability ({@link Hop#roundFailure()}) and the fixed delays between
 * them, the aggregators involved, and the exact delivery-time distributions of the whole path and of its first
 * radio hop alone (the air interface, the 3GPP user-plane latency of TR 38.913 §7.5).
 */
public final class UrllcPath {
    private final String from;
    private final String to;
    private final int sizeBytes;
    private final List<Hop> hops;
    private final long extraNs;
    private final String uplinkAggregator;
    private final String downlinkAggregator;
    private final DeliveryTimeDistribution whole;
    private final DeliveryTimeDistribution firstHop;

    UrllcPath(String from, String to, int sizeBytes, List<Hop> hops, long extraNs, String uplinkAggregator,
              String downlinkAggregator) {
        this.from = from;
        this.to = to;
        this.sizeBytes = sizeBytes;
        this.hops = List.copyOf(hops);
        this.extraNs = extraNs;
        this.uplinkAggregator = uplinkAggregator;
        this.downlinkAggregator = downlinkAggregator;
        this.whole = DeliveryTimeDistribution.of(this.hops, extraNs);
        Hop h = this.hops.get(0);
        this.firstHop = this.hops.size() == 1 && h.afterNs() == 0 && extraNs == 0 ? whole
                : DeliveryTimeDistribution.of(List.of(new Hop(h.timing(), h.roundFailure(), 0)), 0);
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public int sizeBytes() {
        return sizeBytes;
    }

    /** The radio hops in order (uplink, downlink; one of them for a wired end), each with its delay after it. */
    public List<Hop> hops() {
        return hops;
    }

    /** The fixed delay before the first hop (the backhaul from a wired sender; 0 from a device). */
    public long extraNs() {
        return extraNs;
    }

    /** The core-network delay after the uplink (0 between devices of one aggregator), or 0 without an uplink. */
    public long coreNs() {
        return uplinkAggregator == null ? 0 : hops.get(0).afterNs();
    }

    /** The aggregator serving the sender (null for a wired sender). */
    public String uplinkAggregator() {
        return uplinkAggregator;
    }

    /** The aggregator serving the receiver (null for a wired receiver). */
    public String downlinkAggregator() {
        return downlinkAggregator;
    }

    /** The exact delivery-time distribution from send to delivery (arrival at a uniform phase of the frame). */
    public DeliveryTimeDistribution distribution() {
        return whole;
    }

    /** The first radio hop alone, from its arrival to its decoding (no delay before or after it). */
    public DeliveryTimeDistribution firstHop() {
        return firstHop;
    }

    @Override
    public String toString() {
        return "UrllcPath(" + from + " -> " + to + ", " + sizeBytes + " B, via " + uplinkAggregator + "/" + downlinkAggregator
                + ", loss " + whole.lossProbability() + ")";
    }
}
