package io.packetgrid.pem.net;

import java.net.InetSocketAddress;

/** A signed 32-byte frame to send, to {@code recipient} (UDP) or on the connection (TCP, null). */
public record OutboundFrame(byte[] bytes, InetSocketAddress recipient) {
}
