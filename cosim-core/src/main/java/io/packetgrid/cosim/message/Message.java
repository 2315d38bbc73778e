package io.packetgrid.cosim.message;

/**
 * A discrete, addressed packet between endpoints (HELICS's "message", as opposed to a value).
 *
 * @param id        run-unique, assigned in the kernel's defined order
 * @param from      sending endpoint
 * @param to        receiving endpoint
 * @param sentNs    simulated send time
 * @param sizeBytes payload size on the air (what a network model charges for)
 * @param kind      free label for the network (e.g. {@code urllc}, {@code mmtc})
 * @param payload   immutable content, opaque to the kernel
 */
public record Message(long id, String from, String to, long sentNs, int sizeBytes, String kind, Object payload) {
}
