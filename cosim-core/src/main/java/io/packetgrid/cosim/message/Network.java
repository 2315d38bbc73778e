package io.packetgrid.cosim.message;

import io.packetgrid.cosim.time.SimTime;

/**
 * The hook that decides each message's delivery time or loss (a HELICS "filter" on messages). The
 * kernel hands it every sent message, in a defined order, at the simulated send time.
 *
 * <p>A simple network decides in {@link #submit} and calls {@code out} at once. A network that
 * must see concurrent traffic before deciding (contention, scheduling) keeps messages and decides
 * later: it reports the next time it wants to run in {@link #nextEventNs()} and is called at that
 * time through {@link #advance}. Any randomness must come from a stream given to it at construction.
 */
public interface Network {

    /** Called at the message's send time; may call {@code out} now or keep the message for later. */
    void submit(Message message, long nowNs, Delivery out);

    /** The next time this network needs {@link #advance} (NEVER if it holds nothing). */
    default long nextEventNs() {
        return SimTime.NEVER;
    }

    /** Called at {@link #nextEventNs()}, before messages due then are handed to their federates. */
    default void advance(long nowNs, Delivery out) {
    }

    /** Called once at the end of the run (e.g. to report statistics). */
    default void finish(long endNs) {
    }
}
