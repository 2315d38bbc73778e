package io.packetgrid.pem.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.packetgrid.pem.protocol.Frames;

/**
 * TCP edge: frames of exactly 32 bytes back to back, passed on as 32-byte arrays. A frame whose version nibble is wrong means
 * the stream is misaligned or hostile: it is counted and the connection closed.
 *
 * <p>Every read buffer is released at once: the start of a frame split between reads waits in a 32-byte array of its own
 * (which then goes on as that frame). A connection of the idle flood, which sends one byte and stops, thus holds one small
 * array instead of Netty's read buffer (a buffer object, its reference count and 2 KB of the allocator's memory, as a
 * {@code ByteToMessageDecoder}'s cumulation did).
 */
public final class StreamFrameDecoder extends ChannelInboundHandlerAdapter {
    private final ServerCounters counters;
    /** The start of a frame split between reads; null when none. */
    private byte[] partial;
    private int have;
    /** A misaligned or hostile stream was seen: the connection is closing, nothing more is read. */
    private boolean refused;

    public StreamFrameDecoder(ServerCounters counters) {
        this.counters = counters;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            while (!refused && in.isReadable()) {
                byte[] frame;
                if (partial == null && in.readableBytes() >= Frames.FRAME_BYTES) {
                    frame = new byte[Frames.FRAME_BYTES];
                    in.readBytes(frame);
                } else {
                    if (partial == null) {
                        partial = new byte[Frames.FRAME_BYTES];
                    }
                    int n = Math.min(Frames.FRAME_BYTES - have, in.readableBytes());
                    in.readBytes(partial, have, n);
                    have += n;
                    if (have < Frames.FRAME_BYTES) {
                        return;
                    }
                    frame = partial;
                    partial = null;
                    have = 0;
                }
                pass(ctx, frame);
            }
        } finally {
            in.release();
        }
    }

    private void pass(ChannelHandlerContext ctx, byte[] frame) {
        if ((frame[0] & 0xF0) >>> 4 != Frames.VERSION) {
            counters.frames.increment();
            counters.badVersion.increment();
            refused = true;
            ctx.close();
            return;
        }
        ctx.fireChannelRead(frame); // a whole frame; FrameAuthenticator checks it
    }
}
