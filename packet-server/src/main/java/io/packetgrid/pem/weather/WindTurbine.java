package io.packetgrid.pem.weather;

/**
 * A small wind turbine's power curve: nothing below the cut-in speed, the cubic rise of the wind's
 * power between cut-in and rated speed {@code P = P_r·(v³ − v_ci³)/(v_r³ − v_ci³)}, rated power up to the
 * cut-out speed, nothing above it (the usual parametric curve; Manwell, McGowan &amp; Rogers, Wind Energy
 * Explained, 2nd ed., §9.3). Hub-height wind from a measurement height by the power law
 * {@code v = v_ref·(h/h_ref)^α} (α = 1/7 over open terrain; ibid. §2.3).
 *
 * @param ratedKw  rated power, kW
 * @param cutInMs  cut-in speed, m/s
 * @param ratedMs  rated speed, m/s
 * @param cutOutMs cut-out speed, m/s
 */
public record WindTurbine(double ratedKw, double cutInMs, double ratedMs, double cutOutMs) {

    public WindTurbine {
        if (!(ratedKw >= 0 && cutInMs >= 0 && ratedMs > cutInMs && cutOutMs > ratedMs)) {
            throw new IllegalArgumentException("wind turbine: need 0 ≤ cut-in < rated < cut-out speed");
        }
    }

    /** A 5 kW small turbine: cut-in 3 m/s, rated 11 m/s, cut-out 25 m/s (typical small-turbine data sheets). */
    public static WindTurbine small5kw() {
        return new WindTurbine(5, 3, 11, 25);
    }

    public double powerKw(double windMs) {
        if (windMs < cutInMs || windMs >= cutOutMs) {
            return 0;
        }
        if (windMs >= ratedMs) {
            return ratedKw;
        }
        double a = cutInMs * cutInMs * cutInMs;
        return ratedKw * (windMs * windMs * windMs - a) / (ratedMs * ratedMs * ratedMs - a);
    }

    /** Wind at {@code hubM} from a measurement {@code refMs} at {@code refM} (power law, exponent {@code alpha}). */
    public static double atHeight(double refMs, double refM, double hubM, double alpha) {
        return refMs * Math.pow(hubM / refM, alpha);
    }
}
