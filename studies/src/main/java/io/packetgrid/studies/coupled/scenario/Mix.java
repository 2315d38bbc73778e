package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumMap;
import java.util.Map;

/**
 * Penetration of each device type: the share of households that have one (0..1). The households
 * that get a device are drawn without replacement, so a share of 0.4 of 55 households gives exactly
 * round(22.0) = 22 of them.
 */
public record Mix(@JsonProperty("water_heater") Double waterHeater,
                  @JsonProperty("heat_pump") Double heatPump,
                  @JsonProperty("ev_charger") Double evCharger,
                  @JsonProperty("battery") Double battery,
                  @JsonProperty("pv") Double pv,
                  @JsonProperty("dishwasher") Double dishwasher,
                  @JsonProperty("sauna") Double sauna,
                  @JsonProperty("wind") Double wind) {

    public Mix {
        waterHeater = share(waterHeater, "water_heater");
        heatPump = share(heatPump, "heat_pump");
        evCharger = share(evCharger, "ev_charger");
        battery = share(battery, "battery");
        pv = share(pv, "pv");
        dishwasher = share(dishwasher, "dishwasher");
        sauna = share(sauna, "sauna");
        wind = share(wind, "wind");
    }

    private static Double share(Double v, String name) {
        if (v == null) {
            return 0.0;
        }
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be a share in [0, 1], got " + v);
        }
        return v;
    }

    public static Mix none() {
        return new Mix(null, null, null, null, null, null, null, null);
    }

    /** The shares by type, in type order. */
    public Map<DeviceType, Double> shares() {
        Map<DeviceType, Double> m = new EnumMap<>(DeviceType.class);
        m.put(DeviceType.WATER_HEATER, waterHeater);
        m.put(DeviceType.HEAT_PUMP, heatPump);
        m.put(DeviceType.EV_CHARGER, evCharger);
        m.put(DeviceType.BATTERY, battery);
        m.put(DeviceType.PV, pv);
        m.put(DeviceType.DISHWASHER, dishwasher);
        m.put(DeviceType.SAUNA, sauna);
        m.put(DeviceType.WIND, wind);
        return m;
    }
}
