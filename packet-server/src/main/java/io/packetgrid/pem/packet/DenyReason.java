package io.packetgrid.pem.packet;

/**
 * Why a request was denied; the code is the reason byte of the reply frame. {@code EMERGENCY}: an islanded
 * site in emergency mode serves basic needs only ({@link io.packetgrid.pem.policy.EmergencyMode}).
 */
public enum DenyReason {
    NONE(0), TRACKING(1), RAMP_LIMIT(2), VOLTAGE(3), LOADING(4), DENY_ALL(5), PRIORITY(6), CLASS_CAP(7), EMERGENCY(8);

    private final int code;

    DenyReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static DenyReason ofCode(int code) {
        for (DenyReason r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        return NONE;
    }
}
