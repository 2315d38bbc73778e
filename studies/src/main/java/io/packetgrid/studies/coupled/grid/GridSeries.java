package io.packetgrid.studies.coupled.grid;

/**
 * What a feeder's grid federate recorded at each grid step k (time k·gridStep), and over the
 * observation window per household and per bus. Plain arrays, written by the federate only.
 */
public final class GridSeries {
    public final double[] vMinPu;
    public final double[] vMaxPu;
    /** LV phase nodes outside the EN 50160 band at step k. */
    public final int[] violatingNodes;
    /** Lowest voltage over the households' connection points at step k. */
    public final double[] customerVMinPu;
    public final double[] transformerPct;
    public final double[] sourceKw;
    public final double[] loadsKw;
    public final double[] lossesKw;
    public final double[] baseKw;
    /** Net power of the households' devices (flexible consumption minus PV), kW. */
    public final double[] devicesKw;
    public final double[] householdVMinPu;
    public final double[] householdVMaxPu;
    /** Grid steps the household's connection point spent outside the band. */
    public final int[] householdViolationSteps;
    /**
     * EN 50160 (§4.2.2, LV supply voltage variations): the 10-minute means of each household's voltage over
     * the observation window, how many there were, how many lay outside the band [v_min, v_max]
     * (EN 50160: at most 5 % of them, over a week), and the lowest and highest mean (all must stay within
     * +10 % / −15 %).
     */
    public final int[] householdTenMinuteMeans;
    public final int[] householdTenMinuteOutside;
    public final double[] householdTenMinuteMinPu;
    public final double[] householdTenMinuteMaxPu;
    /** Lowest phase voltage per bus over the window (NaN for buses without LV phase nodes). */
    public final double[] busVMinPu;
    /** Bus names in the order of {@link #busVMinPu}. */
    public final String[] busNames;
    public int steps;
    /** Grid steps whose power flow did not converge and were held (feeder.on_nonconvergence: hold_last). */
    public int heldSteps;
    /**
     * MV phase nodes scored against the MV band (buses above 1 kV up to 36 kV between phases that no voltage source
     * holds; 0 for an LV feeder under its source bus), and at step k their lowest and highest voltage in pu of each
     * bus's own base and how many lay outside [mv_v_min, mv_v_max].
     */
    public int mvNodes;
    public final double[] mvVMinPu;
    public final double[] mvVMaxPu;
    public final int[] mvViolatingNodes;
    /** Households on a load above LV, scored against the MV band (EN 50160's LV band applies at LV customer points only). */
    public final boolean[] householdMv;

    /**
     * Whether a household met EN 50160's supply-voltage criterion over the window: at most 5 % of its
     * 10-minute means (1 % for a household on an MV load) outside the band it was scored against and none
     * below 0.85 pu or above 1.10 pu (Un − 15 % / + 10 %).
     */
    /** Whether household h's voltage (pu) lies outside the band of its level: EN 50160's at an LV customer point, the MV band above. */
    public boolean outside(int h, double vPu, io.packetgrid.studies.coupled.scenario.GridLimitsSpec limits) {
        return householdMv[h] ? vPu < limits.mvVMinPu() || vPu > limits.mvVMaxPu() : vPu < limits.vMinPu() || vPu > limits.vMaxPu();
    }

    public boolean en50160Compliant(int h) {
        int n = householdTenMinuteMeans[h];
        // MV (EN 50160 §5.2.2): 99 % of the 10-minute means within the band, all within Uc + 10 % / − 15 %
        double share = householdMv[h] ? 0.01 : 0.05;
        return n > 0 && householdTenMinuteOutside[h] <= share * n && householdTenMinuteMinPu[h] >= 0.85
                && householdTenMinuteMaxPu[h] <= 1.10;
    }

    public GridSeries(int steps, int households, String[] busNames) {
        int buses = busNames.length;
        this.busNames = busNames.clone();
        vMinPu = new double[steps];
        vMaxPu = new double[steps];
        violatingNodes = new int[steps];
        customerVMinPu = new double[steps];
        transformerPct = new double[steps];
        sourceKw = new double[steps];
        loadsKw = new double[steps];
        lossesKw = new double[steps];
        baseKw = new double[steps];
        devicesKw = new double[steps];
        householdVMinPu = new double[households];
        householdVMaxPu = new double[households];
        householdViolationSteps = new int[households];
        busVMinPu = new double[buses];
        mvVMinPu = new double[steps];
        mvVMaxPu = new double[steps];
        mvViolatingNodes = new int[steps];
        householdMv = new boolean[households];
        householdTenMinuteMeans = new int[households];
        householdTenMinuteOutside = new int[households];
        householdTenMinuteMinPu = new double[households];
        householdTenMinuteMaxPu = new double[households];
        java.util.Arrays.fill(householdTenMinuteMinPu, Double.NaN);
        java.util.Arrays.fill(householdTenMinuteMaxPu, Double.NaN);
        java.util.Arrays.fill(householdVMinPu, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(householdVMaxPu, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(busVMinPu, Double.NaN);
    }
}
