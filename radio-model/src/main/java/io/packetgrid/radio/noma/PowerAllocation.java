package io.packetgrid.radio.noma;

import io.packetgrid.radio.fbl.Channel;
import io.packetgrid.radio.fbl.NormalApproximation;

/**
 * Power allocation for a downlink NOMA pair.
 *
 * <p>{@link #farShareForTarget}: the smallest far-user share α_f that gives the far user its target
 * error ε_f, leaving the rest of the power to the near user (the "fixed-target" allocation of
 * [SYY18] §IV, and the usual QoS-first rule of Ding et al., "Impact of user pairing on 5G
 * nonorthogonal multiple-access downlink transmissions", IEEE TVT 65(8), 2016, §III). From the far
 * user's SINR α_f·P·g_f/((1 − α_f)·P·g_f + 1) ≥ γ*, with γ* the NA's minimum SNR for (n, k_f, ε_f):
 * α_f ≥ γ*·(P·g_f + 1) / (P·g_f·(1 + γ*)). At least half the power stays with the far user so
 * that the near user can decode it first.
 */
public final class PowerAllocation {
    private PowerAllocation() {
    }

    /**
     * The far user's share, clamped to [max(minShare, ½), 1]; NaN when even all the power misses the
     * target (then the pair should not be formed).
     */
    public static double farShareForTarget(double n, double kFar, double epsTarget, double snr, double gFar,
                                           double minShare, boolean logTerm) {
        double gamma = NormalApproximation.minSnr(Channel.COMPLEX, n, kFar, epsTarget, logTerm);
        double pg = snr * gFar;
        double share = gamma * (pg + 1) / (pg * (1 + gamma));
        if (!(share <= 1)) {
            return Double.NaN;
        }
        return Math.max(share, Math.max(minShare, 0.5));
    }
}
