package io.packetgrid.pem.weather;

/**
 * The sun's position and clear-sky global horizontal irradiance, pure functions. Declination and the
 * equation of time from Spencer's Fourier series (Spencer, "Fourier series representation of the
 * position of the sun", Search 2(5), 1971); solar zenith from
 * {@code cos z = sin φ·sin δ + cos φ·cos δ·cos ω} (Duffie &amp; Beckman, eq. 1.6.5); clear-sky GHI by
 * Haurwitz's model {@code G = 1098·cos z·exp(−0.057/cos z)} W/m² (Haurwitz 1945; among the best simple
 * models in Reno, Hansen &amp; Stein, SAND2012-2389).
 */
public final class ClearSky {
    private ClearSky() {
    }

    private static double dayAngle(int dayOfYear) {
        return 2 * Math.PI * (dayOfYear - 1) / 365.0;
    }

    /** Solar declination δ, radians (Spencer 1971). */
    public static double declination(int dayOfYear) {
        double g = dayAngle(dayOfYear);
        return 0.006918 - 0.399912 * Math.cos(g) + 0.070257 * Math.sin(g) - 0.006758 * Math.cos(2 * g) + 0.000907 * Math.sin(2 * g)
                - 0.002697 * Math.cos(3 * g) + 0.00148 * Math.sin(3 * g);
    }

    /** Equation of time, minutes (Spencer 1971). */
    public static double equationOfTimeMin(int dayOfYear) {
        double g = dayAngle(dayOfYear);
        return 229.18 * (0.000075 + 0.001868 * Math.cos(g) - 0.032077 * Math.sin(g) - 0.014615 * Math.cos(2 * g)
                - 0.040849 * Math.sin(2 * g));
    }

    /**
     * cos of the solar zenith angle at a clock time.
     *
     * @param utcHours    hours since midnight UTC of that day
     * @param longitudeDeg east positive
     */
    public static double cosZenith(double latitudeDeg, double longitudeDeg, int dayOfYear, double utcHours) {
        double solarH = utcHours + longitudeDeg / 15 + equationOfTimeMin(dayOfYear) / 60;
        double omega = Math.toRadians(15 * (solarH - 12));
        double phi = Math.toRadians(latitudeDeg);
        double d = declination(dayOfYear);
        return Math.sin(phi) * Math.sin(d) + Math.cos(phi) * Math.cos(d) * Math.cos(omega);
    }

    /** Haurwitz clear-sky GHI, W/m² (0 with the sun below the horizon). */
    public static double ghi(double cosZenith) {
        return cosZenith <= 0 ? 0 : 1098 * cosZenith * Math.exp(-0.057 / cosZenith);
    }

    /** Day length from sunrise to sunset, hours: (2/15°)·acos(−tan φ·tan δ) (Duffie &amp; Beckman, eq. 1.6.11). */
    public static double dayLengthH(double latitudeDeg, int dayOfYear) {
        double x = -Math.tan(Math.toRadians(latitudeDeg)) * Math.tan(declination(dayOfYear));
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, x)))) * 2 / 15;
    }

    /** GHI under a cloud cover N in [0, 1]: G_clear·(1 − 0.75·N^3.4) (Kasten &amp; Czeplak, Solar Energy 24, 1980). */
    public static double cloudyGhi(double clearGhi, double cloudCover) {
        return clearGhi * (1 - 0.75 * Math.pow(cloudCover, 3.4));
    }
}
