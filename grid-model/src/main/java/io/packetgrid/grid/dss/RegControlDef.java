package io.packetgrid.grid.dss;

import java.util.Set;

/** OpenDSS RegControl: regulator settings (defaults: vreg 120, band 3, ptratio 60, CT 300, delay 15 s). */
final class RegControlDef extends ControlDef {
    static final PropertyTable TABLE = new PropertyTable("transformer", "winding", "vreg", "band", "ptratio", "CTprim", "R", "X",
            "bus", "delay", "reversible", "revvreg", "revband", "revR", "revX", "tapdelay", "debugtrace", "maxtapchange",
            "inversetime", "tapwinding", "vlimit", "PTphase", "revThreshold", "revDelay", "revNeutral", "EventLog",
            "RemotePTRatio", "TapNum", "Reset", "LDC_Z", "rev_Z", "Cogen", "basefreq", "enabled", "like");
    private static final Set<String> NO_EFFECT = Set.of("revvreg", "revband", "revr", "revx", "debugtrace", "revthreshold",
            "revdelay", "revneutral", "eventlog", "rev_z", "basefreq");

    String transformer;
    int winding = 1;
    int tapWinding = 1;
    boolean tapWindingSet;
    double vreg = 120;
    double band = 3;
    double ptRatio = 60;
    double remotePtRatio = 60;
    boolean remoteSet;
    double ctPrim = 300;
    double r;
    double x;
    double ldcZ;
    String bus;
    double delay = 15;
    double tapDelay = 2;
    int maxTapChange = 16;
    boolean inverseTime;
    double vlimit;
    int ptPhase = 1;  // -1 max, -2 min
    Integer tapNum;

    RegControlDef(String name, String at) {
        super("RegControl", name, at);
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
            case "transformer" -> {
                String t = p.value();
                int dot = t.indexOf('.');
                if (dot >= 0 && t.substring(0, dot).equalsIgnoreCase("transformer")) {
                    t = t.substring(dot + 1);
                }
                transformer = t.toLowerCase(java.util.Locale.ROOT);
            }
            case "winding" -> {
                winding = ctx.count(p, key, 1, 20);
                if (!tapWindingSet) {
                    tapWinding = winding;
                }
            }
            case "tapwinding" -> { tapWinding = ctx.count(p, key, 1, 20); tapWindingSet = true; }
            case "vreg" -> vreg = ctx.dbl(p, key);
            case "band" -> band = ctx.dbl(p, key);
            case "ptratio" -> {
                ptRatio = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
                if (!remoteSet) {
                    remotePtRatio = ptRatio;
                }
            }
            case "remoteptratio" -> { remotePtRatio = LineCodeDef.positive(ctx.dbl(p, key), key, ctx); remoteSet = true; }
            case "ctprim" -> ctPrim = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
            case "r" -> r = ctx.dbl(p, key);
            case "x" -> x = ctx.dbl(p, key);
            case "ldc_z" -> ldcZ = ctx.dbl(p, key);
            case "bus" -> bus = p.value();
            case "delay" -> delay = ctx.dbl(p, key);
            case "tapdelay" -> tapDelay = ctx.dbl(p, key);
            case "maxtapchange" -> maxTapChange = ctx.count(p, key, 0, 1000);
            case "inversetime" -> inverseTime = ctx.bool(p, key);
            case "vlimit" -> vlimit = ctx.dbl(p, key);
            case "ptphase" -> {
                String v = p.value().toLowerCase(java.util.Locale.ROOT);
                if (v.startsWith("max")) {
                    ptPhase = -1;
                } else if (v.startsWith("min")) {
                    ptPhase = -2;
                } else {
                    ptPhase = ctx.count(p, key, 1, 50);
                }
            }
            case "tapnum" -> tapNum = ctx.integer(p, key);
            case "reset" -> { }
            case "reversible" -> {
                if (ctx.bool(p, key)) {
                    throw ctx.error("reversible regulators are not implemented");
                }
            }
            case "cogen" -> {
                if (ctx.bool(p, key)) {
                    throw ctx.error("cogeneration mode of RegControl is not implemented");
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
