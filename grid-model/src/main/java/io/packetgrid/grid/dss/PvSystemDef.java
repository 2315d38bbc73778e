package io.packetgrid.grid.dss;

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
final class PvSystemDef extends InverterDef {
    static final PropertyTable TABLE = new PropertyTable("phases", "bus1", "kv", "irradiance", "Pmpp", "%Pmpp", "Temperature", "pf",
            "conn", "kvar", "kVA", "%Cutin", "%Cutout", "EffCurve", "P-TCurve", "%R", "%X", "model", "Vminpu", "Vmaxpu",
            "Balanced", "LimitCurrent", "yearly", "daily", "duty", "Tyearly", "Tdaily", "Tduty", "class", "UserModel",
            "UserData", "debugtrace", "VarFollowInverter", "DutyStart", "WattPriority", "PFPriority", "%PminNoVars",
            "%PminkvarMax", "kvarMax", "kvarMaxAbs", "kVDC", "Kp", "PITol", "SafeVoltage", "SafeMode", "DynamicEq", "DynOut",
            "ControlMode", "AmpLimit", "AmpLimitGain", "spectrum", "basefreq", "enabled", "like");
    private static final Set<String> NO_EFFECT = Set.of("%r", "%x", "class", "debugtrace", "kp", "pitol", "safevoltage",
            "safemode", "dynamiceq", "dynout", "amplimit", "amplimitgain", "spectrum");

    double irradiance = 1.0;
    double pmpp = 500;
    double puPmpp = 1.0;
    double temperature = 25;
    String effCurve;
    String ptCurve;
    String tYearly;
    String tDaily;
    String tDuty;
    double dutyStart;

    PvSystemDef(String name, String at) {
        super("PVSystem", name, at, 500, 20);
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
            case "irradiance" -> irradiance = ctx.dbl(p, key);
            case "pmpp" -> pmpp = ctx.dbl(p, key);
            case "%pmpp" -> puPmpp = ctx.dbl(p, key) / 100.0;
            case "temperature" -> temperature = ctx.dbl(p, key);
            case "effcurve" -> effCurve = ctx.xyCurveOrNone(p);
            case "p-tcurve" -> ptCurve = ctx.xyCurveOrNone(p);
            case "tyearly" -> tYearly = tShape(p, ctx);
            case "tdaily" -> tDaily = tShape(p, ctx);
            case "tduty" -> tDuty = tShape(p, ctx);
            case "dutystart" -> dutyStart = ctx.dbl(p, key);
            default -> {
                return setShared(key, p, ctx);
            }
        }
        return true;
    }

    private static String tShape(DssTokenizer.Param p, EditContext ctx) {
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
