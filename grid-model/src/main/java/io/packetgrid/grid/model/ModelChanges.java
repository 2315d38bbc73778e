package io.packetgrid.grid.model;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Process-wide counters of changes to element admittances (taps, switch states), so a solver
 * can see in one read whether any primitive matrix may have changed since its factorisation. Line
 * changes (opening and closing) are also counted on their own: while that count stands still, only
 * the few deliveries that are not lines (transformers, capacitors, faults) can have changed, so a
 * network of 270,000 lines and a hundred transformers need not look at its lines after a tap move
 * ({@link #isLine}).
 */
public final class ModelChanges {
    private static final AtomicLong COUNT = new AtomicLong();
    private static final AtomicLong LINES = new AtomicLong();

    private ModelChanges() {
    }

    static void bump() {
        COUNT.incrementAndGet();
    }

    /** A line's change: counted in both. */
    static void bumpLine() {
        LINES.incrementAndGet();
        COUNT.incrementAndGet();
    }

    /** Changes so far (monotonic). */
    public static long count() {
        return COUNT.get();
    }

    /**
     * Line changes so far (monotonic). Read it after {@link #count()}: a line change counts here
     * first, so the line count an observer reads already holds every line change in the total it read.
     */
    public static long lineCount() {
        return LINES.get();
    }

    /** Whether a delivery's version changes only with the line count (it is a line). */
    public static boolean isLine(PowerDelivery d) {
        return d instanceof Line;
    }
}
