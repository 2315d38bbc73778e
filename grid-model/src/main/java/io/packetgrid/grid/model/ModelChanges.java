package io.packetgrid.grid.model;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Process-wide counters of changes to element admittances (taps, switch states), so a solver
 * can see in one read whether any primitive matrix may have changed since its factorisation. Line
 * changes (opening and closing) are also counted on their own: while that count stands still, only
 * the few deliveries that are not lines (transformers, capacitors, faults) can have changed, so a
 * network of 270,000 lines and a hundred transformers need not look at its lines after a tap move
 * ({@link Watch}).
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

    /**
     * One observer's view of the counters over a fixed list of deliveries (a solver's, a flow
     * accounting's): after each {@link #toCheck}, the deliveries whose version may have moved since
     * the call before: none if no change was counted, every one after a line change, else only those
     * that are not lines.
     */
    public static final class Watch {
        private final int total;
        private final int[] notLines;
        private long changesSeen;
        private long linesSeen;
        private boolean all;

        /** Counts from now on, over {@code deliveries} in their order. */
        public Watch(List<? extends PowerDelivery> deliveries) {
            changesSeen = count();
            linesSeen = lineCount();
            total = deliveries.size();
            int[] others = new int[total];
            int m = 0;
            for (int k = 0; k < total; k++) {
                if (!(deliveries.get(k) instanceof Line)) {
                    others[m++] = k;
                }
            }
            notLines = Arrays.copyOf(others, m);
        }

        /**
         * How many deliveries to look at since the last call, 0 if no change was counted; {@link #index}
         * names them. Reads the total before the line count, as {@link #lineCount} asks.
         */
        public int toCheck() {
            long seen = count();
            if (seen == changesSeen) {
                return 0;
            }
            changesSeen = seen;
            long lines = lineCount();
            all = lines != linesSeen;
            linesSeen = lines;
            return all ? total : notLines.length;
        }

        /** The index, in the list given, of the {@code m}-th delivery to look at. */
        public int index(int m) {
            return all ? m : notLines[m];
        }
    }
}
