package io.packetgrid.grid.island;

/**
 * A micro-grid on a feeder federate: the grid-forming storage unit, the PCC and island settings, and the name of
 * the value that asks for the island (1) or the reconnection (0). The unit is either one to create ({@code storage}
 * at {@code bus}, rated {@code kvLL}, output impedance {@code rPu + j xPu} on its kVA) or, with {@code scriptUnit},
 * the feeder script's own {@code Storage} element of that name defined with {@code ControlMode=GFM} (its ratings,
 * stored energy and grid-forming source are the script's; {@link #ofScriptStorage}).
 */
public record IslandSpec(StorageSpec storage, String bus, double kvLL, double rPu, double xPu, Microgrid.Settings settings,
                         String requestKey, String scriptUnit) {
    public IslandSpec {
        if (settings == null || requestKey == null) {
            throw new IllegalArgumentException("an island needs its settings and request value");
        }
        if (scriptUnit == null) {
            if (storage == null || bus == null) {
                throw new IllegalArgumentException("an island needs its storage and bus, or a script storage unit");
            }
            if (!(kvLL > 0) || !(rPu >= 0) || !(xPu > 0)) {
                throw new IllegalArgumentException("island unit: kV > 0, r ≥ 0 and x > 0 pu");
            }
        } else if (storage != null || bus != null) {
            throw new IllegalArgumentException("an island's unit is either created (storage, bus) or the script's, not both");
        }
    }

    /** An island formed by a unit created at {@code bus}. */
    public IslandSpec(StorageSpec storage, String bus, double kvLL, double rPu, double xPu, Microgrid.Settings settings,
                      String requestKey) {
        this(storage, bus, kvLL, rPu, xPu, settings, requestKey, null);
    }

    /** An island formed by the script's {@code Storage.<name>} with {@code ControlMode=GFM} ({@code Storage.} optional). */
    public static IslandSpec ofScriptStorage(String name, Microgrid.Settings settings, String requestKey) {
        return new IslandSpec(null, null, 0, 0, 0, settings, requestKey, ScriptStorage.bare(name));
    }

    /** The same island with its request value named {@code key}. */
    public IslandSpec withRequestKey(String key) {
        return new IslandSpec(storage, bus, kvLL, rPu, xPu, settings, key, scriptUnit);
    }
}
