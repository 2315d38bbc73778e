package io.packetgrid.pem.sim;

/** How a device agent is controlled. */
public enum Control {
    /** Local hysteresis thermostat only (ACC 2017 T1: no coordination, no messages). */
    THERMOSTAT,
    /** Packetized energy management: requests to the server, opt-out and rejoin locally. */
    PEM
}
