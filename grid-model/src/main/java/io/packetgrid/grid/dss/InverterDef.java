package io.packetgrid.grid.dss;

import java.util.Locale;

/**
 * What OpenDSS's PVSystem and Storage definitions share (PVsystem.pas, Storage.pas: both inverter-based
 * elements, TInvBasedPCE): {@code bus1}, {@code phases} 3, {@code kv} 12.47, {@code conn}; the reactive set
 * point ({@code pf} 1, or {@code kvar}, whichever came last); the inverter's {@code kVA}, with {@code kvarMax}
 * following it until given and {@code kvarMaxAbs} following {@code kvarMax} until given; {@code %cutin},
 * {@code %cutout}, {@code WattPriority}, {@code PFPriority}, {@code %PminNoVars} and {@code %PminkvarMax}
 * (absolute values), {@code VarFollowInverter}; {@code Vminpu} 0.9, {@code Vmaxpu} 1.1; the yearly, daily
 * and duty shapes; {@code kVDC} 8; {@code ControlMode}; {@code model} 1 only. Each class keeps its own
 * defaults for kVA and the cut-in/cut-out ({@link #InverterDef}) and its own other properties.
 */
abstract class InverterDef extends ElementDef {
    int phases = 3;
    String bus1 = "";
    double kv = 12.47;
    boolean delta;
    double pf = 1.0;
    boolean kvarMode;
    double kvar;
    double kva;
    boolean kvaSet;
    double pctCutIn;
    double pctCutOut;
    boolean varFollowInverter;
    double kvarMax;
    double kvarMaxAbs;
    boolean kvarLimitSet;
    boolean kvarLimitNegSet;
    boolean wattPriority;
    boolean pfPriority;
    double pctPminNoVars;
    double pctPminKvarMax;
    double vminpu = 0.90;
    double vmaxpu = 1.10;
    String yearly;
    String daily;
    String duty;
    double kvDc = 8.0;
    boolean gridForming;

    /**
     * @param kva        the default kVA (and so kvarMax and kvarMaxAbs)
     * @param pctCutInOut the default %cutin and %cutout
     */
    InverterDef(String className, String name, String definedAt, double kva, double pctCutInOut) {
        super(className, name, definedAt);
        this.kva = kva;
        this.kvarMax = kva;
        this.kvarMaxAbs = kva;
        this.pctCutIn = pctCutInOut;
        this.pctCutOut = pctCutInOut;
    }

    /** Sets one of the shared properties; false if {@code key} is none of them. */
    final boolean setShared(String key, DssTokenizer.Param p, EditContext ctx) {
        switch (key) {
            case "phases" -> phases = ctx.count(p, key, 1, 50);
            case "bus1" -> bus1 = p.value();
            case "kv" -> kv = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
            case "conn" -> delta = TransformerDef.delta(p.value(), ctx);
            case "pf" -> {
                pf = powerFactor(p, ctx);
                kvarMode = false;
            }
            case "kvar" -> {
                kvar = ctx.dbl(p, key);
                kvarMode = true;
            }
            case "kva" -> {
                kva = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
                kvaSet = true;
                if (!kvarLimitSet) {
                    kvarMax = kva;
                }
                if (!kvarLimitSet && !kvarLimitNegSet) {
                    kvarMaxAbs = kva;
                }
            }
            case "%cutin" -> pctCutIn = ctx.dbl(p, key);
            case "%cutout" -> pctCutOut = ctx.dbl(p, key);
            case "varfollowinverter" -> varFollowInverter = ctx.bool(p, key);
            case "kvarmax" -> {
                kvarMax = Math.abs(ctx.dbl(p, key));
                kvarLimitSet = true;
                if (!kvarLimitNegSet) {
                    kvarMaxAbs = kvarMax;
                }
            }
            case "kvarmaxabs" -> {
                kvarMaxAbs = Math.abs(ctx.dbl(p, key));
                kvarLimitNegSet = true;
            }
            case "wattpriority" -> wattPriority = ctx.bool(p, key);
            case "pfpriority" -> pfPriority = ctx.bool(p, key);
            case "%pminnovars" -> pctPminNoVars = Math.abs(ctx.dbl(p, key));
            case "%pminkvarmax" -> pctPminKvarMax = Math.abs(ctx.dbl(p, key));
            case "model" -> {
                if (ctx.integer(p, key) != 1) {
                    throw ctx.error(className + " model " + p.value() + " is not implemented (model 1, constant power)");
                }
            }
            case "vminpu" -> vminpu = ctx.dbl(p, key);
            case "vmaxpu" -> vmaxpu = ctx.dbl(p, key);
            case "balanced", "limitcurrent" -> {
                if (ctx.bool(p, key)) {
                    throw ctx.error(className + " " + key + "=yes is not implemented");
                }
            }
            case "yearly" -> yearly = shape(p, ctx);
            case "daily" -> daily = shape(p, ctx);
            case "duty" -> duty = shape(p, ctx);
            case "usermodel", "userdata" -> {
                if (!p.value().isBlank()) {
                    throw ctx.error(className + " " + key + " (user-written DLL models) is not supported");
                }
            }
            case "kvdc" -> kvDc = ctx.dbl(p, key);
            case "controlmode" -> gridForming = controlMode(p, ctx);
            case "basefreq" -> ctx.requireCircuitFrequency(p, key, "");
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code ControlMode=GFL|GFM}: true for grid-forming. */
    private static boolean controlMode(DssTokenizer.Param p, EditContext ctx) {
        String v = p.value().trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("gfm")) {
            return true;
        }
        if (v.startsWith("gfl")) {
            return false;
        }
        throw ctx.error("ControlMode: expected GFL or GFM, got '" + p.value() + "'");
    }

    private static double powerFactor(DssTokenizer.Param p, EditContext ctx) {
        double v = ctx.dbl(p, "pf");
        if (v == 0 || Math.abs(v) > 1) {
            throw ctx.error("pf must be in [-1, 1] and not 0, got " + p.value());
        }
        return v;
    }

    private static String shape(DssTokenizer.Param p, EditContext ctx) {
        String v = p.value();
        if (v.isBlank() || v.equalsIgnoreCase("none")) {
            return null;
        }
        return ctx.circuit().loadShape(v, ctx).name;
    }
}
