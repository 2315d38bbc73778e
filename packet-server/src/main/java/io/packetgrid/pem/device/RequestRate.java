package io.packetgrid.pem.device;

/**
 * The request-rate functions μ(x) of packetized energy management and the request probability per
 * step. Pure functions.
 *
 * <p>Sources (see ../shared/docs/PEM-NOTES.md §1): Almassalkhi, Frolik &amp; Hines, "Packetized
 * energy management: asynchronous and anonymous coordination of thermostatically controlled
 * loads", ACC 2017, eq. (8) and its asymmetric remark; Almassalkhi et al., Springer IMA vol. 162
 * (2018) eq. (1.5); Duffaut Espinosa et al., IEEE TPWRS 2020 eq. (3); Oyefeso et al., CCTA 2022
 * eq. (2) for cooling.
 */
public final class RequestRate {
    private RequestRate() {
    }

    /**
     * Heating / charging ("consume") rate: 0 above {@code xMax}, ∞ at or below {@code xMin}, else
     * {@code mR·((xMax−x)/(x−xMin))·((xSet−xMin)/(xMax−xSet))} (Springer 2018 eq. 1.5; with a
     * symmetric band it is ACC 2017 eq. 8, {@code M·(Tmax−T)/(T−Tmin)}). μ(xSet) = mR, so the mean
     * time to request at the set-point is 1/mR.
     */
    public static double heating(double x, double xMin, double xSet, double xMax, double mR) {
        if (x >= xMax) {
            return 0;
        }
        if (x <= xMin) {
            return Double.POSITIVE_INFINITY;
        }
        return mR * ((xMax - x) / (x - xMin)) * ((xSet - xMin) / (xMax - xSet));
    }

    /**
     * Discharge ("inject") rate, the mirror of {@link #heating}: 0 at or below xMin, ∞ at or above
     * xMax (PEM-NOTES §1.2, batteries).
     */
    public static double discharge(double x, double xMin, double xSet, double xMax, double mR) {
        if (x <= xMin) {
            return 0;
        }
        if (x >= xMax) {
            return Double.POSITIVE_INFINITY;
        }
        return mR * ((x - xMin) / (xMax - x)) * ((xMax - xSet) / (xSet - xMin));
    }

    /**
     * Cooling (air conditioner) on-request rate, CCTA 2022 eq. (2): 0 at or below Tmin, ∞ at or
     * above Tmax, else {@code M_on·(T−Tmin)/(Tmax−T)}.
     */
    public static double cooling(double t, double tMin, double tMax, double mOn) {
        if (t <= tMin) {
            return 0;
        }
        if (t >= tMax) {
            return Double.POSITIVE_INFINITY;
        }
        return mOn * (t - tMin) / (tMax - t);
    }

    /** P(request in one step) = 1 − exp(−μ·Δt) (all PEM papers; PEM-NOTES §1.1). */
    public static double probability(double mu, double dtS) {
        if (mu == Double.POSITIVE_INFINITY) {
            return 1;
        }
        return -Math.expm1(-mu * dtS);
    }

    /** Mean time to request 1/μ, in seconds (∞ when μ = 0). */
    public static double meanTimeToRequestS(double mu) {
        return mu == 0 ? Double.POSITIVE_INFINITY : 1 / mu;
    }
}
