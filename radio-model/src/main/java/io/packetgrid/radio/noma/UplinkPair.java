package io.packetgrid.radio.noma;

/**
 * The two-user uplink NOMA result, one field per column of {@code noma-uplink-examples.csv}.
 *
 * @param firstDecoded 1 or 2: the user with the larger received SNR (user 1 on a tie)
 * @param sinrFirst    s_strong / (s_weak + 1)
 * @param sinrSecond   s_weak / (ξ·s_strong + 1)
 * @param eps1         user 1's packet error
 * @param eps2         user 2's packet error
 */
public record UplinkPair(int firstDecoded, double sinrFirst, double sinrSecond, double eps1, double eps2) {
}
