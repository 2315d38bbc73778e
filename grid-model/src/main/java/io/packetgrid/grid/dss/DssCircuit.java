package io.packetgrid.grid.dss;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.model.LineConstants;
import io.packetgrid.grid.series.Monitor;
import io.packetgrid.grid.series.Simulation;
import io.packetgrid.grid.series.SolveMode;
import io.packetgrid.grid.solve.SolverOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The state an OpenDSS script builds: object definitions by class (general objects through the
 * session's {@link GeneralObjects}), circuit options, voltage bases, monitors' recordings, and the simulation built from the definitions when a solution
 * is asked for (rebuilt whenever a definition changed since).
 */
final class DssCircuit {
    final String name;
    final double baseFrequency;
    LineConstants.EarthModel earthModel;
    /** Circuit elements and other per-circuit objects by class (general classes are in {@link #general}). */
    private final Map<String, LinkedHashMap<String, ElementDef>> classes = new HashMap<>();
    final List<ElementDef> elementOrder = new ArrayList<>();
    /** Control definitions in creation order: the order OpenDSS samples its controls in. */
    final List<ElementDef> controlOrder = new ArrayList<>();
    double[] voltageBases = {0.208, 0.480, 12.47, 24.9, 34.5, 115.0, 230.0};
    final Map<String, Double> busKvBase = new HashMap<>();
    SolverOptions solverOptions = SolverOptions.defaults();
    SolveMode mode = SolveMode.SNAPSHOT;
    int number = 1;
    /** {@code Set year} (0 or 1: no growth), reported by mode-5 monitors. */
    int year;
    double stepSec = 3600;
    int hour;
    double sec;
    boolean controlsOn = true;
    boolean timedControls;
    /** OpenDSS DefaultControlMode: what {@code Set mode=} reverts to (set by {@code Set controlmode=}). */
    boolean defaultControlsOn = true;
    boolean defaultTimedControls;
    SolveMode.ShapeClass timeShapeClass = SolveMode.ShapeClass.NONE;
    int maxControlIterations = 10;
    double loadMult = 1.0;
    final Map<String, Monitor> monitors = new LinkedHashMap<>();
    String activeMonitor;
    Simulation simulation;
    boolean dirty = true;
    /** Times a definition change marked the circuit for a rebuild (a deferred Solve made moot since counts them). */
    long edits;
    boolean monitorsChanged;
    /** The run's fingerprint when it shares a {@link ScriptMemo} (data files read by definitions go into it), else null. */
    ScriptFingerprint fingerprint;
    VsourceDef source;

    /** The session's general objects (shapes, curves, codes): shared with the circuit, not owned by it. */
    final GeneralObjects general;

    /**
     * @param name the circuit's name; null for the scope in which general objects are defined
     *     before {@code New Circuit} (it sees only them)
     */
    DssCircuit(String name, double baseFrequency, LineConstants.EarthModel earthModel, GeneralObjects general) {
        this.name = name;
        this.baseFrequency = baseFrequency;
        this.earthModel = earthModel;
        this.general = general;
    }

    LinkedHashMap<String, ElementDef> of(String cls) {
        String c = cls.toLowerCase(Locale.ROOT);
        if (GeneralObjects.isGeneral(c)) {
            return general.of(c);
        }
        return classes.computeIfAbsent(c, k -> new LinkedHashMap<>());
    }

    ElementDef find(String cls, String name) {
        return of(cls).get(name.toLowerCase(Locale.ROOT));
    }

    /** The definition named {@code Class.name} (a name checked when it was set), or null. */
    ElementDef find(String fullName) {
        int dot = fullName.indexOf('.');
        return find(fullName.substring(0, dot), fullName.substring(dot + 1));
    }

    private ElementDef need(String cls, String name, EditContext ctx) {
        String n = name.toLowerCase(Locale.ROOT);
        int dot = n.indexOf('.');
        if (dot >= 0 && n.substring(0, dot).equalsIgnoreCase(cls)) {
            n = n.substring(dot + 1);
        }
        ElementDef d = of(cls).get(n);
        if (d == null) {
            throw ctx.error(cls + " '" + name + "' is not defined");
        }
        return d;
    }

    LineCodeDef lineCode(String name, EditContext ctx) {
        return (LineCodeDef) need("linecode", name, ctx);
    }

    LoadShapeDef loadShape(String name, EditContext ctx) {
        return (LoadShapeDef) need("loadshape", name, ctx);
    }

    WireDataDef wireData(String name, EditContext ctx) {
        return (WireDataDef) need("wiredata", name, ctx);
    }

    LineGeometryDef lineGeometry(String name, EditContext ctx) {
        return (LineGeometryDef) need("linegeometry", name, ctx);
    }

    LineSpacingDef lineSpacing(String name, EditContext ctx) {
        return (LineSpacingDef) need("linespacing", name, ctx);
    }

    XyCurveDef xyCurve(String name, EditContext ctx) {
        return (XyCurveDef) need("xycurve", name, ctx);
    }

    TransformerDef xfmrCode(String name, EditContext ctx) {
        return (TransformerDef) need("xfmrcode", name, ctx);
    }

    static LineConstants.EarthModel earthModel(String v, EditContext ctx) {
        String s = v.toLowerCase(Locale.ROOT);
        if (s.startsWith("c")) {
            return LineConstants.EarthModel.CARSON;
        }
        if (s.startsWith("f")) {
            return LineConstants.EarthModel.FULL_CARSON;
        }
        if (s.startsWith("d")) {
            return LineConstants.EarthModel.DERI;
        }
        throw ctx.error("EarthModel: expected Carson, FullCarson or Deri, got '" + v + "'");
    }

    void monitorAction(MonitorDef def, String action, EditContext ctx) {
        String a = action.toLowerCase(Locale.ROOT);
        Monitor m = monitors.get(def.name);
        if (a.startsWith("c") || a.startsWith("r")) {
            if (m != null) {
                m.reset();
            }
        } else if (a.startsWith("t")) {
            if (simulation != null && simulation.solved() && m != null && !dirty) {
                m.sample(simulation.solver(), simulation.hour(), simulation.secondsInHour(), simulation);
            }
        } else if (!(a.startsWith("s") || a.startsWith("p"))) {
            throw ctx.error("Monitor action: expected clear, reset, take, save or process, got '" + action + "'");
        }
    }

    /** Nearest legal base (LL kV) to a computed LL voltage (OpenDSS nearestBasekV). */
    double nearestBase(double kvLL) {
        double best = 0;
        double min = Double.MAX_VALUE;
        for (double b : voltageBases) {
            if (b == 0) {
                break;
            }
            double d = Math.abs(1.0 - kvLL / b);
            if (d < min) {
                min = d;
                best = b;
            }
        }
        return best;
    }

    void markDirty() {
        dirty = true;
        edits++;
    }

    PacketGridException noCircuit(String where) {
        return new PacketGridException(where, "no circuit yet: start with New Circuit.name");
    }
}
