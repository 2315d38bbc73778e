package io.packetgrid.grid.dss;

import java.util.Set;

/**
 * OpenDSS Load: size given as kW with pf, kW with kvar, kVA with pf, connected kVA with an
 * allocation factor and pf, or billed kWh with a C factor and pf; voltage model and limits; load
 * shapes; status (defaults: 3 phases, 12.47 kV, 10 kW, pf 0.88, model 1, vminpu 0.95, vmaxpu
 * 1.05, vlowpu 0.5, allocation factor 0.5, kWhdays 30, Cfactor 4).
 */
final class LoadDef extends ElementDef {
    static final PropertyTable TABLE = new PropertyTable("phases", "bus1", "kV", "kW", "pf", "model", "yearly", "daily", "duty",
            "growth", "conn", "kvar", "Rneut", "Xneut", "status", "class", "Vminpu", "Vmaxpu", "Vminnorm", "Vminemerg", "xfkVA",
            "allocationfactor", "kVA", "%mean", "%stddev", "CVRwatts", "CVRvars", "kwh", "kwhdays", "Cfactor", "CVRcurve",
            "NumCust", "ZIPV", "%SeriesRL", "RelWeight", "Vlowpu", "puXharm", "XRharm", "spectrum", "basefreq", "enabled", "like");
    private static final Set<String> NO_EFFECT = Set.of("growth", "class", "vminnorm", "vminemerg", "%mean", "%stddev",
            "cvrcurve", "numcust", "%seriesrl", "relweight", "puxharm", "xrharm", "spectrum");

    /** OpenDSS TLoadSpec (Load.pas): which properties the size follows from. */
    enum Spec { KW_PF, KW_KVAR, KVA_PF, CONNECTED_KVA_PF, KWH_PF }

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
    /** {@code xfkVA}: the kVA of the transformer(s) the load is allocated from. */
    double connectedKva;
    double kvaAllocationFactor = 0.5;
    double kwh;
    double kwhDays = 30;
    double cFactor = 4;
    /** pf given since the last end of an edit (Load.pas PFChanged). */
    boolean pfChanged;

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
                pfChanged = true;
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
            // Load.pas PropertySideEffects: each of these selects its spec and sizes the load at once with
            // the pf known at that moment (ComputeAllocatedLoad); a pf given later only re-derives kvar
            case "xfkva" -> { connectedKva = ctx.dbl(p, key); spec = Spec.CONNECTED_KVA_PF; computeAllocatedLoad(); }
            case "allocationfactor" -> setKvaAllocationFactor(ctx.dbl(p, key));
            case "kwh" -> { kwh = ctx.dbl(p, key); spec = Spec.KWH_PF; computeAllocatedLoad(); }
            case "kwhdays" -> { kwhDays = ctx.dbl(p, key); spec = Spec.KWH_PF; computeAllocatedLoad(); }
            case "cfactor" -> setCFactor(ctx.dbl(p, key));
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

    /** {@code allocationfactor=} and {@code Set allocationfactors=} (Load.pas Set_kVAAllocationFactor). */
    void setKvaAllocationFactor(double af) {
        kvaAllocationFactor = af;
        spec = Spec.CONNECTED_KVA_PF;
        computeAllocatedLoad();
    }

    /** {@code Cfactor=} and {@code Set Cfactors=} (Load.pas Set_CFactor). */
    void setCFactor(double cf) {
        cFactor = cf;
        spec = Spec.KWH_PF;
        computeAllocatedLoad();
    }

    /**
     * Load.pas ComputeAllocatedLoad: kW = xfkVA x allocation factor x |pf| (kept as it was while
     * xfkVA is 0), or kW = kWh / (kWhdays x 24) x Cfactor; kvar from kW and pf, negative pf
     * giving negative kvar.
     */
    private void computeAllocatedLoad() {
        if (spec == Spec.CONNECTED_KVA_PF) {
            if (connectedKva > 0) {
                kw = connectedKva * kvaAllocationFactor * Math.abs(pf);
                kvar = kvarFromPf();
            }
        } else if (spec == Spec.KWH_PF) {
            kw = kwh / (kwhDays * 24) * cFactor;
            kvar = kvarFromPf();
        }
    }

    private double kvarFromPf() {
        double q = kw * Math.sqrt(1.0 / (pf * pf) - 1.0);
        return pf < 0 ? -q : q;
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
            case CONNECTED_KVA_PF, KWH_PF -> {
                // RecalcElementData: only a changed pf re-derives kvar; kW stays as last allocated
                if (pfChanged) {
                    kvar = kvarFromPf();
                }
            }
            default -> { }
        }
        pfChanged = false;
    }
}
