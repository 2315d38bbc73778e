package io.packetgrid.radio.access;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Event-level simulation of random access on its own (outside a co-simulation): devices join at given
 * occasions and go through {@link RandomAccessChannel}; the results are checked against
 * {@link RachAnalysis} and {@link SlottedAloha} in the tests.
 */
public final class RachSimulator {
    private RachSimulator() {
    }

    /** Per access: the occasion of success (−1 when it failed) and the preambles it sent. */
    public record Outcome(long[] successOccasion, int[] attempts) {
        public int size() {
            return attempts.length;
        }

        public long successes() {
            long n = 0;
            for (long s : successOccasion) {
                if (s >= 0) {
                    n++;
                }
            }
            return n;
        }
    }

    /** Runs accesses i = 0..n−1 that first check barring at {@code joinOccasion[i]}. */
    public static Outcome run(RachConfig config, long[] joinOccasion, double backgroundMean, UniformRandomProvider random) {
        int n = joinOccasion.length;
        long[] success = new long[n];
        int[] attempts = new int[n];
        RandomAccessChannel<Integer> channel = new RandomAccessChannel<>(config, backgroundMean, random);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(joinOccasion[a], joinOccasion[b]));
        RandomAccessChannel.Listener<Integer> out = new RandomAccessChannel.Listener<>() {
            @Override
            public void succeeded(Integer i, long occasion, int a) {
                success[i] = occasion;
                attempts[i] = a;
            }

            @Override
            public void failed(Integer i, long occasion, int a) {
                success[i] = -1;
                attempts[i] = a;
            }
        };
        int next = 0;
        while (next < n || channel.nextOccasion() != Long.MAX_VALUE) {
            long t = next < n ? Math.min(joinOccasion[order[next]], channel.nextOccasion()) : channel.nextOccasion();
            while (next < n && joinOccasion[order[next]] == t) {
                channel.join(order[next], t);
                next++;
            }
            channel.advanceTo(t, out);
        }
        return new Outcome(success, attempts);
    }
}
