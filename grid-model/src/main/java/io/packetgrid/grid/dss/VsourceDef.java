package io.packetgrid.grid.dss;

import java.util.Set;

/**
 * OpenDSS Vsource (also created by {@code New Circuit.name}): voltage, angle and Thevenin
 * impedance given by short-circuit MVA, currents, ohms or per unit (defaults: 115 kV, 1 pu,
 * MVAsc3 2000, MVAsc1 2100, X1/R1 4, X0/R0 3; bus2 = bus1 grounded).
 */
final class VsourceDef extends ElementDef {
    static final PropertyTable TABLE = new PropertyTable("bus1", "basekv", "pu", "angle", "frequency", "phases", "MVAsc3",
            "MVAsc1", "x1r1", "x0r0", "Isc3", "Isc1", "R1", "X1", "R0", "X0", "ScanType", "Sequence", "bus2", "Z1", "Z0", "Z2",
            "puZ1", "puZ0", "puZ2", "baseMVA", "Yearly", "Daily", "Duty", "Model", "puZideal", "spectrum", "basefreq",
            "enabled", "like");
    private static final Set<String> NO_EFFECT = Set.of("scantype", "spectrum", "puzideal");

    String bus1 = "sourcebus";
    String bus2;
    double kv = 115;
    double pu = 1.0;
    double angle;
    int phases = 3;
    double mvaSc3 = 2000;
    double mvaSc1 = 2100;
    double isc3 = 10000;
    double isc1 = 10540;
    double x1r1 = 4;
    double x0r0 = 3;
    double r1 = 1.65;
    double x1 = 6.6;
    double r2 = 1.65;
    double x2 = 6.6;
    double r0 = 1.9;
    double x0 = 5.7;
    int zSpec = 1;          // 1 MVAsc, 2 Isc, 3 ohms
    boolean puZ;
    double[] puZ1;
    double[] puZ0;
    double[] puZ2;
    double baseMva = 100;
    boolean z0Specified;
    boolean z2Specified;
    int sequence = 1;
    String yearly;
    String daily;
    String duty;

    VsourceDef(String name, String at) {
        super("Vsource", name, at);
    }

    @Override
    int terminals() {
        return 2;
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
    boolean set(String key, DssTokenizer.Param p, EditContext ctx) {
        switch (key) {
            case "bus1" -> bus1 = p.value();
            case "bus2" -> bus2 = p.value();
            case "basekv" -> kv = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
            case "pu" -> pu = ctx.dbl(p, key);
            case "angle" -> angle = ctx.dbl(p, key);
            case "frequency", "basefreq" -> {
                double f = ctx.dbl(p, key);
                if (f != ctx.circuit().baseFrequency) {
                    throw ctx.error(key + " " + f + " Hz differs from the circuit frequency " + ctx.circuit().baseFrequency
                            + " Hz (harmonic sources are not implemented)");
                }
            }
            case "phases" -> phases = ctx.count(p, key, 1, 50);
            case "mvasc3" -> { mvaSc3 = LineCodeDef.positive(ctx.dbl(p, key), key, ctx); zSpec = 1; }
            case "mvasc1" -> { mvaSc1 = LineCodeDef.positive(ctx.dbl(p, key), key, ctx); zSpec = 1; }
            case "x1r1" -> x1r1 = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
            case "x0r0" -> x0r0 = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
            case "isc3" -> { isc3 = LineCodeDef.positive(ctx.dbl(p, key), key, ctx); zSpec = 2; }
            case "isc1" -> { isc1 = LineCodeDef.positive(ctx.dbl(p, key), key, ctx); zSpec = 2; }
            case "r1" -> { r1 = ctx.dbl(p, key); r2 = r1; zSpec = 3; puZ = false; }
            case "x1" -> { x1 = ctx.dbl(p, key); x2 = x1; zSpec = 3; puZ = false; }
            case "r0" -> { r0 = ctx.dbl(p, key); zSpec = 3; puZ = false; }
            case "x0" -> { x0 = ctx.dbl(p, key); zSpec = 3; puZ = false; }
            case "z1", "z0", "z2", "puz1", "puz0", "puz2" -> {
                double[] a = ctx.array(p, key);
                if (a.length != 2) {
                    throw ctx.error(key + ": expected [R X], got " + p.value());
                }
                zSpec = 3;
                switch (key) {
                    case "z1" -> {
                        r1 = a[0];
                        x1 = a[1];
                        if (!z2Specified) {
                            r2 = a[0];
                            x2 = a[1];
                        }
                        if (!z0Specified) {
                            r0 = a[0];
                            x0 = a[1];
                        }
                    }
                    case "z0" -> { r0 = a[0]; x0 = a[1]; z0Specified = true; }
                    case "z2" -> { r2 = a[0]; x2 = a[1]; z2Specified = true; }
                    case "puz1" -> {
                        puZ1 = a;
                        puZ = true;
                        if (puZ2 == null) {
                            puZ2 = a;
                        }
                        if (puZ0 == null) {
                            puZ0 = a;
                        }
                    }
                    case "puz0" -> { puZ0 = a; puZ = true; }
                    default -> { puZ2 = a; puZ = true; }
                }
            }
            case "basemva" -> baseMva = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
            case "sequence" -> {
                String s = p.value().toLowerCase(java.util.Locale.ROOT);
                sequence = s.startsWith("pos") ? 1 : s.startsWith("neg") ? -1 : s.startsWith("zero") ? 0 : 99;
                if (sequence == 99) {
                    throw ctx.error("sequence: expected pos, neg or zero");
                }
            }
            case "yearly" -> yearly = ctx.circuit().loadShape(p.value(), ctx).name;
            case "daily" -> daily = ctx.circuit().loadShape(p.value(), ctx).name;
            case "duty" -> duty = ctx.circuit().loadShape(p.value(), ctx).name;
            case "model" -> {
                if (!p.value().toLowerCase(java.util.Locale.ROOT).startsWith("thev")) {
                    throw ctx.error("Vsource model=" + p.value() + " is not implemented (Thevenin only)");
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
