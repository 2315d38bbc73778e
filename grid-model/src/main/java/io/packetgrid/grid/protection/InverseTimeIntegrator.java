package io.packetgrid.grid.protection;

/**
 * The time-varying operation of one overcurrent stage: between changes of the measured current the
 * stage accumulates {@code Δt / t(G)}, and operates when the sum reaches 1 (IEC 60255-151:2009,
 * dependent-time characteristic under varying quantities; a definite-time stage is the special case
 * t(G) = delay). Below pickup it resets at once (instantaneous reset, the usual setting for
 * electronic relays).
 */
public final class InverseTimeIntegrator {
    private final OvercurrentElement stage;
    private double progress;      // ∫ dt / t(G) so far
    private double currentA;
    private double sinceS = Double.NaN;

    public InverseTimeIntegrator(OvercurrentElement stage) {
        this.stage = stage;
    }

    /** The current changes to {@code currentA} at time {@code nowS}. */
    public void update(double nowS, double currentA) {
        advance(nowS);
        this.currentA = currentA;
        if (!stage.picksUp(currentA)) {
            progress = 0;
        }
    }

    private void advance(double nowS) {
        if (!Double.isNaN(sinceS) && stage.picksUp(this.currentA)) {
            double t = stage.operateTimeS(this.currentA);
            progress += (nowS - sinceS) / t;
        }
        sinceS = nowS;
    }

    /** Whether the stage is started (measuring above pickup). */
    public boolean started() {
        return stage.picksUp(currentA);
    }

    /** The time at which it operates if the current stays as it is (+∞ if never). */
    public double operateAtS() {
        if (!stage.picksUp(currentA)) {
            return Double.POSITIVE_INFINITY;
        }
        double t = stage.operateTimeS(currentA);
        return sinceS + Math.max(0.0, 1.0 - progress) * t;
    }

    public OvercurrentElement stage() {
        return stage;
    }
}
