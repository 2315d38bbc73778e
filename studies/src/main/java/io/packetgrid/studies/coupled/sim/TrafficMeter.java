package io.packetgrid.studies.coupled.sim;

import io.packetgrid.cosim.stats.ValueCounts;
import io.packetgrid.cosim.message.Delivery;
import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.message.Network;
import io.packetgrid.pem.packet.PacketReply;

/**
 * Counts what a network does with the study's messages, whatever the network (ideal, fixed, radio):
 * messages sent, delivered (by the end of the run) and lost, the one-way latency of each delivery, and the
 * acceptances sent, delivered and lost on the way to their device (a packet the server granted that the
 * device never ran).
 */
public final class TrafficMeter implements Network {
    private final Network inner;
    private final long observeFromNs;
    private final long endNs;
    private Delivery wrapped;
    private Delivery kernel;
    private long sent;
    private long delivered;
    private long lost;
    private long acceptsLost;
    private long acceptsSent;
    private long acceptsDelivered;
    private final ValueCounts latencyNs = new ValueCounts();

    /**
     * @param observeFromNs latencies count for messages sent from this time on
     * @param endNs         the run's end: a message due later is still in flight when the run stops
     */
    public TrafficMeter(Network inner, long observeFromNs, long endNs) {
        this.inner = inner;
        this.observeFromNs = observeFromNs;
        this.endNs = endNs;
    }

    private Delivery wrap(Delivery out) {
        if (out != kernel) {
            kernel = out;
            wrapped = new Delivery() {
                @Override
                public void deliver(Message m, long atNs) {
                    if (atNs > endNs) { // arrives after the run: neither delivered nor lost
                        out.deliver(m, atNs);
                        return;
                    }
                    delivered++;
                    if (m.payload() instanceof PacketReply r && r.accepted()) {
                        acceptsDelivered++;
                    }
                    if (m.sentNs() >= observeFromNs) {
                        latencyNs.add(atNs - m.sentNs());
                    }
                    out.deliver(m, atNs);
                }

                @Override
                public void drop(Message m, String reason) {
                    lost++;
                    if (m.payload() instanceof PacketReply r && r.accepted()) {
                        acceptsLost++;
                    }
                    out.drop(m, reason);
                }
            };
        }
        return wrapped;
    }

    @Override
    public void submit(Message message, long nowNs, Delivery out) {
        sent++;
        if (message.payload() instanceof PacketReply r && r.accepted()) {
            acceptsSent++;
        }
        inner.submit(message, nowNs, wrap(out));
    }

    @Override
    public long nextEventNs() {
        return inner.nextEventNs();
    }

    @Override
    public void advance(long nowNs, Delivery out) {
        inner.advance(nowNs, wrap(out));
    }

    @Override
    public void finish(long endNs) {
        inner.finish(endNs);
    }

    public Network inner() {
        return inner;
    }

    public long sent() {
        return sent;
    }

    public long delivered() {
        return delivered;
    }

    public long lost() {
        return lost;
    }

    public long acceptsLost() {
        return acceptsLost;
    }

    /** Acceptances the server handed to the network. */
    public long acceptsSent() {
        return acceptsSent;
    }

    /** Acceptances that reached their device. */
    public long acceptsDelivered() {
        return acceptsDelivered;
    }

    /** One-way latencies of messages sent in the window, ns (the meter's own: read after the run). */
    public ValueCounts latencies() {
        return latencyNs;
    }
}
