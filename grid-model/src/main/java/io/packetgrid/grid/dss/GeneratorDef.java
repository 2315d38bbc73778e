package io.packetgrid.grid.dss;

import java.util.Set;

/** OpenDSS Generator (model 1, constant kW and kvar; generator.pas SetNominalGeneration). */
final class GeneratorDef extends ElementDef {
    static final PropertyTable GEN = new PropertyTable("phases", "bus1", "kv", "kW", "pf", "kvar", "model", "Vminpu", "Vmaxpu",
            "yearly", "daily", "duty", "dispmode", "dispvalue", "conn", "status", "class", "Vpu", "maxkvar", "minkvar",
            "pvfactor", "forceon", "kVA", "MVA", "Xd", "Xdp", "Xdpp", "H", "D", "UserModel", "UserData", "ShaftModel",
            "ShaftData", "DutyStart", "debugtrace", "Balanced", "XRdp", "UseFuel", "FuelkWh", "%Fuel", "%Reserve", "Refuel",
            "DynamicEq", "DynOut", "spectrum", "basefreq", "enabled", "like");
    private static final Set<String> GEN_NO_EFFECT = Set.of("class", "vpu", "maxkvar", "minkvar", "pvfactor", "forceon", "xd",
            "xdp", "xdpp", "h", "d", "debugtrace", "balanced", "xrdp", "usefuel", "fuelkwh", "%fuel", "%reserve", "refuel",
            "dynamiceq", "dynout", "spectrum");
    int phases = 3;
    String bus1 = "";
    double kv = 12.47;
    double kw = 1000;
    double kvar = 60;
    double pf = 0.88;
    boolean pfSpec = true;
    double kva;
    boolean kvaSet;
    double vminpu = 0.90;
    double vmaxpu = 1.10;
    String yearly;
    String daily;
    String duty;
    boolean delta;
    boolean fixed;
    double dutyStart;

    GeneratorDef(String name, String at) {
        super("Generator", name, at);
    }

    @Override
    PropertyTable table() {
        return GEN;
    }

    @Override
    Set<String> noEffect() {
        return GEN_NO_EFFECT;
    }

    @Override
    boolean set(String key, DssTokenizer.Param p, EditContext ctx) {
        switch (key) {
            case "phases" -> phases = ctx.count(p, key, 1, 50);
            case "bus1" -> bus1 = p.value();
            case "kv" -> kv = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
            case "kw" -> kw = ctx.dbl(p, key);
            case "pf" -> {
                pf = ctx.dbl(p, key);
                if (pf == 0 || Math.abs(pf) > 1) {
                    throw ctx.error("pf must be in [-1, 1] and not 0");
                }
                pfSpec = true;
            }
            case "kvar" -> { kvar = ctx.dbl(p, key); pfSpec = false; }
            case "model" -> {
                if (ctx.integer(p, key) != 1) {
                    throw ctx.error(className + " model " + p.value() + " is not implemented (model 1, constant PQ)");
                }
            }
            case "vminpu" -> vminpu = ctx.dbl(p, key);
            case "vmaxpu" -> vmaxpu = ctx.dbl(p, key);
            case "yearly" -> yearly = ctx.circuit().loadShape(p.value(), ctx).name;
            case "daily" -> daily = ctx.circuit().loadShape(p.value(), ctx).name;
            case "duty" -> duty = ctx.circuit().loadShape(p.value(), ctx).name;
            case "conn" -> delta = TransformerDef.delta(p.value(), ctx);
            case "status" -> fixed = p.value().toLowerCase(java.util.Locale.ROOT).startsWith("f");
            case "kva" -> { kva = LineCodeDef.positive(ctx.dbl(p, key), key, ctx); kvaSet = true; }
            case "mva" -> { kva = 1000 * LineCodeDef.positive(ctx.dbl(p, key), key, ctx); kvaSet = true; }
            case "dispmode" -> {
                if (!p.value().toLowerCase(java.util.Locale.ROOT).startsWith("def")) {
                    throw ctx.error("Generator dispmode=" + p.value() + " is not implemented");
                }
            }
            case "dispvalue" -> {
                if (ctx.dbl(p, key) != 0) {
                    throw ctx.error("Generator dispvalue is not implemented");
                }
            }
            case "dutystart" -> dutyStart = ctx.dbl(p, key);
            case "effcurve", "p-tcurve", "usermodel", "userdata", "shaftmodel", "shaftdata" -> {
                if (!p.value().isBlank()) {
                    throw ctx.error(key + " is not implemented");
                }
            }
            case "basefreq" -> ctx.requireCircuitFrequency(p, key, "");
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Injected {kW, kvar} for a shape multiplier pair (null = no shape). */
    double[] power(double[] mult, boolean actual) {
        double p;
        if (mult == null) {
            p = kw;
        } else {
            p = actual ? mult[0] : kw * mult[0];
        }
        double q;
        if (pfSpec) {
            q = p * Math.sqrt(1.0 / (pf * pf) - 1.0) * Math.signum(pf);
        } else if (mult == null) {
            q = kvar;
        } else {
            q = actual ? mult[1] : kvar * mult[1];
        }
        return new double[] {p, q};
    }
}
