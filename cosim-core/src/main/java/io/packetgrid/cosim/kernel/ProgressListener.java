package io.packetgrid.cosim.kernel;

/** Told how far a run has come, a few times per second of wall time at most. */
@FunctionalInterface
public interface ProgressListener {
    void progress(long nowNs, long endNs);

    ProgressListener NONE = (now, end) -> { };
}
