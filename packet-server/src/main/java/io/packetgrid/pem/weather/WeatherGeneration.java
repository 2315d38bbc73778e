package io.packetgrid.pem.weather;

import io.packetgrid.pem.device.OnSiteGeneration;

/**
 * A household's PV array and/or small wind turbine driven by a weather series: PV from the irradiance
 * and air temperature ({@link PvModel}), the turbine from the 10 m wind carried to its hub height by the
 * power law ({@link WindTurbine#atHeight}, α = 1/7), each sample held over its interval (as the series is
 * read everywhere, {@link WeatherSeries#index}).
 *
 * @param pv           the array, or null
 * @param wind         the turbine, or null
 * @param hubM         the turbine's hub height, m
 * @param weather      the series, starting at the run's start
 * @param startClockS  the fleet's clock at the run's start (time of day, s): the series' time 0
 */
public record WeatherGeneration(PvModel pv, WindTurbine wind, double hubM, WeatherSeries weather, double startClockS)
        implements OnSiteGeneration {

    /** Wind measured at 10 m (the weather files' height). */
    public static final double WIND_REF_M = 10;

    public WeatherGeneration {
        if (pv == null && wind == null) {
            throw new IllegalArgumentException("weather generation: a PV array or a turbine");
        }
        if (wind != null && !(hubM > 0)) {
            throw new IllegalArgumentException("weather generation: hub height must be > 0");
        }
    }

    @Override
    public double powerKw(double tS) {
        int i = weather.index(tS - startClockS);
        double p = 0;
        if (pv != null) {
            p += pv.acKw(weather.ghiWm2()[i], weather.airC()[i]);
        }
        if (wind != null) {
            p += wind.powerKw(WindTurbine.atHeight(weather.windMs()[i], WIND_REF_M, hubM, 1.0 / 7));
        }
        return p;
    }
}
