package io.packetgrid.radio.fading;

import io.packetgrid.radio.fbl.Channel;
import io.packetgrid.radio.fbl.NormalApproximation;
import io.packetgrid.radio.fbl.SnrInverse;
import io.packetgrid.radio.math.AdaptiveQuadrature;

/**
 * Quasi-static Rayleigh fading (g ~ Exp(1)) with CSI at the receiver: the averaged normal
 * approximation, the outage probability and Makki's linearisation in closed form, as defined in
 * ../shared/radio/README.md ({@code rayleigh-examples.csv}).
 */
public final class RayleighNa {
    private static final double[] SPLITS = {-12, -3, 0, 3, 12};

    private RayleighNa() {
    }

    /**
     * The averaged NA ∫₀^∞ e^(−g)·Ψ(ρ̄g, n, k) dg as written (in g), by adaptive Gauss–Legendre
     * quadrature split at the g where the Q argument is −12, −3, 0, 3 and 12 (README, "Suggested
     * tolerances") and at every octave of g, to a relative 1e-12. Below the −12 point Ψ = 1 − Q(12) and the piece is
     * 1 − e^(−g) to a relative 2e-33; above the +12 point Ψ ≤ Q(12) ≈ 1.8e-33 and the piece is left out.
     */
    public static double exactIntegral(double n, double k, double snrAvg, boolean logTerm) {
        QuasiStaticNa.check(n, snrAvg);
        if (snrAvg == 0) {
            return 1;
        }
        double kEff = k - NormalApproximation.logTerm(n, logTerm);
        if (!(kEff > 0)) {
            return degenerate(n, k, snrAvg, logTerm);
        }
        double[] g = new double[SPLITS.length];
        for (int i = 0; i < SPLITS.length; i++) {
            g[i] = SnrInverse.snrForArgument(Channel.COMPLEX, n, k, logTerm, SPLITS[i]) / snrAvg;
        }
        double head = -Math.expm1(-g[0]);
        // beyond g = 750, e^(−g) underflows; octave breaks in g keep every panel within a few e-folds of
        // e^(−g), so that no panel hides the mass between its quadrature nodes (short blocks stretch
        // the −12…12 range of the Q argument over thousands of e-folds)
        double top = Math.min(g[SPLITS.length - 1], 750);
        java.util.List<Double> breaks = new java.util.ArrayList<>(java.util.List.of(g[1], g[2], g[3]));
        for (double b = 0x1p-10; b < 750; b *= 2) {
            breaks.add(b);
        }
        double[] inner = breaks.stream().filter(b -> b > g[0] && b < top).mapToDouble(Double::doubleValue).toArray();
        double body = top <= g[0] ? 0 : AdaptiveQuadrature.integrate(
                x -> Math.exp(-x) * NormalApproximation.errorProbability(Channel.COMPLEX, n, k, snrAvg * x, logTerm),
                g[0], top, 1e-13, 1e-13 * head, inner);
        return Math.min(1, head + body); // rounding can put a certain loss a few ulp above 1
    }

    /**
     * k at or below the log term: the Q argument is then positive for every SNR and not monotone, so
     * there are no split points; the integrand e^(−g)·Ψ(ρ̄g) is still smooth for g &gt; 0 (Ψ → 0 at both
     * ends) and is integrated as written in ln g ({@link QuasiStaticNa#degenerate}), to a relative 1e-12.
     */
    static double degenerate(double n, double k, double snrAvg, boolean logTerm) {
        return QuasiStaticNa.degenerate(Fading.rayleigh(), n, k, snrAvg, logTerm);
    }

    /**
     * The averaged NA from the tabulated Gaussian-expectation form ({@link AveragedNaTable}): about
     * 1.5 µs for a new (n, k), then well under 1 µs; relative error against the exact integral below
     * 1e-8 over the validated range (see the class comment there).
     */
    public static double errorProbability(double n, double k, double snrAvg, boolean logTerm) {
        return AveragedNaTable.of(n, k, logTerm).rayleigh(snrAvg);
    }

    /** With the ½·log2 n term. */
    public static double errorProbability(double n, double k, double snrAvg) {
        return errorProbability(n, k, snrAvg, true);
    }

    /** Outage: 1 − exp(−(2^(k/n) − 1)/ρ̄). */
    public static double outage(double n, double k, double snrAvg) {
        return QuasiStaticNa.outage(Fading.rayleigh(), n, k, snrAvg);
    }

    /**
     * Makki's linearisation in closed form ([MSZ14]; README): with a = max(v, 0),
     * ε = β·[(u − a) − ρ̄·(e^(−a/ρ̄) − e^(−u/ρ̄))] = β·ρ̄·[h(u/ρ̄) − h(a/ρ̄)], h(x) = x − 1 + e^(−x).
     * The second form avoids the cancellation of the first when ρ̄ ≫ u; h is summed as a series
     * below x = ½.
     */
    public static double makki(double n, double k, double snrAvg) {
        QuasiStaticNa.check(n, snrAvg);
        if (snrAvg == 0) {
            return 1;
        }
        QuasiStaticNa.Makki m = QuasiStaticNa.Makki.of(n, k);
        double a = m.a();
        return m.beta() * snrAvg * (h(m.u() / snrAvg) - h(a / snrAvg));
    }

    /** h(x) = x − 1 + e^(−x) = Σ_{j≥2} (−x)^j / j!, accurate for small x. */
    static double h(double x) {
        if (x >= 0.5) {
            return x + Math.expm1(-x);
        }
        double term = x * x / 2;
        double sum = 0;
        for (int j = 3; j < 40 && term != 0; j++) {
            sum += term;
            term *= -x / j;
            if (Math.abs(term) < 1e-18 * sum) {
                sum += term;
                break;
            }
        }
        return sum;
    }
}
