package io.packetgrid.pem.device;

/**
 * A non-dispatchable PV output profile: clear-sky half-sine between sunrise and sunset scaled to
 * the array's peak AC power (the usual first approximation of clear-sky irradiance over a day),
 * optionally multiplied by a cloud factor series. Times are seconds from midnight of day 0.
 */
public record PvProfile(double peakKw, double sunriseH, double sunsetH, LoadShape cloudFactor) implements OnSiteGeneration {

    public PvProfile {
        if (!(sunsetH > sunriseH)) {
            throw new IllegalArgumentException("sunset must be after sunrise");
        }
    }

    public static PvProfile clearSky(double peakKw, double sunriseH, double sunsetH) {
        return new PvProfile(peakKw, sunriseH, sunsetH, null);
    }

    @Override
    public double powerKw(double tS) {
        double h = (tS / 3600) % 24;
        if (h <= sunriseH || h >= sunsetH) {
            return 0;
        }
        double clear = peakKw * Math.sin(Math.PI * (h - sunriseH) / (sunsetH - sunriseH));
        return cloudFactor == null ? clear : clear * cloudFactor.valueAt(tS);
    }

    /**
     * Dark from {@code tS} (at or after sunset, or at or before sunrise): quiet until a second before the next
     * sunrise (the margin keeps the hour computed in {@link #powerKw} at or before sunrise despite its rounding).
     * Within a day {@code (t/3600) % 24} only grows with t, so after sunset it stays there until midnight.
     */
    @Override
    public double quietUntilS(double tS) {
        double hours = tS / 3600;
        double h = hours % 24;
        if (!(h <= sunriseH || h >= sunsetH)) {
            return tS;
        }
        double dayH = hours - h;                           // this day's midnight, hours
        double sunriseS = ((h <= sunriseH ? dayH : dayH + 24) + sunriseH) * 3600;
        return Math.max(tS, sunriseS - 1);
    }
}
