package io.packetgrid.radio.fbl;

/**
 * The normal approximation (NA) of the packet error probability of a code with n channel uses and k
 * information bits over an AWGN channel, and its two inverses.
 *
 * <pre>
 *   log2 M*(n, ε) ≈ n·C − sqrt(n·V)·Q⁻¹(ε) + ½·log2 n           (1)
 *   ε(n, k, SNR)  ≈ Q( (n·C − k + ½·log2 n) / sqrt(n·V) )        (2)
 * </pre>
 * (1) is [PPV10] Theorem 54 (Polyanskiy, Poor, Verdú, IEEE Trans. IT 56(5), 2010) with the
 * third-order term ½·log2 n of Tan &amp; Tomamichel, "The third-order term in the normal
 * approximation for the AWGN channel", IEEE Trans. IT 61(5):2430–2438, 2015, Theorem 1; (2) is its
 * inversion in ε, as in the SPECTRE toolbox's {@code normapx_awgn} and ../shared/radio/README.md.
 * The ½·log2 n term is on by default ({@code logTerm = true}); many URLLC papers leave it out.
 * n counts uses of the channel at hand (real dimensions or complex symbols), so the term is
 * ½·log2 n, not ½·log2 2n, for complex n (README, "Pitfalls").
 *
 * <p>All functions are pure; SNRs are linear. Arguments are checked: n &gt; 0 and finite, SNR ≥ 0,
 * ε in (0, 1); violations are IllegalArgumentExceptions naming the parameter.
 */
public final class NormalApproximation {
    /** ½·log2 n for whole n below 2^16 (every NR allocation: at most 273 RBs × 12 × 14 REs), by table. */
    private static final double[] HALF_LOG2 = new double[1 << 16];

    static {
        for (int i = 1; i < HALF_LOG2.length; i++) {
            HALF_LOG2[i] = 0.5 * Math.log(i) * Channel.LOG2E;
        }
    }

    private NormalApproximation() {
    }

    /** ½·log2 n, or 0 without the third-order term. */
    public static double logTerm(double n, boolean logTerm) {
        if (!logTerm) {
            return 0;
        }
        int i = (int) n;
        return i == n && i > 0 && i < HALF_LOG2.length ? HALF_LOG2[i] : 0.5 * Math.log(n) * Channel.LOG2E;
    }

    /**
     * The argument of Q in (2): x = (n·C − k + ½·log2 n)/sqrt(n·V). At SNR 0 (V = 0) it is the limit
     * −∞ if k exceeds the log term, +∞ if it is below it, and 0 if equal.
     */
    public static double argument(Channel ch, double n, double k, double snr, boolean logTerm) {
        double num = n * ch.capacity(snr) - k + logTerm(n, logTerm);
        double den = Math.sqrt(n * ch.dispersion(snr));
        if (den == 0) {
            return num < 0 ? Double.NEGATIVE_INFINITY : num > 0 ? Double.POSITIVE_INFINITY : 0;
        }
        return num / den;
    }

    /** ε(n, k, SNR) by (2), with the ½·log2 n term. */
    public static double errorProbability(Channel ch, double n, double k, double snr) {
        return errorProbability(ch, n, k, snr, true);
    }

    /** ε(n, k, SNR) by (2); {@code logTerm} switches the ½·log2 n term. */
    public static double errorProbability(Channel ch, double n, double k, double snr, boolean logTerm) {
        checkN(n);
        checkSnr(snr);
        if (ch == Channel.COMPLEX) {
            return psi(n, k, snr, logTerm(n, logTerm));
        }
        return GaussianTail.q(argument(ch, n, k, snr, logTerm));
    }

    /**
     * The complex-channel NA Ψ(γ, n, k) of the README, unchecked, for hot loops: n &gt; 0, γ ≥ 0 are
     * the caller's promise; {@code halfLog2n} is ½·log2 n or 0. With sqrt(n·V) = log2e·sqrt(n·γ(γ+2))/(1+γ)
     * the Q argument takes one square root and one division.
     */
    public static double psi(double n, double k, double sinr, double halfLog2n) {
        double s1 = 1 + sinr;
        double num = n * (sinr >= 1e-2 ? Math.log(s1) : Math.log1p(sinr)) * Channel.LOG2E - k + halfLog2n;
        double root = Math.sqrt(n * sinr * (sinr + 2));
        if (root == 0) {
            return num < 0 ? 1 : num > 0 ? 0 : 0.5;
        }
        return GaussianTail.q(num * s1 / (Channel.LOG2E * root));
    }

    /** log2 M_NA = n·C − sqrt(n·V)·Q⁻¹(ε) + ½·log2 n by (1), a real number of bits. */
    public static double maxLog2M(Channel ch, double n, double snr, double eps, boolean logTerm) {
        checkN(n);
        checkSnr(snr);
        checkEps(eps);
        return n * ch.capacity(snr) - Math.sqrt(n * ch.dispersion(snr)) * GaussianTail.qInverse(eps) + logTerm(n, logTerm);
    }

    /** The largest whole number of bits for target ε: floor(log2 M_NA). */
    public static long maxBits(Channel ch, double n, double snr, double eps, boolean logTerm) {
        return (long) Math.floor(maxLog2M(ch, n, snr, eps, logTerm));
    }

    /**
     * The smallest linear SNR at which ε_NA(n, k, SNR) = ε, i.e. log2 M_NA(n, ε, SNR) = k. The Q
     * argument of (2) rises strictly with the SNR when k exceeds the log term (its derivative has the
     * sign of ρ(ρ+2) − ln(1+ρ) + (k − ½·log2 n)/(n·log2 e) &gt; 0), so the root is unique; below that
     * no SNR is needed and the call fails.
     */
    public static double minSnr(Channel ch, double n, double k, double eps, boolean logTerm) {
        checkN(n);
        checkEps(eps);
        double kEff = k - logTerm(n, logTerm);
        if (!(kEff > 0)) {
            throw new IllegalArgumentException("k_bits must exceed " + (logTerm ? "½·log2(n) = " + logTerm(n, true) : "0")
                    + " for a minimum SNR to exist, got " + k);
        }
        return SnrInverse.snrForArgument(ch, n, k, logTerm, GaussianTail.qInverse(eps));
    }

    static void checkN(double n) {
        if (!(n > 0) || Double.isInfinite(n)) {
            throw new IllegalArgumentException("n must be a positive blocklength, got " + n);
        }
    }

    static void checkSnr(double snr) {
        if (!(snr >= 0) || Double.isInfinite(snr)) {
            throw new IllegalArgumentException("SNR must be finite and ≥ 0 (linear), got " + snr);
        }
    }

    static void checkEps(double eps) {
        if (!(eps > 0 && eps < 1)) {
            throw new IllegalArgumentException("eps must be in (0, 1), got " + eps);
        }
    }
}
