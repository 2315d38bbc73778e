package io.packetgrid.radio.network;

/**
 * What sharing the uplink between URLLC and mMTC did in a run ({@link CoexistenceConfig}).
 *
 * @param urllcRepetitions URLLC uplink repetitions sent on shared units (0 on dedicated resources)
 * @param urllcErased      of those, repetitions erased by background or Msg3 traffic on their unit (never with
 *                         pre-emption)
 * @param msg3Preempted    Msg3 transmissions lost to a URLLC repetition on their unit (cancelled with pre-emption,
 *                         collided without)
 */
public record CoexistenceCounters(long urllcRepetitions, long urllcErased, long msg3Preempted) {
}
