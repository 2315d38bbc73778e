package io.packetgrid.grid.dss;

import io.packetgrid.grid.control.CapControl;
import io.packetgrid.grid.control.InvControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * OpenDSS InvControl (InvControl.pas, properties, defaults and side effects re-derived): the units
 * in {@code DERList} (or {@code PVSystemList}, names without class), all PV systems and storage of
 * the circuit when empty; {@code Mode} VOLTVAR or VOLTWATT ({@code Mode} clears {@code CombiMode}),
 * {@code CombiMode=VV_VW}; curves; {@code voltage_curvex_ref} rated/avg/ravg with
 * {@code avgwindowlen}; {@code deltaQ_Factor}/{@code deltaP_Factor} (-1: adaptive); tolerances 0.0001
 * pu, 0.025 pu, 0.01 pu; {@code VoltwattYAxis} PMPPPU; {@code RateofChangeMode} with {@code LPFTau}
 * and {@code RiseFallLimit}; {@code RefReactivePower} VARAVAL or VARMAX; {@code monBus} with
 * {@code MonBusesVbase} and {@code monVoltageCalc}. The other modes (DRC, WATTPF, WATTVAR, AVR, GFM,
 * VV_DRC), hysteresis and the exponential control model are refused (see docs/grid-model.md).
 */
final class InvControlDef extends ControlDef {
    static final PropertyTable TABLE = new PropertyTable("DERList", "Mode", "CombiMode", "vvc_curve1", "hysteresis_offset",
            "voltage_curvex_ref", "avgwindowlen", "voltwatt_curve", "DbVMin", "DbVMax", "ArGraLowV", "ArGraHiV",
            "DynReacavgwindowlen", "deltaQ_Factor", "VoltageChangeTolerance", "VarChangeTolerance", "VoltwattYAxis",
            "RateofChangeMode", "LPFTau", "RiseFallLimit", "deltaP_Factor", "EventLog", "RefReactivePower",
            "ActivePChangeTolerance", "monVoltageCalc", "monBus", "MonBusesVbase", "voltwattCH_curve", "wattpf_curve",
            "wattvar_curve", "VV_RefReactivePower", "PVSystemList", "Vsetpoint", "ControlModel", "basefreq", "enabled", "like");
    private static final Set<String> NO_EFFECT = Set.of("dbvmin", "dbvmax", "argralowv", "argrahiv", "dynreacavgwindowlen",
            "eventlog", "wattpf_curve", "wattvar_curve", "vsetpoint");

    List<String> ders = new ArrayList<>();
    String mode;           // null: none
    boolean combined;      // CombiMode=VV_VW
    String vvCurve;
    String vwCurve;
    String vwChCurve;
    int curveXRef;
    double avgWindowS = 1;
    double deltaQ = -1;
    double deltaP = -1;
    double vTol = 0.0001;
    double varTol = 0.025;
    double pTol = 0.01;
    int vwYAxis = 1;
    InvControl.RateOfChange roc = InvControl.RateOfChange.INACTIVE;
    double lpfTau = 0.001;
    double riseFall = 0.001;
    boolean varMax;
    int monPhase = CapControl.AVG;
    List<String> monBuses = new ArrayList<>();
    double[] monBusesVbase = new double[0];

