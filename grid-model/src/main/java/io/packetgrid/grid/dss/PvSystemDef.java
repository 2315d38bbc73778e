package io.packetgrid.grid.dss;

import java.util.Locale;
import java.util.Set;

/**
 * OpenDSS PVSystem (PVsystem.pas, properties, defaults and side effects re-derived): 3 phases,
 * 12.47 kV, Pmpp 500 kW, kVA 500, irradiance 1 kW/m2, 25 C, pf 1, %cutin and %cutout 20 % of kVA,
 * Vminpu 0.9, Vmaxpu 1.1, kvarMax and kvarMaxAbs following kVA until given, %PminNoVars and
 * %PminkvarMax off. {@code pf} and {@code kvar} switch the reactive mode. Efficiency
 * ({@code EffCurve}) and power-temperature ({@code P-TCurve}) curves are XYCurves; temperature and
 * irradiance shapes by mode. Dynamic, harmonic, user-model and grid-forming properties are
 * refused unless left at their defaults (see docs/grid-model.md).
 */
final class PvSystemDef extends ElementDef {
    static final PropertyTable TABLE = new PropertyTable("phases", "bus1", "kv", "irradiance", "Pmpp", "%Pmpp", "Temperature", "pf",
            "conn", "kvar", "kVA", "%Cutin", "%Cutout", "EffCurve", "P-TCurve", "%R", "%X", "model", "Vminpu", "Vmaxpu",
            "Balanced", "LimitCurrent", "yearly", "daily", "duty", "Tyearly", "Tdaily", "Tduty", "class", "UserModel",
            "UserData", "debugtrace", "VarFollowInverter", "DutyStart", "WattPriority", "PFPriority", "%PminNoVars",
            "%PminkvarMax", "kvarMax", "kvarMaxAbs", "kVDC", "Kp", "PITol", "SafeVoltage", "SafeMode", "DynamicEq", "DynOut",
            "ControlMode", "AmpLimit", "AmpLimitGain", "spectrum", "basefreq", "enabled", "like");
    private static final Set<String> NO_EFFECT = Set.of("%r", "%x", "class", "debugtrace", "kp", "pitol", "safevoltage",
            "safemode", "dynamiceq", "dynout", "amplimit", "amplimitgain", "spectrum");

    int phases = 3;
    String bus1 = "";
    double kv = 12.47;
    double irradiance = 1.0;
    double pmpp = 500;
    double puPmpp = 1.0;
    double temperature = 25;
    double pf = 1.0;
    boolean kvarMode;
    double kvar;
    boolean delta;
    double kva = 500;
    double pctCutIn = 20;
    double pctCutOut = 20;
    String effCurve;
    String ptCurve;
    double vminpu = 0.90;
    double vmaxpu = 1.10;
    String yearly;
    String daily;
    String duty;
    String tYearly;
    String tDaily;
    String tDuty;
    boolean varFollowInverter;
    double dutyStart;
    boolean wattPriority;
    boolean pfPriority;
    double pctPminNoVars;
    double pctPminKvarMax;
    double kvarMax = 500;
    double kvarMaxAbs = 500;
    boolean kvarLimitSet;
    boolean kvarLimitNegSet;
    double kvDc = 8.0;
    boolean gridForming;

    PvSystemDef(String name, String at) {
        super("PVSystem", name, at);
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
            case "irradiance" -> irradiance = ctx.dbl(p, key);
            case "pmpp" -> pmpp = ctx.dbl(p, key);
            case "%pmpp" -> puPmpp = ctx.dbl(p, key) / 100.0;
            case "temperature" -> temperature = ctx.dbl(p, key);
            case "pf" -> {
                pf = powerFactor(p, ctx);
                kvarMode = false;
            }
            case "conn" -> delta = TransformerDef.delta(p.value(), ctx);
            case "kvar" -> {
                kvar = ctx.dbl(p, key);
                kvarMode = true;
            }
            case "kva" -> {
                kva = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
                if (!kvarLimitSet) {
                    kvarMax = kva;
                }
                if (!kvarLimitSet && !kvarLimitNegSet) {
                    kvarMaxAbs = kva;
                }
            }
            case "%cutin" -> pctCutIn = ctx.dbl(p, key);
            case "%cutout" -> pctCutOut = ctx.dbl(p, key);
            case "effcurve" -> effCurve = curve(p, ctx);
            case "p-tcurve" -> ptCurve = curve(p, ctx);
            case "model" -> {
                if (ctx.integer(p, key) != 1) {
                    throw ctx.error("PVSystem model " + p.value() + " is not implemented (model 1, constant power)");
                }
            }
            case "vminpu" -> vminpu = ctx.dbl(p, key);
            case "vmaxpu" -> vmaxpu = ctx.dbl(p, key);
            case "balanced", "limitcurrent" -> {
                if (ctx.bool(p, key)) {
                    throw ctx.error("PVSystem " + key + "=yes is not implemented");
                }
            }
            case "yearly" -> yearly = shape(p, ctx);
            case "daily" -> daily = shape(p, ctx);
            case "duty" -> duty = shape(p, ctx);
            case "tyearly" -> tYearly = tShape(p, ctx);
            case "tdaily" -> tDaily = tShape(p, ctx);
            case "tduty" -> tDuty = tShape(p, ctx);
            case "usermodel", "userdata" -> {
                if (!p.value().isBlank()) {
                    throw ctx.error("PVSystem " + key + " (user-written DLL models) is not supported");
                }
            }
            case "varfollowinverter" -> varFollowInverter = ctx.bool(p, key);
            case "dutystart" -> dutyStart = ctx.dbl(p, key);
            case "wattpriority" -> wattPriority = ctx.bool(p, key);
            case "pfpriority" -> pfPriority = ctx.bool(p, key);
            case "%pminnovars" -> pctPminNoVars = Math.abs(ctx.dbl(p, key));
            case "%pminkvarmax" -> pctPminKvarMax = Math.abs(ctx.dbl(p, key));
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
    static boolean controlMode(DssTokenizer.Param p, EditContext ctx) {
        String v = p.value().trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("gfm")) {
            return true;
        }
        if (v.startsWith("gfl")) {
            return false;
        }
        throw ctx.error("ControlMode: expected GFL or GFM, got '" + p.value() + "'");
    }

    static double powerFactor(DssTokenizer.Param p, EditContext ctx) {
        double v = ctx.dbl(p, "pf");
        if (v == 0 || Math.abs(v) > 1) {
            throw ctx.error("pf must be in [-1, 1] and not 0, got " + p.value());
        }
        return v;
    }

    static String curve(DssTokenizer.Param p, EditContext ctx) {
        String v = p.value();
        if (v.isBlank() || v.equalsIgnoreCase("none")) {
            return null;
        }
        return ctx.circuit().xyCurve(v, ctx).name;
    }

    static String shape(DssTokenizer.Param p, EditContext ctx) {
        String v = p.value();
        if (v.isBlank() || v.equalsIgnoreCase("none")) {
            return null;
        }
        return ctx.circuit().loadShape(v, ctx).name;
    }

    static String tShape(DssTokenizer.Param p, EditContext ctx) {
        String v = p.value();
        if (v.isBlank() || v.equalsIgnoreCase("none")) {
            return null;
        }
        ElementDef d = ctx.circuit().find("tshape", v);
        if (d == null) {
            throw ctx.error("TShape '" + v + "' is not defined");
        }
        return d.name;
    }
}
