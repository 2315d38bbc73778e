package io.packetgrid.pem.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.packetgrid.pem.protocol.FrameType;
import io.packetgrid.pem.protocol.Frames;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * Lets through only authentic, fresh, not rate-limited device frames (checks in
 * {@link ServerCore#authenticate}); answers a retransmitted accepted request with its ACCEPT again.
 * Everything else is counted and dropped here: nothing hostile reaches the policy. On TCP an
 * authentic frame also tells the connection's {@link IdleGuard} that it is in use.
 *
 * <p>It is the UDP edge too: a datagram is checked in a scratch array of this handler (one event
 * loop per channel) and copied only once it passed, so a rejected datagram, most of a hostile
 * flood, costs no allocation here. TCP frames come from {@link StreamFrameDecoder} as 32-byte arrays.
 */
public final class FrameAuthenticator extends ChannelInboundHandlerAdapter {
    private final ServerCore core;
    /**
     * UDP's datagram check (unused on TCP). Made with the handler, not at its first datagram: that null test
     * on the hot path was a branch the code compiled during the warm-up had never taken, and the real
     * server's first datagram made the JIT throw that code away and compile it again under the load.
     */
    private final byte[] scratch = new byte[Frames.FRAME_BYTES];
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
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof DatagramPacket packet) {
            try {
                ByteBuf content = packet.content();
                int n = content.readableBytes(); // anything but 32 is rejected by its length alone
                int copied = Math.min(n, scratch.length);
                content.getBytes(content.readerIndex(), scratch, 0, copied);
                Arrays.fill(scratch, copied, scratch.length, (byte) 0);
                check(ctx, scratch, n, packet.sender(), true);
            } finally {
                packet.release();
            }
        } else if (msg instanceof byte[] frame) {
            check(ctx, frame, frame.length, null, false);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    /** @param shared whether {@code f} is the scratch array (copied before it is passed on) */
    private void check(ChannelHandlerContext ctx, byte[] f, int length, InetSocketAddress sender, boolean shared) {
        switch (core.authenticate(f, length)) {
            case PROCESS -> {
                touch();
                byte[] bytes = shared ? f.clone() : f;
                ctx.fireChannelRead(new AuthenticatedFrame(Frames.type(bytes), bytes, sender));
            }
            case RESEND -> {
                touch();
                ctx.write(new OutboundFrame(core.resendFrame(f), sender));
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
