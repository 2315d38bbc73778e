package io.packetgrid.pem.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/** UDP edge: one datagram, one frame; copies at most 33 bytes (enough to tell oversized). */
public final class DatagramFrameDecoder extends MessageToMessageDecoder<DatagramPacket> {
    @Override
    protected void decode(ChannelHandlerContext ctx, DatagramPacket packet, List<Object> out) {
        ByteBuf content = packet.content();
        int n = content.readableBytes();
        byte[] bytes = new byte[io.packetgrid.pem.protocol.Frames.FRAME_BYTES];
        content.getBytes(content.readerIndex(), bytes, 0, Math.min(n, bytes.length));
        out.add(new RawFrameWithLength(new RawFrame(bytes, packet.sender()), n));
    }

    /** A frame and the length it arrived with (the authenticator rejects anything but 32). */
    public record RawFrameWithLength(RawFrame frame, int length) {
    }
}
