package io.packetgrid.pem.protocol;

/** Sizes and offsets of the 32-byte frame (docs/protocol.md). */
public final class Frames {
    public static final int VERSION = 1;
    public static final int FRAME_BYTES = 32;
    public static final int MAC_OFFSET = 24;
    public static final int MAC_BYTES = 8;
    public static final int KEY_BYTES = 32;

    static final int OFF_DEVICE = 1;
    static final int OFF_SEQ = 5;
    static final int OFF_CLASS = 9;
    static final int OFF_PRIORITY = 10;
    static final int OFF_POWER = 11;
    static final int OFF_DURATION = 13;
    static final int OFF_BUS = 15;
    static final int OFF_PHASE = 18;
    static final int OFF_EVENT = 19;
    static final int OFF_QUERIED_SEQ = 19;
    static final int OFF_REASON = 9;
    static final int OFF_START_MS = 10;
    static final int OFF_DURATION_MS = 18;

    private Frames() {
    }

    static int u8(byte[] f, int o) {
        return f[o] & 0xFF;
    }

    static int s16(byte[] f, int o) {
        return (short) (((f[o] & 0xFF) << 8) | (f[o + 1] & 0xFF));
    }

    static int u16(byte[] f, int o) {
        return ((f[o] & 0xFF) << 8) | (f[o + 1] & 0xFF);
    }

    static int u24(byte[] f, int o) {
        return ((f[o] & 0xFF) << 16) | ((f[o + 1] & 0xFF) << 8) | (f[o + 2] & 0xFF);
    }

    public static long u32(byte[] f, int o) {
        return ((long) (f[o] & 0xFF) << 24) | ((f[o + 1] & 0xFF) << 16) | ((f[o + 2] & 0xFF) << 8) | (f[o + 3] & 0xFF);
    }

    static long s64(byte[] f, int o) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (f[o + i] & 0xFF);
        }
        return v;
    }

    static void put16(byte[] f, int o, int v) {
        f[o] = (byte) (v >>> 8);
        f[o + 1] = (byte) v;
    }

    static void put24(byte[] f, int o, int v) {
        f[o] = (byte) (v >>> 16);
        f[o + 1] = (byte) (v >>> 8);
        f[o + 2] = (byte) v;
    }

    static void put32(byte[] f, int o, long v) {
        f[o] = (byte) (v >>> 24);
        f[o + 1] = (byte) (v >>> 16);
        f[o + 2] = (byte) (v >>> 8);
        f[o + 3] = (byte) v;
    }

    static void put64(byte[] f, int o, long v) {
        for (int i = 7; i >= 0; i--) {
            f[o + i] = (byte) v;
            v >>>= 8;
        }
    }

    /** The frame type of a frame (low nibble of byte 0). */
    public static FrameType type(byte[] f) {
        return FrameType.ofCode(f[0] & 0x0F);
    }

    public static int version(byte[] f) {
        return (f[0] & 0xF0) >>> 4;
    }

    public static long deviceId(byte[] f) {
        return u32(f, OFF_DEVICE);
    }

    public static long seq(byte[] f) {
        return u32(f, OFF_SEQ);
    }
}
