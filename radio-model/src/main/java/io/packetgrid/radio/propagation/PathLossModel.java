package io.packetgrid.radio.propagation;

/**
 * A large-scale propagation model: mean path loss, line-of-sight probability, log-normal shadowing
 * and its spatial decorrelation distance, and the Rician K-factor of line-of-sight links.
 */
public interface PathLossModel {

    /** Mean path loss in dB at 2D distance {@code d2dM} for base-station and device heights (m). */
    double pathLossDb(double d2dM, double hBsM, double hUtM, boolean los);

    /** P[line of sight] at 2D distance {@code d2dM}. */
    double losProbability(double d2dM, double hUtM);

    /** Standard deviation of the log-normal shadow fading, dB. */
    double shadowingSigmaDb(boolean los);

    /** Decorrelation distance of the shadow fading (exponential correlation e^(−Δd/d)), m. */
    double correlationDistanceM(boolean los);

    /** Mean Rician K-factor of a LOS link in dB, or −∞ for Rayleigh (NLOS). */
    double kFactorDb(boolean los);

    /** A short label. */
    String label();
}
