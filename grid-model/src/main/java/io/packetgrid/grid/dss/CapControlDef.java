package io.packetgrid.grid.dss;

import io.packetgrid.grid.control.CapControl;
import java.util.Locale;
import java.util.Set;

/**
 * OpenDSS CapControl (CapControl.pas, properties, defaults and side effects re-derived): type
 * current (default), voltage, kvar, time, powerfactor or follow; PT ratio 60, CT ratio 60; ON 300,
 * OFF 200; delays 15 s; dead time 300 s; Vmin 115 V, Vmax 126 V; phases 1; pctMinkvar 50. For the
 * power-factor type, ON/OFF settings in -1..1 map to OpenDSS's 0..2 scale (negative: leading) when
 * they are given after {@code type=pf}; giving {@code type=pf} resets them to 0.95 and 1.05.
 * The capacitor and the monitored element must be defined before the control, as OpenDSS checks
 * when the definition ends.
 */
final class CapControlDef extends ControlDef {
    static final PropertyTable TABLE = new PropertyTable("element", "terminal", "capacitor", "type", "PTratio", "CTratio",
            "ONsetting", "OFFsetting", "Delay", "VoltOverride", "Vmax", "Vmin", "DelayOFF", "DeadTime", "CTPhase", "PTPhase",
            "VBus", "EventLog", "UserModel", "UserData", "pctMinkvar", "Reset", "ControlSignal", "basefreq", "enabled", "like");
    private static final Set<String> NO_EFFECT = Set.of("eventlog", "reset");

    String element;
    int terminal = 1;
    String capacitor;
    CapControl.Type type = CapControl.Type.CURRENT;
    double ptRatio = 60;
    double ctRatio = 60;
    double onValue = 300;
    double offValue = 200;
    double pfOn = 0.95;
    double pfOff = 1.05;
    double onDelay = 15;
    double offDelay = 15;
    double deadTime = 300;
    boolean voltOverride;
    double vmax = 126;
    double vmin = 115;
    int ctPhase = 1;
    int ptPhase = 1;
    String vBus;
    double pctMinKvar = 50;
    String controlSignal;

    CapControlDef(String name, String at) {
        super("CapControl", name, at);
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
            case "element" -> element = SwitchDeviceDef.element(p.value(), key, ctx);
            case "terminal" -> terminal = ctx.count(p, key, 1, 1000);
            case "capacitor" -> {
                String v = p.value().toLowerCase(Locale.ROOT);
                if (v.startsWith("capacitor.")) {
                    v = v.substring("capacitor.".length());
                }
                if (ctx.circuit().find("capacitor", v) == null) {
                    throw ctx.error("Capacitor '" + p.value() + "' is not defined (define it before its CapControl)");
                }
                capacitor = v;
            }
            case "type" -> {
                type = type(p.value(), ctx);
                if (type == CapControl.Type.PF) {
                    pfOn = 0.95;
                    pfOff = 1.05;
                }
            }
            case "ptratio" -> ptRatio = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
            case "ctratio" -> ctRatio = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
            case "onsetting" -> {
                onValue = ctx.dbl(p, key);
                if (type == CapControl.Type.PF) {
                    pfOn = pfScale(onValue, "ONsetting", ctx);
                }
            }
            case "offsetting" -> {
                offValue = ctx.dbl(p, key);
                if (type == CapControl.Type.PF) {
                    pfOff = pfScale(offValue, "OFFsetting", ctx);
                }
            }
            case "delay" -> onDelay = ctx.dbl(p, key);
            case "voltoverride" -> voltOverride = ctx.bool(p, key);
            case "vmax" -> vmax = ctx.dbl(p, key);
            case "vmin" -> vmin = ctx.dbl(p, key);
            case "delayoff" -> offDelay = ctx.dbl(p, key);
            case "deadtime" -> deadTime = ctx.dbl(p, key);
            case "ctphase" -> ctPhase = phase(p, key, ctx);
            case "ptphase" -> ptPhase = phase(p, key, ctx);
            case "vbus" -> vBus = p.value().isBlank() ? null : p.value().toLowerCase(Locale.ROOT);
            case "usermodel", "userdata" -> {
                if (!p.value().isBlank()) {
                    throw ctx.error("CapControl " + key + " (user-written DLL models) is not supported");
                }
            }
            case "pctminkvar" -> pctMinKvar = ctx.dbl(p, key);
            case "controlsignal" -> controlSignal = p.value().isBlank() ? null : ctx.circuit().loadShape(p.value(), ctx).name;
            case "basefreq" -> ctx.requireCircuitFrequency(p, key, "");
            default -> {
                return false;
            }
        }
        return true;
    }

    private static CapControl.Type type(String v, EditContext ctx) {
        String t = v.trim().toLowerCase(Locale.ROOT);
        if (!t.isEmpty()) {
            switch (t.charAt(0)) {
                case 'c' -> {
                    return CapControl.Type.CURRENT;
                }
                case 'v' -> {
                    return CapControl.Type.VOLTAGE;
                }
                case 'k' -> {
                    return CapControl.Type.KVAR;
                }
                case 't' -> {
                    return CapControl.Type.TIME;
                }
                case 'p' -> {
                    return CapControl.Type.PF;
                }
                case 'f' -> {
                    return CapControl.Type.FOLLOW;
                }
                default -> { }
            }
        }
        throw ctx.error("type: expected current, voltage, kvar, time, pf or follow, got '" + v + "'");
    }

    /** OpenDSS's PF scale: -1..1 maps to 0..2, negative values (leading) to 2 + value. */
    private static double pfScale(double v, String key, EditContext ctx) {
        if (v < -1.0 || v > 1.0) {
            throw ctx.error("invalid power factor " + key + " " + v + " (expected -1..1)");
        }
        return v < 0 ? 2.0 + v : v;
    }

    /** A phase number, or AVG, MAX, MIN (OpenDSS MonPhaseEnum). */
    static int phase(DssTokenizer.Param p, String key, EditContext ctx) {
        String v = p.value().trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("av")) {
            return CapControl.AVG;
        }
        if (v.startsWith("ma")) {
            return CapControl.MAX;
        }
        if (v.startsWith("mi")) {
            return CapControl.MIN;
        }
        return ctx.count(p, key, 1, 1000);
    }

    @Override
    void endEdit(EditContext ctx) {
        if (capacitor == null) {
            throw ctx.error(fullName() + ": capacitor is not set");
        }
        if (type != CapControl.Type.TIME && type != CapControl.Type.FOLLOW) {
            if (element == null) {
                throw ctx.error(fullName() + ": element is not set");
            }
            ElementDef d = ctx.circuit().find(element);
            if (terminal > d.terminals()) {
                throw ctx.error(fullName() + ": terminal " + terminal + " does not exist on " + d.fullName());
            }
        }
        if (type == CapControl.Type.FOLLOW && controlSignal == null) {
            throw ctx.error(fullName() + ": type=follow needs a ControlSignal load shape");
        }
        // RecalcElementData: the bank's terminal is closed whenever the control's definition ends
        CapacitorDef cap = (CapacitorDef) ctx.circuit().find("capacitor", capacitor);
        if (cap.open) {
            cap.open = false;
            ctx.circuit().markDirty();
        }
    }

    CapControl.Settings settings() {
        int term = (type == CapControl.Type.TIME || type == CapControl.Type.FOLLOW) ? 1 : terminal;
        return new CapControl.Settings(type, term, ptRatio, ctRatio, onValue, offValue, pfOn, pfOff, onDelay, offDelay, deadTime,
                voltOverride, vmin, vmax, ctPhase, ptPhase, pctMinKvar);
    }
}
