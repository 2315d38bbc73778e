package io.packetgrid.pem.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/** Outbound edge: a signed frame becomes a datagram to its recipient, or bytes on the TCP stream. */
public final class FrameEncoder extends MessageToMessageEncoder<OutboundFrame> {
    @Override
    protected void encode(ChannelHandlerContext ctx, OutboundFrame f, List<Object> out) {
        if (f.recipient() != null) {
            out.add(new DatagramPacket(Unpooled.wrappedBuffer(f.bytes()), f.recipient()));
        } else {
            out.add(Unpooled.wrappedBuffer(f.bytes()));
        }
    }
}
