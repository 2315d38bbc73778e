package io.packetgrid.radio.network;

import java.util.Map;

/**
 * What one aggregator (cell) did over a run, as of a given end time ({@link RadioNetwork#cellStatistics}). A
 * message counts at the cell that carried its first radio hop: the sender's serving cell for uplink and
 * device-to-device messages, the receiver's for downlink ones; a message lost for want of any cell
 * ({@code no_service}) counts at its device's own cell. Delivered and lost use the rule of
 * {@link EndpointRadioStatistics}, so the cells' counts add up to the devices'.
 *
 * @param aggregator          the aggregator's name
 * @param devices             radio devices whose own cell it is
 * @param uplinkMessages      uplink (and device-to-device) messages it carried
 * @param uplinkDelivered     of those, delivered by the end
 * @param uplinkLost          of those, lost
 * @param downlinkMessages    downlink messages it carried
 * @param downlinkDelivered   of those, delivered by the end
 * @param downlinkLost        of those, lost
 * @param lostByReason        its losses by reason, every reason of {@link RadioNetwork#LOSS_REASONS} present (0 if none)
 * @param rachPreambles       preambles the modelled devices sent in its random access (mMTC)
 * @param rachCollisions      of those, preambles another device or background access also picked (collided)
 * @param backgroundPreambles preambles of background traffic drawn in its random access
 * @param msg3Transmissions   Msg3 (mMTC uplink data) transmissions, retransmissions included
 * @param uplinkNomaPairs     of those, pairs that shared a PUSCH unit (uplink NOMA), counted once per pair
 * @param pdschTransmissions  mMTC downlink transmissions, retransmissions included
 * @param downlinkNomaPairs   downlink NOMA pairs formed
 * @param outageS             time it was down (scheduled outages) from 0 to the end, s
 */
public record CellRadioStatistics(String aggregator, int devices, long uplinkMessages, long uplinkDelivered, long uplinkLost,
                                  long downlinkMessages, long downlinkDelivered, long downlinkLost, Map<String, Long> lostByReason,
                                  long rachPreambles, long rachCollisions, long backgroundPreambles, long msg3Transmissions,
                                  long uplinkNomaPairs, long pdschTransmissions, long downlinkNomaPairs, double outageS) {
    public CellRadioStatistics {
        lostByReason = Map.copyOf(lostByReason);
    }
}
