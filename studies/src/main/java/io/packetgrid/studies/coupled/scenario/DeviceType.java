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
    PV(DeviceClass.OTHER),
    /** A dishwasher: a deadline device (a programme that cannot be interrupted). */
    DISHWASHER(DeviceClass.WASHING),
    /** An electric sauna heater: a deadline device (a temperature by a time). */
    SAUNA(DeviceClass.OTHER),
    /** A small wind turbine: not dispatchable, as PV. */
    WIND(DeviceClass.OTHER);

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
            case DISHWASHER -> "dw";
            case SAUNA -> "sauna";
            case WIND -> "wind";
        };
    }

    /** Generation at the household (PV, wind), not a device of the fleet. */
    public boolean generation() {
        return this == PV || this == WIND;
    }

    /** A device with a deadline (served by the Energy-Internet server under {@code control: energy_internet}). */
    public boolean deadline() {
        return this == DISHWASHER || this == SAUNA;
    }
}
