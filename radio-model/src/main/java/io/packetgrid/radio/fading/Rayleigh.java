package io.packetgrid.radio.fading;

import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Rayleigh fading: h ~ CN(0, 1), so g = |h|² ~ Exp(1) with CDF 1 − e^(−x) (e.g. Goldsmith,
 * "Wireless Communications", Cambridge 2005, §3.2.1). Computed as −expm1(−x), exact in relative
 * terms for small x.
 */
final class Rayleigh implements Fading {
    static final Rayleigh INSTANCE = new Rayleigh();

    private Rayleigh() {
    }

    @Override
    public double cdf(double x) {
        return x <= 0 ? 0 : -Math.expm1(-x);
    }

    @Override
    public double density(double x) {
        return x < 0 ? 0 : Math.exp(-x);
    }

    @Override
    public DoubleSupplier sampler(UniformRandomProvider random) {
        ZigguratSampler.Exponential exp = ZigguratSampler.Exponential.of(random);
        return exp::sample;
    }

    /** The mean of L unit-mean exponentials is Gamma(L, 1/L): Nakagami with m = L. */
    @Override
    public Fading combined(int copies) {
        return copies == 1 ? this : new Nakagami(copies);
    }

    @Override
    public double diversityOrder() {
        return 1;
    }

    @Override
    public String label() {
        return "rayleigh";
    }
}
