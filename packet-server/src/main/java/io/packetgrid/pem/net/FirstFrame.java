package io.packetgrid.pem.net;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;

/**
 * Completes a TCP connection's pipeline when its first whole frame arrives: the encoder, the
 * {@link FrameAuthenticator} and the {@link PacketDispatcher} take its place, and the frame goes on
 * to them. A connection that never sends a frame (the idle flood of docs/protocol.md "Latency") thus
 * holds only the admission, idle-timer and framing handlers: fewer objects per connection for the
 * garbage collector to copy while thousands of them are held open.
 */
@ChannelHandler.Sharable
final class FirstFrame extends ChannelInboundHandlerAdapter {
    private final ServerCore core;

    FirstFrame(ServerCore core) {
        this.core = core;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ChannelPipeline p = ctx.pipeline();
        p.addBefore(PacketServer.FRAMES, "encoder", new FrameEncoder());
        p.replace(this, "auth", new FrameAuthenticator(core)); // this context now leads to "auth"
        p.addAfter("auth", "dispatch", new PacketDispatcher(core));
        ctx.fireChannelRead(msg);
    }
}
