package io.packetgrid.pem.policy;

import io.packetgrid.pem.packet.DeviceEvent;
import java.util.PriorityQueue;

/**
 * Aggregate estimate from the request/response stream alone (IREP 2022 §III, PEM-NOTES §3.2;
 * with per-packet timers as Khurram et al. TSG 2022 §3.3): demand rises when packets are accepted
 * or devices opt out (exit-ON), and falls when a packet expires (timer) or is interrupted, or an
 * opted-out device rejoins. {@code baseKw} is the initial estimate (e.g. from a measurement).
 */
public final class EventEstimator implements AggregateEstimator {
    private final PriorityQueue<long[]> timers = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    private double kw;
    private long expired;

    public EventEstimator(double baseKw) {
        this.kw = baseKw;
    }

    @Override
    public double estimateKw(long nowNs) {
        while (!timers.isEmpty() && timers.peek()[0] <= nowNs) {
            kw -= Double.longBitsToDouble(timers.poll()[1]);
            expired++;
        }
        return kw;
    }

    @Override
    public void onAccepted(double packetKw, long startNs, long endNs) {
        kw += packetKw;
        timers.add(new long[] {endNs, Double.doubleToRawLongBits(packetKw)});
    }

    @Override
    public void onEvent(DeviceEvent e, long nowNs) {
        kw += e.type().sign() * e.powerKw();
    }

    /** Packets counted as expired so far. */
    public long expired() {
        return expired;
    }

    public int activePackets() {
        return timers.size();
    }
}
