package io.packetgrid.pem.net;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The first handler of every TCP connection: admits it only while fewer than {@code maxTotal}
 * connections are open and fewer than {@code maxPerAddress} from its source address; any other is
 * closed at once and counted. A flood of idle connections can then neither take the descriptors the
 * journal needs nor crowd out other clients (UDP, which needs no descriptor per client, is not
 * affected at all).
 */
@ChannelHandler.Sharable
final class ConnectionGate extends ChannelInboundHandlerAdapter {
    private static final Object ADMITTED = new Object();
    private static final io.netty.util.AttributeKey<Object> KEY = io.netty.util.AttributeKey.valueOf("packetgrid.gate");

    private final int maxTotal;
    private final int maxPerAddress;
    private final ServerCounters counters;
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    ConnectionGate(int maxTotal, int maxPerAddress, ServerCounters counters) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
        this.counters = counters;
    }

    int maxTotal() {
        return maxTotal;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        InetAddress from = ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
        if (counters.tcpOpen.incrementAndGet() > maxTotal) {
            counters.tcpOpen.decrementAndGet();
            counters.tcpRefusedTotal.increment();
            ctx.close();
            return;
        }
        if (from != null && perAddress.computeIfAbsent(from, k -> new AtomicInteger()).incrementAndGet() > maxPerAddress) {
            release(from);
            counters.tcpOpen.decrementAndGet();
            counters.tcpRefusedPerAddress.increment();
            ctx.close();
            return;
        }
        ctx.channel().attr(KEY).set(ADMITTED);
        counters.tcpAccepted.increment();
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().attr(KEY).getAndSet(null) != null) {
            counters.tcpOpen.decrementAndGet();
            if (ctx.channel().remoteAddress() instanceof InetSocketAddress a) {
                release(a.getAddress());
            }
        }
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (ctx.channel().attr(KEY).get() == null) {
            io.netty.util.ReferenceCountUtil.release(msg); // a refused connection's bytes, read before it closed
            return;
        }
        super.channelRead(ctx, msg);
    }

    private void release(InetAddress a) {
        perAddress.computeIfPresent(a, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    /** Open connections from one address (tests). */
    int openFrom(InetAddress a) {
        AtomicInteger n = perAddress.get(a);
        return n == null ? 0 : n.get();
    }
}
