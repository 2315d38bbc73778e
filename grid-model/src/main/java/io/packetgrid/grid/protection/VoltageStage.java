package io.packetgrid.grid.protection;

/**
 * One definite-time voltage stage (ANSI 27 under-, 59 over-voltage): it starts when any measured phase
 * voltage is below (under) or above (over) {@code thresholdPu} and operates after {@code delayS}.
 *
 * @param over        true for over-voltage, false for under-voltage
 * @param thresholdPu threshold in per unit of the nominal phase voltage
 * @param delayS      clearing time (s)
 */
public record VoltageStage(boolean over, double thresholdPu, double delayS) {

    public VoltageStage {
        if (!(thresholdPu > 0) || Double.isInfinite(thresholdPu)) {
            throw new IllegalArgumentException("voltage threshold must be a positive per-unit value, got " + thresholdPu);
        }
        if (!(delayS >= 0) || Double.isInfinite(delayS)) {
            throw new IllegalArgumentException("delay must be ≥ 0 s, got " + delayS);
        }
    }

    public static VoltageStage under(double pu, double delayS) {
        return new VoltageStage(false, pu, delayS);
    }

    public static VoltageStage over(double pu, double delayS) {
        return new VoltageStage(true, pu, delayS);
    }

    /** Whether the stage starts for these phase voltages (pu). */
    public boolean starts(double[] vPu) {
        for (double v : vPu) {
            if (over ? v > thresholdPu : v < thresholdPu) {
                return true;
            }
        }
        return false;
    }
}
