package io.packetgrid.radio.math;

/**
 * Polynomial interpolation at Chebyshev points of the first kind on [−1, 1] and evaluation by
 * Clenshaw's recurrence (Trefethen, "Approximation Theory and Approximation Practice", SIAM 2013,
 * ch. 3–4: near-best polynomial approximation, geometric convergence for analytic functions;
 * coefficients by the discrete cosine sums of Press et al., "Numerical Recipes", 3rd ed., §5.8,
 * eq. 5.8.7; Clenshaw's recurrence, §5.4.2).
 */
public final class Chebyshev {
    private Chebyshev() {
    }

    /** The m = degree + 1 interpolation points cos(π(j + ½)/m), j = 0..m−1 (descending). */
    public static double[] nodes(int degree) {
        int m = degree + 1;
        double[] x = new double[m];
        for (int j = 0; j < m; j++) {
            x[j] = Math.cos(Math.PI * (j + 0.5) / m);
        }
        return x;
    }

    /**
     * The degree + 2 points cos(πj/(degree + 1)), j = 0..degree+1 (±1 included): each lies between two
     * interpolation points or at an end, where the interpolation error of a smooth function peaks; used
     * to check an interpolant.
     */
    public static double[] checkPoints(int degree) {
        int m = degree + 1;
        double[] x = new double[m + 1];
        for (int j = 0; j <= m; j++) {
            x[j] = Math.cos(Math.PI * j / m);
        }
        return x;
    }

    /** Coefficients c_k of Σ c_k T_k interpolating {@code f[j]} at {@link #nodes}(f.length − 1); c_0 already halved. */
    public static double[] coefficients(double[] f) {
        int m = f.length;
        double[] c = new double[m];
        for (int k = 0; k < m; k++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += f[j] * Math.cos(Math.PI * k * (j + 0.5) / m);
            }
            c[k] = 2.0 * s / m;
        }
        c[0] *= 0.5;
        return c;
    }

    /** Σ_{k&lt;m} c[off + k]·T_k(s) by Clenshaw's recurrence. */
    public static double evaluate(double[] c, int off, int m, double s) {
        double b1 = 0;
        double b2 = 0;
        double s2 = 2 * s;
        for (int k = m - 1; k >= 1; k--) {
            double b0 = c[off + k] + s2 * b1 - b2;
            b2 = b1;
            b1 = b0;
        }
        return c[off] + s * b1 - b2;
    }

    /** d/ds of Σ c[off + k]·T_k(s), using T_k' = k·U_{k−1} (U by its recurrence). */
    public static double derivative(double[] c, int off, int m, double s) {
        double u0 = 1;       // U_0
        double u1 = 2 * s;   // U_1
        double d = 0;
        for (int k = 1; k < m; k++) {
            d += c[off + k] * k * u0;
            double u2 = 2 * s * u1 - u0;
            u0 = u1;
            u1 = u2;
        }
        return d;
    }
}
