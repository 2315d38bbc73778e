package io.packetgrid.radio.noma;

/**
 * The two-user downlink NOMA result, one field per column of {@code noma-examples.csv}
 * (../shared/radio/README.md): SINRs are linear.
 *
 * @param sinrFar     far user decoding its own message, near user's signal as noise
 * @param sinrNearSic near user's first stage: decoding the far user's message
 * @param sinrNearOwn near user's second stage: its own message after SIC, residual ξ
 * @param epsFar      far user's packet error
 * @param epsNearSic  near user's error decoding the far message (SIC stage)
 * @param epsNearOwn  near user's error on its own message, given SIC succeeded
 * @param epsNear     near user's packet error: a failed SIC loses its packet
 */
public record DownlinkPair(double sinrFar, double sinrNearSic, double sinrNearOwn, double epsFar,
                           double epsNearSic, double epsNearOwn, double epsNear) {
}
