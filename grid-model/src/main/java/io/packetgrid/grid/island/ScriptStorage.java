package io.packetgrid.grid.island;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.GridFormingSource;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.model.Storage;
import java.util.Locale;

/**
 * A feeder script's {@code Storage} element defined with {@code ControlMode=GFM}, as an island's grid-forming
 * unit: the script reader gives such a (three-phase) unit a {@link GridFormingSource} named
 * {@code GridForming.Storage.<name>} beside it, in service only while it forms an island.
 */
public final class ScriptStorage {
    private ScriptStorage() {
    }

    /** The name without a {@code Storage.} prefix, lower case. */
    static String bare(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name the script's Storage element");
        }
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("storage.") ? n.substring("storage.".length()) : n;
    }

    /**
     * The grid-forming source of the script's {@code Storage.<name>}.
     *
     * @throws PacketGridException naming the element when the feeder has no such storage unit or it is not grid-forming
     */
    public static GridFormingSource find(Network net, String name) {
        String bare = bare(name);
        boolean exists = false;
        for (CircuitElement e : net.elements()) {
            if (e instanceof GridFormingSource g && g.unit() instanceof Storage s && s.name().equalsIgnoreCase("Storage." + bare)) {
                return g;
            }
            exists |= e instanceof Storage && e.name().equalsIgnoreCase("Storage." + bare);
        }
        if (!exists) {
            throw new PacketGridException("Storage." + bare, "no such storage unit in the feeder");
        }
        throw new PacketGridException("Storage." + bare, "is not grid-forming: define it three-phase with ControlMode=GFM");
    }

    /** The kVA rating of the script's grid-forming {@code Storage.<name>} (for its synchronism window). */
    public static double kva(Network net, String name) {
        return find(net, name).unit().kvaRated();
    }

    /** As {@link #kva(Network, String)}, on a feeder. */
    public static double kva(io.packetgrid.grid.api.Feeder feeder, String name) {
        return kva(feeder.network(), name);
    }

    /** The stored energy the script defined for the unit behind {@code g}, kWh. */
    public static double definedKwh(GridFormingSource g) {
        return g.unit() instanceof Storage s ? s.definedKwhStored() : g.unit().kwhStored();
    }
}
