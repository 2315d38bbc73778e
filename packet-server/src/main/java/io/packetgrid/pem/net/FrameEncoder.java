package io.packetgrid.pem.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/** Outbound edge: a signed frame becomes a datagram to its recipient, or bytes on the TCP stream. */
public final class FrameEncoder extends MessageToMessageEncoder<OutboundFrame> {
    @Override
    protected void encode(ChannelHandlerContext ctx, OutboundFrame f, List<Object> out) {
        // a pooled direct buffer: the native transport sends it as is (a heap buffer would be
        // copied into a new direct one, and its datagram re-wrapped, for every frame)
        io.netty.buffer.ByteBuf b = ctx.alloc().ioBuffer(f.bytes().length).writeBytes(f.bytes());
        out.add(f.recipient() != null ? new DatagramPacket(b, f.recipient()) : b);
    }
}
