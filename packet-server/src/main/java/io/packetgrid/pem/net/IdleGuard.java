package io.packetgrid.pem.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a TCP connection that has sent no authentic frame (one that passed its device's MAC) for
 * {@code timeoutNs}: an idle connection, a slow one that dribbles a byte now and then, or one that
 * sends frames no device key signs, holds a descriptor for at most that long. One timer per
 * connection on its own event loop, moved forward only when it fires.
 */
final class IdleGuard extends ChannelInboundHandlerAdapter {
    private final long timeoutNs;
    private final ServerCounters counters;
    private long lastNs;
    private ScheduledFuture<?> timer;

    IdleGuard(long timeoutNs, ServerCounters counters) {
        this.timeoutNs = timeoutNs;
        this.counters = counters;
    }

    /** An authentic frame arrived (called on the channel's event loop). */
    void touch() {
        lastNs = System.nanoTime();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        lastNs = System.nanoTime();
        schedule(ctx, timeoutNs);
        super.channelActive(ctx);
    }

    private void schedule(ChannelHandlerContext ctx, long delayNs) {
        timer = ctx.executor().schedule(() -> check(ctx), delayNs, TimeUnit.NANOSECONDS);
    }

    private void check(ChannelHandlerContext ctx) {
        if (!ctx.channel().isOpen()) {
            return;
        }
        long idle = System.nanoTime() - lastNs;
        if (idle >= timeoutNs) {
            counters.tcpIdleClosed.increment();
            ctx.close();
        } else {
            schedule(ctx, timeoutNs - idle);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (timer != null) {
            timer.cancel(false);
        }
        super.channelInactive(ctx);
    }
}
