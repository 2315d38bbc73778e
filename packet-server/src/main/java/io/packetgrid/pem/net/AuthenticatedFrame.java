package io.packetgrid.pem.net;

import io.packetgrid.pem.protocol.FrameType;
import java.net.InetSocketAddress;

/** A frame that passed every check (size, version, device, MAC, replay window, rate limit). */
public record AuthenticatedFrame(FrameType type, byte[] bytes, InetSocketAddress sender) {
}
