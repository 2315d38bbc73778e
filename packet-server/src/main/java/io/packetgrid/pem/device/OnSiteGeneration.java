package io.packetgrid.pem.device;

/**
 * Non-dispatchable generation at a connection point (rooftop PV, a small wind turbine): its output at a
 * time, which a fleet subtracts from the point's device power (a household's meter). Times are seconds
 * from midnight of day 0 (the fleet's clock: the run's start time of day plus simulated time).
 */
@FunctionalInterface
public interface OnSiteGeneration {

    /** Output at {@code tS}, kW (≥ 0). */
    double powerKw(double tS);

    /** Both outputs together (null entries are nothing). */
    static OnSiteGeneration sum(OnSiteGeneration a, OnSiteGeneration b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return tS -> a.powerKw(tS) + b.powerKw(tS);
    }
}
