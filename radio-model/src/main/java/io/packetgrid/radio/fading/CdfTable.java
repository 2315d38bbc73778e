package io.packetgrid.radio.fading;

import io.packetgrid.radio.math.Chebyshev;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fading law's CDF F(x) tabulated for fast evaluation with a guaranteed relative accuracy of
 * {@value #TOLERANCE}: what the averaged error of Rician and chase-combined (Nakagami, Rician×c) fading
 * spends its time on ({@link AveragedNaTable#average}). The exact CDFs are Poisson mixtures of incomplete
 * gamma functions (a few µs each); the table costs about 50 ns.
 *
 * <p><b>What is tabulated.</b> With d the law's diversity order (F(x) ~ A·x^d as x → 0,
 * {@link Fading#diversityOrder}) and u = ln x, the function h(u) = ln F(e^u) − d·u is analytic in u and
 * tends to ln A as u → −∞ at the geometric rate e^u; it is interpolated by polynomials of degree
 * {@value #DEGREE} at Chebyshev points on panels of u (Trefethen, "Approximation Theory and Approximation
 * Practice", SIAM 2013, ch. 8: geometric convergence for analytic functions) over [ln x_lo, ln x_hi], with
 * x_lo = 2^−34 (higher when d·ln x_lo would approach underflow) and x_hi the point where F = 1 to double
 * precision (1 − F &lt; 10^−13, a relative error far below the tolerance, and as close to 1 as a sum of
 * Poisson-weighted terms gets). Below x_lo, h(u) = ln A + a₁·x + O(x²), so h is continued as
 * h(u_lo) + h'(u_lo)·(x/x_lo − 1), which leaves a relative error of order a₁²·x_lo² (below 1e-14 for the
 * laws used here); above x_hi, F = 1.
 *
 * <p><b>Self-check.</b> When built, every panel is compared with the exact CDF at the points between its
 * interpolation points and at its ends (where a Chebyshev interpolant's error peaks), and bisected until
 * |F̂/F − 1| ≤ {@value #TOLERANCE} at all of them; the continuation below x_lo is checked at 12 points down
 * to e^−690·x_lo, and where it misses, the table falls back on the exact CDF there. Since every term of the averaged error Σ w_i·F(ρ_i/ρ̄) is positive, a relative error
 * bound on F is the same bound on the sum.
 */
public final class CdfTable {
    static final int DEGREE = 12;
    static final double TOLERANCE = 2e-12;
    /** ln x_lo: 2^−34, raised for high diversity orders so that F(x_lo) stays far above underflow. */
    static final double U_LO = -34 * Math.log(2);
    private static final double[] NODES = Chebyshev.nodes(DEGREE);
    private static final double[] CHECK = Chebyshev.checkPoints(DEGREE);
    private static final int MAX_DEPTH = 12;
    private static final ConcurrentHashMap<Fading, CdfTable> CACHE = new ConcurrentHashMap<>();

    private final Fading law;
    private final double d;
    private final double uHi;
    /** Panel starts (ascending, then uHi), half-widths, and DEGREE + 1 coefficients per panel. */
    private final double[] start;
    private final double[] halfWidth;
    private final double[] coef;
    private final int panels;
    /** ln x_lo, h(u_lo) and x_lo·h'(u_lo)/x_lo: the continuation below x_lo (or the exact law if it failed its check). */
    private final double uLo;
    private final double hLo;
    private final double slopeLo;
    private final boolean exactBelow;

    private CdfTable(Fading law) {
        this.law = law;
        this.d = law.diversityOrder();
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("no diversity order for " + law.label());
        }
        this.uLo = Math.max(U_LO, -650 / d);
        double x = 1;
        while (law.cdf(x) < 1 - 1e-13) {
            x *= 2;
            if (x > 1e6) {
                throw new IllegalArgumentException("the CDF of " + law.label() + " does not reach 1 by 10⁶");
            }
        }
        this.uHi = Math.log(x);
        List<double[]> built = new ArrayList<>();
        int whole = (int) Math.ceil(uHi - uLo);
        double w = (uHi - uLo) / whole;
        for (int i = 0; i < whole; i++) {
            build(uLo + i * w, uLo + (i + 1) * w, 0, built);
        }
        panels = built.size();
        start = new double[panels + 1];
        halfWidth = new double[panels];
        coef = new double[panels * (DEGREE + 1)];
        for (int i = 0; i < panels; i++) {
            double[] p = built.get(i);
            start[i] = p[0];
            halfWidth[i] = 0.5 * (p[1] - p[0]);
            System.arraycopy(p, 2, coef, i * (DEGREE + 1), DEGREE + 1);
        }
        start[panels] = uHi;
        hLo = Chebyshev.evaluate(coef, 0, DEGREE + 1, -1);
        slopeLo = Chebyshev.derivative(coef, 0, DEGREE + 1, -1) / halfWidth[0];
        boolean ok = true;
        for (int j = 1; j <= 12 && ok; j++) {
            double u = uLo - 690.0 * j * j / 144;   // x from x_lo·e^(−4.8) down to x_lo·e^(−690)
            double exact = law.cdf(Math.exp(u));
            ok = exact == 0 || Math.abs(continuation(u) / exact - 1) <= TOLERANCE;
        }
        this.exactBelow = !ok;
    }

    /** h(u_lo) + h'(u_lo)·(x/x_lo − 1) + d·u, for u below u_lo. */
    private double continuation(double u) {
        return Math.exp(hLo + slopeLo * Math.expm1(u - uLo) + d * u);
    }

    /** {panel start, end, coefficients...}, bisected until the check passes. */
    private void build(double a, double b, int depth, List<double[]> out) {
        double mid = 0.5 * (a + b);
        double half = 0.5 * (b - a);
        double[] f = new double[DEGREE + 1];
        for (int j = 0; j <= DEGREE; j++) {
            double u = mid + half * NODES[j];
            f[j] = h(u);
        }
        double[] c = Chebyshev.coefficients(f);
        double worst = 0;
        for (double s : CHECK) {
            double u = mid + half * s;
            double approx = Chebyshev.evaluate(c, 0, DEGREE + 1, s);
            worst = Math.max(worst, Math.abs(Math.expm1(approx - h(u))));
        }
        if (worst > TOLERANCE && depth < MAX_DEPTH) {
            build(a, mid, depth + 1, out);
            build(mid, b, depth + 1, out);
            return;
        }
        if (worst > TOLERANCE) {
            throw new IllegalStateException("CDF table of " + law.label() + " misses " + TOLERANCE + " on [" + a + ", " + b + "]: " + worst);
        }
        double[] p = new double[DEGREE + 3];
        p[0] = a;
        p[1] = b;
        System.arraycopy(c, 0, p, 2, DEGREE + 1);
        out.add(p);
    }

    private double h(double u) {
        return Math.log(law.cdf(Math.exp(u))) - d * u;
    }

    /** The table of {@code law} (built on first use, cached; thread-safe), or null if it has no diversity order. */
    public static CdfTable of(Fading law) {
        double d = law.diversityOrder();
        if (!(d > 0) || Double.isInfinite(d)) {
            return null;
        }
        CdfTable t = CACHE.get(law);
        return t != null ? t : CACHE.computeIfAbsent(law, CdfTable::new);
    }

    /** F(x), relative error ≤ {@value #TOLERANCE}. */
    public double cdf(double x) {
        if (!(x > 0)) {
            return 0;
        }
        return cdfAtLog(Math.log(x));
    }

    /** F(e^u). */
    public double cdfAtLog(double u) {
        if (u >= uHi) {
            return 1;
        }
        if (u < uLo) {
            return exactBelow ? law.cdf(Math.exp(u)) : continuation(u);
        }
        int p = panel(u, 0);
        return value(p, u);
    }

    /** F(e^u) given a panel index at or below u's (for ascending sweeps); see {@link #panel}. */
    double value(int p, double u) {
        double s = (u - start[p]) / halfWidth[p] - 1;
        return Math.exp(Chebyshev.evaluate(coef, p * (DEGREE + 1), DEGREE + 1, s) + d * u);
    }

    /** The panel holding u ∈ [U_LO, uHi), searching up from {@code from}. */
    int panel(double u, int from) {
        int lo = from;
        int hi = panels - 1;
        if (u < start[lo + 1]) {
            return lo;
        }
        while (lo < hi) {
            int m = (lo + hi + 1) >>> 1;
            if (start[m] <= u) {
                lo = m;
            } else {
                hi = m - 1;
            }
        }
        return lo;
    }

    /** ln x_hi: above it F = 1. */
    double logUpper() {
        return uHi;
    }

    /** ln x_lo: below it F is continued analytically (or computed exactly). */
    double logLower() {
        return uLo;
    }

    /** Panels used (a measure of the law's difficulty). */
    public int panels() {
        return panels;
    }

    public Fading law() {
        return law;
    }
}
