package io.packetgrid.grid.dss;

import io.packetgrid.grid.model.Storage;
import java.util.Locale;
import java.util.Set;

/**
 * OpenDSS Storage (Storage.pas, properties, defaults and side effects re-derived): 3 phases,
 * 12.47 kV, kWrated 25, kVA following kWrated until given, kWhrated 50 and full ({@code kWhrated}
 * sets the stored energy to it), %reserve 20, efficiencies 90 %, %IdlingkW 1, %Charge and
 * %Discharge 100, %kWrated 100, state idling, dispatch by default, %cutin/%cutout 0, pf 1, Vminpu 0.9,
 * Vmaxpu 1.1. {@code kW} dispatches (state and %Charge/%Discharge from its sign and size).
 * LoadLevel and Price dispatch, an efficiency curve, dynamic and user models are refused (see
 * docs/grid-model.md); a three-phase {@code ControlMode=GFM} unit also gets a grid-forming source that
 * forms the voltage only while islanded ({@code CircuitBuilder}).
 */
final class StorageDef extends InverterDef {
    static final PropertyTable TABLE = new PropertyTable("phases", "bus1", "kv", "conn", "kW", "kvar", "pf", "kVA", "%Cutin",
            "%Cutout", "EffCurve", "VarFollowInverter", "kvarMax", "kvarMaxAbs", "WattPriority", "PFPriority", "%PminNoVars",
            "%PminkvarMax", "kWrated", "%kWrated", "kWhrated", "kWhstored", "%stored", "%reserve", "State", "%Discharge",
            "%Charge", "%EffCharge", "%EffDischarge", "%IdlingkW", "%Idlingkvar", "%R", "%X", "model", "Vminpu", "Vmaxpu",
            "Balanced", "LimitCurrent", "yearly", "daily", "duty", "DispMode", "DischargeTrigger", "ChargeTrigger",
            "TimeChargeTrig", "class", "DynaDLL", "DynaData", "UserModel", "UserData", "debugtrace", "kVDC", "Kp", "PITol",
            "SafeVoltage", "SafeMode", "DynamicEq", "DynOut", "ControlMode", "AmpLimit", "AmpLimitGain", "spectrum", "basefreq",
            "enabled", "like");
    private static final Set<String> NO_EFFECT = Set.of("%idlingkvar", "%r", "%x", "class", "debugtrace", "kp", "pitol",
            "safevoltage", "safemode", "dynamiceq", "dynout", "amplimit", "amplimitgain", "spectrum");

    double kwRated = 25;
    double puKwRated = 1.0;
    double kwhRated = 50;
    double kwhStored = 50;
    double pctReserve = 20;
    int state = Storage.IDLING;
    double pctDischarge = 100;
    double pctCharge = 100;
    double pctEffCharge = 90;
    double pctEffDischarge = 90;
    double pctIdlingKw = 1;
    Storage.Dispatch dispatch = Storage.Dispatch.DEFAULT;
    /** The inverter's efficiency curve (per-unit power -> efficiency), null: ideal. */
    String effCurve;
    /** kWh before the last update of a built unit (written back after a solution); NaN: kWhrated, as a new unit. */
    double kwhBeforeUpdate = Double.NaN;
    double dischargeTrigger;
    double chargeTrigger;
    double chargeTimeH = 2.0;

    StorageDef(String name, String at) {
        super("Storage", name, at, 25, 0);
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
            case "kw" -> {
                // Storage.pas Set_kW: the sign sets the state, the size %Discharge or %Charge
                double v = ctx.dbl(p, key);
                if (v > 0) {
                    state = Storage.DISCHARGING;
                    pctDischarge = v / kwRated * 100.0;
                } else if (v < 0) {
                    state = Storage.CHARGING;
                    pctCharge = Math.abs(v) / kwRated * 100.0;
                } else {
                    state = Storage.IDLING;
                }
            }
            case "effcurve" -> effCurve = ctx.xyCurveOrNone(p);
            case "kwrated" -> {
                kwRated = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
                if (!kvaSet) {
                    kva = kwRated;
                }
            }
            case "%kwrated" -> puKwRated = ctx.dbl(p, key) / 100.0;
            case "kwhrated" -> {
                kwhRated = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
                kwhStored = kwhRated;   // assumed fully charged
                kwhBeforeUpdate = Double.NaN;   // Storage.pas: kWhBeforeUpdate := kWhStored (= kWhrated)
            }
            case "kwhstored" -> kwhStored = ctx.dbl(p, key);
            case "%stored" -> kwhStored = ctx.dbl(p, key) * 0.01 * kwhRated;
            case "%reserve" -> pctReserve = ctx.dbl(p, key);
            case "state" -> state = state(p.value(), ctx);
            case "%discharge" -> pctDischarge = ctx.dbl(p, key);
            case "%charge" -> pctCharge = ctx.dbl(p, key);
            case "%effcharge" -> pctEffCharge = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
            case "%effdischarge" -> pctEffDischarge = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
            case "%idlingkw" -> pctIdlingKw = ctx.dbl(p, key);
            case "dispmode" -> dispatch = dispatch(p.value(), ctx);
            case "dischargetrigger" -> dischargeTrigger = ctx.dbl(p, key);
            case "chargetrigger" -> chargeTrigger = ctx.dbl(p, key);
            case "timechargetrig" -> chargeTimeH = ctx.dbl(p, key);
            case "dynadll", "dynadata" -> {
                if (!p.value().isBlank()) {
                    throw ctx.error("Storage " + key + " (user-written DLL models) is not supported");
                }
            }
            default -> {
                return setShared(key, p, ctx);
            }
        }
        return true;
    }

    private static int state(String v, EditContext ctx) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("c")) {
            return Storage.CHARGING;
        }
        if (s.startsWith("i")) {
            return Storage.IDLING;
        }
        if (s.startsWith("d")) {
            return Storage.DISCHARGING;
        }
        throw ctx.error("State: expected charging, idling or discharging, got '" + v + "'");
    }

    private static Storage.Dispatch dispatch(String v, EditContext ctx) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("d")) {
            return Storage.Dispatch.DEFAULT;
        }
        if (s.startsWith("f")) {
            return Storage.Dispatch.FOLLOW;
        }
        if (s.startsWith("e")) {
            return Storage.Dispatch.EXTERNAL;
        }
        if (s.startsWith("l") || s.startsWith("p")) {
            throw ctx.error("Storage DispMode=" + v + " (dispatch by load level or price) is not implemented");
        }
        throw ctx.error("DispMode: expected default, follow, external, loadlevel or price, got '" + v + "'");
    }

    /** @param effCurve the resolved {@link #effCurve}, or null */
    Storage.Settings settings(io.packetgrid.grid.model.XyCurve effCurve) {
        return new Storage.Settings(kv, vminpu, vmaxpu, kwRated, kva, kwhRated, pctReserve, puKwRated, pctEffCharge / 100.0,
                pctEffDischarge / 100.0, pctIdlingKw, pctCutIn, pctCutOut, kvarMax, kvarMaxAbs, pctPminNoVars, pctPminKvarMax,
                wattPriority, pfPriority, varFollowInverter, dispatch, dischargeTrigger, chargeTrigger, chargeTimeH, kvDc, effCurve);
    }
}
