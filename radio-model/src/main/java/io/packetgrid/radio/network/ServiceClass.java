package io.packetgrid.radio.network;

import java.util.Locale;

/** The two service classes of the radio network. */
public enum ServiceClass {
    /** Protection messages: dedicated resources, mini-slots, repetitions, HARQ. */
    URLLC,
    /** Energy packets: random access, NOMA pairing at the aggregator. */
    MMTC;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
