package io.packetgrid.grid.protection;

/**
 * A fuse of an OpenDSS script (OpenDSS Fuse): it watches the current of one terminal of an
 * element and opens the switched element's terminal when the current has stayed above its melting
 * characteristic for the curve's time (plus {@code delayS}); the curve is in multiples of the rated
 * current (fuse.pas Sample: {@code t = FuseCurve(|I| / RatedCurrent)}).
 *
 * @param name              {@code Fuse.name}
 * @param monitored         {@code Class.name} of the monitored element
 * @param monitoredTerminal its terminal (from 1)
 * @param switched          {@code Class.name} of the element the fuse opens
 * @param switchedTerminal  its terminal (from 1)
 * @param ratedA            rated current (A)
 * @param curve             melting characteristic in multiples of {@code ratedA}
 * @param delayS            fixed delay added to the curve's time (s)
 */
public record FuseSettings(String name, String monitored, int monitoredTerminal, String switched, int switchedTerminal,
                           double ratedA, TccCurve curve, double delayS) {

    /** Melting time (s) under a constant current (A); +∞ below the curve's first point. */
    public double operateTimeS(double currentA) {
        double t = curve.timeS(currentA / ratedA);
        return Double.isInfinite(t) ? t : t + delayS;
    }

    /** The current (A) above which the fuse starts to melt. */
    public double pickupA() {
        return curve.pickupMultiple() * ratedA;
    }
}
