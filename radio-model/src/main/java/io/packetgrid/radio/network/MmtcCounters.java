package io.packetgrid.radio.network;

/**
 * What the mMTC machinery did in a run.
 *
 * @param msg3Transmissions    Msg3 (uplink data) transmissions, retransmissions included
 * @param uplinkNomaPairs      of those, transmissions that shared a PUSCH unit in NOMA pairs (counted once per pair)
 * @param pdschTransmissions   downlink transmissions, retransmissions included
 * @param downlinkNomaPairs    downlink NOMA pairs formed
 * @param backgroundPreambles  preambles sent by background traffic
 * @param msg3UnitSlots        uplink units occupied by Msg3 transmissions, one per slot and unit (a NOMA pair takes
 *                             one): over the unit-slots of the run, the share mMTC takes of the uplink
 */
public record MmtcCounters(long msg3Transmissions, long uplinkNomaPairs, long pdschTransmissions,
                           long downlinkNomaPairs, long backgroundPreambles, long msg3UnitSlots) {
}
