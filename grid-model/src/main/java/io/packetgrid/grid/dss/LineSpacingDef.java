package io.packetgrid.grid.dss;

import java.util.Set;

/** OpenDSS LineSpacing: conductor positions without conductor data. */
final class LineSpacingDef extends ElementDef {
    static final PropertyTable TABLE = new PropertyTable("nconds", "nphases", "x", "h", "units", "like");

    int nconds = 3;
    int nphases = 3;
    double[] x = new double[3];
    double[] h = new double[3];
    int units = LineUnits.FT;

    LineSpacingDef(String name, String at) {
        super("LineSpacing", name, at);
    }

    @Override
    PropertyTable table() {
        return TABLE;
    }

    @Override
    Set<String> noEffect() {
        return Set.of();
    }

    @Override
    boolean isCircuitElement() {
        return false;
    }

    @Override
    boolean set(String key, DssTokenizer.Param p, EditContext ctx) {
        switch (key) {
            case "nconds" -> {
                nconds = ctx.count(p, key, 1, 100);
                x = new double[nconds];
                h = new double[nconds];
            }
            case "nphases" -> nphases = ctx.count(p, key, 1, 100);
            case "x" -> x = fit(ctx.array(p, key), nconds);
            case "h" -> h = fit(ctx.array(p, key), nconds);
            case "units" -> {
                int u = LineUnits.code(p.value());
                if (u < 0) {
                    throw ctx.error("units: unknown length unit '" + p.value() + "'");
                }
                units = u;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static double[] fit(double[] a, int n) {
        return java.util.Arrays.copyOf(a, n);
    }
}
