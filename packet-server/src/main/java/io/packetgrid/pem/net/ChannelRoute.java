package io.packetgrid.pem.net;

import io.netty.channel.Channel;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where the acknowledgements of one channel go once the journal made them durable: frames queue
 * here from the journal thread and one task on the channel's event loop writes them all and
 * flushes once (UDP: one sendmmsg batch).
 */
final class ChannelRoute {
    private final Channel channel;
    private final ConcurrentLinkedQueue<OutboundFrame> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    ChannelRoute(Channel channel) {
        this.channel = channel;
    }

    void enqueue(OutboundFrame f) {
        queue.add(f);
    }

    /** Schedules a drain if none is pending. */
    void kick() {
        if (scheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        OutboundFrame f;
        int n = 0;
        while ((f = queue.poll()) != null) {
            channel.write(f, channel.voidPromise());
            n++;
        }
        if (n > 0) {
            channel.flush();
        }
    }

    /** A pending acknowledgement: the frame and its route. */
    record Ack(ChannelRoute route, OutboundFrame frame) {
    }
}
