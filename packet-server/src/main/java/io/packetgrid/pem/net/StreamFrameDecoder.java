package io.packetgrid.pem.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.packetgrid.pem.protocol.Frames;
import java.util.List;

/**
 * TCP edge: frames of exactly 32 bytes back to back, passed on as 32-byte arrays. A frame whose version nibble is wrong means
 * the stream is misaligned or hostile: it is counted and the connection closed.
 */
public final class StreamFrameDecoder extends ByteToMessageDecoder {
    private final ServerCounters counters;

    public StreamFrameDecoder(ServerCounters counters) {
        this.counters = counters;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= Frames.FRAME_BYTES) {
            int version = (in.getByte(in.readerIndex()) & 0xF0) >>> 4;
            if (version != Frames.VERSION) {
                counters.frames.increment();
                counters.badVersion.increment();
                in.skipBytes(in.readableBytes());
                ctx.close();
                return;
            }
            byte[] bytes = new byte[Frames.FRAME_BYTES];
            in.readBytes(bytes);
            out.add(bytes); // a whole frame; FrameAuthenticator checks it
        }
    }
}
