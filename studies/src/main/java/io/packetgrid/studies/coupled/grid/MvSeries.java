package io.packetgrid.studies.coupled.grid;

/**
 * What an MV network's power flow recorded at each grid step k beyond its LV feeders' series: the MV
 * voltage envelope (every MV phase node, pu of its own base), the zone transformer's loading and tap,
 * and the three sides of the whole network's power balance. Plain arrays, written by the recorder only.
 */
public final class MvSeries {
    public final double[] vMinPu;
    public final double[] vMaxPu;
    /** MV phase nodes outside grid_limits' MV band. */
    public final int[] violatingNodes;
    public final double[] substationPct;
    public final double[] tap;
    public final double[] sourceKw;
    public final double[] loadsKw;
    public final double[] lossesKw;
    /** Tap moves of the zone transformer within the observation window. */
    public int tapChanges;
    public int steps;

    public MvSeries(int steps) {
        vMinPu = new double[steps];
        vMaxPu = new double[steps];
        violatingNodes = new int[steps];
        substationPct = new double[steps];
        tap = new double[steps];
        sourceKw = new double[steps];
        loadsKw = new double[steps];
        lossesKw = new double[steps];
    }
}
