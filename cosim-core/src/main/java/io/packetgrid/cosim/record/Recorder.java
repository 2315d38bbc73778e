package io.packetgrid.cosim.record;

import java.util.List;

/**
 * Where a run's recordings go: time series (one writer per series) and the event log. The kernel
 * calls {@link #event} in a defined order, so a recording does not depend on thread timing.
 */
public interface Recorder extends AutoCloseable {

    /** Opens a series; {@code name} is a path-like identifier (e.g. {@code grid/voltages}). */
    SeriesWriter series(String name, List<String> columns);

    /** Appends one event: time, the federate it came from, a type and free detail text. */
    void event(long timeNs, String source, String type, String detail);

    /** Flushes and closes everything; reports I/O failures as {@link io.packetgrid.cosim.error.PacketGridException}. */
    @Override
    void close();

    /** A recorder that keeps nothing (benchmarks, tests that do not look at recordings). */
    static Recorder discard() {
        return NullRecorder.INSTANCE;
    }
}
