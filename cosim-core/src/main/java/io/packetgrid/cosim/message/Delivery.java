package io.packetgrid.cosim.message;

/** How a {@link Network} tells the kernel what became of a message. */
public interface Delivery {

    /** The message arrives at its destination at {@code atNs} (never before the current time). */
    void deliver(Message message, long atNs);

    /** The message is lost; {@code reason} is a short label (e.g. {@code collision}, {@code deadline}). */
    void drop(Message message, String reason);
}
