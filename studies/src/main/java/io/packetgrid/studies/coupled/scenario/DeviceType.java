package io.packetgrid.studies.coupled.scenario;

import io.packetgrid.pem.packet.DeviceClass;
import java.util.Locale;

/** The kinds of household equipment a scenario can give a household. */
public enum DeviceType {
    WATER_HEATER(DeviceClass.WATER_HEATER),
    HEAT_PUMP(DeviceClass.HEAT_PUMP),
    EV_CHARGER(DeviceClass.EV_CHARGER),
    BATTERY(DeviceClass.BATTERY),
    /** Rooftop PV: not dispatchable, never a PEM device. */
    PV(DeviceClass.OTHER);

    private final DeviceClass deviceClass;

    DeviceType(DeviceClass c) {
        this.deviceClass = c;
    }

    public DeviceClass deviceClass() {
        return deviceClass;
    }

    /** The name as written in scenario files ({@code ev_charger}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Short endpoint suffix ({@code wh}, {@code hp}, {@code ev}, {@code bat}). */
    public String shortName() {
        return switch (this) {
            case WATER_HEATER -> "wh";
            case HEAT_PUMP -> "hp";
            case EV_CHARGER -> "ev";
            case BATTERY -> "bat";
            case PV -> "pv";
        };
    }
}
