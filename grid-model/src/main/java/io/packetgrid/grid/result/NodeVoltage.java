package io.packetgrid.grid.result;

/**
 * One node's voltage to ground.
 *
 * @param bus       bus name (lower case)
 * @param node      OpenDSS node number (1, 2, 3, ...)
 * @param vmagV     magnitude (V)
 * @param vangleDeg angle (degrees)
 * @param vmagPu    magnitude in per unit of the bus's line-to-neutral base (0 if the base is unknown)
 */
public record NodeVoltage(String bus, int node, double vmagV, double vangleDeg, double vmagPu) {
}
