package io.packetgrid.pem.policy;

import io.packetgrid.pem.packet.DeviceEvent;

/** The server's estimate of the flexible fleet's present power, kW. */
public interface AggregateEstimator {

    double estimateKw(long nowNs);

    /** A packet of {@code kw} (signed) was accepted to run over [startNs, endNs). */
    void onAccepted(double kw, long startNs, long endNs);

    /** The same, knowing the device (so that an interruption can cancel that packet's timer). */
    default void onAccepted(long deviceId, double kw, long startNs, long endNs) {
        onAccepted(kw, startNs, endNs);
    }

    /** A device reported an event (opt-out, interruption, rejoin). */
    void onEvent(DeviceEvent event, long nowNs);
}
