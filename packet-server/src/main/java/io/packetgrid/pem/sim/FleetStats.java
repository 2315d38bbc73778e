package io.packetgrid.pem.sim;

import io.packetgrid.cosim.stats.ValueCounts;

/** Traffic, delay and departure counters of a device fleet. */
public final class FleetStats {
    long requests;
    long events;
    long replies;
    long unexpectedMessages;
    long acceptsIgnored;
    long departures;
    long departuresShort;
    double shortfallKwh;
    final ValueCounts latencyNs = new ValueCounts();

    public long requests() {
        return requests;
    }

    public long events() {
        return events;
    }

    public long replies() {
        return replies;
    }

    public long unexpectedMessages() {
        return unexpectedMessages;
    }

    /**
     * Acceptances that reached their device and started no packet (it was no longer waiting and the
     * reply came too late to use, or its state had left the band).
     */
    public long acceptsIgnored() {
        return acceptsIgnored;
    }

    /** Devices that left (an EV unplugged), at the control step that saw them gone. */
    public long departures() {
        return departures;
    }

    /** Departures short of the owner's need ({@link io.packetgrid.pem.device.FlexibleDevice#shortfallKwh()} &gt; 0). */
    public long departuresShort() {
        return departuresShort;
    }

    /** What those departures lacked in total, kWh. */
    public double shortfallKwh() {
        return shortfallKwh;
    }

    /**
     * Request→reply delays of requests sent in the observation window, ns, as a count per distinct delay (the
     * fleet's own: read after the run).
     */
    public ValueCounts latencies() {
        return latencyNs;
    }

    /** Request→reply delay quantile (q in [0, 1]) by the nearest rank, ms; NaN without samples. */
    public double latencyQuantileMs(double q) {
        return latencyNs.size() == 0 ? Double.NaN : latencyNs.nearestRank(q) / 1e6;
    }
}
