package io.packetgrid.grid.island;

/**
 * A micro-grid on a feeder federate: the grid-forming storage unit (at {@code bus}, rated {@code kvLL},
 * output impedance {@code rPu + j xPu} on its kVA), the PCC and island settings, and the name of the value
 * that asks for the island (1) or the reconnection (0).
 */
public record IslandSpec(StorageSpec storage, String bus, double kvLL, double rPu, double xPu, Microgrid.Settings settings,
                         String requestKey) {
    public IslandSpec {
        if (storage == null || bus == null || settings == null || requestKey == null) {
            throw new IllegalArgumentException("an island needs its storage, bus, settings and request value");
        }
        if (!(kvLL > 0) || !(rPu >= 0) || !(xPu > 0)) {
            throw new IllegalArgumentException("island unit: kV > 0, r ≥ 0 and x > 0 pu");
        }
    }
}
