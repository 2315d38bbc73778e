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

    /**
     * An end of the quiet time from {@code tS}: {@link #powerKw} is exactly +0.0 at every time in
     * [{@code tS}, the returned time). A caller that sums outputs at many times (a fleet at every step) asks it
     * once and skips the quiet points. Default: nothing known ({@code tS} itself, an empty interval).
     */
    default double quietUntilS(double tS) {
        return tS;
    }

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
