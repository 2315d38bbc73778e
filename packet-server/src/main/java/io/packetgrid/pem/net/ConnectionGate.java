package io.packetgrid.pem.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission of TCP connections, on the listening socket: a connection just accepted is admitted only
 * while fewer than {@code maxTotal} connections are open and fewer than {@code maxPerAddress} from its
 * source address; any other is closed at once and counted, before it is registered with an event loop
 * or given a pipeline, so that a flood of connections over the cap costs an accept and a close each.
 * A flood can then neither take the descriptors the journal needs nor crowd out other clients (UDP,
 * which needs no descriptor per client and has event loops of its own, is not affected at all).
 * {@link #release()} goes first in every admitted connection's pipeline and gives its place back
 * when it closes.
 */
@ChannelHandler.Sharable
final class ConnectionGate extends ChannelInboundHandlerAdapter {
    private final int maxTotal;
    private final int maxPerAddress;
    private final ServerCounters counters;
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final Release release = new Release();

    ConnectionGate(int maxTotal, int maxPerAddress, ServerCounters counters) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
        this.counters = counters;
    }

    int maxTotal() {
        return maxTotal;
    }

    /** The handler that gives an admitted connection's place back when it closes (first in its pipeline). */
    ChannelHandler release() {
        return release;
    }

    /** The listening socket's pipeline sees each accepted connection here, before Netty registers it. */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof Channel child && !admit(child)) {
            child.unsafe().closeForcibly(); // never registered: no event loop, no pipeline, no timer
            return;
        }
        super.channelRead(ctx, msg);
    }

    /** Counts the connection in if the caps allow it. */
    boolean admit(Channel child) {
        InetAddress from = source(child);
        if (counters.tcpOpen.incrementAndGet() > maxTotal) {
            counters.tcpOpen.decrementAndGet();
            counters.tcpRefusedTotal.increment();
            return false;
        }
        if (from != null && perAddress.computeIfAbsent(from, k -> new AtomicInteger()).incrementAndGet() > maxPerAddress) {
            release(from);
            counters.tcpOpen.decrementAndGet();
            counters.tcpRefusedPerAddress.increment();
            return false;
        }
        counters.tcpAccepted.increment();
        return true;
    }

    /** The source address a connection is counted under (null: not an IP socket, counted in the total only). */
    private static InetAddress source(Channel ch) {
        return ch.remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
    }

    private void release(InetAddress a) {
        perAddress.computeIfPresent(a, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    /** Open connections from one address (tests). */
    int openFrom(InetAddress a) {
        AtomicInteger n = perAddress.get(a);
        return n == null ? 0 : n.get();
    }

    @ChannelHandler.Sharable
    private final class Release extends ChannelInboundHandlerAdapter {
        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            // only admitted connections have this handler, and a channel goes inactive once; its remote
            // address stays cached after the close (no per-connection attribute needed to remember it)
            counters.tcpOpen.decrementAndGet();
            InetAddress from = source(ctx.channel());
            if (from != null) {
                release(from);
            }
            super.channelInactive(ctx);
        }
    }
}
