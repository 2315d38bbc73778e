package io.packetgrid.radio.fading;

import io.packetgrid.radio.fbl.Channel;
import io.packetgrid.radio.fbl.GaussianTail;
import io.packetgrid.radio.fbl.NormalApproximation;
import io.packetgrid.radio.fbl.SnrInverse;
import io.packetgrid.radio.math.GaussLegendre;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fast averaged normal approximation: the Gaussian-expectation form of {@link QuasiStaticNa},
 * ε̄(ρ̄) = ∫ F(ρ(t)/ρ̄)·φ(t) dt, on a composite Gauss–Legendre rule in t over [−7, 9], with the
 * SNRs ρ(t_i) = x⁻¹(t_i) tabulated once per (n, k, log term). Each evaluation is then one weighted
 * sum of F over the nodes (for Rayleigh, of 1 − e^(−ρ_i/ρ̄), most of it from prefix sums): no root
 * finding, no special functions.
 *
 * <p><b>Truncation.</b> Below t = −7 the integrand is at most F(ρ(−7)/ρ̄)·φ(t) (F∘ρ rises with t),
 * a relative 2·Q(7) ≈ 2.6e-12 of ε̄. Above t = 9 it is at most φ(t) times F(ρ(t)/ρ̄) ≤ F(ρ(0)/ρ̄)·ρ(t)/ρ(0)
 * (F concave near 0), and ρ(t)/ρ(0) grows no faster than e^(t/√n) at high SNR and as t² at low SNR,
 * so the part left out is below 1e-17 of ε̄.
 *
 * <p><b>Guaranteed accuracy.</b> The integrand is analytic in t, but ρ(t) turns sharply near t = 0
 * when k is barely above the log term (ρ ~ k'²/t² below, ~ t² above), so one fixed rule does not fit
 * all (n, k). Each table therefore checks itself when built: it evaluates ε̄ with its rule (panels
 * of width 2/2^L, 8 points each, starting at L = 0, 64 nodes) and with the rule of half the panel
 * width at average SNRs ρ(t) for t = −8, −6, …, 8 and at a very large SNR (where ε̄ ∝ E[ρ(T)]/ρ̄),
 * and refines until the two agree to a relative {@value #SELF_CHECK} (the finer rule's own error is
 * orders of magnitude smaller, so the difference bounds the coarse rule's error). Typical packets
 * (k ≥ 16 bits, n ≥ 50) keep L = 0. {@code AveragedNaTableTest} also checks it against the adaptive
 * reference over n = 10…10⁵, k/n = 0.01…8 and ρ̄ = −30…60 dB. k at or below the log term (x not
 * monotone) falls back to the adaptive reference.
 */
public final class AveragedNaTable {
    static final int POINTS_PER_PANEL = 8;
    static final double BASE_WIDTH = 2.0;
    static final int MAX_LEVEL = 5;
    static final double SELF_CHECK = 1e-10;
    private static final int CACHE_LIMIT = 20_000;
    private static final GaussLegendre GL = GaussLegendre.of(POINTS_PER_PANEL);
    private static final double[][] T = new double[MAX_LEVEL + 2][];
    private static final double[][] W = new double[MAX_LEVEL + 2][];
    private static final ConcurrentHashMap<Key, AveragedNaTable> CACHE = new ConcurrentHashMap<>();
    /**
     * The upper tail t ∈ [9, {@value #TAIL_T_HI}] for laws other than Rayleigh (see {@link #average}): per level,
     * panels of width min(1, 2.5/t)/2^L (φ falls by at most e^(−2.5/2^L) across one), 8 points each; their
     * nodes, weights and the Gaussian tail Q(t_a) beyond each panel's start.
     */
    static final double TAIL_T_HI = 38;
    /** The upper tail is summed until what is left, at most Q(t), is below this share of the sum. */
    static final double TAIL_TOLERANCE = 1e-13;
    private static final double[][] EXT_T = new double[MAX_LEVEL + 2][];
    private static final double[][] EXT_W = new double[MAX_LEVEL + 2][];
    private static final double[][] EXT_Q = new double[MAX_LEVEL + 2][];

    static {
        for (int level = 0; level < EXT_T.length; level++) {
            java.util.List<Double> starts = new java.util.ArrayList<>();
            double a = QuasiStaticNa.TABLE_T_HI;
            while (a < TAIL_T_HI) {
                starts.add(a);
                a += Math.min(1, 2.5 / a) / (1 << level);
            }
            starts.add(TAIL_T_HI);
            int panels = starts.size() - 1;
            double[] t = new double[panels * POINTS_PER_PANEL];
            double[] w = new double[t.length];
            double[] q = new double[panels];
            for (int p = 0; p < panels; p++) {
                double lo = starts.get(p);
                double width = starts.get(p + 1) - lo;
                q[p] = GaussianTail.q(lo);
                for (int i = 0; i < POINTS_PER_PANEL; i++) {
                    double ti = lo + 0.5 * width * (GL.node(i) + 1);
                    t[p * POINTS_PER_PANEL + i] = ti;
                    w[p * POINTS_PER_PANEL + i] = 0.5 * width * GL.weight(i) * GaussianTail.density(ti);
                }
            }
            EXT_T[level] = t;
            EXT_W[level] = w;
            EXT_Q[level] = q;
        }
    }

    static {
        for (int level = 0; level < T.length; level++) {
            double width = BASE_WIDTH / (1 << level);
            int panels = (int) Math.round((QuasiStaticNa.TABLE_T_HI - QuasiStaticNa.TABLE_T_LO) / width);
            double[] t = new double[panels * POINTS_PER_PANEL];
            double[] w = new double[t.length];
            for (int p = 0; p < panels; p++) {
                double a = QuasiStaticNa.TABLE_T_LO + p * width;
                for (int i = 0; i < POINTS_PER_PANEL; i++) {
                    double ti = a + 0.5 * width * (GL.node(i) + 1);
                    t[p * POINTS_PER_PANEL + i] = ti;
                    w[p * POINTS_PER_PANEL + i] = 0.5 * width * GL.weight(i) * GaussianTail.density(ti);
                }
            }
            T[level] = t;
            W[level] = w;
        }
    }

    private final double n;
    private final double k;
    private final boolean logTerm;
    /** ρ(t_i) for every node of the chosen rule, or null when k is at or below the log term. */
    private final double[] rho;
    private final double[] weights;
    private final int level;
    /**
     * Prefix sums Σ_{i<m} w_i·ρ_i^j / j! (j = 1..{@value #SERIES_TERMS}, row j−1) and suffix sums
     * Σ_{i≥m} w_i, for the fast Rayleigh sum.
     */
    private final double[][] prefix;
    private final double[] tailW;
    /** ρ(t_i) at each rule level computed so far (the Rayleigh check fills two; other laws may ask for more). */
    private final double[][] rhoLevels = new double[MAX_LEVEL + 2][];
    /** Per fading law other than Rayleigh and none: the rule its own self-check chose (see {@link #average}). */
    private final ConcurrentHashMap<Fading, Object> laws = new ConcurrentHashMap<>(4);
    /** Agreement a law's rule must reach with the rule of half its panel width, relative. */
    static final double LAW_SELF_CHECK = 1e-9;
    /** Below this y = ρ/ρ̄ the Rayleigh CDF 1 − e^(−y) is its alternating series (see {@link #rayleigh}). */
    static final double SERIES_LIMIT = 0.125;
    static final int SERIES_TERMS = 8;
    /** Above this y, 1 − e^(−y) = 1 to below 1.2e-16. */
    static final double ONE_LIMIT = 37;

    private AveragedNaTable(double n, double k, boolean logTerm) {
        this.n = n;
        this.k = k;
        this.logTerm = logTerm;
        if (!(k - NormalApproximation.logTerm(n, logTerm) > 0)) {
            rho = null;
            weights = null;
            level = -1;
            prefix = null;
            tailW = null;
            return;
        }
        double[] probe = new double[10];
        for (int j = 0; j < 9; j++) {
            probe[j] = SnrInverse.snrForArgument(Channel.COMPLEX, n, k, logTerm, -8 + 2 * j);
        }
        probe[9] = probe[8] * 1e12;
        double[] coarse = solve(0);
        rhoLevels[0] = coarse;
        int lvl = 0;
        while (true) {
            double[] fine = solve(lvl + 1);
            rhoLevels[lvl + 1] = fine;
            double worst = 0;
            for (double snr : probe) {
                double a = sum(coarse, W[lvl], snr);
                double b = sum(fine, W[lvl + 1], snr);
                worst = Math.max(worst, Math.abs(a - b) / b);
            }
            if (worst <= SELF_CHECK || lvl == MAX_LEVEL) {
                break;
            }
            coarse = fine;
            lvl++;
        }
        rho = coarse;
        weights = W[lvl];
        level = lvl;
        int m = rho.length;
        prefix = new double[SERIES_TERMS][m + 1];
        tailW = new double[m + 1];
        for (int i = 0; i < m; i++) {
            double r = rho[i];
            double term = weights[i];
            for (int j = 0; j < SERIES_TERMS; j++) {
                term *= r / (j + 1); // w·ρ^(j+1)/(j+1)!
                prefix[j][i + 1] = prefix[j][i] + term;
            }
        }
        for (int i = m - 1; i >= 0; i--) {
            tailW[i] = tailW[i + 1] + weights[i];
        }
    }

    private double[] solve(int lvl) {
        double[] t = T[lvl];
        double[] r = new double[t.length];
        double guess = Double.NaN;
        for (int i = 0; i < t.length; i++) {
            r[i] = SnrInverse.snrForArgument(Channel.COMPLEX, n, k, logTerm, t[i], guess);
            guess = r[i];
        }
        return r;
    }

    private static double sum(double[] rho, double[] w, double snrAvg) {
        double inv = 1 / snrAvg;
        double s = 0;
        for (int i = 0; i < rho.length; i++) {
            double y = rho[i] * inv;
            // 1 − e^(−y): a 4-term series below 2^-10 (relative error < y⁴/120 < 1e-14), else direct
            double f = y < 0x1p-10 ? y * (1 - y * 0.5 * (1 - y / 3 * (1 - y * 0.25))) : 1 - Math.exp(-y);
            s += w[i] * f;
        }
        return s;
    }

    /**
     * A direct-mapped front cache of recently used tables: a racy read of a reference to an immutable
     * object (all fields final, so safely published) that spares the hash map and its key allocation.
     */
    private static final AveragedNaTable[] RECENT = new AveragedNaTable[4096];

    /** The table for (n, k, log term), built on first use and cached (thread-safe). */
    public static AveragedNaTable of(double n, double k, boolean logTerm) {
        long h = Double.doubleToLongBits(n) * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(k) * 0xC2B2AE3D27D4EB4FL
                + (logTerm ? 1 : 0);
        int slot = (int) (h >>> 52);
        AveragedNaTable recent = RECENT[slot];
        if (recent != null && recent.n == n && recent.k == k && recent.logTerm == logTerm) {
            return recent;
        }
        AveragedNaTable t = lookup(n, k, logTerm);
        RECENT[slot] = t;
        return t;
    }

    private static AveragedNaTable lookup(double n, double k, boolean logTerm) {
        QuasiStaticNa.check(n, 0);
        Key key = new Key(n, k, logTerm);
        AveragedNaTable t = CACHE.get(key);
        if (t == null) {
            if (CACHE.size() > CACHE_LIMIT) {
                CACHE.clear();
            }
            t = CACHE.computeIfAbsent(key, kk -> new AveragedNaTable(kk.n, kk.k, kk.logTerm));
        }
        return t;
    }

    /** Nodes in this table's rule (64 at level 0). */
    public int nodes() {
        return rho == null ? 0 : rho.length;
    }

    /** The refinement level chosen by the self-check (0 = 64 nodes; −1 = falls back to the reference). */
    public int level() {
        return level;
    }

    /** ε̄ under Rayleigh fading at average SNR {@code snrAvg} (linear). */
    public double rayleigh(double snrAvg) {
        if (!(snrAvg > 0) || Double.isInfinite(snrAvg)) {
            QuasiStaticNa.check(n, snrAvg);
            return 1;
        }
        if (rho == null) {
            return QuasiStaticNa.errorProbability(Fading.rayleigh(), n, k, snrAvg, logTerm);
        }
        // ρ_i rises with i. Below y = ρ/ρ̄ = 1/8, 1 − e^(−y) = Σ_{j=1..8} (−1)^(j+1)·y^j/j! to a relative
        // y^8/9! < 1.7e-13, so that part is a combination of prefix sums (Horner in 1/ρ̄, terms falling
        // by at least 8× each, no cancellation); above y = 37, 1 − e^(−y) = 1 to 1.2e-16, a suffix sum
        // of weights; only the nodes in between need an exponential.
        double inv = 1 / snrAvg;
        int lo = upperBound(rho, snrAvg * SERIES_LIMIT);
        int hi = upperBound(rho, snrAvg * ONE_LIMIT);
        double series = 0;
        for (int j = SERIES_TERMS - 1; j >= 0; j--) {
            series = prefix[j][lo] - inv * series;
        }
        double s = inv * series;
        for (int i = lo; i < hi; i++) {
            s += weights[i] * (1 - Math.exp(-rho[i] * inv)); // y ≥ 1/8: relative error ≤ 1e-15
        }
        return s + tailW[hi];
    }

    /** The first index whose value exceeds {@code x} (values ascending). */
    private static int upperBound(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * ε̄ under any fading law. Rayleigh: {@link #rayleigh}. A law with a diversity order (Rician, Nakagami,
     * their chase-combined copies) gets its own rule: the level of panel refinement at which the rule agrees
     * with the rule of half the panel width to a relative {@value #LAW_SELF_CHECK} for this law, at average
     * SNRs ρ(t) for t = −8, −7, …, 8 (each puts the law's transition at another part of the t axis) and at
     * ρ(9)·10⁶ (the lower tail, where ε̄ ∝ E[ρ(T)^d]/ρ̄^d and steep laws need the finest rule); the CDF comes
     * from the law's {@link CdfTable} (relative {@value CdfTable#TOLERANCE}). A law whose rule does not settle
     * by the finest level, or without a diversity order, is integrated adaptively (exact, slow).
     */
    public double average(Fading fading, double snrAvg) {
        if (fading instanceof NoFading || rho == null) {
            return QuasiStaticNa.errorProbability(fading, n, k, snrAvg, logTerm);
        }
        if (fading instanceof Rayleigh) {
            return rayleigh(snrAvg);
        }
        if (!(snrAvg > 0) || Double.isInfinite(snrAvg)) {
            QuasiStaticNa.check(n, snrAvg);
            return 1;
        }
        Object r = laws.get(fading);
        if (r == null) {
            r = laws.computeIfAbsent(fading, this::lawRule);
        }
        if (!(r instanceof LawRule rule)) {
            return QuasiStaticNa.errorProbability(fading, n, k, snrAvg, logTerm);
        }
        return rule.sum(-Math.log(snrAvg));
    }

    /** The refinement level a law's own self-check chose (−1: integrated adaptively). */
    public int level(Fading fading) {
        if (fading instanceof Rayleigh) {
            return level;
        }
        Object r = rho == null ? null : laws.computeIfAbsent(fading, this::lawRule);
        return r instanceof LawRule rule ? rule.level : -1;
    }

    /** A law's rule, or a marker (not a rule) when it has none. */
    private Object lawRule(Fading fading) {
        CdfTable cdf = CdfTable.of(fading);
        if (cdf == null) {
            return Boolean.FALSE;
        }
        double[] ts = {-8, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20};
        double[] probe = new double[ts.length + 1];
        for (int j = 0; j < ts.length; j++) {
            probe[j] = SnrInverse.snrForArgument(Channel.COMPLEX, n, k, logTerm, ts[j]);
        }
        probe[ts.length] = SnrInverse.snrForArgument(Channel.COMPLEX, n, k, logTerm, 9) * 1e6;
        LawRule coarse = new LawRule(cdf, 0);
        for (int lvl = 0; lvl < MAX_LEVEL; lvl++) {
            LawRule fine = new LawRule(cdf, lvl + 1);
            double worst = 0;
            for (double snr : probe) {
                double a = coarse.sum(-Math.log(snr));
                double b = fine.sum(-Math.log(snr));
                worst = Math.max(worst, Math.abs(a - b) / b);
            }
            if (worst <= LAW_SELF_CHECK) {
                return coarse;
            }
            coarse = fine;
        }
        return Boolean.FALSE;
    }

    private synchronized double[] rhoAt(int lvl) {
        if (rhoLevels[lvl] == null) {
            rhoLevels[lvl] = solve(lvl);
        }
        return rhoLevels[lvl];
    }

    /** ln ρ at the upper-tail nodes of a level, filled panel by panel as sums reach them (see {@link Tail}). */
    private final Tail[] tails = new Tail[MAX_LEVEL + 2];

    private synchronized Tail tail(int lvl) {
        if (tails[lvl] == null) {
            tails[lvl] = new Tail(lvl);
        }
        return tails[lvl];
    }

    /**
     * ln ρ(t) at a level's upper-tail nodes; root finding is done lazily in chunks (most sums stop within the
     * first panels). Readers see {@code filled} (volatile) before reading the nodes below it.
     */
    private final class Tail {
        final double[] lnRho;
        final int panels;
        volatile int filled;

        Tail(int lvl) {
            lnRho = new double[EXT_T[lvl].length];
            panels = EXT_Q[lvl].length;
            this.lvl = lvl;
        }

        private final int lvl;

        /** Makes panels [0, p] available. */
        void ensure(int p) {
            if (p < filled) {
                return;
            }
            synchronized (this) {
                int f = filled;
                if (p < f) {
                    return;
                }
                int to = Math.min(panels, Math.max(p + 1, 2 * f + 4));
                double[] t = EXT_T[lvl];
                double guess = f == 0 ? Double.NaN : Math.exp(lnRho[f * POINTS_PER_PANEL - 1]);
                for (int i = f * POINTS_PER_PANEL; i < to * POINTS_PER_PANEL; i++) {
                    double r = SnrInverse.snrForArgument(Channel.COMPLEX, n, k, logTerm, t[i], guess);
                    lnRho[i] = Math.log(r);
                    guess = r;
                }
                filled = to;
            }
        }
    }

    /**
     * A rule for one law: ln ρ_i, weights, suffix sums of weights (where F = 1) and the law's CDF table over
     * t ∈ [−7, 9]; beyond 9 the upper tail panels, summed while what they could still add exceeds
     * {@value #TAIL_TOLERANCE} of the sum (bound in {@link #sum}). (Rayleigh needs no upper tail: F concave; steep
     * laws do at moderate SNR, where F(ρ(t)/ρ̄) is still tiny at t = 9 and ε̄ is of the order of Q(t) where
     * ρ(t) reaches ρ̄.)
     */
    private final class LawRule {
        final CdfTable cdf;
        final double[] lnRho;
        final double[] weights;
        final double[] tailW;
        final int level;
        final Tail tail;

        LawRule(CdfTable cdf, int level) {
            this.cdf = cdf;
            this.weights = W[level];
            this.level = level;
            this.tail = tail(level);
            double[] rho = rhoAt(level);
            int m = rho.length;
            lnRho = new double[m];
            tailW = new double[m + 1];
            for (int i = 0; i < m; i++) {
                lnRho[i] = Math.log(rho[i]);
            }
            for (int i = m - 1; i >= 0; i--) {
                tailW[i] = tailW[i + 1] + weights[i];
            }
        }

        /** Σ w_i·F(ρ_i/ρ̄) with ln(1/ρ̄) given: nodes past the table's top have F = 1 (a suffix sum). */
        double sum(double lnInv) {
            double[] lr = lnRho;
            double top = cdf.logUpper() - lnInv;
            int hi = upperBoundLog(lr, top);
            double lower = cdf.logLower();
            double s = 0;
            int p = 0;
            for (int i = 0; i < hi; i++) {
                double u = lr[i] + lnInv;
                if (u < lower) {
                    s += weights[i] * cdf.cdfAtLog(u);
                } else {
                    p = cdf.panel(u, p);
                    s += weights[i] * cdf.value(p, u);
                }
            }
            s += tailW[hi];
            double[] q = EXT_Q[level];
            double tol = 0.5 * TAIL_TOLERANCE * s;
            if (!(q[0] > tol)) {
                return s;
            }
            // Beyond t = 9 the integrand is F(ρ(t)/ρ̄)·φ(t) with F∘ρ rising: past the start T of panel `stop`,
            // where Q(T) ≤ tol, at most Q(T); before it, at most F_T·φ(t) with F_T = F at the first node of
            // `stop` (≥ T). So once F_T·Q(t_a) ≤ tol at a panel start t_a, the rest is below 2·tol.
            int stop = firstAtOrBelow(q, tol);
            double[] w = EXT_W[level];
            double[] tl = tail.lnRho;
            double fT = 1;
            if (stop < q.length) {
                tail.ensure(stop);
                fT = cdf.cdfAtLog(tl[stop * POINTS_PER_PANEL] + lnInv);
            } else {
                tail.ensure(q.length - 1);
            }
            for (int panel = 0; panel < stop && fT * q[panel] > tol; panel++) {
                for (int i = panel * POINTS_PER_PANEL; i < (panel + 1) * POINTS_PER_PANEL; i++) {
                    s += w[i] * cdf.cdfAtLog(tl[i] + lnInv);
                }
            }
            return s;
        }

        /** The first index whose value is ≤ x (values descending), or the length. */
        private static int firstAtOrBelow(double[] a, double x) {
            int lo = 0;
            int hi = a.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (a[mid] > x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private static int upperBoundLog(double[] a, double x) {
            int lo = 0;
            int hi = a.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (a[mid] < x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    private record Key(double n, double k, boolean logTerm) {
    }
}
