package io.packetgrid.pem.net;

import java.net.InetSocketAddress;

/** A 32-byte frame as received, with its sender (UDP) or null (TCP: the connection is the route). */
public record RawFrame(byte[] bytes, InetSocketAddress sender) {
}
