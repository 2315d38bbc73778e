package io.packetgrid.pem.policy;

/**
 * What the server knows of the site's storage and of the grid connection, as values from the grid side
 * (measured, not imported from a grid model): whether the site runs as an island, the storage's state of
 * charge and power (kW, positive when it delivers) and its power limit.
 */
public interface StorageView {

    boolean islanded();

    /** State of charge, % of the capacity. */
    double socPct();

    /** Power the storage delivers, kW (negative: charging). */
    double batteryKw();

    /** Its active power rating, kW. */
    double batteryKwLimit();

    /** No storage and never islanded. */
    static StorageView none() {
        return new StorageMeasurements();
    }
}
