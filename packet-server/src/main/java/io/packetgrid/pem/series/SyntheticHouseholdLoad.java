package io.packetgrid.pem.series;

import java.time.LocalDateTime;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Seeded synthetic base load of a Finnish detached house without electric space heating (lighting,
 * cooking, appliances, ventilation; heat pumps, water heaters, EVs, saunas and dishwashers are devices of
 * their own): a mean daily shape (night low, morning rise, evening peak) times a per-household level
 * (lognormal, mean 1) times a multiplicative Gaussian first-order autoregressive fluctuation (mean 1).
 * The levels are our approximations of Finnish type-customer statistics (a household of this kind uses
 * about 5,000 kWh a year, more in the dark months: 0.75 kW mean in January, 0.45 kW in July); the shape is
 * smooth, without the minute-scale appliance spikes of measured profiles. Seconds and kW.
 *
 * @param meanKw      the season's mean household load, kW
 * @param levelSd     standard deviation of the household's log-level
 * @param noiseSd     standard deviation of the fluctuation
 * @param noiseCorrS  its correlation time, s
 */
public record SyntheticHouseholdLoad(double meanKw, double levelSd, double noiseSd, double noiseCorrS) {

    /** Relative load by hour of day (mean 1). */
    private static final double[] SHAPE = {0.55, 0.5, 0.48, 0.47, 0.48, 0.55, 0.8, 1.1, 1.15, 0.95, 0.85, 0.85, 0.9, 0.85, 0.82,
        0.88, 1.1, 1.4, 1.6, 1.65, 1.55, 1.4, 1.15, 0.8};

    public static SyntheticHouseholdLoad finnishWinter() {
        return new SyntheticHouseholdLoad(0.75, 0.35, 0.3, 1800);
    }

    public static SyntheticHouseholdLoad finnishSummer() {
        return new SyntheticHouseholdLoad(0.45, 0.35, 0.3, 1800);
    }

    /** The daily shape at local hour {@code h}, linear between hour centres (mean 1 over a day). */
    public static double shape(double h) {
        double mean = 0;
        for (double v : SHAPE) {
            mean += v;
        }
        mean /= SHAPE.length;
        double x = ((h - 0.5) % 24 + 24) % 24;
        int i = (int) Math.floor(x);
        double f = x - i;
        return (SHAPE[i] * (1 - f) + SHAPE[(i + 1) % 24] * f) / mean;
    }

    /** One household's load every {@code stepS} for {@code count} samples from {@code start}, kW. */
    public double[] generate(LocalDateTime start, long stepS, int count, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double level = Math.exp(levelSd * g.sample() - 0.5 * levelSd * levelSd);
        double a = Math.exp(-stepS / noiseCorrS);
        double z = g.sample();
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                z = a * z + Math.sqrt(1 - a * a) * g.sample();
            }
            LocalDateTime t = start.plusSeconds(i * stepS);
            double h = t.getHour() + t.getMinute() / 60.0 + t.getSecond() / 3600.0;
            out[i] = meanKw * level * shape(h) * Math.max(0.1, 1 + noiseSd * z);
        }
        return out;
    }
}
