package io.packetgrid.pem.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Closes a TCP connection that has sent no authentic frame (one that passed its device's MAC) for the
 * idle timeout: an idle connection, a slow one that dribbles a byte now and then, or one that sends
 * frames no device key signs, holds a descriptor for at most that long. The time of the last authentic
 * frame and a slot in its event loop's {@link IdleSweep}, which keeps the one timer for them all.
 */
final class IdleGuard extends ChannelInboundHandlerAdapter {
    private final IdleSweep sweep;
    private ChannelHandlerContext ctx;
    /** When the connection opened or last sent an authentic frame (the sweep's clock). */
    long lastNs;
    /** Its place in the sweep's table; -1 when not in it. */
    int slot = -1;

    IdleGuard(IdleSweep sweep) {
        this.sweep = sweep;
    }

    /** An authentic frame arrived (called on the channel's event loop). */
    void touch() {
        lastNs = sweep.now();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        sweep.add(this);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        sweep.remove(this);
        super.channelInactive(ctx);
    }

    /** Idle for the timeout (the sweep has already taken it out of its table). */
    void close() {
        ctx.close();
    }
}
