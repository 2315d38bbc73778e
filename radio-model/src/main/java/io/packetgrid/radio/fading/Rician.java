package io.packetgrid.radio.fading;

import java.util.Locale;
import java.util.function.DoubleSupplier;
import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Rician fading with K-factor K: h = sqrt(K/(K+1)) + sqrt(1/(K+1))·CN(0, 1), E[|h|²] = 1 (Goldsmith,
 * "Wireless Communications", Cambridge 2005, §3.2.1), optionally averaged over c independent copies.
 * The sum S of c gains has 2(K+1)·S noncentral χ² with 2c degrees of freedom and noncentrality 2cK,
 * whose CDF is the Poisson(cK) mixture of central χ² CDFs (Johnson, Kotz, Balakrishnan, "Continuous
 * Univariate Distributions", vol. 2, 2nd ed., Wiley 1995, eq. (29.2)):
 *
 * <pre>  P[S/c ≤ x] = Σ_{j≥0} e^(−cK)·(cK)^j/j! · P(j + c, c·(K+1)·x)</pre>
 * with P the regularised lower incomplete gamma function. Every term is positive, so the sum keeps
 * its relative accuracy in the lower tail. K = 0 is Rayleigh. 3GPP TR 38.901 Table 7.5-6 gives mean
 * K of 9 dB (UMa and UMi LOS) and 7 dB (RMa LOS).
 */
final class Rician implements Fading {
    private final double k;
    private final int copies;

    Rician(double k) {
        this(k, 1);
    }

    Rician(double k, int copies) {
        if (!(k >= 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("Rician K-factor must be finite and ≥ 0, got " + k);
        }
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be ≥ 1, got " + copies);
        }
        this.k = k;
        this.copies = copies;
    }

    @Override
    public double cdf(double x) {
        if (x <= 0) {
            return 0;
        }
        double lambda = copies * k;
        double y = copies * (k + 1) * x;
        double logPoisson = -lambda; // log of e^(−λ)·λ^j/j! at j = 0
        double sum = 0;
        for (int j = 0; j < 1_000_000; j++) {
            double term = Math.exp(logPoisson) * RegularizedGamma.P.value(j + copies, y);
            sum += term;
            if (lambda == 0 || (j > lambda + 1 && term <= 1e-17 * sum)) {
                break;
            }
            logPoisson += Math.log(lambda) - Math.log(j + 1);
        }
        return Math.min(1, sum);
    }

    /**
     * The density as the same Poisson mixture of gamma densities (shape j + c, rate c(K+1)): positive
     * terms, no Bessel function needed.
     */
    @Override
    public double density(double x) {
        if (x <= 0) {
            return 0;
        }
        double lambda = copies * k;
        double rate = copies * (k + 1);
        double lx = Math.log(rate * x);
        double sum = 0;
        for (int j = 0; j < 1_000_000; j++) {
            double shape = j + copies;
            double logPois = lambda == 0 ? 0 : -lambda + j * Math.log(lambda) - org.apache.commons.numbers.gamma.LogGamma.value(j + 1.0);
            double term = Math.exp(logPois + (shape - 1) * lx - rate * x - org.apache.commons.numbers.gamma.LogGamma.value(shape)) * rate;
            sum += term;
            if (lambda == 0 || (j > lambda + 1 && term <= 1e-17 * sum)) {
                break;
            }
        }
        return sum;
    }

    @Override
    public DoubleSupplier sampler(UniformRandomProvider random) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(random);
        double los = Math.sqrt(k / (k + 1));
        double sigma = Math.sqrt(1 / (2 * (k + 1))); // per real dimension
        return () -> {
            double s = 0;
            for (int c = 0; c < copies; c++) {
                double re = los + sigma * gauss.sample();
                double im = sigma * gauss.sample();
                s += re * re + im * im;
            }
            return s / copies;
        };
    }

    @Override
    public Fading combined(int more) {
        return more == 1 ? this : new Rician(k, copies * more);
    }

    /** The j = 0 term e^(−cK)·P(c, c(K+1)x) ~ x^c dominates as x → 0. */
    @Override
    public double diversityOrder() {
        return copies;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rician other && Double.compare(k, other.k) == 0 && copies == other.copies;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(k) + copies;
    }

    @Override
    public String label() {
        String base = String.format(Locale.ROOT, "rician(K=%.3g dB)", 10 * Math.log10(k));
        return copies == 1 ? base : base + "x" + copies;
    }
}
