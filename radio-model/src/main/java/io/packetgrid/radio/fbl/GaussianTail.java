package io.packetgrid.radio.fbl;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.InverseErfc;

/**
 * The Gaussian tail function Q(x) = P[N(0,1) &gt; x] = ½·erfc(x/√2) and its inverse.
 *
 * <p>Q is computed from erfc, never as 1 − Φ(x): at URLLC error rates (1e-9 and below) 1 − Φ loses
 * every significant digit (../shared/radio/README.md, "Suggested tolerances"; Abramowitz &amp; Stegun
 * eq. 26.2.29 for Q(x) = ½·erfc(x/√2)). The reference is Commons Numbers' port of Boost's erfc,
 * accurate to a few ulp ({@link #qReference}).
 *
 * <p><b>Fast path.</b> The normal approximation calls Q tens of millions of times per second, and
 * erfc (two exponentials for its extra-precise e^(−x²)) dominates that. For 0 ≤ x &lt; 8, {@link #q}
 * therefore evaluates a degree-7 polynomial on panels of width 1/32, interpolated at the 8 Chebyshev
 * points of each panel from the reference when the class loads. Within a panel Q changes by at most
 * a factor e^(−8/32), so the interpolation error is below 2·(1/8)⁸/(2⁷·8!)·|d⁸ ln Q| ≈ 1e-14
 * relative (Trefethen, "Approximation Theory and Approximation Practice", SIAM 2013, Thm. 8.2);
 * {@code GaussianTailTest} checks 1e-13 against the reference at a million points. Beyond 8 and for
 * the inverse the reference is used; for x &lt; 0, Q(x) = 1 − Q(−x) (no cancellation: Q(−x) ≤ ½).
 */
public final class GaussianTail {
    private static final double SQRT2 = Math.sqrt(2.0);
    private static final double INV_SQRT2 = 1 / SQRT2;
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    private static final int DEGREE = 7;
    private static final int PER_UNIT = 32;
    private static final double LIMIT = 8;
    private static final double[] COEF = table();

    private GaussianTail() {
    }

    /** Q(x) with full relative accuracy (about 1e-14) down to the underflow near x ≈ 38. */
    public static double q(double x) {
        if (x >= 0) {
            if (x < LIMIT) {
                double s = x * PER_UNIT;
                int p = (int) s;
                double u = 2 * (s - p) - 1;
                int o = p * (DEGREE + 1);
                double[] c = COEF;
                return c[o] + u * (c[o + 1] + u * (c[o + 2] + u * (c[o + 3] + u * (c[o + 4]
                        + u * (c[o + 5] + u * (c[o + 6] + u * c[o + 7]))))));
            }
            return qReference(x);
        }
        if (x > -LIMIT) {
            return 1 - q(-x);
        }
        return qReference(x);
    }

    /** Q(x) = ½·erfc(x/√2) straight from the reference erfc. */
    public static double qReference(double x) {
        return 0.5 * Erfc.value(x * INV_SQRT2);
    }

    /** Q⁻¹(p) = √2·erfc⁻¹(2p) for p in [0, 1]; +∞ at 0 and −∞ at 1. */
    public static double qInverse(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Q⁻¹ needs a probability in [0, 1], got " + p);
        }
        return SQRT2 * InverseErfc.value(2 * p);
    }

    /** The standard normal density φ(x) = exp(−x²/2)/√(2π). */
    public static double density(double x) {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /**
     * Monomial coefficients in u ∈ [−1, 1] of each panel's interpolant: Chebyshev coefficients from
     * the values at the Chebyshev points (discrete cosine transform), then T_j expanded in powers of u.
     */
    private static double[] table() {
        int m = DEGREE + 1;
        int panels = (int) (LIMIT * PER_UNIT);
        double[] out = new double[panels * m];
        double[][] cheb = chebyshevMonomials(DEGREE);
        double[] f = new double[m];
        for (int p = 0; p < panels; p++) {
            double a = (double) p / PER_UNIT;
            double half = 0.5 / PER_UNIT;
            for (int i = 0; i < m; i++) {
                double u = Math.cos(Math.PI * (i + 0.5) / m);
                f[i] = qReference(a + half * (u + 1));
            }
            for (int j = 0; j < m; j++) {
                double c = 0;
                for (int i = 0; i < m; i++) {
                    c += f[i] * Math.cos(Math.PI * j * (i + 0.5) / m);
                }
                c *= (j == 0 ? 1.0 : 2.0) / m;
                for (int e = 0; e <= j; e++) {
                    out[p * m + e] += c * cheb[j][e];
                }
            }
        }
        return out;
    }

    /** cheb[j][e] = coefficient of u^e in T_j(u), from T_{j+1} = 2u·T_j − T_{j−1}. */
    private static double[][] chebyshevMonomials(int degree) {
        double[][] t = new double[degree + 1][degree + 1];
        t[0][0] = 1;
        if (degree >= 1) {
            t[1][1] = 1;
        }
        for (int j = 1; j < degree; j++) {
            for (int e = 0; e <= degree; e++) {
                double v = -t[j - 1][e];
                if (e > 0) {
                    v += 2 * t[j][e - 1];
                }
                t[j + 1][e] = v;
            }
        }
        return t;
    }
}
