package io.packetgrid.pem.packet;

/**
 * What a device tells the server besides requests, so that an event-based aggregate estimate
 * stays right (IREP 2022 §III: demand rises when packets are accepted or devices opt out, falls
 * when a packet expires or is interrupted). Expiry is not sent: the server times packets itself.
 *
 * @param powerKw the power the event adds (OPT_OUT_ON) or removes (INTERRUPT, REJOIN), ≥ 0
 */
public record DeviceEvent(long deviceId, Type type, double powerKw, ConnectionPoint at) {

    public enum Type {
        /** Comfort/charge at risk: the device consumes outside PEM (exit-ON); +power. */
        OPT_OUT_ON(1),
        /** The device stops a running packet early (e.g. exit-OFF at the upper limit); −power. */
        INTERRUPT(2),
        /** Back inside the tighter band after exit-ON: it stops consuming and rejoins PEM; −power. */
        REJOIN(3);

        private final int code;
        private final String label;

        Type(int code) {
            this.code = code;
            this.label = name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Lower-case name for logs (e.g. {@code opt_out_on}). */
        public String label() {
            return label;
        }

        public int code() {
            return code;
        }

        public static Type ofCode(int code) {
            for (Type t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return null;
        }

        /** Sign of the change in aggregate demand. */
        public int sign() {
            return this == OPT_OUT_ON ? 1 : -1;
        }
    }

    public static final int WIRE_BYTES = 32;
}
