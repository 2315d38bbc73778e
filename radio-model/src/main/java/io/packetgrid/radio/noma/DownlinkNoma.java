package io.packetgrid.radio.noma;

import io.packetgrid.radio.fbl.NormalApproximation;
import io.packetgrid.radio.math.AdaptiveQuadrature;

/**
 * Power-domain downlink NOMA with successive interference cancellation (SIC) and finite-blocklength
 * decoding: the base station sends x = Σ_j sqrt(α_j·P)·s_j over the same n channel uses; each user
 * decodes the messages of weaker users first (treating stronger users' signals as Gaussian noise),
 * removes them with a residual fraction ξ, then decodes its own (Sun, Yan, Yang, Ding, Shen, Zhong,
 * "Short-packet downlink transmission with non-orthogonal multiple access", IEEE TWC 17(7), 2018
 * [SYY18], §II–III; Yu, Chen, Li, Ding, Vucetic, "On the performance of non-orthogonal multiple access
 * in short-packet communications", IEEE Commun. Lett. 22(3), 2018 [YCL18]; formulas and conventions
 * as in ../shared/radio/README.md). Every stage's error is the complex-channel NA Ψ(γ, n, k); a
 * failed stage loses the user's packet, so ε_i = 1 − Π_j (1 − ε_{i,j}), accumulated as
 * ε ← ε + (1 − ε)·ε_{i,j} to avoid cancellation.
 */
public final class DownlinkNoma {
    private DownlinkNoma() {
    }

    /**
     * Two users exactly as the README's {@code noma-examples.csv}: snr = P/σ², α_near = 1 − α_far,
     * g the channel power gains, ξ the SIC residual.
     */
    public static DownlinkPair twoUser(double n, double kFar, double kNear, double snr, double alphaFar, double gFar,
                                       double gNear, double xi, boolean logTerm) {
        checkCommon(n, snr, xi);
        if (!(alphaFar >= 0 && alphaFar <= 1)) {
            throw new IllegalArgumentException("alpha_far must be in [0, 1], got " + alphaFar);
        }
        checkGain(gFar, "g_far");
        checkGain(gNear, "g_near");
        double aN = 1 - alphaFar;
        double sinrFar = alphaFar * snr * gFar / (aN * snr * gFar + 1);
        double sinrNearSic = alphaFar * snr * gNear / (aN * snr * gNear + 1);
        double sinrNearOwn = aN * snr * gNear / (xi * alphaFar * snr * gNear + 1);
        double lt = NormalApproximation.logTerm(n, logTerm);
        double epsFar = NormalApproximation.psi(n, kFar, sinrFar, lt);
        double epsSic = NormalApproximation.psi(n, kFar, sinrNearSic, lt);
        double epsOwn = NormalApproximation.psi(n, kNear, sinrNearOwn, lt);
        double epsNear = epsSic + (1 - epsSic) * epsOwn;
        return new DownlinkPair(sinrFar, sinrNearSic, sinrNearOwn, epsFar, epsSic, epsOwn, epsNear);
    }

    /**
     * K users. Users are ranked by gain (the weakest decodes first and should have the largest share);
     * user i decodes the users j ranked at or below it in turn, stage j at SINR
     * α_j·P·g_i / ((Σ_{m above j} α_m + ξ·Σ_{m below j} α_m)·P·g_i + 1) (README, K users). A user whose
     * share is exactly 0 sends nothing and is no stage of anyone's SIC, so with the other shares at 0
     * a user's error is the single-user Ψ(P·g_i).
     *
     * @return ε per user, in the order given
     */
    public static double[] kUser(double n, double[] k, double snr, double[] alpha, double[] gain, double xi,
                                 boolean logTerm) {
        checkCommon(n, snr, xi);
        int users = k.length;
        if (alpha.length != users || gain.length != users) {
            throw new IllegalArgumentException("k, alpha and gain need one entry per user");
        }
        double total = 0;
        for (int i = 0; i < users; i++) {
            if (!(alpha[i] >= 0)) {
                throw new IllegalArgumentException("alpha[" + i + "] must be ≥ 0, got " + alpha[i]);
            }
            checkGain(gain[i], "gain[" + i + "]");
            total += alpha[i];
        }
        if (total > 1 + 1e-12) {
            throw new IllegalArgumentException("power shares must sum to at most 1, got " + total);
        }
        Integer[] order = rankByGain(gain);
        double lt = NormalApproximation.logTerm(n, logTerm);
        double[] eps = new double[users];
        for (int ri = 0; ri < users; ri++) {
            int i = order[ri];
            double pg = snr * gain[i];
            double e = 0;
            for (int rj = 0; rj <= ri; rj++) {
                int j = order[rj];
                if (alpha[j] == 0 && j != i) {
                    continue;
                }
                double above = 0;
                double below = 0;
                for (int rm = 0; rm < users; rm++) {
                    if (rm > rj) {
                        above += alpha[order[rm]];
                    } else if (rm < rj) {
                        below += alpha[order[rm]];
                    }
                }
                double sinr = alpha[j] * pg / ((above + xi * below) * pg + 1);
                double stage = NormalApproximation.psi(n, k[j], sinr, lt);
                e = e + (1 - e) * stage;
            }
            eps[i] = e;
        }
        return eps;
    }

    /**
     * The two users' errors averaged over independent Rayleigh fading of each user's gain, with mean
     * gains {@code meanFar} and {@code meanNear} (roles fixed, no reordering): ε̄ = ∫ e^(−g)·ε(mean·g) dg
     * per user by adaptive quadrature (relative 1e-10). Each user's error depends on its own gain only.
     *
     * @return {ε̄_far, ε̄_near}
     */
    public static double[] rayleighAveraged(double n, double kFar, double kNear, double snr, double alphaFar,
                                            double meanFar, double meanNear, double xi, boolean logTerm) {
        double far = averageExp(g -> twoUser(n, kFar, kNear, snr, alphaFar, meanFar * g, meanNear, xi, logTerm).epsFar());
        double near = averageExp(g -> twoUser(n, kFar, kNear, snr, alphaFar, meanFar, meanNear * g, xi, logTerm).epsNear());
        return new double[] {far, near};
    }

    /** E[f(g)] for g ~ Exp(1): ∫₀^∞ e^(−g) f(g) dg split at decades, cut at g = 60 (e^−60 ≈ 1e-26). */
    static double averageExp(java.util.function.DoubleUnaryOperator f) {
        return AdaptiveQuadrature.integrate(g -> Math.exp(-g) * f.applyAsDouble(g), 0, 60, 1e-10, 1e-30,
                1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.1, 0.3, 1, 3, 10, 30);
    }

    static Integer[] rankByGain(double[] gain) {
        Integer[] order = new Integer[gain.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> gain[a] != gain[b] ? Double.compare(gain[a], gain[b]) : Integer.compare(a, b));
        return order;
    }

    static void checkCommon(double n, double snr, double xi) {
        if (!(n > 0) || Double.isInfinite(n)) {
            throw new IllegalArgumentException("n must be a positive blocklength, got " + n);
        }
        if (!(snr >= 0) || Double.isInfinite(snr)) {
            throw new IllegalArgumentException("SNR must be finite and ≥ 0 (linear), got " + snr);
        }
        if (!(xi >= 0 && xi <= 1)) {
            throw new IllegalArgumentException("xi must be in [0, 1], got " + xi);
        }
    }

    static void checkGain(double g, String name) {
        if (!(g >= 0) || Double.isInfinite(g)) {
            throw new IllegalArgumentException(name + " must be finite and ≥ 0, got " + g);
        }
    }
}
