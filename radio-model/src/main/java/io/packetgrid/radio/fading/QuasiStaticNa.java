package io.packetgrid.radio.fading;

import io.packetgrid.radio.fbl.Channel;
import io.packetgrid.radio.fbl.GaussianTail;
import io.packetgrid.radio.fbl.NormalApproximation;
import io.packetgrid.radio.fbl.SnrInverse;
import io.packetgrid.radio.math.AdaptiveQuadrature;

/**
 * The normal approximation averaged over quasi-static fading, for the complex channel with CSI at
 * the receiver: ε̄ = E_g[Ψ(ρ̄·g, n, k)] (the averaged NA of ../shared/radio/README.md,
 * {@code rayleigh-examples.csv}, after Yang, Durisi, Koch, Polyanskiy, IEEE Trans. IT 60(7), 2014
 * [YDKP14]; SPECTRE's {@code normapprox_simo} solves the same equation).
 *
 * <p><b>How it is integrated.</b> Write Ψ(ρ) = Q(x(ρ)) with x the NA's Q argument. For k above the
 * log term x rises strictly from −∞ to +∞ (see {@link NormalApproximation#minSnr}); integrating by
 * parts against the fading CDF F turns the average into a Gaussian expectation:
 * <pre>  ε̄ = ∫₀^∞ f(g)·Q(x(ρ̄g)) dg = ∫_{−∞}^{∞} F(ρ(t)/ρ̄)·φ(t) dt,   ρ(t) = x⁻¹(t)</pre>
 * (the boundary terms vanish: F(0) = 0 and Q(+∞) = 0). The new integrand is smooth and bounded, its
 * weight is the normal density, and ρ(t) does not depend on ρ̄ — which is what makes the
 * tabulated form ({@link AveragedNaTable}) fast. Truncation to t ∈ [−10, 38] costs a relative
 * 2·Q(10) ≈ 1.5e-23 below (F∘ρ rises with t) and at most Q(38) ≈ 3e-316 absolute above (F ≤ 1), below
 * the smallest normal double: the integral keeps its relative accuracy for every ε̄ a double can hold.
 * (Steep laws — Rician, chase-combined copies — at moderate SNR have ε̄ of the order of Q(t) where ρ(t)
 * reaches ρ̄, far out in t; unit breaks beyond t = 9 let the adaptive rule find that narrow peak.) The
 * table uses [−7, 9] and, for laws other than Rayleigh, an upper tail to 38 (see there).
 */
public final class QuasiStaticNa {
    /** Truncation of the t range (see class comment). */
    static final double T_LO = -10;
    static final double T_HI = 38;
    /** Breaks of the adaptive integral: the Q argument's landmarks, then every unit of the upper tail. */
    private static final double[] BREAKS = breaks();
    /** The tabulated rule's narrower range. */
    static final double TABLE_T_LO = -7;
    static final double TABLE_T_HI = 9;

    private QuasiStaticNa() {
    }

    private static double[] breaks() {
        double[] b = new double[6 + (int) (T_HI - 10)];
        double[] head = {-6, -3, 0, 3, 6, 9};
        System.arraycopy(head, 0, b, 0, head.length);
        for (int i = head.length; i < b.length; i++) {
            b[i] = 10 + (i - head.length);
        }
        return b;
    }

    /**
     * ε̄ for any fading law by adaptive quadrature in t to a relative 1e-11 (the reference the fast
     * table is checked against). No fading gives Ψ(ρ̄) itself.
     */
    public static double errorProbability(Fading fading, double n, double k, double snrAvg, boolean logTerm) {
        check(n, snrAvg);
        if (fading instanceof NoFading) {
            return NormalApproximation.errorProbability(Channel.COMPLEX, n, k, snrAvg, logTerm);
        }
        if (snrAvg == 0) {
            return 1;
        }
        double kEff = k - NormalApproximation.logTerm(n, logTerm);
        if (!(kEff > 0)) {
            return degenerate(fading, n, k, snrAvg, logTerm);
        }
        double inv = 1 / snrAvg;
        return Math.min(1, AdaptiveQuadrature.integrate(t -> fading.cdf(SnrInverse.snrForArgument(Channel.COMPLEX, n, k, logTerm, t) * inv)
                        * GaussianTail.density(t),
                T_LO, T_HI, 1e-11, 0, BREAKS));
    }

