package io.packetgrid.pem.sim;

import java.util.Arrays;

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
    final LongList latencyNs = new LongList();

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

    /** Request→reply delays of requests sent in the observation window, ns, in the order they came (a copy). */
    public long[] latenciesNs() {
        return Arrays.copyOf(latencyNs.data, latencyNs.size);
    }

    /** Request→reply delay quantile (q in [0, 1]), ms; NaN without samples. */
    public double latencyQuantileMs(double q) {
        if (latencyNs.size == 0) {
            return Double.NaN;
        }
        long[] s = Arrays.copyOf(latencyNs.data, latencyNs.size);
        Arrays.sort(s);
        int i = (int) Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
        return s[i] / 1e6;
    }

    static final class LongList {
        long[] data = new long[64];
        int size;

        void add(long v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }
    }
}
