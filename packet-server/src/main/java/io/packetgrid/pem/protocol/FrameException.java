package io.packetgrid.pem.protocol;

import io.packetgrid.cosim.error.PacketGridException;

/** A malformed or unauthentic frame, located by the byte offset at fault. */
public final class FrameException extends PacketGridException {
    private static final long serialVersionUID = 1L;

    private final Kind kind;

    /** What is wrong, one counter each on the server. */
    public enum Kind { TRUNCATED, OVERSIZED, BAD_VERSION, BAD_TYPE, UNKNOWN_DEVICE, BAD_FIELD, BAD_MAC }

    public FrameException(Kind kind, int offset, String message) {
        super("frame offset " + offset, message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