    /**
     * Outage probability P[log2(1 + ρ̄g) &lt; k/n] = F((2^(k/n) − 1)/ρ̄), the ε-capacity limit that
     * [YDKP14] show the error probability approaches at rate O(log n / n) (zero dispersion).
     */
    public static double outage(Fading fading, double n, double k, double snrAvg) {
        check(n, snrAvg);
        double theta = Math.expm1(Math.log(2) * k / n);
        return snrAvg == 0 ? (theta > 0 ? 1 : 0) : fading.cdf(theta / snrAvg);
    }

    /**
     * Makki's linearisation (Makki, Svensson, Zorzi, "Finite block-length analysis of the incremental
     * redundancy HARQ", IEEE WCL 3(5):529–532, 2014 [MSZ14], §II; constants as in ../shared/radio/README.md):
     * Q(x(ρ)) ≈ 1 below v, 0 above u and
     * linear with slope −β in between, with θ = 2^R − 1, β = sqrt(n / (2π(2^(2R) − 1))),
     * v = θ − 1/(2β), u = θ + 1/(2β), R = k/n (no log term). Averaged over g and integrated by parts:
     * ε ≈ β·∫_{max(v,0)}^{u} F(γ/ρ̄) dγ.
     */
    public static double makki(Fading fading, double n, double k, double snrAvg) {
        check(n, snrAvg);
        Makki m = Makki.of(n, k);
        if (snrAvg == 0) {
            return 1;
        }
        double inv = 1 / snrAvg;
        return m.beta * AdaptiveQuadrature.integrate(gamma -> fading.cdf(gamma * inv), m.a(), m.u, 1e-13, 0);
    }

    /**
     * k at or below the log term: x is positive for every SNR and not monotone, so there are no split
     * points to solve for (and the by-parts forms cancel). Integrate ∫ f(g)·Ψ(ρ̄g) dg as written, in
     * ln g over g ∈ [1e-300, 1e4] with breaks at every decade of g and of ρ̄g, to a relative 1e-12;
     * beyond 10⁴ every unit-mean law here has no mass left.
     */
    static double degenerate(Fading fading, double n, double k, double snrAvg, boolean logTerm) {
        java.util.TreeSet<Double> breaks = new java.util.TreeSet<>();
        for (int e = -300; e <= 4; e++) {
            breaks.add(e * Math.log(10));
            breaks.add(e * Math.log(10) - Math.log(snrAvg));
        }
        double lo = Math.log(1e-300);
        double hi = Math.log(1e4);
        double[] b = breaks.stream().filter(x -> x > lo && x < hi).mapToDouble(Double::doubleValue).toArray();
        return Math.min(1, AdaptiveQuadrature.integrate(u -> {
            double g = Math.exp(u);
            double f = fading.density(g);
            return f == 0 ? 0 : g * f * NormalApproximation.errorProbability(Channel.COMPLEX, n, k, snrAvg * g, logTerm);
        }, lo, hi, 1e-12, 0, b));
    }

    static void check(double n, double snrAvg) {
        if (!(n > 0) || Double.isInfinite(n)) {
            throw new IllegalArgumentException("n must be a positive blocklength, got " + n);
        }
        if (!(snrAvg >= 0) || Double.isInfinite(snrAvg)) {
            throw new IllegalArgumentException("average SNR must be finite and ≥ 0 (linear), got " + snrAvg);
        }
    }

    /** The constants of Makki's linearisation at rate R = k/n. */
    record Makki(double theta, double beta, double v, double u) {
        static Makki of(double n, double k) {
            double r = k / n;
            double theta = Math.expm1(Math.log(2) * r);
            double beta = Math.sqrt(n / (2 * Math.PI * Math.expm1(2 * Math.log(2) * r)));
            return new Makki(theta, beta, theta - 1 / (2 * beta), theta + 1 / (2 * beta));
        }

        double a() {
            return Math.max(v, 0);
        }
    }
}
