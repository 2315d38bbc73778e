package io.packetgrid.grid.federate;

import java.util.List;

/**
 * Which PV systems and storage units of a feeder a {@link DerInstrument} drives, and from which values.
 *
 * @param prefix          prefix of the values it publishes ({@code <prefix>/pv_kw}, ...)
 * @param pvSystems       PV systems (names as in the script, with or without {@code PVSystem.}): the order
 *                        of every per-PV array it reads and publishes
 * @param storageUnits    storage units (with or without {@code Storage.}): the order of every per-unit array
 * @param irradianceKey   name of a {@code double[]} of each PV system's irradiance (kW/m2; NaN: its script
 *                        shapes), or null for none
 * @param pvKwLimitKey    name of a {@code double[]} of each PV system's output cap (kW; NaN: its script
 *                        {@code %Pmpp}), or null
 * @param storageKwKey    name of a {@code double[]} of each unit's dispatch (kW, positive discharging,
 *                        negative charging; NaN: unchanged), or null
 */
public record DerBinding(String prefix, List<String> pvSystems, List<String> storageUnits, String irradianceKey,
                         String pvKwLimitKey, String storageKwKey) {

    public DerBinding {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("prefix must not be blank");
        }
        pvSystems = List.copyOf(pvSystems);
        storageUnits = List.copyOf(storageUnits);
    }
}
