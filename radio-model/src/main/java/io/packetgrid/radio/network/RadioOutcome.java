package io.packetgrid.radio.network;

/**
 * What the radio network did with one message.
 *
 * @param messageId    the kernel's message id
 * @param from         sending endpoint
 * @param to           receiving endpoint
 * @param serviceClass urllc or mmtc (null for wired-to-wired messages)
 * @param direction    uplink, downlink, device-to-device or wired
 * @param sentNs       send time
 * @param delivered    true if delivered
 * @param latencyNs    delivery time − send time (−1 if lost)
 * @param attempts     transmissions it took: HARQ rounds for URLLC; preambles + Msg3 or PDSCH
 *                     transmissions for mMTC
 * @param reason       loss reason ({@code harq}, {@code rach}, {@code msg3}, {@code deadline}, {@code outage}: held by an
 *                     aggregator that went down, {@code no_service}: no aggregator to send through), or
 *                     {@code late} for a delivery past the class deadline, else empty
 */
public record RadioOutcome(long messageId, String from, String to, ServiceClass serviceClass, Direction direction,
                           long sentNs, boolean delivered, long latencyNs, int attempts, String reason) {

    /** Which way a message travels. */
    public enum Direction { UPLINK, DOWNLINK, DEVICE_TO_DEVICE, WIRED }
}
