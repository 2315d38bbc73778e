package io.packetgrid.studies.protection.sim;

/**
 * A protection message between IEDs (the payload of a URLLC kernel message): a block, a permit or a
 * transfer trip, from a scheme.
 */
public record ProtectionMessage(Type type, String scheme, String from) {

    /** What the message asks for. */
    public enum Type { BLOCK, PERMIT, TRIP }

    /** Message kind for the radio model: protection goes as URLLC. */
    public static final String KIND = "urllc";
}
