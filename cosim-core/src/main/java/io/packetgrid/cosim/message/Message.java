package io.packetgrid.cosim.message;

/**
 * A discrete, addressed packet between endpoints (HELICS's "message", as opposed to a value).
 *
 * @param id           run-unique, assigned in the kernel's defined order
 * @param from         sending endpoint
 * @param to           receiving endpoint
 * @param sentNs       simulated send time
 * @param sizeBytes    payload size on the air (what a network model charges for)
 * @param kind         free label for the network (e.g. {@code urllc}, {@code mmtc})
 * @param payload      immutable content, opaque to the kernel
 * @param fromEndpoint the run's number of {@code from} ({@code Setup.endpointId}), −1 if the message did not come
 *                     from a kernel; a network or federate may index its own per-endpoint state by it instead of
 *                     looking the name up for every message
 * @param toEndpoint   the run's number of {@code to}, −1 if none
 */
public record Message(long id, String from, String to, long sentNs, int sizeBytes, String kind, Object payload,
                      int fromEndpoint, int toEndpoint) {

    /** A message without endpoint numbers (made outside a kernel, e.g. in a network model's test). */
    public Message(long id, String from, String to, long sentNs, int sizeBytes, String kind, Object payload) {
        this(id, from, to, sentNs, sizeBytes, kind, payload, -1, -1);
    }
}
