package io.packetgrid.pem.policy;

/** How the tracking error decides one request. */
public enum TrackingRule {
    /**
     * ACC 2017 §III: accept ("Yes") iff e = r − y &gt; 0; each acceptance reduces e by the packet's
     * power (ACC 2017 uses the fleet's average rating, 5 kW, for all).
     */
    RELAY,
    /** IREP 2022 §III: accept iff e ≥ P_rate/2 (half-packet threshold). */
    HALF_PACKET;

    public boolean accepts(double errorKw, double packetKw) {
        double p = Math.abs(packetKw);
        if (packetKw >= 0) {
            return this == RELAY ? errorKw > 0 : errorKw >= p / 2;
        }
        // injection (discharge) helps when the error is negative (Khurram TSG 2022: no overshoot)
        return this == RELAY ? errorKw < 0 : errorKw <= -p / 2;
    }
}
