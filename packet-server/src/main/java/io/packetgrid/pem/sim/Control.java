package io.packetgrid.pem.sim;

/** How a device agent is controlled. */
public enum Control {
    /**
     * Local hysteresis thermostat on the device's band only (ACC 2017 T1: no coordination, no
     * messages). For an EV the band is its urgency band, so it charges only from the last-chance
     * state of charge; away from home it draws nothing.
     */
    THERMOSTAT,
    /** Packetized energy management: requests to the server, opt-out and rejoin locally. */
    PEM,
    /**
     * Each device's own rule, no server, no messages (a study's "uncontrolled" baseline; see
     * {@link io.packetgrid.pem.device.LocalRule#forDevice}): water heater and heat-pump tank a
     * thermostat; EV full rated power from plug-in until its target or departure, switched off at
     * the exact instant; home battery idle.
     */
    LOCAL
}