    InvControlDef(String name, String at) {
        super("InvControl", name, at);
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
            case "derlist" -> ders = names(p, false, ctx);
            case "pvsystemlist" -> ders = names(p, true, ctx);
            case "mode" -> {
                String m = p.value().trim().toLowerCase(Locale.ROOT);
                if (m.startsWith("voltv")) {
                    mode = "voltvar";
                } else if (m.startsWith("voltw")) {
                    mode = "voltwatt";
                } else if (m.startsWith("dyn") || m.startsWith("wattp") || m.startsWith("wattv") || m.startsWith("avr")
                        || m.startsWith("gfm")) {
                    throw ctx.error("InvControl mode " + p.value() + " is not implemented (VOLTVAR, VOLTWATT, CombiMode=VV_VW)");
                } else {
                    throw ctx.error("Mode: expected VOLTVAR, VOLTWATT, DynamicReaccurr, WATTPF, WATTVAR, AVR or GFM, got '"
                            + p.value() + "'");
                }
                combined = false;   // Mode clears CombiMode (InvControl.pas PropertySideEffects)
            }
            case "combimode" -> {
                String m = p.value().trim().toLowerCase(Locale.ROOT);
                if (m.equals("vv_vw")) {
                    combined = true;
                } else if (m.equals("vv_drc")) {
                    throw ctx.error("InvControl CombiMode VV_DRC is not implemented (VV_VW)");
                } else {
                    throw ctx.error("CombiMode: expected VV_VW or VV_DRC, got '" + p.value() + "'");
                }
            }
            case "vvc_curve1" -> vvCurve = ctx.xyCurveOrNone(p);
            case "hysteresis_offset" -> {
                if (ctx.dbl(p, key) != 0) {
                    throw ctx.error("InvControl hysteresis_offset (volt-var hysteresis) is not implemented");
                }
            }
            case "voltage_curvex_ref" -> {
                String m = p.value().trim().toLowerCase(Locale.ROOT);
                if (m.startsWith("ra")) {
                    curveXRef = 2;
                } else if (m.startsWith("a")) {
                    curveXRef = 1;
                } else if (m.startsWith("r")) {
                    curveXRef = 0;
                } else {
                    throw ctx.error("voltage_curvex_ref: expected rated, avg or ravg, got '" + p.value() + "'");
                }
            }
            case "avgwindowlen" -> avgWindowS = interval(p, ctx);
            case "voltwatt_curve" -> vwCurve = ctx.xyCurveOrNone(p);
            case "voltwattch_curve" -> vwChCurve = ctx.xyCurveOrNone(p);
            case "deltaq_factor" -> deltaQ = ctx.dbl(p, key);
            case "deltap_factor" -> deltaP = ctx.dbl(p, key);
            case "voltagechangetolerance" -> vTol = ctx.dbl(p, key);
            case "varchangetolerance" -> varTol = ctx.dbl(p, key);
            case "activepchangetolerance" -> pTol = ctx.dbl(p, key);
            case "voltwattyaxis" -> {
                String m = p.value().trim().toLowerCase(Locale.ROOT);
                if (m.startsWith("pa")) {
                    vwYAxis = 0;
                } else if (m.startsWith("pm")) {
                    vwYAxis = 1;
                } else if (m.startsWith("pc")) {
                    vwYAxis = 2;
                } else if (m.startsWith("k")) {
                    vwYAxis = 3;
                } else {
                    throw ctx.error("VoltwattYAxis: expected PAVAILABLEPU, PMPPPU, PCTPMPPPU or KVARATINGPU, got '" + p.value() + "'");
                }
            }
            case "rateofchangemode" -> {
                String m = p.value().trim().toLowerCase(Locale.ROOT);
                if (m.startsWith("ina")) {
                    roc = InvControl.RateOfChange.INACTIVE;
                } else if (m.startsWith("lpf")) {
                    roc = InvControl.RateOfChange.LPF;
                } else if (m.startsWith("ris")) {
                    roc = InvControl.RateOfChange.RISEFALL;
                } else {
                    throw ctx.error("RateofChangeMode: expected INACTIVE, LPF or RISEFALL, got '" + p.value() + "'");
                }
            }
            case "lpftau" -> {
                lpfTau = ctx.dbl(p, key);
                if (lpfTau <= 0) {
                    roc = InvControl.RateOfChange.INACTIVE;
                }
            }
            case "risefalllimit" -> {
                riseFall = ctx.dbl(p, key);
                if (riseFall <= 0) {
                    roc = InvControl.RateOfChange.INACTIVE;
                }
            }
            case "refreactivepower" -> {
                String m = p.value().trim().toLowerCase(Locale.ROOT);
                if (m.startsWith("varaval")) {
                    varMax = false;
                } else if (m.startsWith("varmax")) {
                    varMax = true;
                } else {
                    throw ctx.error("RefReactivePower: expected VARAVAL or VARMAX, got '" + p.value() + "'");
                }
            }
            case "vv_refreactivepower" -> throw ctx.error("VV_RefReactivePower was removed from OpenDSS; use RefReactivePower");
            case "monvoltagecalc" -> monPhase = CapControlDef.phase(p, key, ctx);
            case "monbus" -> monBuses = DssValues.toStrings(p.value());
            case "monbusesvbase" -> monBusesVbase = ctx.array(p, key);
            case "controlmodel" -> {
                String m = p.value().trim().toLowerCase(Locale.ROOT);
                if (m.startsWith("e") || m.equals("1")) {
                    throw ctx.error("InvControl ControlModel=Exponential is not implemented (linear)");
                }
            }
            case "basefreq" -> ctx.requireCircuitFrequency(p, key, "");
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Seconds from a value with an optional unit (s, m, h), OpenDSS's IntervalUnits properties. */
    private static double interval(DssTokenizer.Param p, EditContext ctx) {
        String v = p.value().trim().toLowerCase(Locale.ROOT);
        double f = 1.0;
        if (v.endsWith("s")) {
            v = v.substring(0, v.length() - 1);
        } else if (v.endsWith("m")) {
            f = 60.0;
            v = v.substring(0, v.length() - 1);
        } else if (v.endsWith("h")) {
            f = 3600.0;
            v = v.substring(0, v.length() - 1);
        }
        Double d = DssValues.parseNumber(v);
        if (d == null) {
            throw ctx.error("avgwindowlen: expected a time (e.g. 30s, 1m), got '" + p.value() + "'");
        }
        return Math.floor(d * f);
    }

    private static List<String> names(DssTokenizer.Param p, boolean pvOnly, EditContext ctx) {
        List<String> out = new ArrayList<>();
        for (String n : DssValues.toStrings(p.value())) {
            String s = n.trim().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            if (pvOnly) {
                s = "pvsystem." + s;
            }
            int dot = s.indexOf('.');
            String cls = dot < 0 ? "" : s.substring(0, dot);
            if (!cls.equals("pvsystem") && !cls.equals("storage")) {
                throw ctx.error("DERList: expected PVSystem.name or Storage.name, got '" + n + "'");
            }
            if (ctx.circuit().find(cls, s.substring(dot + 1)) == null) {
                throw ctx.error("DERList: " + n + " is not defined");
            }
            out.add(s);
        }
        return out;
    }

    @Override
    void endEdit(EditContext ctx) {
        if (monBusesVbase.length != 0 && monBusesVbase.length != monBuses.size()) {
            throw ctx.error(fullName() + ": MonBusesVbase needs one value per monBus (" + monBuses.size() + ")");
        }
    }

    InvControl.Mode controlMode() {
        if (combined && mode == null) {
            return InvControl.Mode.VV_VW;
        }
        if ("voltvar".equals(mode)) {
            return combined ? null : InvControl.Mode.VOLTVAR;
        }
        if ("voltwatt".equals(mode)) {
            return combined ? null : InvControl.Mode.VOLTWATT;
        }
        return null;
    }
}
