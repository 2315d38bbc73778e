package io.packetgrid.studies.coupled.target;

import io.packetgrid.pem.policy.TargetSignal;

/**
 * A piecewise-constant daily schedule: {@code kw[i]} from time of day {@code fromS[i]} until the next
 * entry, repeating every day (the last entry of a day holds until the first of the next).
 */
public final class DailySchedule implements TargetSignal {
    private static final double DAY_S = 86_400;
    private final double[] fromS;
    private final double[] kw;
    private final double startS;

    /** @param startS time of day at run time 0 */
    public DailySchedule(double[] fromS, double[] kw, double startS) {
        this.fromS = fromS.clone();
        this.kw = kw.clone();
        this.startS = startS;
    }

    @Override
    public double targetKw(long nowNs) {
        double tod = (startS + nowNs / 1e9) % DAY_S;
        int k = kw.length - 1; // before the first entry of the day: the last entry of the previous day
        for (int i = 0; i < fromS.length; i++) {
            if (fromS[i] <= tod) {
                k = i;
            }
        }
        return kw[k];
    }
}
