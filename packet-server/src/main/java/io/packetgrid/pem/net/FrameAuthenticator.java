package io.packetgrid.pem.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.packetgrid.pem.protocol.FrameType;
import io.packetgrid.pem.protocol.Frames;
import java.util.List;

/**
 * Lets through only authentic, fresh, not rate-limited device frames (checks in
 * {@link ServerCore#authenticate}); answers a retransmitted accepted request with its ACCEPT again.
 * Everything else is counted and dropped here: nothing hostile reaches the policy. On TCP an
 * authentic frame also tells the connection's {@link IdleGuard} that it is in use.
 */
public final class FrameAuthenticator extends MessageToMessageDecoder<DatagramFrameDecoder.RawFrameWithLength> {
    private final ServerCore core;
    private IdleGuard idle;

    public FrameAuthenticator(ServerCore core) {
        this.core = core;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        idle = ctx.pipeline().get(IdleGuard.class);
        super.handlerAdded(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, DatagramFrameDecoder.RawFrameWithLength in, List<Object> out) {
        RawFrame f = in.frame();
        switch (core.authenticate(f.bytes(), in.length())) {
            case PROCESS -> {
                touch();
                out.add(new AuthenticatedFrame(Frames.type(f.bytes()), f.bytes(), f.sender()));
            }
            case RESEND -> {
                touch();
                ctx.write(new OutboundFrame(core.resendFrame(f.bytes()), f.sender()));
            }
            case DROP -> { }
        }
    }

    private void touch() {
        if (idle != null) {
            idle.touch();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        ctx.flush();
        super.channelReadComplete(ctx);
    }

    static boolean isRequest(AuthenticatedFrame f) {
        return f.type() == FrameType.REQUEST;
    }
}
