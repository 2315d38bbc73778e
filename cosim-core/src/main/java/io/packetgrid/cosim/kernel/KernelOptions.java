package io.packetgrid.cosim.kernel;

import io.packetgrid.cosim.time.SimTime;

/**
 * How a run is executed (not what it computes: results never depend on {@code threads}).
 *
 * @param seed          the run seed from which every component's random stream is derived
 * @param endNs         the run ends after the last event at a time ≤ endNs
 * @param threads       worker threads for federates granted the same time (1 = all on the caller)
 * @param maxIterations bound on steps at one time beyond the first (same-time loops, wake-ups)
 */
public record KernelOptions(long seed, long endNs, int threads, int maxIterations) {

    public KernelOptions {
        if (endNs < 0) {
            throw new IllegalArgumentException("end time must be ≥ 0, got " + SimTime.format(endNs));
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be ≥ 1, got " + maxIterations);
        }
    }

    public static KernelOptions of(long seed, long endNs) {
        return new KernelOptions(seed, endNs, 1, 100);
    }

    public KernelOptions withThreads(int n) {
        return new KernelOptions(seed, endNs, n, maxIterations);
    }

    public KernelOptions withMaxIterations(int n) {
        return new KernelOptions(seed, endNs, threads, n);
    }
}
