package io.packetgrid.grid.dss;

import io.packetgrid.cosim.error.PacketGridException;
import java.util.Locale;
import java.util.Set;

/**
 * OpenDSS protective and switching controls that do not take part in a load flow here: Fuse,
 * Recloser, Relay and SwtControl (fuse.pas, Recloser.pas, Relay.pas, SwtControl.pas). Every
 * property is accepted; the connection is checked when the definition ends, as OpenDSS's
 * RecalcElementData does: the monitored and switched elements must be defined, with the terminals
 * named, and the TCC curves must exist. The device's state acts on a switched line as OpenDSS's
 * does on the element's terminal: Fuse, Recloser and Relay close it when defined (their present
 * state, closed unless {@code State}/{@code Action} says open); {@code State}/{@code Action}=open
 * opens it (here the whole line, as {@code Open Line.x}). Their operation during a solution (a
 * current above the curve) is not simulated: after a solution a device whose current exceeds its
 * pickup gets one warning (see {@code DssInterpreter}).
 */
final class SwitchDeviceDef extends ElementDef {
    private static final PropertyTable FUSE = new PropertyTable("MonitoredObj", "MonitoredTerm", "SwitchedObj", "SwitchedTerm",
            "FuseCurve", "RatedCurrent", "Delay", "Action", "Normal", "State", "basefreq", "enabled", "like");
    private static final PropertyTable RECLOSER = new PropertyTable("MonitoredObj", "MonitoredTerm", "SwitchedObj",
            "SwitchedTerm", "NumFast", "PhaseFast", "PhaseDelayed", "GroundFast", "GroundDelayed", "PhaseTrip", "GroundTrip",
            "PhaseInst", "GroundInst", "Reset", "Shots", "RecloseIntervals", "Delay", "Action", "TDPhFast", "TDGrFast",
            "TDPhDelayed", "TDGrDelayed", "Normal", "State", "basefreq", "enabled", "like");
    private static final PropertyTable RELAY = new PropertyTable("MonitoredObj", "MonitoredTerm", "SwitchedObj", "SwitchedTerm",
            "type", "Phasecurve", "Groundcurve", "PhaseTrip", "GroundTrip", "TDPhase", "TDGround", "PhaseInst", "GroundInst",
            "Reset", "Shots", "RecloseIntervals", "Delay", "Overvoltcurve", "Undervoltcurve", "kvbase", "47%Pickup", "46BaseAmps",
            "46%Pickup", "46isqt", "Variable", "overtrip", "undertrip", "Breakertime", "action", "Z1mag", "Z1ang", "Z0mag",
            "Z0ang", "Mphase", "Mground", "EventLog", "DebugTrace", "DistReverse", "Normal", "State", "DOC_TiltAngleLow",
            "DOC_TiltAngleHigh", "DOC_TripSettingLow", "DOC_TripSettingHigh", "DOC_TripSettingMag", "DOC_DelayInner",
            "DOC_PhaseCurveInner", "DOC_PhaseTripInner", "DOC_TDPhaseInner", "DOC_P1Blocking", "basefreq", "enabled", "like");
    private static final PropertyTable SWTCONTROL = new PropertyTable("SwitchedObj", "SwitchedTerm", "Action", "Lock", "Delay",
            "Normal", "State", "Reset", "basefreq", "enabled", "like");
    private static final Set<String> CURVES = Set.of("fusecurve", "phasefast", "phasedelayed", "groundfast", "grounddelayed",
            "phasecurve", "groundcurve", "overvoltcurve", "undervoltcurve", "doc_phasecurveinner");

    String monitored;
    int monitoredTerm = 1;
    String switched;
    int switchedTerm = 1;
    boolean switchedSet;
    boolean switchedTermSet;
    /** Present state: true = open. */
    boolean open;
    boolean stateGiven;
    String fuseCurve;
    double ratedCurrent = 1.0;
    double delayS;
    double phaseTrip = 1.0;
    String phaseCurve;
    String relayType = "current";

    SwitchDeviceDef(String cls, String name, String at) {
        super(cls, name, at);
        switch (cls) {
            case "Fuse" -> fuseCurve = "tlink";
            case "Recloser" -> phaseCurve = "a";   // PhaseFast defaults to curve A (Recloser.pas Create)
            case "SwtControl" -> delayS = 120.0;
            default -> { }
        }
    }

    @Override
    PropertyTable table() {
        return switch (className) {
            case "Fuse" -> FUSE;
            case "Recloser" -> RECLOSER;
            case "Relay" -> RELAY;
            default -> SWTCONTROL;
        };
    }

    @Override
    Set<String> noEffect() {
        return Set.of();
    }

    @Override
    boolean isCircuitElement() {
        return false;
    }

    @Override
    boolean affectsPowerFlow() {
        return false;
    }

