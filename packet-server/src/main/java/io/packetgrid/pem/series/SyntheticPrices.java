package io.packetgrid.pem.series;

import java.time.LocalDateTime;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Seeded synthetic hourly retail prices for a Finnish household on a spot-price contract. The day-ahead
 * spot price is {@code mean·s(h)·exp(σ_d·z_d + σ_h·z_h)}: a daily shape s with morning and evening peaks (and,
 * in summer, a midday dip from solar output), a day-to-day level z_d and an hour-to-hour jitter z_h, each a
 * Gaussian first-order autoregressive process (lognormal, as spot prices are). What a kWh costs the household
 * is {@code (spot + margin)·(1 + VAT) + transfer + tax·(1 + VAT)}; a kWh exported earns {@code spot − export
 * margin} (a Finnish feed-in contract). The figures are our round approximations of published Finnish
 * statistics (Nord Pool FI monthly mean spot prices of recent years: about 10 c/kWh in January, 3 c/kWh in
 * July; VAT 25.5 %; electricity tax class I 2.24 c/kWh; distribution about 5 c/kWh for a detached house; a
 * retail margin of 0.5 c/kWh), not a data set. Euros per kWh.
 *
 * @param meanSpot    mean spot price, €/kWh
 * @param peakAmp     relative height of the morning and evening peaks of the daily shape
 * @param middayDip   relative depth of the midday dip (solar hours), 0 in winter
 * @param dailySd     standard deviation of the daily log-level
 * @param hourlySd    standard deviation of the hourly log-jitter
 * @param margin      retailer's margin, €/kWh
 * @param vat         value-added tax, fraction
 * @param transfer    distribution fee, €/kWh (VAT included)
 * @param tax         electricity tax, €/kWh (before VAT)
 * @param exportMargin what the buyer keeps of the spot price of an exported kWh, €/kWh
 */
public record SyntheticPrices(double meanSpot, double peakAmp, double middayDip, double dailySd, double hourlySd, double margin,
                              double vat, double transfer, double tax, double exportMargin) {

    /** Mid-January in Finland: 10 c/kWh mean spot, pronounced peaks, volatile. */
    public static SyntheticPrices finnishWinter() {
        return new SyntheticPrices(0.10, 0.35, 0, 0.35, 0.25, 0.005, 0.255, 0.05, 0.0224, 0.003);
    }

    /** Mid-July in Finland: 3 c/kWh mean spot, a midday solar dip, calmer. */
    public static SyntheticPrices finnishSummer() {
        return new SyntheticPrices(0.03, 0.3, 0.5, 0.3, 0.3, 0.005, 0.255, 0.05, 0.0224, 0.003);
    }

    /** The daily shape at local hour {@code h} (mean about 1). */
    public double shape(double h) {
        return 1 + peakAmp * (bump(h, 8.5, 1.5) + bump(h, 18.5, 2)) - middayDip * bump(h, 13, 2.5) - 0.25 * bump(h, 3.5, 2.5);
    }

    private static double bump(double h, double centre, double width) {
        double d = Math.abs(h - centre);
        d = Math.min(d, 24 - d);
        return Math.exp(-0.5 * d * d / (width * width));
    }

    /** Hourly prices for {@code days} days from {@code start} (its hour: the first price holds to the next full hour). */
    public PriceSeries generate(LocalDateTime start, int days, long seed) {
        int n = days * 24 + 1;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] imp = new double[n];
        double[] exp = new double[n];
        LocalDateTime t0 = start.withMinute(0).withSecond(0).withNano(0);
        double zd = g.sample();
        double zh = g.sample();
        double ad = Math.exp(-1.0 / 48); // the daily level's correlation: two days
        double ah = Math.exp(-1.0 / 3);  // the hourly jitter's: three hours
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                zd = ad * zd + Math.sqrt(1 - ad * ad) * g.sample();
                zh = ah * zh + Math.sqrt(1 - ah * ah) * g.sample();
            }
            double h = t0.plusHours(i).getHour();
            double spot = meanSpot * shape(h) * Math.exp(dailySd * zd + hourlySd * zh - 0.5 * (dailySd * dailySd + hourlySd * hourlySd));
            imp[i] = (spot + margin) * (1 + vat) + transfer + tax * (1 + vat);
            exp[i] = spot - exportMargin;
        }
        return new PriceSeries(t0, 3600, imp, exp);
    }
}
