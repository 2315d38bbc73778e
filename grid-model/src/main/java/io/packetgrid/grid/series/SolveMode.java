package io.packetgrid.grid.series;

/** OpenDSS solution modes implemented here. */
public enum SolveMode {
    /** One solution at the present load level (load multiplier only). */
    SNAPSHOT,
    /** Time steps following the loads' daily shapes (default step 1 h, 24 steps). */
    DAILY,
    /** Time steps following the loads' yearly shapes (default step 1 h, 8760 steps). */
    YEARLY
}
