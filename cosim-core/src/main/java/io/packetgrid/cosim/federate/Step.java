package io.packetgrid.cosim.federate;

import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.record.SeriesWriter;
import io.packetgrid.cosim.value.ValueKey;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/** What a federate sees and can do during one step. */
public interface Step {

    /** The granted time, in nanoseconds. */
    long now();

    /** 0 for the first step at this time, 1, 2, … when re-stepped at the same time (fixed-point iteration). */
    int iteration();

    /** The latest value of a key the federate subscribed to or publishes. */
    <T> T read(ValueKey<T> key);

    /** Publishes a new value of a key this federate declared with {@link Setup#publishes}. */
    <T> void publish(ValueKey<T> key, T value);

    /**
     * Whether another federate subscribes to (or wakes on) a value this federate publishes: nobody could see a
     * publication of one that has no subscriber, so a federate may skip building it (a fleet's per-device
     * array at every reply). Fixed once every federate is initialised; true where unknown.
     */
    default boolean hasSubscribers(ValueKey<?> key) {
        return true;
    }

    /** Messages delivered to this federate's endpoints at this time, in delivery order. */
    List<Message> inbox();

    /**
     * Sends a message from one of this federate's endpoints; the network decides when (or whether) it is
     * delivered. {@code kind} is a free label the network may use (e.g. a service class).
     *
     * @return the message, with its run-unique id
     */
    Message send(String from, String to, Object payload, int sizeBytes, String kind);

    /** As {@link #send(String, String, Object, int, String)}, the endpoints given by their numbers ({@link Setup#endpointId}). */
    Message send(int from, int to, Object payload, int sizeBytes, String kind);

    /** This federate's own reproducible random stream. */
    UniformRandomProvider random();

    /** Records an event in the run's event log (buffered; written in a defined order). */
    void event(String type, String detail);

    /** A series this federate opened in {@link Setup#series}. */
    default void row(SeriesWriter series, double... values) {
        series.row(now(), values);
    }
}
