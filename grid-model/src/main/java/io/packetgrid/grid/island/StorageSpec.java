package io.packetgrid.grid.island;

import io.packetgrid.grid.model.StorageUnit;

/**
 * The ratings of a storage unit to create (OpenDSS Storage's properties of the same meaning): power and
 * apparent-power ratings, capacity, initial state of charge, reserve and efficiencies.
 */
public record StorageSpec(String name, double kwRated, double kvaRated, double kwhRated, double socPct, double reservePct,
                          double chargeEfficiency, double dischargeEfficiency) {

    /** A new unit holding these figures. */
    public StorageUnit create() {
        return StorageUnit.of(name, kwRated, kvaRated, kwhRated, socPct, reservePct, chargeEfficiency, dischargeEfficiency);
    }

    /** The stored energy at the start, kWh. */
    public double initialKwh() {
        return kwhRated * socPct / 100.0;
    }
}
