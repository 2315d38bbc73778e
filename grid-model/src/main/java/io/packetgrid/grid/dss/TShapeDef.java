package io.packetgrid.grid.dss;

import io.packetgrid.grid.series.LoadShape;
import java.util.Set;

/**
 * OpenDSS TShape (TempShape.pas): temperatures at a fixed interval or at given hours, looked up as
 * a load shape's multipliers are (GetTemperature: nearest point of a fixed interval, wrapping
 * around; interpolation between given hours). The values are parsed by {@link LoadShapeDef}'s rules
 * ({@code temp} is its {@code mult}).
 */
final class TShapeDef extends ElementDef {
    static final PropertyTable TABLE = new PropertyTable("npts", "interval", "temp", "hour", "mean", "stddev", "csvfile", "sngfile",
            "dblfile", "sinterval", "minterval", "action", "like");
    private final LoadShapeDef values;

    TShapeDef(String name, String at) {
        super("TShape", name, at);
        values = new LoadShapeDef(name, at);
    }

    @Override
    PropertyTable table() {
        return TABLE;
    }

    @Override
    Set<String> noEffect() {
        return Set.of("mean", "stddev");
    }

    @Override
    boolean isCircuitElement() {
        return false;
    }

    @Override
    boolean set(String key, DssTokenizer.Param p, EditContext ctx) {
        if (key.equals("action")) {
            throw ctx.error("TShape action is not supported (it only writes files)");
        }
        return values.set(key.equals("temp") ? "mult" : key, p, ctx);
    }

    /** The temperatures (degrees C) as a shape whose multiplier is the temperature. */
    LoadShape toShape(EditContext ctx) {
        return values.toShape(ctx);
    }
}
