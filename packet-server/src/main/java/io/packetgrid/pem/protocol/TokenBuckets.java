package io.packetgrid.pem.protocol;

/**
 * Per-device token buckets for rate limiting (flat arrays indexed by device slot, 12 bytes per
 * device): each device may send {@code ratePerS} frames per second on average with bursts of
 * {@code burst}.
 */
public final class TokenBuckets {
    private final float[] tokens;
    private final long[] lastNs;
    private final double ratePerS;
    private final double burst;

    public TokenBuckets(int devices, double ratePerS, double burst) {
        if (!(ratePerS > 0) || !(burst >= 1)) {
            throw new IllegalArgumentException("rate must be > 0 and burst ≥ 1");
        }
        this.tokens = new float[devices];
        this.lastNs = new long[devices];
        this.ratePerS = ratePerS;
        this.burst = burst;
        java.util.Arrays.fill(tokens, (float) burst);
        java.util.Arrays.fill(lastNs, Long.MIN_VALUE);
    }

    /** Takes one token for the device in slot {@code id} at {@code nowNs}; false if its bucket is empty. */
    public boolean take(int id, long nowNs) {
        double t = tokens[id];
        long last = lastNs[id];
        if (last != Long.MIN_VALUE && nowNs > last) {
            t = Math.min(burst, t + ratePerS * (nowNs - last) / 1e9);
        }
        lastNs[id] = Math.max(last, nowNs);
        if (t >= 1) {
            tokens[id] = (float) (t - 1);
            return true;
        }
        tokens[id] = (float) t;
        return false;
    }
}
