package io.packetgrid.grid.protection;

/**
 * One overcurrent stage (ANSI 51 with an inverse curve, 50/51 definite time): it starts when the
 * measured current exceeds {@code pickupA} and operates after the curve's time (IEC 60255-151) or the
 * definite delay. Under a current that changes in steps the stage integrates {@code ∫ dt / t(G)} and
 * operates when the integral reaches 1 (IEC 60255-151:2009 §5.2, dependent-time operation under varying
 * quantities); {@link InverseTimeIntegrator} does that for the co-simulation.
 *
 * @param curve        time characteristic
 * @param pickupA      setting value Gs, primary amperes
 * @param tms          time multiplier setting (inverse curves)
 * @param delayS       definite-time delay (definite time), or an extra fixed delay added to the curve
 * @param maxMultiple  G/Gs above which the curve's time is held (default 20)
 */
public record OvercurrentElement(TimeCurve curve, double pickupA, double tms, double delayS, double maxMultiple) {

    public OvercurrentElement {
        if (!(pickupA > 0) || Double.isInfinite(pickupA)) {
            throw new IllegalArgumentException("pickup must be a positive current, got " + pickupA);
        }
        if (curve.inverse() && !(tms > 0)) {
            throw new IllegalArgumentException("time multiplier must be > 0, got " + tms);
        }
        if (!(delayS >= 0) || Double.isInfinite(delayS)) {
            throw new IllegalArgumentException("delay must be ≥ 0 s, got " + delayS);
        }
        if (!(maxMultiple > 1)) {
            throw new IllegalArgumentException("max multiple must be > 1, got " + maxMultiple);
        }
    }

    /** An IEC inverse stage. */
    public static OvercurrentElement inverse(TimeCurve curve, double pickupA, double tms) {
        return new OvercurrentElement(curve, pickupA, tms, 0, 20);
    }

    /** A definite-time stage. */
    public static OvercurrentElement definite(double pickupA, double delayS) {
        return new OvercurrentElement(TimeCurve.DEFINITE_TIME, pickupA, 0, delayS, 20);
    }

    /** Whether the stage starts at this current. */
    public boolean picksUp(double currentA) {
        return currentA > pickupA;
    }

    /** Operate time (s) under a constant current, +∞ if it does not start. */
    public double operateTimeS(double currentA) {
        if (!picksUp(currentA)) {
            return Double.POSITIVE_INFINITY;
        }
        if (!curve.inverse()) {
            return delayS;
        }
        return curve.inverseTimeS(currentA / pickupA, tms, maxMultiple) + delayS;
    }
}
