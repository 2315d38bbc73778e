package io.packetgrid.cosim.federate;

import io.packetgrid.cosim.record.SeriesWriter;
import io.packetgrid.cosim.value.ValueKey;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/** What a federate can declare while it is initialised. */
public interface Setup {

    /** Declares that this federate (alone) publishes {@code key}, with its value before any step. */
    <T> void publishes(ValueKey<T> key, T initial);

    /** Reads {@code key} whenever it steps; does not wake it. */
    <T> void subscribes(ValueKey<T> key);

    /**
     * Reads {@code key} and is stepped at the time the value changes (after its publisher). A loop of
     * such subscriptions between federates is iterated at the same time until no value changes.
     */
    <T> void wakesOn(ValueKey<T> key);

    /** Registers a message endpoint owned by this federate; messages sent to it arrive in its inbox. */
    void endpoint(String name);

    /**
     * The run's number of the endpoint {@code name} (this federate's, another's, or one declared later),
     * for {@link Step#send(int, int, Object, int, String)} and {@link io.packetgrid.cosim.message.Message#toEndpoint()}:
     * per-endpoint state can live in arrays instead of maps by name.
     */
    int endpointId(String name);

    /** At equal times, step this federate after {@code federateName}, so that it sees that one's values. */
    void after(String federateName);

    /** This federate's own reproducible random stream (seeded from the run seed and its name). */
    UniformRandomProvider random();

    /** Opens a time series owned by this federate (only it may write to it). */
    SeriesWriter series(String name, List<String> columns);
}
