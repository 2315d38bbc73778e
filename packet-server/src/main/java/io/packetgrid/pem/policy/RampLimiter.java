package io.packetgrid.pem.policy;

/**
 * Limits the rate at which accepted packet power is added: a token bucket refilled at
 * {@code rateKwPerS} up to {@code burstKw}; a packet takes its power in tokens. ACC 2017 §IV
 * (rebound): a VPP ramp limit of 300 kW/min (≈ 60 packets/min of 5 kW) avoids synchronised
 * rebound and does not hurt tracking.
 */
public final class RampLimiter {
    private final double rateKwPerS;
    private final double burstKw;
    private double tokensKw;
    private long lastNs = Long.MIN_VALUE;

    public RampLimiter(double rateKwPerS, double burstKw) {
        if (!(rateKwPerS > 0) || !(burstKw > 0)) {
            throw new IllegalArgumentException("ramp rate and burst must be > 0");
        }
        this.rateKwPerS = rateKwPerS;
        this.burstKw = burstKw;
        this.tokensKw = burstKw;
    }

    /** 300 kW/min with a burst of one 10-s control step's worth (50 kW), as in ACC 2017. */
    public static RampLimiter perMinute(double kwPerMin, double burstS) {
        return new RampLimiter(kwPerMin / 60, kwPerMin / 60 * burstS);
    }

    private void refill(long nowNs) {
        if (lastNs != Long.MIN_VALUE && nowNs > lastNs) {
            tokensKw = Math.min(burstKw, tokensKw + rateKwPerS * (nowNs - lastNs) / 1e9);
        }
        lastNs = Math.max(lastNs, nowNs);
    }

    /** Whether a packet of {@code kw} may be added now; takes the tokens if so. */
    public boolean tryTake(double kw, long nowNs) {
        refill(nowNs);
        double need = Math.abs(kw);
        if (need <= tokensKw + 1e-9) {
            tokensKw -= need;
            return true;
        }
        return false;
    }

    public double rateKwPerS() {
        return rateKwPerS;
    }
}
