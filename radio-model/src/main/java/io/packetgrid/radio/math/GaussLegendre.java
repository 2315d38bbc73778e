package io.packetgrid.radio.math;

/**
 * Gauss–Legendre nodes and weights on [−1, 1], computed once to machine precision by Newton's
 * iteration on the three-term recurrence of the Legendre polynomials (Abramowitz &amp; Stegun,
 * Handbook of Mathematical Functions, eq. 22.7.10 for the recurrence and eq. 25.4.29 for the
 * weights w_i = 2 / ((1 − x_i²)·P'_m(x_i)²)). An m-point rule is exact for polynomials of degree
 * 2m − 1.
 */
public final class GaussLegendre {
    private final double[] nodes;
    private final double[] weights;

    private GaussLegendre(int m) {
        nodes = new double[m];
        weights = new double[m];
        for (int i = 0; i < (m + 1) / 2; i++) {
            // Tricomi's initial guess for the i-th root (A&S 22.16.6), refined by Newton.
            double x = Math.cos(Math.PI * (i + 0.75) / (m + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++) {
                double p0 = 1;
                double p1 = x;
                for (int j = 2; j <= m; j++) {
                    double p2 = ((2 * j - 1) * x * p1 - (j - 1) * p0) / j;
                    p0 = p1;
                    p1 = p2;
                }
                // p1 = P_m(x), p0 = P_{m−1}(x); P'_m = m·(x·P_m − P_{m−1}) / (x² − 1)
                dp = m * (x * p1 - p0) / (x * x - 1);
                double dx = p1 / dp;
                x -= dx;
                if (Math.abs(dx) < 1e-16) {
                    break;
                }
            }
            nodes[i] = -x;
            nodes[m - 1 - i] = x;
            double w = 2 / ((1 - x * x) * dp * dp);
            weights[i] = w;
            weights[m - 1 - i] = w;
        }
    }

    /** The m-point rule (m ≥ 1). */
    public static GaussLegendre of(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("a Gauss–Legendre rule needs m ≥ 1 points, got " + m);
        }
        return new GaussLegendre(m);
    }

    public int size() {
        return nodes.length;
    }

    /** Node i on [−1, 1]. */
    public double node(int i) {
        return nodes[i];
    }

    /** Weight i on [−1, 1] (the weights sum to 2). */
    public double weight(int i) {
        return weights[i];
    }

    /** ∫_a^b f. */
    public double integrate(java.util.function.DoubleUnaryOperator f, double a, double b) {
        double h = 0.5 * (b - a);
        double c = 0.5 * (b + a);
        double s = 0;
        for (int i = 0; i < nodes.length; i++) {
            s += weights[i] * f.applyAsDouble(c + h * nodes[i]);
        }
        return s * h;
    }
}
