package io.packetgrid.pem.policy;

import io.packetgrid.pem.packet.DeviceEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Aggregate estimate from the request/response stream alone (IREP 2022 §III, PEM-NOTES §3.2;
 * with per-packet timers as Khurram et al. TSG 2022 §3.3): demand rises when packets are accepted
 * or devices opt out (exit-ON), and falls when a packet expires (timer) or is interrupted, or an
 * opted-out device rejoins. {@code baseKw} is the initial estimate (e.g. from a measurement).
 * An interruption cancels the device's running packet, so its expiry is not counted twice.
 */
public final class EventEstimator implements AggregateEstimator {
    /** {end_ns, kW bits, device id (−1 unknown), cancelled 0/1}. */
    private final PriorityQueue<long[]> timers = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    private final Map<Long, long[]> running = new HashMap<>();
    private double kw;
    private long expired;

    public EventEstimator(double baseKw) {
        this.kw = baseKw;
    }

    @Override
    public double estimateKw(long nowNs) {
        while (!timers.isEmpty() && timers.peek()[0] <= nowNs) {
            long[] t = timers.poll();
            if (t[3] != 0) {
                continue; // interrupted earlier: already subtracted
            }
            kw -= Double.longBitsToDouble(t[1]);
            expired++;
            if (t[2] >= 0) {
                running.remove(t[2], t);
            }
        }
        return kw;
    }

    @Override
    public void onAccepted(double packetKw, long startNs, long endNs) {
        onAccepted(-1, packetKw, startNs, endNs);
    }

    @Override
    public void onAccepted(long deviceId, double packetKw, long startNs, long endNs) {
        kw += packetKw;
        long[] t = {endNs, Double.doubleToRawLongBits(packetKw), deviceId, 0};
        timers.add(t);
        if (deviceId >= 0) {
            running.put(deviceId, t);
        }
    }

    @Override
    public void onEvent(DeviceEvent e, long nowNs) {
        if (e.type() == DeviceEvent.Type.INTERRUPT) {
            long[] t = running.remove(e.deviceId());
            if (t != null && t[3] == 0 && t[0] > nowNs) {
                t[3] = 1;
                kw -= Double.longBitsToDouble(t[1]); // the packet's own signed power
                return;
            }
        }
        kw += e.type().sign() * e.powerKw();
    }

    /** Packets counted as expired so far. */
    public long expired() {
        return expired;
    }

    public int activePackets() {
        return running.size();
    }
}
