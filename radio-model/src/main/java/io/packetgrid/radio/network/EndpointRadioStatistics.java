package io.packetgrid.radio.network;

/**
 * What the radio network did for one device (a radio endpoint) over a run, as of a given end time
 * ({@link RadioNetwork#endpointStatistics}). A message belongs to the device that sends it (uplink, and
 * device-to-device messages, whose fate is counted end to end) or, coming from a wired endpoint, to the
 * device it is for (downlink). A message delivered after the end time is still in flight: sent, neither
 * delivered nor lost. So, over all devices, the delivered and lost counts add up to what the network
 * delivered by the end and lost, each message counted once.
 *
 * @param endpoint               the device's endpoint
 * @param aggregator             its own aggregator (the largest mean received power; during an outage it may
 *                               have used another: the cell table counts each message where it went)
 * @param uplinkSent             messages it sent (to a wired endpoint or to another device)
 * @param uplinkDelivered        of those, delivered by the end
 * @param uplinkLost             of those, lost
 * @param downlinkSent           messages from a wired endpoint to it
 * @param downlinkDelivered      of those, delivered by the end
 * @param downlinkLost           of those, lost
 * @param deviceToDeviceReceived messages from other devices delivered to it by the end (counted as theirs)
 * @param attempts               transmissions its finished messages took (HARQ rounds; preambles + Msg3 or PDSCH)
 * @param latencySumMs           sum of the one-way latencies of its delivered messages (both directions), ms:
 *                               with the delivered counts, the mean
 * @param latencyP50Ms           median of those latencies (nearest rank), ms; NaN without a delivery
 * @param latencyP99Ms           99th percentile (nearest rank), ms
 * @param latencyMaxMs           the largest, ms
 */
public record EndpointRadioStatistics(String endpoint, String aggregator, long uplinkSent, long uplinkDelivered, long uplinkLost,
                                      long downlinkSent, long downlinkDelivered, long downlinkLost, long deviceToDeviceReceived,
                                      long attempts, double latencySumMs, double latencyP50Ms, double latencyP99Ms,
                                      double latencyMaxMs) {

    /** Messages sent or addressed to it that are neither delivered nor lost at the end. */
    public long inFlight() {
        return uplinkSent - uplinkDelivered - uplinkLost + downlinkSent - downlinkDelivered - downlinkLost;
    }
}
