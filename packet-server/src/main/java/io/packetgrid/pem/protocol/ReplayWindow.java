package io.packetgrid.pem.protocol;

/**
 * Per-device anti-replay windows (after RFC 4303 §3.4.3): the highest sequence number seen and a
 * 64-bit bitmap of the 64 below it. Flat arrays indexed by device slot ({@link DeviceKeys#slot}): 16 bytes per device.
 * Not thread-safe per device: callers serialise access to one device.
 */
public final class ReplayWindow {
    public static final int WIDTH = 64;

    /** Verdicts. */
    public enum Verdict { FRESH, DUPLICATE, TOO_OLD }

    private final long[] highest;
    private final long[] bitmap;

    public ReplayWindow(int devices) {
        highest = new long[devices];
        bitmap = new long[devices];
    }

    /** Whether {@code seq} is new for the device (does not record it). */
    public Verdict check(int id, long seq) {
        long h = highest[id];
        if (seq > h) {
            return Verdict.FRESH;
        }
        long back = h - seq;
        if (back >= WIDTH || seq == 0) {
            return Verdict.TOO_OLD;
        }
        return (bitmap[id] & (1L << back)) != 0 ? Verdict.DUPLICATE : Verdict.FRESH;
    }

    /** Records {@code seq} as seen. */
    public void mark(int id, long seq) {
        long h = highest[id];
        if (seq > h) {
            long shift = seq - h;
            bitmap[id] = shift >= WIDTH ? 1L : (bitmap[id] << shift) | 1L;
            highest[id] = seq;
        } else {
            long back = h - seq;
            if (back < WIDTH) {
                bitmap[id] |= 1L << back;
            }
        }
    }

    public long highest(int id) {
        return highest[id];
    }
}
