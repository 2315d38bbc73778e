package io.packetgrid.grid.protection;

/**
 * The voltage an island settles at once its feeder breaker opens, for passive anti-islanding: the DG
 * inverters keep injecting their active power (constant-current control), the loads are taken as
 * constant impedances, so the island voltage follows from the power balance
 * {@code P_load,nom (V/Vn)^2 = P_DG}: {@code V/Vn = sqrt(P_DG / P_load,nom)} (the power-balance reasoning
 * behind the non-detection zone of passive anti-islanding: Ye, Kolwalkar, Zhang, Du and Walling,
 * "Evaluation of anti-islanding schemes based on nondetection zone concept", IEEE Trans. Power
 * Electronics 19(5), 2004, §II). A balanced island stays near nominal voltage: passive relays do not
 * see it, which is why a transfer trip is needed.
 */
public final class IslandVoltage {
    private IslandVoltage() {
    }

    /** Island voltage in pu of nominal; 0 when nothing generates, +∞ when nothing consumes. */
    public static double pu(double dgKw, double loadKw) {
        if (!(dgKw > 0)) {
            return 0;
        }
        if (!(loadKw > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.sqrt(dgKw / loadKw);
    }
}
