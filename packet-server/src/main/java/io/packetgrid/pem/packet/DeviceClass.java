package io.packetgrid.pem.packet;

import io.packetgrid.cosim.error.PacketGridException;

/**
 * Appliance classes a request names, so that community rules (priorities, reserved shares) can
 * tell a cooker from an EV charger without knowing the device. The code is the byte on the wire
 * (docs/protocol.md).
 */
public enum DeviceClass {
    OTHER(0), WATER_HEATER(1), HEAT_PUMP(2), EV_CHARGER(3), BATTERY(4), AIR_CONDITIONER(5), COOKER(6),
    WASHING(7);

    private static final DeviceClass[] BY_CODE = new DeviceClass[256];

    static {
        for (DeviceClass c : values()) {
            BY_CODE[c.code] = c;
        }
    }

    private final int code;

    DeviceClass(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The class for a wire code; unknown codes are {@link #OTHER} (a newer device, not an attack). */
    public static DeviceClass ofCode(int code) {
        DeviceClass c = code >= 0 && code < 256 ? BY_CODE[code] : null;
        return c == null ? OTHER : c;
    }

    /** Parses a scenario/config name such as {@code ev_charger}. */
    public static DeviceClass parse(String name, String where) {
        try {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PacketGridException(where, "unknown device class '" + name + "' (known: "
                    + java.util.Arrays.stream(values()).map(v -> v.name().toLowerCase(java.util.Locale.ROOT))
                    .collect(java.util.stream.Collectors.joining(", ")) + ")");
        }
    }
}
