package io.packetgrid.grid.federate;

/**
 * How one feeder load is tied to kernel values.
 *
 * @param load        load name in the feeder
 * @param powerKey    value name of the load's active power input (kW), or null to leave the load to its shape
 * @param reactiveKey value name of its reactive power input (kvar), or null to use the load's kvar/kW ratio
 * @param voltageKey  value name under which its voltage is published (pu of 230 V for LV loads), or null
 */
public record LoadBinding(String load, String powerKey, String reactiveKey, String voltageKey) {
}
