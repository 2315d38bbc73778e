package io.packetgrid.pem.protocol;

/** The frame types of docs/protocol.md (low nibble of byte 0). */
public enum FrameType {
    REQUEST(1), ACCEPT(2), DENY(3), EVENT(4), QUERY(5), STATUS(6);

    private static final FrameType[] BY_CODE = new FrameType[16];

    static {
        for (FrameType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type for a code, or null. */
    public static FrameType ofCode(int code) {
        return code >= 0 && code < 16 ? BY_CODE[code] : null;
    }

    /** Sent by devices (the server accepts only these). */
    public boolean fromDevice() {
        return this == REQUEST || this == EVENT || this == QUERY;
    }
}
