package io.packetgrid.radio.fading;

import java.util.function.DoubleSupplier;
import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;

/**
 * Nakagami-m fading: the power gain is Gamma(m, 1/m), unit mean, CDF P(m, m·x) (Goldsmith, "Wireless
 * Communications", Cambridge 2005, §3.2.1; Simon &amp; Alouini, "Digital Communication over Fading
 * Channels", 2nd ed., Wiley 2005, §2.2.1). m = 1 is Rayleigh; the sum of
 * L independent unit-mean Rayleigh gains divided by L (maximum-ratio combining of L copies) is
 * Nakagami with m = L.
 */
final class Nakagami implements Fading {
    private final double m;

    Nakagami(double m) {
        if (!(m >= 0.5) || Double.isInfinite(m)) {
            throw new IllegalArgumentException("Nakagami m must be finite and ≥ 0.5, got " + m);
        }
        this.m = m;
    }

    @Override
    public double cdf(double x) {
        return x <= 0 ? 0 : RegularizedGamma.P.value(m, m * x);
    }

    /** m^m·x^(m−1)·e^(−m·x)/Γ(m), in logs. */
    @Override
    public double density(double x) {
        if (x <= 0) {
            return 0;
        }
        return Math.exp(m * Math.log(m) + (m - 1) * Math.log(x) - m * x - org.apache.commons.numbers.gamma.LogGamma.value(m));
    }

    @Override
    public DoubleSupplier sampler(UniformRandomProvider random) {
        var gamma = AhrensDieterMarsagliaTsangGammaSampler.of(random, m, 1 / m);
        return gamma::sample;
    }

    @Override
    public Fading combined(int copies) {
        return copies == 1 ? this : new Nakagami(m * copies);
    }

    /** P(m, m·x) ~ (m·x)^m/Γ(m + 1) as x → 0. */
    @Override
    public double diversityOrder() {
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Nakagami other && Double.compare(m, other.m) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(m);
    }

    @Override
    public String label() {
        return "nakagami(m=" + m + ")";
    }
}
