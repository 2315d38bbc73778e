package io.packetgrid.radio.fading;

import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A quasi-static (block) fading law of the channel power gain g = |h|², normalised to E[g] = 1: g
 * stays constant over one packet and is drawn anew for the next (Yang, Durisi, Koch, Polyanskiy,
 * "Quasi-static multiple-antenna fading channels at finite blocklength", IEEE Trans. IT 60(7), 2014
 * [YDKP14], §II). The averaged error probability only needs the CDF (see {@link QuasiStaticNa}).
 */
public interface Fading {

    /** P[g ≤ x], accurate in relative terms where it is small (the lower tail decides URLLC errors). */
    double cdf(double x);

    /** The density of g at x (0 for the degenerate no-fading law, which has none). */
    double density(double x);

    /** A sampler of g bound to {@code random} (create once per stream, call per packet). */
    DoubleSupplier sampler(UniformRandomProvider random);

    /** A short label, e.g. {@code rayleigh}, {@code rician(K=9 dB)}. */
    String label();

    /**
     * The law of the mean (g₁ + … + g_L)/L of L independent copies, still unit-mean: what maximum-ratio
     * (chase) combining of L repetitions that each see their own fading adds up to, SNR-wise, in units
     * of L·ρ̄.
     */
    Fading combined(int copies);

    /**
     * The diversity order d: F(x) ~ A·x^d as x → 0, hence ε̄ ∝ ρ̄^(−d) at high SNR (Wang, Giannakis, "A simple
     * and general parameterization quantifying performance in fading channels", IEEE Trans. Commun. 51(8),
     * 2003: the exponent of the density at 0 plus one). Rayleigh 1, Nakagami m, Rician with c combined
     * copies c; NaN for a law without one (no fading). It is what {@link CdfTable} factors out.
     */
    default double diversityOrder() {
        return Double.NaN;
    }

    static Fading none() {
        return NoFading.INSTANCE;
    }

    static Fading rayleigh() {
        return Rayleigh.INSTANCE;
    }

    /** Rician with K-factor {@code k} (linear ratio of line-of-sight to scattered power, ≥ 0). */
    static Fading rician(double k) {
        return new Rician(k);
    }

    /** Nakagami-m (unit-mean gamma power gain with shape m ≥ ½). */
    static Fading nakagami(double m) {
        return new Nakagami(m);
    }
}
