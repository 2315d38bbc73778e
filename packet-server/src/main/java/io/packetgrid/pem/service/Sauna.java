package io.packetgrid.pem.service;

/**
 * A sauna heating to a target temperature by a deadline. One thermal node,
 * {@code C dT/dt = P − UA·(T − T_amb)}, integrated exactly over each interval of constant power:
 * {@code T(t) = T∞ + (T(0) − T∞)·e^(−t/τ)}, {@code T∞ = T_amb + P/UA}, {@code τ = C/UA} (Newton's law
 * of cooling with a constant source; e.g. Incropera &amp; DeWitt, lumped capacitance, §5.3). Its need,
 * at any time, is the heating time at full power from its present temperature to the target,
 * {@code t_h = τ·ln((T − T∞)/(T_target − T∞))}: it may be pre-heated early (then it cools while it
 * waits, and needs more) or heated late at full power; at the latest it starts at deadline − t_h.
 */
public final class Sauna {
    private final SaunaParams p;
    private double tempC;

    public Sauna(SaunaParams p, double tempC) {
        this.p = p;
        this.tempC = tempC;
    }

    public double tempC() {
        return tempC;
    }

    public SaunaParams params() {
        return p;
    }

    /** Advances {@code dtS} seconds at {@code powerKw} (exact for constant power). */
    public void advance(double dtS, double powerKw) {
        double inf = p.steadyC(powerKw);
        tempC = inf + (tempC - inf) * Math.exp(-dtS / p.tauS());
    }

    /** Heating time at full power from {@code fromC} to {@code toC}, s (0 if already there, ∞ if out of reach). */
    public static double heatUpS(SaunaParams p, double fromC, double toC) {
        return heatUpS(p, fromC, toC, p.heaterKw());
    }

    /**
     * Heating time at {@code powerKw} from {@code fromC} to {@code toC}, s: {@code τ·ln((T − T∞)/(T_target − T∞))} with
     * {@code T∞ = T_amb + P/UA} for that power (0 if already there, ∞ if that power never gets it there).
     */
    public static double heatUpS(SaunaParams p, double fromC, double toC, double powerKw) {
        if (fromC >= toC) {
            return 0;
        }
        double inf = p.steadyC(powerKw);
        if (toC >= inf) {
            return Double.POSITIVE_INFINITY;
        }
        return p.tauS() * Math.log((fromC - inf) / (toC - inf));
    }

    /** Energy still needed to reach {@code targetC} heating at full power from now, kWh. */
    public double needKwh(double targetC) {
        return p.heaterKw() * heatUpS(p, tempC, targetC) / 3600;
    }
}
