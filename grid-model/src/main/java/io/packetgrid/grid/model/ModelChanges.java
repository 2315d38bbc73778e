package io.packetgrid.grid.model;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A process-wide counter of changes to element admittances (taps, switch states), so a solver
 * can see in one read whether any primitive matrix may have changed since its factorisation.
 */
public final class ModelChanges {
    private static final AtomicLong COUNT = new AtomicLong();

    private ModelChanges() {
    }

    static void bump() {
        COUNT.incrementAndGet();
    }

    /** Changes so far (monotonic). */
    public static long count() {
        return COUNT.get();
    }
}
