package io.packetgrid.pem.policy;

/** Order among requests of equal rank decided together. */
public enum Fairness {
    /** In order of arrival. */
    ARRIVAL,
    /** The device that has waited longest since its first denied request goes first. */
    LONGEST_WAITING
}
