package io.packetgrid.cosim.federate;

/**
 * A component of a co-simulation: a model stepped by the kernel at the times it asks for.
 *
 * <p>The whole contract (after mosaik's init/step and HELICS's time request/grant):
 * <ol>
 *   <li>{@link #initialize(Setup)} once: declare the values it publishes and subscribes to, its
 *       message endpoints, and which federates it must follow at equal times. It returns the first
 *       time it wants to run.</li>
 *   <li>{@link #step(Step)} at each granted time: read values and delivered messages, advance its own
 *       state to {@code now()}, publish values, send messages; return the next time it needs to run
 *       ({@link io.packetgrid.cosim.time.SimTime#NEVER} to wait for events). A delivered message or a
 *       change of a value subscribed with {@code wake} steps it earlier; its previous request is then
 *       replaced by what that step returns.</li>
 *   <li>{@link #finish(long)} once at the end of the run.</li>
 * </ol>
 * A federate may be stepped more than once at the same time ({@link Step#iteration()} &gt; 0) when
 * an input it wakes on changed: it must then recompute its outputs from the state it had at that
 * time, not advance its state a second time. It must never read the wall clock or an unseeded
 * random generator; {@link Step#random()} is its own reproducible stream.
 */
public interface Federate {

    /** Unique, stable name: it orders equal-time events and keys the federate's random stream. */
    String name();

    /** Declares interfaces; returns the first time to run (absolute ns), e.g. 0. */
    long initialize(Setup setup);

    /** Advances to {@code step.now()}; returns the next time to run (absolute ns, ≥ now) or NEVER. */
    long step(Step step);

    /** Called once after the last step; flush and close what the federate owns. */
    default void finish(long endNs) {
    }
}
