package io.packetgrid.pem.policy;

/**
 * Limits of the grid gate.
 *
 * @param vMinPu         lowest admissible voltage (EN 50160: 0.90 pu of 230 V)
 * @param vMaxPu         highest admissible voltage (EN 50160: 1.10 pu; IREP 2022 used 1.05)
 * @param maxLoadingPu   highest admissible asset loading after the packet (1.0 = rating)
 * @param directional    false: deny any request at a node outside limits (IREP 2022 Algorithm 1);
 *                       true: deny only packets that push further out (consumption at low
 *                       voltage, injection at high voltage)
 * @param predictive     also deny when the voltage predicted with dV/dP after the packet (and the
 *                       packets accepted since the view's flow input that still run: at that node,
 *                       and with transfer sensitivities at every node) leaves limits, at the
 *                       request's node or, with transfer sensitivities, at any node the view lists
 *                       ({@link GridGate})
 */
public record GridLimits(double vMinPu, double vMaxPu, double maxLoadingPu, boolean directional, boolean predictive) {

    public static GridLimits en50160() {
        return new GridLimits(0.90, 1.10, 1.0, false, true);
    }

    public static GridLimits irep2022() {
        return new GridLimits(0.95, 1.05, Double.POSITIVE_INFINITY, false, false);
    }
}
