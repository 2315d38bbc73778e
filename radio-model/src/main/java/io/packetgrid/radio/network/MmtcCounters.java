package io.packetgrid.radio.network;

/**
 * What the mMTC machinery did in a run.
 *
 * @param msg3Transmissions    Msg3 (uplink data) transmissions, retransmissions included
 * @param uplinkNomaPairs      of those, transmissions that shared a PUSCH unit in NOMA pairs (counted once per pair)
 * @param pdschTransmissions   downlink transmissions, retransmissions included
 * @param downlinkNomaPairs    downlink NOMA pairs formed
 * @param backgroundPreambles  preambles sent by background traffic
 */
public record MmtcCounters(long msg3Transmissions, long uplinkNomaPairs, long pdschTransmissions,
                           long downlinkNomaPairs, long backgroundPreambles) {
}