    @Override
    boolean set(String key, DssTokenizer.Param p, EditContext ctx) {
        switch (key) {
            case "monitoredobj" -> {
                monitored = element(p.value(), key, ctx);
                if (!switchedSet) {
                    switched = monitored;
                }
            }
            case "monitoredterm" -> {
                monitoredTerm = ctx.count(p, key, 1, 1000);
                if (!switchedTermSet) {
                    switchedTerm = monitoredTerm;
                }
            }
            case "switchedobj" -> {
                switched = element(p.value(), key, ctx);
                switchedSet = true;
            }
            case "switchedterm" -> {
                switchedTerm = ctx.count(p, key, 1, 1000);
                switchedTermSet = true;
            }
            case "state", "action" -> {
                String v = p.value().trim().toLowerCase(Locale.ROOT);
                if (v.startsWith("o") || v.startsWith("t")) {
                    open = true;
                    stateGiven = true;
                } else if (v.startsWith("c")) {
                    open = false;
                    stateGiven = true;
                } else if (!(v.startsWith("r") || v.startsWith("l") || v.startsWith("u"))) {
                    throw ctx.error(key + ": expected open, close" + (key.equals("action") ? ", reset, lock or unlock" : "")
                            + ", got '" + p.value() + "'");
                }
            }
            case "normal" -> {
                String v = p.value().trim().toLowerCase(Locale.ROOT);
                if (!(v.startsWith("o") || v.startsWith("c"))) {
                    throw ctx.error("Normal: expected open or closed, got '" + p.value() + "'");
                }
            }
            case "ratedcurrent" -> ratedCurrent = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
            case "delay" -> delayS = ctx.dbl(p, key);
            case "phasetrip" -> phaseTrip = ctx.dbl(p, key);
            case "type" -> relayType = p.value().toLowerCase(Locale.ROOT);
            default -> {
                if (CURVES.contains(key)) {
                    String curve = curve(p.value(), ctx);
                    if (key.equals("fusecurve")) {
                        fuseCurve = curve;
                    } else if (key.equals("phasecurve") || key.equals("phasefast")) {
                        phaseCurve = curve;
                    }
                }
                // every other property is a setting of the device's own operation: no effect on a load flow
            }
        }
        return true;
    }

    private static String curve(String v, EditContext ctx) {
        if (v.isBlank() || v.equalsIgnoreCase("none")) {
            return null;
        }
        if (ctx.circuit().find("tcc_curve", v) == null) {
            throw ctx.error("TCC_Curve '" + v + "' is not defined");
        }
        return v.toLowerCase(Locale.ROOT);
    }

    /** {@code Class.name} of a defined circuit element, lower case. */
    static String element(String v, String key, EditContext ctx) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        int dot = s.indexOf('.');
        if (dot <= 0) {
            throw ctx.error(key + ": expected Class.name, got '" + v + "'");
        }
        ElementDef d = ctx.circuit().find(s.substring(0, dot), s.substring(dot + 1));
        if (d == null || !d.isCircuitElement()) {
            throw ctx.error(key + ": element '" + v + "' is not defined (define it before the " + key + " refers to it)");
        }
        return s;
    }

    @Override
    void endEdit(EditContext ctx) {
        DssCircuit c = ctx.circuit();
        if (!className.equals("SwtControl")) {
            if (monitored == null) {
                throw ctx.error(fullName() + ": MonitoredObj is not set");
            }
            check(c, monitored, monitoredTerm, "MonitoredTerm", ctx);
        }
        if (switched == null) {
            throw ctx.error(fullName() + ": SwitchedObj is not set");
        }
        check(c, switched, switchedTerm, "SwitchedTerm", ctx);
        // RecalcElementData: Fuse, Recloser and Relay put the switched terminal in their present state; SwtControl
        // acts on its switch only through State/Action
        boolean act = stateGiven || !className.equals("SwtControl");
        if (act && enabled) {
            ElementDef d = c.find(switched);
            if (d instanceof LineDef line) {
                // the switched terminal, as OpenDSS's ControlledElement.Closed[0] after ActiveTerminal := ElementTerminal
                boolean was = switchedTerm == 1 ? line.open1 : line.open2;
                if (was != open) {
                    if (switchedTerm == 1) {
                        line.open1 = open;
                    } else {
                        line.open2 = open;
                    }
                    c.markDirty();
                }
            } else if (open) {
                throw ctx.error(fullName() + ": opening " + switched + " (not a line) is not implemented");
            }
        }
    }

    private void check(DssCircuit c, String element, int terminal, String prop, EditContext ctx) {
        ElementDef d = c.find(element);
        if (d == null) {
            throw ctx.error(fullName() + ": element '" + element + "' is not defined");
        }
        if (terminal > d.terminals()) {
            throw ctx.error(fullName() + ": " + prop + "=" + terminal + " but " + d.fullName() + " has " + d.terminals() + " terminal(s)");
        }
    }

    /** The current (A) above which the device would start operating in an OpenDSS solution, or +inf. */
    double pickupAmps(DssCircuit c) {
        switch (className) {
            case "Fuse" -> {
                if (fuseCurve == null) {
                    return Double.POSITIVE_INFINITY;
                }
                return ((TccCurveDef) c.find("tcc_curve", fuseCurve)).toCurve().pickupMultiple() * ratedCurrent;
            }
            case "Recloser" -> {
                return phaseTrip > 0 ? phaseTrip : Double.POSITIVE_INFINITY;
            }
            case "Relay" -> {
                return relayType.startsWith("c") && phaseTrip > 0 ? phaseTrip : Double.POSITIVE_INFINITY;
            }
            default -> {
                return Double.POSITIVE_INFINITY;
            }
        }
    }

}
