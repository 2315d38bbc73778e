package io.packetgrid.cosim.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.packetgrid.cosim.time.SimTime;

/**
 * A duration in a scenario file, written like {@code 10s}, {@code 1m}, {@code 250us}; held as exact
 * nanoseconds.
 */
public record SimDuration(long ns) implements Comparable<SimDuration> {

    public SimDuration {
        if (ns < 0) {
            throw new IllegalArgumentException("expected a duration ≥ 0, got " + SimTime.format(ns));
        }
    }

    @JsonCreator
    public static SimDuration parse(String text) {
        return new SimDuration(SimTime.parse(text));
    }

    public static SimDuration ofNs(long ns) {
        return new SimDuration(ns);
    }

    public double seconds() {
        return SimTime.toSeconds(ns);
    }

    @JsonValue
    @Override
    public String toString() {
        return SimTime.format(ns);
    }

    @Override
    public int compareTo(SimDuration o) {
        return Long.compare(ns, o.ns);
    }
}
