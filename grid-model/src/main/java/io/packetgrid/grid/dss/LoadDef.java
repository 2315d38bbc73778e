package io.packetgrid.grid.dss;

import java.util.Set;

/**
 * OpenDSS Load: size given as kW with pf, kW with kvar, or kVA with pf; voltage model and
 * limits; load shapes; status (defaults: 3 phases, 12.47 kV, 10 kW, pf 0.88, model 1,
 * vminpu 0.95, vmaxpu 1.05, vlowpu 0.5).
 */
final class LoadDef extends ElementDef {
    static final PropertyTable TABLE = new PropertyTable("phases", "bus1", "kV", "kW", "pf", "model", "yearly", "daily", "duty",
            "growth", "conn", "kvar", "Rneut", "Xneut", "status", "class", "Vminpu", "Vmaxpu", "Vminnorm", "Vminemerg", "xfkVA",
            "allocationfactor", "kVA", "%mean", "%stddev", "CVRwatts", "CVRvars", "kwh", "kwhdays", "Cfactor", "CVRcurve",
            "NumCust", "ZIPV", "%SeriesRL", "RelWeight", "Vlowpu", "puXharm", "XRharm", "spectrum", "basefreq", "enabled", "like");
    private static final Set<String> NO_EFFECT = Set.of("growth", "class", "vminnorm", "vminemerg", "%mean", "%stddev",
            "cvrcurve", "numcust", "%seriesrl", "relweight", "puxharm", "xrharm", "spectrum");

    enum Spec { KW_PF, KW_KVAR, KVA_PF }

    int phases = 3;
    String bus1 = "";
    double kv = 12.47;
    double kw = 10;
    double kvar = 5;
    double pf = 0.88;
    double kva = 10 / 0.88;
    Spec spec = Spec.KW_PF;
    boolean pfSpecified;
    int model = 1;
    String yearly;
    String daily;
    String duty;
    boolean delta;
    double rneut = -1;
    double xneut;
    String status = "variable";
    double vminpu = 0.95;
    double vmaxpu = 1.05;
    double vlowpu = 0.50;
    double cvrWatts = 1;
    double cvrVars = 2;
    double[] zipv;

    LoadDef(String name, String at) {
        super("Load", name, at);
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
            case "phases" -> phases = ctx.count(p, key, 1, 50);
            case "bus1" -> bus1 = p.value();
            case "kv" -> kv = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
            case "kw" -> { kw = ctx.dbl(p, key); spec = Spec.KW_PF; }
            case "pf" -> {
                pf = ctx.dbl(p, key);
                if (pf == 0 || Math.abs(pf) > 1) {
                    throw ctx.error("pf must be in [-1, 1] and not 0, got " + p.value());
                }
                pfSpecified = true;
            }
            case "model" -> {
                model = ctx.integer(p, key);
                if (io.packetgrid.grid.model.LoadModel.of(model) == null) {
                    throw ctx.error("load model " + model + " is not implemented (1-8)");
                }
            }
            case "yearly" -> yearly = shape(p, ctx);
            case "daily" -> {
                daily = shape(p, ctx);
                if (yearly == null) {
                    yearly = daily;
                }
            }
            case "duty" -> duty = shape(p, ctx);
            case "conn" -> delta = TransformerDef.delta(p.value(), ctx);
            case "kvar" -> { kvar = ctx.dbl(p, key); spec = Spec.KW_KVAR; pfSpecified = false; }
            case "rneut" -> rneut = ctx.dbl(p, key);
            case "xneut" -> xneut = ctx.dbl(p, key);
            case "status" -> {
                String s = p.value().toLowerCase(java.util.Locale.ROOT);
                if (s.startsWith("v")) {
                    status = "variable";
                } else if (s.startsWith("f")) {
                    status = "fixed";
                } else if (s.startsWith("e")) {
                    status = "exempt";
                } else {
                    throw ctx.error("status: expected variable, fixed or exempt, got '" + p.value() + "'");
                }
            }
            case "vminpu" -> vminpu = ctx.dbl(p, key);
            case "vmaxpu" -> vmaxpu = ctx.dbl(p, key);
            case "vlowpu" -> vlowpu = ctx.dbl(p, key);
            case "kva" -> { kva = ctx.dbl(p, key); spec = Spec.KVA_PF; }
            case "cvrwatts" -> cvrWatts = ctx.dbl(p, key);
            case "cvrvars" -> cvrVars = ctx.dbl(p, key);
            case "zipv" -> {
                double[] a = ctx.array(p, key);
                if (a.length != 7) {
                    throw ctx.error("ZIPV needs 7 values, got " + a.length);
                }
                zipv = a;
            }
            case "basefreq" -> ctx.requireCircuitFrequency(p, key, " for loads");
            default -> {
                return false;
            }
        }
        return true;
    }

    private String shape(DssTokenizer.Param p, EditContext ctx) {
        LoadShapeDef s = ctx.circuit().loadShape(p.value(), ctx);
        if (s.useActual) {
            // OpenDSS: a shape in actual kW sets the load to the shape's peak
            kw = s.maxP();
            kvar = s.maxQ();
            spec = pfSpecified ? Spec.KW_PF : Spec.KW_KVAR;
        }
        return s.name;
    }

    @Override
    void endEdit(EditContext ctx) {
        switch (spec) {
            case KW_PF -> {
                kvar = kw * Math.sqrt(1.0 / (pf * pf) - 1.0);
                if (pf < 0) {
                    kvar = -kvar;
                }
                kva = Math.hypot(kw, kvar);
            }
            case KW_KVAR -> {
                kva = Math.hypot(kw, kvar);
                if (kva > 0) {
                    pf = kw / kva;
                    if (kvar != 0) {
                        pf *= Math.signum(kw * kvar);
                    }
                }
            }
            case KVA_PF -> {
                kw = kva * Math.abs(pf);
                kvar = kw * Math.sqrt(1.0 / (pf * pf) - 1.0);
                if (pf < 0) {
                    kvar = -kvar;
                }
            }
            default -> { }
        }
    }
}
