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
    /** Lowest phase voltage per bus over the window (NaN for buses without LV phase nodes). */
    public final double[] busVMinPu;
    /** Bus names in the order of {@link #busVMinPu}. */
    public final String[] busNames;
    public int steps;

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
        java.util.Arrays.fill(householdVMinPu, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(householdVMaxPu, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(busVMinPu, Double.NaN);
    }
}
