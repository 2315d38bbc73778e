package io.packetgrid.grid.dss;

import java.util.Set;

/** OpenDSS WireData (ConductorData): resistance, GMR, radius and their units, ampacity. */
final class WireDataDef extends ElementDef {
    static final PropertyTable TABLE = new PropertyTable("Rdc", "Rac", "Runits", "GMRac", "GMRunits", "radius", "radunits",
            "normamps", "emergamps", "diam", "Seasons", "Ratings", "Capradius", "like");
    private static final Set<String> NO_EFFECT = Set.of("seasons", "ratings");

    double rdc = -1;
    double rac = -1;
    double gmr = -1;
    double radius = -1;
    double capRadius = -1;
    int rUnits = LineUnits.NONE;
    int gmrUnits = LineUnits.NONE;
    int radUnits = LineUnits.NONE;
    double normAmps = -1;
    double emergAmps = -1;

    WireDataDef(String name, String at) {
        super("WireData", name, at);
    }

    @Override
    PropertyTable table() {
        return TABLE;
    }

    @Override
    Set<String> noEffect() {
        return NO_EFFECT;
    }

    @Override
    boolean isCircuitElement() {
        return false;
    }

    private static int units(DssTokenizer.Param p, EditContext ctx) {
        int u = LineUnits.code(p.value());
        if (u < 0) {
            throw ctx.error("unknown length unit '" + p.value() + "'");
        }
        return u;
    }

    @Override
    boolean set(String key, DssTokenizer.Param p, EditContext ctx) {
        switch (key) {
            case "rdc" -> { rdc = ctx.dbl(p, key); if (rac < 0) { rac = 1.02 * rdc; } }
            case "rac" -> { rac = ctx.dbl(p, key); if (rdc < 0) { rdc = rac / 1.02; } }
            case "runits" -> rUnits = units(p, ctx);
            case "gmrac" -> { gmr = LineCodeDef.positive(ctx.dbl(p, key), key, ctx); if (radius < 0) { radius = gmr / 0.7788; } }
            case "gmrunits" -> { gmrUnits = units(p, ctx); if (radUnits == 0) { radUnits = gmrUnits; } }
            case "radius", "diam" -> {
                radius = LineCodeDef.positive(ctx.dbl(p, key), key, ctx) * (key.equals("diam") ? 0.5 : 1.0);
                if (gmr < 0) {
                    gmr = 0.7788 * radius;
                }
                if (capRadius < 0) {
                    capRadius = radius;
                }
            }
            case "radunits" -> { radUnits = units(p, ctx); if (gmrUnits == 0) { gmrUnits = radUnits; } }
            case "capradius" -> capRadius = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
            case "normamps" -> { normAmps = ctx.dbl(p, key); if (emergAmps < 0) { emergAmps = 1.5 * normAmps; } }
            case "emergamps" -> { emergAmps = ctx.dbl(p, key); if (normAmps < 0) { normAmps = emergAmps / 1.5; } }
            default -> {
                return false;
            }
        }
        return true;
    }
}
