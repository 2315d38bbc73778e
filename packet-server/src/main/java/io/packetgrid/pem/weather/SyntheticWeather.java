package io.packetgrid.pem.weather;

import java.time.LocalDateTime;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Seeded synthetic weather for a site and season: the clear-sky irradiance of the latitude and date
 * ({@link ClearSky}) reduced by a stochastic cloud cover, air temperature with a daily cycle and a
 * slow weather anomaly, and wind at 10 m with a Weibull distribution. Each of cloud, temperature
 * anomaly and wind is a Gaussian first-order autoregressive process (persistence from its
 * correlation time) mapped to its marginal: cloud cover N = Φ(z + μ) with μ = √2·Φ⁻¹(mean cover), so that
 * E[N] = Φ(μ/√2) is the mean cover (z standard normal), wind
 * v = λ·(−ln(1 − Φ(z)))^(1/k) (Weibull, k = 2, λ = mean/Γ(1.5)). Cloudiness also damps the daily
 * temperature swing (by 1 − 0.7·N). Reproducible from the seed.
 *
 * @param latitudeDeg       site latitude
 * @param longitudeDeg      east positive
 * @param utcOffsetH        local standard time minus UTC, hours (Finland: +2)
 * @param meanAirC          mean air temperature of the period
 * @param diurnalAmpC       half the clear-sky daily swing (minimum near sunrise, maximum at 15:00)
 * @param anomalySdC        standard deviation of the weather anomaly
 * @param anomalyCorrH      its correlation time, hours
 * @param meanCloud         mean cloud cover, 0…1
 * @param cloudCorrH        cloud correlation time, hours
 * @param meanWindMs        mean wind speed at 10 m
 * @param windCorrH         wind correlation time, hours
 */
public record SyntheticWeather(double latitudeDeg, double longitudeDeg, double utcOffsetH, double meanAirC, double diurnalAmpC,
                               double anomalySdC, double anomalyCorrH, double meanCloud, double cloudCorrH, double meanWindMs,
                               double windCorrH) {

    public SyntheticWeather {
        if (!(meanCloud > 0 && meanCloud < 1) || !(anomalyCorrH > 0 && cloudCorrH > 0 && windCorrH > 0)
                || !(meanWindMs > 0) || !(anomalySdC >= 0) || !(diurnalAmpC >= 0) || Math.abs(latitudeDeg) > 90) {
            throw new IllegalArgumentException("synthetic weather: need 0 < mean cloud < 1, correlation times and mean wind > 0, "
                    + "|latitude| ≤ 90°");
        }
    }

    /**
     * A mid-January week in southern Finland (Helsinki, 60.17° N 24.94° E): about −4 °C on average with a
     * small daily swing, mostly overcast, 5 m/s winds; the figures are our approximations of the Finnish
     * Meteorological Institute's climate statistics for the region, not a data set.
     */
    public static SyntheticWeather finnishWinter() {
        return new SyntheticWeather(60.17, 24.94, 2, -4, 1.5, 4, 48, 0.75, 12, 5, 12);
    }

    /** A mid-July week in southern Finland: about 17 °C, a 4 °C half swing, partly cloudy, 3.5 m/s (approximations as above). */
    public static SyntheticWeather finnishSummer() {
        return new SyntheticWeather(60.17, 24.94, 2, 17, 4, 2.5, 48, 0.5, 8, 3.5, 12);
    }

    /** The same climate at another site (latitude, longitude east positive, local time minus UTC in hours). */
    public SyntheticWeather at(double latitudeDeg, double longitudeDeg, double utcOffsetH) {
        return new SyntheticWeather(latitudeDeg, longitudeDeg, utcOffsetH, meanAirC, diurnalAmpC, anomalySdC, anomalyCorrH, meanCloud,
                cloudCorrH, meanWindMs, windCorrH);
    }

    /** {@code days} days from {@code start} (local standard time) at {@code stepS}, from {@code seed}. */
    public WeatherSeries generate(LocalDateTime start, int days, long stepS, long seed) {
        int n = (int) (days * 86_400L / stepS);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        NormalDistribution phi = NormalDistribution.of(0, 1);
        double mu = Math.sqrt(2) * phi.inverseCumulativeProbability(Math.min(0.999, Math.max(0.001, meanCloud)));
        double[] ghi = new double[n];
        double[] air = new double[n];
        double[] wind = new double[n];
        double zc = g.sample();
        double za = g.sample();
        double zw = g.sample();
        double lambda = meanWindMs / 0.886226925452758; // Γ(1.5)
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                zc = ar(zc, stepS, cloudCorrH, g);
                za = ar(za, stepS, anomalyCorrH, g);
                zw = ar(zw, stepS, windCorrH, g);
            }
            LocalDateTime t = start.plusSeconds(i * stepS);
            int day = t.getDayOfYear();
            double localH = t.getHour() + t.getMinute() / 60.0 + t.getSecond() / 3600.0;
            double cosZ = ClearSky.cosZenith(latitudeDeg, longitudeDeg, day, localH - utcOffsetH);
            double cover = phi.cumulativeProbability(zc + mu);
            ghi[i] = ClearSky.cloudyGhi(ClearSky.ghi(cosZ), cover);
            double swing = diurnalAmpC * (1 - 0.7 * cover) * Math.cos(2 * Math.PI * (localH - 15) / 24);
            air[i] = meanAirC + anomalySdC * za + swing;
            double u = Math.min(1 - 1e-12, phi.cumulativeProbability(zw));
            wind[i] = lambda * Math.sqrt(-Math.log(1 - u));
        }
        return new WeatherSeries(start, stepS, ghi, air, wind);
    }

    /** One step of a unit-variance Gaussian AR(1) with correlation time {@code corrH}. */
    private static double ar(double z, long stepS, double corrH, ZigguratSampler.NormalizedGaussian g) {
        double a = Math.exp(-stepS / (corrH * 3600));
        return a * z + Math.sqrt(1 - a * a) * g.sample();
    }
}
