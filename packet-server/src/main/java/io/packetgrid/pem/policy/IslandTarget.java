package io.packetgrid.pem.policy;

/**
 * The target of an island-aware server: grid-connected, the usual target; islanded, the flexible fleet
 * may draw only what local PV leaves after the inflexible load, {@code max(0, PV − base)}, so that the
 * community battery — which supplies whatever load exceeds the PV — tends to zero power and is never asked
 * for flexible consumption (within its rating by construction: the flexible target never adds to its
 * power). Together with the {@link EmergencyMode} (basic needs only when its state of charge runs low) it keeps
 * the island alive on its stored energy. Islanding is a value from the grid side ({@link StorageView}).
 */
public record IslandTarget(TargetSignal connected, StorageView storage, SiteMeasurements site) implements TargetSignal {

    @Override
    public double targetKw(long nowNs) {
        if (!storage.islanded()) {
            return connected.targetKw(nowNs);
        }
        return Math.max(0, site.pvKw() - site.baseLoadKw());
    }
}
