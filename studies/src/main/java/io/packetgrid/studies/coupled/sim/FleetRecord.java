package io.packetgrid.studies.coupled.sim;

import java.util.Arrays;

/** What a feeder's fleet recorded: power per device step, traffic, delays, and QoS counters. */
public final class FleetRecord {
    /** Flexible power over each device interval [k·Δt, (k+1)·Δt), after every decision in it, kW. */
    public final double[] flexKw;
    /** PV output at each device step, kW. */
    public final double[] pvKw;
    public final double[] householdEnergyKwh;
    public long requests;
    public long events;
    public long replies;
    public long unexpectedMessages;
    public long optOuts;
    public long timeouts;
    public long lateStarts;
    public long executed;
    public long denied;
    public long ignoredReplies;
    /** Acceptances that reached their device but started no packet (too late, or the device left its band). */
    public long acceptsIgnored;
    public double evUnmetKwh;
    public int evDepartures;
    public int evDeparturesShort;
    long[] latencyNs = new long[256];
    int latencyCount;

    FleetRecord(int steps, int households) {
        flexKw = new double[steps];
        pvKw = new double[steps];
        householdEnergyKwh = new double[households];
        Arrays.fill(flexKw, Double.NaN);
    }

    void latency(long ns) {
        if (latencyCount == latencyNs.length) {
            latencyNs = Arrays.copyOf(latencyNs, 2 * latencyCount);
        }
        latencyNs[latencyCount++] = ns;
    }

    /** Request → reply round trips seen by devices in the window, ns (a copy). */
    public long[] latencies() {
        return Arrays.copyOf(latencyNs, latencyCount);
    }
}
