package io.packetgrid.grid.api;

/**
 * A bus's map position as an OpenDSS {@code BusCoords} file gives it (OpenDSS TBus x, y). The unit is
 * whatever the file uses: metres in a projected grid for the IEEE European LV feeder, arbitrary
 * drawing units for IEEE 13.
 *
 * @param x first coordinate
 * @param y second coordinate
 */
public record BusXy(double x, double y) {
}
