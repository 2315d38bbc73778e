package io.packetgrid.radio.fbl;

/**
 * Solves x(ρ) = t for the SNR ρ, where x is the Q argument of the normal approximation
 * ({@link NormalApproximation#argument}). For k above the log term, x rises strictly from −∞
 * (ρ → 0) to +∞ (ρ → ∞), so the root is unique; it is found by Newton's method in u = ln ρ,
 * safeguarded by a bracket that bisection falls back on.
 */
public final class SnrInverse {
    private SnrInverse() {
    }

    /** The ρ &gt; 0 with argument(ch, n, k, ρ) = t; requires k &gt; log term (checked by callers). */
    public static double snrForArgument(Channel ch, double n, double k, boolean logTerm, double t) {
        return snrForArgument(ch, n, k, logTerm, t, Double.NaN);
    }

    /** As above, starting Newton from {@code guess} when it is a positive number. */
    public static double snrForArgument(Channel ch, double n, double k, boolean logTerm, double t, double guess) {
        double lt = NormalApproximation.logTerm(n, logTerm);
        // Start at capacity-equality (x = 0) unless a guess is given.
        // x = 0 where n·C(ρ) = k − lt, i.e. ρ = 2^((k − lt)/(n·scale)) − 1
        double u = guess > 0 ? Math.log(guess) : Math.log(Math.expm1(Math.log(2) * (k - lt) / (n * ch.scale)));
        u = Math.max(-700, Math.min(700, Double.isNaN(u) ? 0 : u));
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        for (int it = 0; it < 200; it++) {
            double rho = Math.exp(u);
            double c = ch.capacity(rho);
            double v = ch.dispersion(rho);
            double num = n * c - k + lt;
            double den = Math.sqrt(n * v);
            double f = num / den - t;
            if (f == 0 || Double.isNaN(f)) {
                return rho;
            }
            if (f < 0) {
                lo = Math.max(lo, u);
            } else {
                hi = Math.min(hi, u);
            }
            // dx/dρ = (N'·D − N·D')/D², D' = n·V'/(2D); dx/du = ρ·dx/dρ
            double dn = n * ch.capacityDerivative(rho);
            double dd = n * ch.dispersionDerivative(rho) / (2 * den);
            double dxdu = rho * (dn * den - num * dd) / (den * den);
            double next = u - f / dxdu;
            if (!(next > lo && next < hi) || Double.isNaN(next) || !(dxdu > 0)) {
                if (Double.isInfinite(lo)) {
                    next = Math.min(u, hi) - 2;
                } else if (Double.isInfinite(hi)) {
                    next = Math.max(u, lo) + 2;
                } else {
                    next = 0.5 * (lo + hi);
                }
            }
            if (Math.abs(next - u) <= 1e-13 * Math.max(1, Math.abs(u))) {
                return Math.exp(next);
            }
            if (!Double.isInfinite(lo) && !Double.isInfinite(hi) && hi - lo <= 1e-14 * Math.max(1, Math.abs(u))) {
                return Math.exp(0.5 * (lo + hi));
            }
            u = next;
        }
        return Math.exp(u);
    }
}
