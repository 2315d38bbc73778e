package io.packetgrid.pem.policy;

import io.packetgrid.pem.packet.DeviceEvent;
import java.util.ArrayDeque;

/**
 * Aggregate estimate from a measurement of the fleet's power (ACC 2017 §III: y(t) measured), plus
 * the packets accepted since that measurement was taken (not yet in it). The measurement may be
 * stale: that is what makes measurement delay hurt tracking (Khurram et al. TSG 2022, PEM-NOTES §4.4).
 */
public final class MeasuredEstimator implements AggregateEstimator {
    private final ArrayDeque<double[]> sinceMeasurement = new ArrayDeque<>();
    private double measuredKw;
    private long measuredAtNs = Long.MIN_VALUE;

    /** A new measurement of the fleet's power taken at {@code atNs}. */
    public void measure(double kw, long atNs) {
        measuredKw = kw;
        measuredAtNs = atNs;
        while (!sinceMeasurement.isEmpty() && sinceMeasurement.peekFirst()[0] < atNs) {
            sinceMeasurement.pollFirst();
        }
    }

    @Override
    public double estimateKw(long nowNs) {
        double kw = measuredKw;
        for (double[] p : sinceMeasurement) {
            if (p[2] > nowNs) {
                kw += p[1];
            }
        }
        return kw;
    }

    @Override
    public void onAccepted(double kw, long startNs, long endNs) {
        sinceMeasurement.addLast(new double[] {startNs, kw, endNs});
    }

    @Override
    public void onEvent(DeviceEvent event, long nowNs) {
        // measured power already shows opt-outs
    }

    public long measuredAtNs() {
        return measuredAtNs;
    }
}
