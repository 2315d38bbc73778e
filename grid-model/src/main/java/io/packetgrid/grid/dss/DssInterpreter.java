package io.packetgrid.grid.dss;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Line;
import io.packetgrid.grid.model.LineConstants;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.model.Transformer;
import io.packetgrid.grid.series.Monitor;
import io.packetgrid.grid.series.Simulation;
import io.packetgrid.grid.series.SolveMode;
import io.packetgrid.grid.solve.PowerFlowSolver;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes OpenDSS scripts: the command layer of the reader (OpenDSS's Executive). It keeps the
 * definitions in a {@link DssCircuit}, builds the model when a solution is asked for and runs it
 * through {@link Simulation}. Paths are relative to the file being read; nothing is ever written
 * except monitor exports into the output folder given at construction.
 */
public final class DssInterpreter {
    private static final Logger LOG = LoggerFactory.getLogger(DssInterpreter.class);

    private static final PropertyTable COMMANDS = new PropertyTable("New", "Edit", "More", "M", "~", "Select", "Save", "Show",
            "Solve", "Enable", "Disable", "Plot", "Reset", "Compile", "Set", "Dump", "Open", "Close", "//", "Redirect", "Help",
            "Quit", "?", "Next", "Panel", "Sample", "Clear", "About", "Calcvoltagebases", "SetkVBase", "BuildY", "Get", "Init",
            "Export", "Fileedit", "Voltages", "Currents", "Powers", "Seqvoltages", "Seqcurrents", "Seqpowers", "Losses",
            "Phaselosses", "Cktlosses", "Allocateloads", "Formedit", "Totals", "Capacity", "Classes", "Userclasses", "Zsc",
            "Zsc10", "ZscRefresh", "Ysc", "puvoltages", "VarValues", "Varnames", "Buscoords", "MakeBusList", "MakePosSeq",
            "Reduce", "Interpolate", "AlignFile", "TOP", "Rotate", "Vdiff", "Summary", "Distribute", "DI_plot", "Comparecases",
            "YearlyCurves", "CD", "Visualize", "CloseDI", "DOScmd", "Estimate", "Reconductor", "_InitSnap", "_SolveNoControl",
            "_SampleControls", "_DoControlActions", "_ShowControlQueue", "_SolveDirect", "_SolvePFlow", "AddBusMarker", "Uuids",
            "SetLoadAndGenKV", "CvrtLoadshapes", "NodeDiff", "Rephase", "SetBusXY", "UpdateStorage", "Obfuscate",
            "LatLongCoords", "BatchEdit", "Pstcalc", "Variable", "ReprocessBuses", "ClearBusMarkers", "RelCalc", "var", "Cleanup",
            "FinishTimeStep", "NodeList", "Connect", "Disconnect", "Remove", "CalcIncMatrix", "CalcIncMatrix_O",
            "Refine_BusLevels", "CalcLaplacian", "ExportOverloads", "ExportVViolations", "Zsc012", "AllPCEatBus",
            "AllPDEatBus", "TotalPowers", "GISCoords", "ClearAll", "COMHelp", "NewActor", "Wait", "SolveAll",
            "AggregateProfiles", "Tear_Circuit", "Abort", "Clone");
    /** Commands that only report, plot or write reports: ignored with one warning. */
    private static final Set<String> REPORTING = Set.of("save", "show", "plot", "dump", "help", "quit", "?", "panel", "about",
            "fileedit", "voltages", "currents", "powers", "seqvoltages", "seqcurrents", "seqpowers", "losses", "phaselosses",
            "cktlosses", "formedit", "totals", "capacity", "classes", "userclasses", "varvalues", "varnames", "summary",
            "di_plot", "comparecases", "yearlycurves", "visualize", "closedi", "addbusmarker", "uuids", "obfuscate",
            "latlongcoords", "clearbusmarkers", "nodelist", "exportoverloads", "exportvviolations", "allpceatbus",
            "allpdeatbus", "totalpowers", "giscoords", "comhelp", "setbusxy", "puvoltages", "vdiff", "top", "nodediff",
            "calcincmatrix", "calcincmatrix_o", "calclaplacian", "refine_buslevels", "buildy", "ysc", "zsc", "zsc10", "zsc012",
            "zscrefresh", "makebuslist", "relcalc", "pstcalc", "get", "estimate", "wait", "interpolate");

    private static final PropertyTable OPTIONS = new PropertyTable("type", "element", "hour", "sec", "year", "frequency",
            "stepsize", "mode", "random", "number", "time", "class", "object", "circuit", "editor", "tolerance",
            "maxiterations", "h", "Loadmodel", "Loadmult", "normvminpu", "normvmaxpu", "emergvminpu", "emergvmaxpu", "%mean",
            "%stddev", "LDCurve", "%growth", "Genkw", "Genpf", "CapkVAR", "Addtype", "Allowduplicates", "Zonelock", "UEweight",
            "Lossweight", "UEregs", "Lossregs", "Voltagebases", "Algorithm", "Trapezoidal", "Autobuslist", "Controlmode",
            "Tracecontrol", "Genmult", "Defaultdaily", "Defaultyearly", "Allocationfactors", "Cktmodel", "Pricesignal",
            "Pricecurve", "Terminal", "Basefrequency", "Harmonics", "Maxcontroliter", "Bus", "Datapath", "KeepList",
            "ReduceOption", "DemandInterval", "%Normal", "DIVerbose", "Casename", "Markercode", "Nodewidth", "Log", "Recorder",
            "Overloadreport", "Voltexceptionreport", "Cfactors", "ShowExport", "Numallociterations", "DefaultBaseFrequency",
            "Markswitches", "Switchmarkercode", "Daisysize", "Marktransformers", "TransMarkerCode", "TransMarkerSize",
            "LoadShapeClass", "EarthModel", "QueryLog", "MarkCapacitors", "MarkRegulators", "MarkPVSystems", "MarkStorage",
            "CapMarkerCode", "RegMarkerCode", "PVMarkerCode", "StoreMarkerCode", "CapMarkerSize", "RegMarkerSize",
            "PVMarkerSize", "StoreMarkerSize", "NeglectLoadY", "MarkFuses", "FuseMarkerCode", "FuseMarkerSize", "MarkReclosers",
            "RecloserMarkerCode", "RecloserMarkerSize", "RegistryUpdate", "MarkRelays", "RelayMarkerCode", "RelayMarkerSize",
            "ProcessTime", "TotalTime", "StepTime", "SampleEnergyMeters", "MinIterations", "DSSVisualizationTool", "KeepLoad",
            "Zmag", "SeasonRating", "SeasonSignal", "CPU", "Parallel", "ConcatenateReports");
    /** Options that change how results look or what is reported, not the power flow. */
    private static final Set<String> OPTIONS_NO_EFFECT = Set.of("type", "element", "random", "class", "object", "circuit",
            "editor", "normvminpu", "normvmaxpu", "emergvminpu", "emergvmaxpu", "%mean", "%stddev", "ldcurve", "%growth", "genkw",
            "genpf", "capkvar", "addtype", "allowduplicates", "zonelock", "ueweight", "lossweight", "ueregs", "lossregs",
            "trapezoidal", "autobuslist", "tracecontrol", "defaultdaily", "defaultyearly", "pricesignal", "pricecurve",
            "terminal", "harmonics", "bus", "keeplist", "reduceoption", "demandinterval", "%normal", "diverbose", "casename",
            "markercode", "nodewidth", "log", "recorder", "overloadreport", "voltexceptionreport", "showexport",
            "numallociterations", "markswitches", "switchmarkercode", "daisysize", "marktransformers", "transmarkercode",
            "transmarkersize", "querylog", "markcapacitors", "markregulators", "markpvsystems",
            "markstorage", "capmarkercode", "regmarkercode", "pvmarkercode", "storemarkercode", "capmarkersize",
            "regmarkersize", "pvmarkersize", "storemarkersize", "neglectloady", "markfuses", "fusemarkercode",
            "fusemarkersize", "markreclosers", "reclosermarkercode", "reclosermarkersize", "registryupdate", "markrelays",
            "relaymarkercode", "relaymarkersize", "processtime", "totaltime", "steptime", "sampleenergymeters",
            "dssvisualizationtool", "keepload", "zmag", "seasonrating", "seasonsignal",
            // the parallel-processing options of OpenDSS 8 and later: which core an actor runs on, whether actors run in
            // parallel, whether their reports are joined; one circuit's solution is the same
            "cpu", "parallel", "concatenatereports");

    private static final Map<String, String> CLASS_NAMES = new LinkedHashMap<>();

    static {
        for (String c : List.of("Vsource", "Line", "LineCode", "Transformer", "XfmrCode", "RegControl", "Capacitor", "Load",
                "LoadShape", "Monitor", "Generator", "PVSystem", "WireData", "LineGeometry", "LineSpacing", "Fault", "Reactor",
                "XYcurve", "TCC_Curve", "TShape", "Fuse", "Recloser", "Relay", "SwtControl", "EnergyMeter", "Sensor", "Spectrum",
                "PriceShape", "GrowthShape", "CapControl", "Storage", "InvControl", "CNData", "TSData")) {
            CLASS_NAMES.put(c.toLowerCase(Locale.ROOT), c);
        }
    }

    /** Hook for running time series (the benchmark times each step). */
    public interface TimeSeriesRunner {
        void run(Simulation sim, int steps);
    }

    private final Path outDir;
    private final Set<String> warned = new LinkedHashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, double[]> busXy = new LinkedHashMap<>();
    private DssCircuit circuit;
    /** The session's general objects and the scope that holds them while there is no circuit. */
    private GeneralObjects general;
    private DssCircuit preCircuit;
    private double defaultBaseFrequency = 60.0;
    private LineConstants.EarthModel defaultEarthModel = LineConstants.EarthModel.DERI;
    private ElementDef active;
    private Path mainDir;
    private final Deque<Path> files = new ArrayDeque<>();
    private TimeSeriesRunner runner = this::runSteps;
    private long maxSteps = 100_000_000L;
    private final List<Path> exported = new ArrayList<>();
    /** Script variables of the session ({@code var @name=value}), lower-case names with their @. */
    private final Map<String, String> variables = new LinkedHashMap<>();
    private long totalIterations;
    private long totalSolutions;
    // a run sharing a ScriptMemo: the first run records into it, later runs (replaying) reuse it
    private ScriptMemo memo;
    private boolean replaying;
    private ScriptFingerprint fingerprint;
    private DeferredSolve deferred;

    /** A Solve left for later: its solution is needed only if nothing rebuilds the circuit before it is read. */
    private record DeferredSolve(String where, DssCircuit circuit, long edits) {
    }

    /** Commands that neither read a solution nor change what a Solve would compute without marking the circuit for a rebuild. */
    private static final Set<String> KEEP_DEFERRED = Set.of("new", "edit", "more", "m", "~", "select", "batchedit", "buscoords",
            "//", "compile", "redirect");

    /** @param outDir where {@code Export monitors} writes (created on first export) */
    public DssInterpreter(Path outDir) {
        this.outDir = outDir;
        startGeneralObjects();
    }

    /** A fresh set of general objects with OpenDSS's start-up ones (Executive.pas CreateDefaultDSSItems). */
    private void startGeneralObjects() {
        general = new GeneralObjects();
        preCircuit = new DssCircuit(null, defaultBaseFrequency, defaultEarthModel, general);
        preCircuit.fingerprint = fingerprint;
        for (String cmd : GeneralObjects.STARTUP) {
            command(cmd, "(OpenDSS start-up objects)", Path.of("."));
        }
        active = null;
    }

    /**
     * Where objects of class {@code cls} live now: the circuit, or before {@code New Circuit} the
     * scope of general objects (ExecHelper.AddObject: only classes without RequiresCircuit).
     */
    private DssCircuit scope(String cls, String where) {
        if (circuit != null) {
            return circuit;
        }
        String c = cls.toLowerCase(Locale.ROOT);
        if (GeneralObjects.isGeneral(c) && !GeneralObjects.NEED_CIRCUIT.contains(c)) {
            return preCircuit;
        }
        throw new PacketGridException(where, "no circuit yet: start with New Circuit.name"
                + (GeneralObjects.isGeneral(c) ? " (" + CLASS_NAMES.get(c) + " needs the circuit's frequency)" : ""));
    }

    /** The scope an existing definition was made in (the circuit once there is one). */
    private DssCircuit scopeOf(ElementDef d) {
        return circuit != null ? circuit : preCircuit;
    }

    /**
     * Makes this run (before it starts) the first run of a script whose copies will be run again with the same commands
     * ({@link #reuse}): it runs exactly as without, and records into {@code memo} what each Calcvoltagebases computed and
     * which Solves left the definitions as they were.
     */
    public void recordInto(ScriptMemo memo) {
        start(memo, false);
    }

    /**
     * Makes this run (before it starts) a copy of a script whose first run recorded into {@code memo}, for a caller that
     * solves the feeder itself afterwards (a study's copies). Where this run has executed exactly what the first run had
     * (equal {@link ScriptFingerprint}s):
     * <ul>
     *   <li>{@code Calcvoltagebases} takes the recorded bases instead of solving the no-load network (when no built
     *       circuit waits for them: it sets them in the definitions, which every later build reads);</li>
     *   <li>a snapshot {@code Solve} the first run completed without writing anything back is deferred: dropped if a
     *       later edit makes the circuit rebuild before anything reads the solution (the rebuilt circuit starts from the
     *       definitions, which that Solve left unchanged), otherwise run before the first command or query that could
     *       read it ({@link #simulation()} included), on the very same circuit, so it gives the same state.</li>
     * </ul>
     * The final state is therefore the one a plain run leaves, bit for bit; what differs is only the counts of
     * {@link #totalSolutions()} and {@link #totalIterations()} (a dropped Solve is not counted). Everything else (the
     * {@code grid run} command, {@code Feeder.load}) runs scripts plainly.
     */
    public void reuse(ScriptMemo memo) {
        start(memo, true);
    }

    private void start(ScriptMemo m, boolean replay) {
        if (memo != null || circuit != null || totalSolutions > 0) {
            throw new IllegalStateException("a memo is given before the run starts, once");
        }
        memo = m;
        replaying = replay;
        fingerprint = new ScriptFingerprint();
        preCircuit.fingerprint = fingerprint;   // data files of general objects defined before New Circuit
    }

    public void setTimeSeriesRunner(TimeSeriesRunner r) {
        this.runner = r;
    }

    /** Refuses time series longer than this many steps (a guard for untrusted scripts). */
    public void setMaxSteps(long n) {
        this.maxSteps = n;
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public List<Path> exported() {
        return List.copyOf(exported);
    }

    /** Fixed-point iterations summed over all solutions run so far, and the number of solutions. */
    public long totalIterations() {
        return totalIterations;
    }

    public long totalSolutions() {
        return totalSolutions;
    }

    private void runSteps(Simulation sim, int steps) {
        for (int i = 0; i < steps; i++) {
            sim.step();
            totalIterations += sim.lastIterations();
            totalSolutions++;
        }
    }

    // ---------------------------------------------------------------- files

    /** Executes a script file (Compile semantics). */
    public void run(Path script) {
        Path abs = script.toAbsolutePath().normalize();
        if (mainDir == null) {
            mainDir = abs.getParent();
        }
        readFile(abs, "command line", script.toString());
    }

    /** Executes script text as if it were a file in {@code dir} named {@code name}. */
    public void runText(String text, Path dir, String name) {
        Path abs = dir.toAbsolutePath().normalize().resolve(name);
        if (mainDir == null) {
            mainDir = abs.getParent();
        }
        files.push(abs);
        try {
            runLines(text.split("\r?\n|\r", -1), abs);
        } finally {
            files.pop();
        }
    }

    private String display(Path file) {
        try {
            if (mainDir != null && file.startsWith(mainDir)) {
                return mainDir.relativize(file).toString();
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /** @param written the name as the including script wrote it (shown when the file is outside the main folder) */
    private void readFile(Path file, String from, String written) {
        if (files.size() > 32) {
            throw new PacketGridException(from, "redirects nested more than 32 deep (a file including itself?)");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            boolean inMain = mainDir != null && file.startsWith(mainDir);
            throw new PacketGridException(from, "file not found: " + (inMain ? display(file) : written));
        } catch (IOException e) {
            throw new PacketGridException(from, "cannot read " + display(file) + ": " + e.getClass().getSimpleName());
        }
        files.push(file);
        try {
            runLines(lines.toArray(new String[0]), file);
        } finally {
            files.pop();
        }
    }

    private void runLines(String[] lines, Path file) {
        boolean inBlock = false;
        String name = display(file);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (!inBlock && line.startsWith("/*")) {
                inBlock = true;
            }
            if (!inBlock) {
                String where = name + ":" + (i + 1);
                try {
                    command(line, where, file.getParent());
                } catch (DssTokenizer.SyntaxException e) {
                    throw new PacketGridException(where, e.getMessage());
                }
            }
            if (inBlock && line.contains("*/")) {
                inBlock = false;
            }
        }
    }

    // ---------------------------------------------------------------- commands

    private void warnOnce(String key, String message) {
        if (warned.add(key)) {
            warnings.add(message);
            LOG.debug(message);
        }
    }

    private DssCircuit circuit(String where) {
        if (circuit == null) {
            throw new PacketGridException(where, "no circuit yet: start with New Circuit.name");
        }
        return circuit;
    }

    private void command(String line, String where, Path dir) {
        if (fingerprint != null) {
            fingerprint.line(line);
        }
        DssTokenizer tok = new DssTokenizer(line, variables);
        try {
            command(tok, where, dir);
        } finally {
            if (tok.unclosed() != null) {
                warnOnce("unclosed:" + where, where + ": no closing quote or bracket after " + tok.unclosed()
                        + ": the value runs to the end of the line (as in OpenDSS)");
            }
        }
    }

    private void command(DssTokenizer tok, String where, Path dir) {
        DssTokenizer.Param first = tok.next();
        if (first.name().isEmpty() && first.value().isEmpty() && !first.quoted()) {
            return;
        }
        if (!first.name().isEmpty()) {
            propertyAssignment(first, tok, where, dir);
            return;
        }
        int cmd = COMMANDS.find(first.value());
        if (cmd < 0) {
            throw new PacketGridException(where, "unknown command '" + shown(first.value()) + "'" + (binary(first.value())
                    ? " (binary data: an OpenDSS script is text)" : ""));
        }
        String c = COMMANDS.key(cmd);
        if (deferred != null && !KEEP_DEFERRED.contains(c) && !REPORTING.contains(c)) {
            settleDeferredSolve();
        }
        switch (c) {
            case "new" -> newObject(tok, where, dir);
            case "edit" -> editObject(tok, where, dir);
            case "more", "m", "~" -> {
                if (active == null) {
                    throw new PacketGridException(where, "'~' continues an object definition, but no object is active");
                }
                edit(active, tok, where, dir);
            }
            case "select" -> select(tok, where);
            case "solve" -> {
                // OpenDSS runs Solve as "Set <options>" followed by the solution (ExecCommands: DoSetCmd(1))
                set(tok, where, dir, "Solve");
                String proof = memo == null ? null : solveProof(where);
                if (proof != null && replaying && memo.solved(proof)) {
                    deferred = new DeferredSolve(where, circuit, circuit.edits);
                } else {
                    solve(where);
                    if (proof != null && !replaying) {
                        memo.addSolve(proof);
                    }
                }
            }
            case "enable", "disable" -> enable(tok, where, c.equals("enable"));
            case "reset" -> {
                for (Monitor m : circuit(where).monitors.values()) {
                    m.reset();
                }
            }
            case "compile", "redirect" -> {
                DssTokenizer.Param f = tok.next();
                if (f.value().isEmpty()) {
                    return;
                }
                Path target = DssPaths.resolve(dir, f.value(), where);
                if (!Files.exists(target) && !f.value().contains(".")) {
                    target = DssPaths.resolve(dir, f.value() + ".dss", where);
                }
                readFile(target, where, f.value());
            }
            case "set" -> set(tok, where, dir, "Set");
            case "open", "close" -> openClose(tok, where, c.equals("open"));
            case "//" -> { }
            case "sample" -> {
                Simulation sim = simulation(where);
                if (sim.solved()) {
                    sim.sampleMonitors();
                }
            }
            case "clear", "clearall" -> {
                // Executive.pas TExecutive.Clear: general objects are re-created only when a circuit existed
                boolean hadCircuit = circuit != null;
                circuit = null;
                active = null;
                busXy.clear();
                if (hadCircuit) {
                    startGeneralObjects();
                }
            }
            case "calcvoltagebases" -> calcVoltageBases(where);
            case "setkvbase" -> setKvBase(tok, where);
            case "var" -> defineVariables(tok, where);
            case "export" -> export(tok, where);
            case "show" -> show(tok, where);
            case "buscoords" -> busCoords(tok, where, dir);
            case "batchedit" -> batchEdit(tok, where, dir);
            case "cd", "datapath" -> throw new PacketGridException(where, "changing the data directory is not supported (paths are relative to each script)");
            default -> {
                if (REPORTING.contains(c)) {
                    warnOnce("cmd:" + c, where + ": command '" + COMMANDS.name(cmd) + "' only reports or plots; ignored");
                } else {
                    throw new PacketGridException(where, "command '" + COMMANDS.name(cmd) + "' changes the circuit or solution and is not implemented");
                }
            }
        }
    }

    private String[] classAndName(String spec, String where) {
        int dot = spec.indexOf('.');
        if (dot < 0) {
            if (active == null) {
                throw new PacketGridException(where, "expected Class.name, got '" + spec + "'");
            }
            return new String[] {active.className.toLowerCase(Locale.ROOT), spec.toLowerCase(Locale.ROOT)};
        }
        String cls = spec.substring(0, dot).toLowerCase(Locale.ROOT);
        String name = spec.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (cls.isEmpty() || name.isEmpty()) {
            throw new PacketGridException(where, "expected Class.name, got '" + spec + "'");
        }
        return new String[] {cls, name};
    }

    private DssTokenizer.Param objectParam(DssTokenizer tok, String where) {
        DssTokenizer.Param p = tok.next();
        if (!p.name().isEmpty() && !"object".startsWith(p.name().toLowerCase(Locale.ROOT))) {
            throw new PacketGridException(where, "object=Class.name expected first, got " + p.name() + "=" + p.value());
        }
        if (p.value().isEmpty()) {
            throw new PacketGridException(where, "object name missing");
        }
        return p;
    }

    private void newObject(DssTokenizer tok, String where, Path dir) {
        DssTokenizer.Param p = objectParam(tok, where);
        String[] cn = classAndName(p.value(), where);
        String cls = cn[0];
        String name = cn[1];
        if (cls.equals("circuit")) {
            circuit = new DssCircuit(name, defaultBaseFrequency, defaultEarthModel, general);
            circuit.fingerprint = fingerprint;
            VsourceDef src = new VsourceDef("source", where);
            circuit.of("vsource").put("source", src);
            circuit.elementOrder.add(src);
            circuit.source = src;
            active = src;
            edit(src, tok, where, dir);
            return;
        }
        DssCircuit c = scope(cls, where);
        String canonical = CLASS_NAMES.get(cls);
        if (canonical == null) {
            String written = p.value().contains(".") ? p.value().substring(0, p.value().indexOf('.')) : cn[0];
            throw new PacketGridException(where, "class '" + written + "' is not implemented (or unknown)");
        }
        ElementDef d = c.find(cls, name);
        if (d == null) {
            d = create(canonical, name, where, c);
            c.of(cls).put(name, d);
            if (d.isCircuitElement()) {
                c.elementOrder.add(d);
            }
            if (d.isControl()) {
                c.controlOrder.add(d);
            }
            if (d instanceof MonitorDef) {
                c.monitors.put(name, new Monitor(name, "", 1, 0, true, true));
            }
            if (d.affectsPowerFlow()) {
                c.markDirty();
            }
        }
        active = d;
        if (d instanceof MonitorDef) {
            c.activeMonitor = name;
        }
        edit(d, tok, where, dir);
        if (d instanceof MonitorDef md) {
            c.monitors.put(name, new Monitor(name, md.element, md.terminal, md.mode, md.viPolar, md.pPolar, md.residual));
        }
    }

    private ElementDef create(String cls, String name, String where, DssCircuit c) {
        return switch (cls) {
            case "Vsource" -> new VsourceDef(name, where);
            case "Line" -> new LineDef(name, where, c);
            case "LineCode" -> new LineCodeDef(name, where, c);
            case "Transformer" -> new TransformerDef(name, where, false);
            case "XfmrCode" -> new TransformerDef(name, where, true);
            case "RegControl" -> new RegControlDef(name, where);
            case "Capacitor" -> new CapacitorDef(name, where);
            case "Load" -> new LoadDef(name, where);
            case "LoadShape" -> new LoadShapeDef(name, where);
            case "Monitor" -> new MonitorDef(name, where);
            case "Generator" -> new GeneratorDef(name, where);
            case "PVSystem" -> new PvSystemDef(name, where);
            case "Storage" -> new StorageDef(name, where);
            case "InvControl" -> new InvControlDef(name, where);
            case "WireData" -> new WireDataDef(name, where);
            case "LineGeometry" -> new LineGeometryDef(name, where);
            case "LineSpacing" -> new LineSpacingDef(name, where);
            case "Fault" -> new FaultDef(name, where);
            case "Reactor" -> new ReactorDef(name, where);
            case "CapControl" -> new CapControlDef(name, where);
            case "CNData" -> new CableDataDef(name, where, true);
            case "TSData" -> new CableDataDef(name, where, false);
            case "XYcurve" -> new XyCurveDef(name, where);
            case "TCC_Curve" -> new TccCurveDef(name, where);
            case "TShape" -> new TShapeDef(name, where);
            case "Fuse", "Recloser", "Relay", "SwtControl" -> new SwitchDeviceDef(cls, name, where);
            case "EnergyMeter", "Sensor", "Spectrum", "PriceShape", "GrowthShape" -> new PassiveDef(cls, name, where);
            default -> throw new PacketGridException(where, "class '" + cls + "' is not implemented");
        };
    }

    private ElementDef existing(String[] cn, String where) {
        if (cn[0].equals("circuit")) {
            return circuit(where).source;
        }
        DssCircuit c = scope(cn[0], where);
        if (CLASS_NAMES.get(cn[0]) == null) {
            throw new PacketGridException(where, "class '" + cn[0] + "' is not implemented (or unknown)");
        }
        ElementDef d = c.find(cn[0], cn[1]);
        if (d == null) {
            throw new PacketGridException(where, CLASS_NAMES.get(cn[0]) + "." + cn[1] + " is not defined");
        }
        return d;
    }

    private void editObject(DssTokenizer tok, String where, Path dir) {
        DssTokenizer.Param p = objectParam(tok, where);
        ElementDef d = existing(classAndName(p.value(), where), where);
        if (d == null) {
            return;
        }
        active = d;
        edit(d, tok, where, dir);
        refreshMonitor(d);
    }

    private void refreshMonitor(ElementDef d) {
        if (d instanceof MonitorDef md) {
            Monitor old = circuit.monitors.get(md.name);
            Monitor m = new Monitor(md.name, md.element, md.terminal, md.mode, md.viPolar, md.pPolar, md.residual);
            circuit.monitors.put(md.name, old != null && old.samples() > 0 ? old : m);
        }
    }

    private void select(DssTokenizer tok, String where) {
        DssTokenizer.Param p = objectParam(tok, where);
        ElementDef d = existing(classAndName(p.value(), where), where);
        if (d != null) {
            active = d;
        }
    }

    private void propertyAssignment(DssTokenizer.Param first, DssTokenizer tok, String where, Path dir) {
        String name = first.name();
        int dot = name.lastIndexOf('.');
        ElementDef d;
        String prop;
        if (dot < 0) {
            d = active;
            prop = name;
            if (d == null) {
                throw new PacketGridException(where, "unknown command '" + shown(name + "=" + first.value()) + "'");
            }
        } else {
            String obj = name.substring(0, dot);
            prop = name.substring(dot + 1);
            d = existing(classAndName(obj, where), where);
            if (d == null) {
                return;
            }
        }
        active = d;
        DssTokenizer.Param p = new DssTokenizer.Param(prop, first.value(), first.quoted());
        d.lastProperty = -1;
        EditContext ctx = new EditContext(where, dir, scopeOf(d));
        apply(d, p, ctx);
        while (true) {
            DssTokenizer.Param q = tok.next();
            if (q.isEmpty() && q.name().isEmpty()) {
                break;
            }
            apply(d, q, ctx);
        }
        d.endEdit(ctx);
        changed(d);
        refreshMonitor(d);
    }

    private void edit(ElementDef d, DssTokenizer tok, String where, Path dir) {
        EditContext ctx = new EditContext(where, dir, scopeOf(d));
        d.lastProperty = -1;
        while (true) {
            DssTokenizer.Param p = tok.next();
            if (p.isEmpty() && p.name().isEmpty()) {
                break;
            }
            apply(d, p, ctx);
        }
        d.endEdit(ctx);
        changed(d);
    }

    /**
     * A definition changed: monitors only need re-binding; meters and protective devices nothing
     * (their own checks ran when the edit ended); anything else a rebuild, unless only properties
     * without effect on the power flow were given.
     */
    private void changed(ElementDef d) {
        if (circuit == null) {
            // a general object defined before the circuit: the circuit's first build reads it
        } else if (d instanceof MonitorDef) {
            circuit.monitorsChanged = true;
        } else if (d.affectsPowerFlow() && d.touched) {
            circuit.markDirty();
        }
        d.touched = false;
    }

    private void apply(ElementDef d, DssTokenizer.Param p, EditContext ctx) {
        if (deferred != null && d instanceof MonitorDef) {
            settleDeferredSolve();   // a monitor's action=take reads the solution
        }
        PropertyTable t = d.table();
        int idx;
        if (p.name().isEmpty()) {
            idx = d.lastProperty + 1;
            if (idx >= t.size()) {
                throw ctx.error(d.fullName() + ": too many positional values ('" + p.value() + "')");
            }
        } else {
            idx = t.find(p.name());
            if (idx < 0) {
                throw ctx.error("unknown property '" + p.name() + "' for " + d.fullName());
            }
        }
        d.lastProperty = idx;
        String key = t.key(idx);
        if (key.equals("like")) {
            like(d, p.value(), ctx);
            d.touched = true;
            return;
        }
        if (key.equals("enabled")) {
            d.enabled = ctx.bool(p, key);
            d.touched = true;
            return;
        }
        if (d.noEffect().contains(key)) {
            warnOnce(d.className + ":" + key, ctx.where() + ": property " + d.className + "." + t.name(idx)
                    + " has no effect on the power flow; ignored");
            return;
        }
        if (!d.set(key, p, ctx)) {
            throw ctx.error("property " + d.className + "." + t.name(idx) + " changes the power flow and is not implemented");
        }
        d.touched = true;
        d.history.add(new Object[] {idx, p});
    }

    private void like(ElementDef d, String other, EditContext ctx) {
        ElementDef src = ctx.circuit().find(d.className, other.contains(".") ? other.substring(other.indexOf('.') + 1) : other);
        if (src == null) {
            throw ctx.error(d.className + " '" + other + "' (like=) is not defined");
        }
        for (Object[] h : List.copyOf(src.history)) {
            int idx = (Integer) h[0];
            DssTokenizer.Param p = (DssTokenizer.Param) h[1];
            d.set(d.table().key(idx), p, ctx);
            d.history.add(h);
        }
        d.enabled = src.enabled;
    }

    private void enable(DssTokenizer tok, String where, boolean on) {
        DssTokenizer.Param p = objectParam(tok, where);
        ElementDef d = existing(classAndName(p.value(), where), where);
        if (d != null) {
            d.enabled = on;
            circuit.markDirty();
        }
    }

    private void openClose(DssTokenizer tok, String where, boolean open) {
        DssTokenizer.Param p = objectParam(tok, where);
        String[] cn = classAndName(p.value(), where);
        if (!cn[0].equals("line")) {
            throw new PacketGridException(where, "Open/Close is implemented for lines and switches only");
        }
        LineDef d = (LineDef) existing(cn, where);
        // OpenDSS ExecHelper.DoOpenCmd/DoCloseCmd: "Open class.name term cond" (positional or named); a missing
        // terminal parses as 0, which CktElement.Set_ActiveTerminal ignores, so the element's active terminal is
        // switched: terminal 1 unless something made another one active; conductor 0 is every phase conductor
        int term = openCloseNumber(tok.next(), where, "terminal");
        int cond = openCloseNumber(tok.next(), where, "conductor");
        if (term > 2) {
            throw new PacketGridException(where, p.value() + ": a line has terminals 1 and 2, not " + term);
        }
        if (cond != 0) {
            throw new PacketGridException(where, p.value() + ": opening or closing one conductor (" + cond
                    + ") is not implemented; give only the terminal to switch all its phase conductors");
        }
        if (term == 2) {
            d.open2 = open;
        } else {
            d.open1 = open;
        }
        circuit.markDirty();
    }

    /** A terminal or conductor number of Open/Close: empty is 0 (OpenDSS's Parser.IntValue of nothing). */
    private static int openCloseNumber(DssTokenizer.Param p, String where, String what) {
        String v = p.value().trim();
        if (v.isEmpty()) {
            return 0;
        }
        try {
            int n = (int) Math.round(Double.parseDouble(v));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new PacketGridException(where, "Open/Close: " + what + " must be a number >= 0, got '" + v + "'");
        }
    }

    // ---------------------------------------------------------------- options

    private void set(DssTokenizer tok, String where, Path dir, String command) {
        while (true) {
            DssTokenizer.Param p = tok.next();
            if (p.isEmpty() && p.name().isEmpty()) {
                break;
            }
            if (p.name().isEmpty()) {
                throw new PacketGridException(where, command + ": expected option=value, got '" + p.value() + "'");
            }
            int idx = OPTIONS.find(p.name());
            if (idx < 0) {
                throw new PacketGridException(where, "unknown option '" + p.name() + "' for " + command);
            }
            String key = OPTIONS.key(idx);
            EditContext ctx = new EditContext(where, dir, circuit);
            if (key.equals("defaultbasefrequency") || (key.equals("basefrequency") && circuit == null)) {
                defaultBaseFrequency = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
                continue;
            }
            if (key.equals("earthmodel")) {
                defaultEarthModel = DssCircuit.earthModel(p.value(), ctx);
                if (circuit != null) {
                    circuit.earthModel = defaultEarthModel;
                }
                continue;
            }
            if (OPTIONS_NO_EFFECT.contains(key)) {
                warnOnce("set:" + key, where + ": option " + OPTIONS.name(idx) + " has no effect on the power flow; ignored");
                continue;
            }
            DssCircuit c = circuit(where);
            switch (key) {
                case "hour" -> c.hour = ctx.count(p, key, 0, 1_000_000);
                case "sec" -> c.sec = ctx.dbl(p, key);
                case "time" -> {
                    double[] a = ctx.array(p, key);
                    if (a.length != 2) {
                        throw ctx.error("time: expected [hour sec]");
                    }
                    c.hour = (int) a[0];
                    c.sec = a[1];
                }
                case "year" -> {
                    int y = ctx.integer(p, key);
                    if (y > 1) {
                        throw ctx.error("multi-year growth is not implemented (year 0 or 1 only)");
                    }
                    c.year = y;
                }
                case "frequency", "basefrequency" -> {
                    if (ctx.dbl(p, key) != c.baseFrequency) {
                        throw ctx.error("solving at a frequency other than the base frequency (harmonics) is not implemented");
                    }
                }
                case "stepsize", "h" -> c.stepSec = stepSize(p.value(), ctx);
                case "mode" -> setMode(p.value(), ctx);
                case "number" -> c.number = ctx.count(p, key, 1, Integer.MAX_VALUE);
                case "tolerance" -> c.solverOptions = c.solverOptions.withTolerance(LineCodeDef.positive(ctx.dbl(p, key), key, ctx));
                case "maxiterations" -> c.solverOptions = c.solverOptions.withMaxIterations(ctx.count(p, key, 1, 100000));
                case "miniterations" -> c.solverOptions = c.solverOptions.withMinIterations(ctx.count(p, key, 1, 100000));
                case "maxcontroliter" -> c.maxControlIterations = ctx.count(p, key, 1, 100000);
                case "loadmult" -> {
                    c.loadMult = ctx.dbl(p, key);
                    c.markDirty();
                }
                case "genmult" -> {
                    c.markDirty();
                    genMult = ctx.dbl(p, key);
                }
                case "loadmodel" -> {
                    if (!p.value().toLowerCase(Locale.ROOT).startsWith("p")) {
                        throw ctx.error("loadmodel=admittance is not implemented (power flow only)");
                    }
                }
                case "algorithm" -> {
                    String a = p.value().toLowerCase(Locale.ROOT);
                    if (a.startsWith("n") && !a.startsWith("ne")) {
                        // normal
                    } else if (a.startsWith("ne")) {
                        warnOnce("newton", where + ": algorithm=newton solves with the same fixed-point iteration (identical converged results)");
                    } else {
                        throw ctx.error("algorithm: expected normal or newton");
                    }
                }
                case "controlmode" -> {
                    // ExecOptions: the mode given also becomes the default that Set mode= reverts to
                    String m = p.value().toLowerCase(Locale.ROOT);
                    if (m.startsWith("s")) {
                        c.controlsOn = true;
                        c.timedControls = false;
                    } else if (m.startsWith("t")) {
                        c.controlsOn = true;
                        c.timedControls = true;
                    } else if (m.startsWith("o")) {
                        c.controlsOn = false;
                    } else {
                        throw ctx.error("controlmode=" + p.value() + " is not implemented (static, time or off; event-driven and multirate are not)");
                    }
                    c.defaultControlsOn = c.controlsOn;
                    c.defaultTimedControls = c.timedControls;
                }
                case "loadshapeclass" -> {
                    String m = p.value().toLowerCase(Locale.ROOT);
                    if (m.startsWith("da")) {
                        c.timeShapeClass = SolveMode.ShapeClass.DAILY;
                    } else if (m.startsWith("y")) {
                        c.timeShapeClass = SolveMode.ShapeClass.YEARLY;
                    } else if (m.startsWith("du")) {
                        c.timeShapeClass = SolveMode.ShapeClass.DUTY;
                    } else if (m.startsWith("n")) {
                        c.timeShapeClass = SolveMode.ShapeClass.NONE;
                    } else {
                        throw ctx.error("LoadShapeClass: expected daily, yearly, duty or none, got '" + p.value() + "'");
                    }
                }
                case "voltagebases" -> {
                    double[] b = ctx.array(p, key);
                    for (double v : b) {
                        if (v == 0) {
                            break; // ends the list, as OpenDSS reads it (nearestBase stops there)
                        }
                        if (!(v > 0) || Double.isInfinite(v)) { // a negative base gave 0 pu, silently
                            throw ctx.error("voltagebases: " + v + " is not a voltage base (kV line to line, > 0)");
                        }
                    }
                    c.voltageBases = b;
                }
                case "datapath" -> throw ctx.error("changing the data path is not supported (paths are relative to each script)");
                case "allocationfactors", "cfactors" -> {
                    // ExecHelper.DoSetAllocationFactors / DoSetCFactors: every load of the circuit gets the factor
                    // (and with it the connected-kVA or kWh spec), sized at once
                    double x = ctx.dbl(p, key);
                    if (!(x > 0)) {
                        throw ctx.error(OPTIONS.name(idx) + " must be greater than zero, got " + p.value());
                    }
                    for (ElementDef d : c.of("load").values()) {
                        if (key.equals("allocationfactors")) {
                            ((LoadDef) d).setKvaAllocationFactor(x);
                        } else {
                            ((LoadDef) d).setCFactor(x);
                        }
                    }
                    c.markDirty();
                }
                case "cktmodel" -> {
                    if (!p.value().toLowerCase(Locale.ROOT).startsWith("m")) {
                        throw ctx.error("positive-sequence circuit model is not implemented");
                    }
                }
                default -> throw ctx.error("option " + OPTIONS.name(idx) + " is not implemented");
            }
        }
        if (circuit != null && circuit.simulation != null && !circuit.dirty) {
            applyOptions(circuit.simulation);
        }
    }

    private double genMult = 1.0;

    private double stepSize(String v, EditContext ctx) {
        String s = v.trim();
        Double d = DssValues.parseNumber(s);
        if (d != null) {
            return LineCodeDef.positive(d, "stepsize", ctx);
        }
        if (s.length() < 2) {
            throw ctx.error("stepsize: expected a number with unit h, m or s, got '" + v + "'");
        }
        char u = Character.toLowerCase(s.charAt(s.length() - 1));
        Double n = DssValues.parseNumber(s.substring(0, s.length() - 1));
        if (n == null) {
            throw ctx.error("stepsize: expected a number with unit h, m or s, got '" + v + "'");
        }
        double f = switch (u) {
            case 'h' -> 3600.0;
            case 'm' -> 60.0;
            case 's' -> 1.0;
            default -> throw ctx.error("stepsize: units can only be h, m or s, got '" + v + "'");
        };
        return LineCodeDef.positive(n * f, "stepsize", ctx);
    }

    /** OpenDSS's solution mode names in its order (DSSClass.pas SolveModeEnum); null: not implemented here. */
    private static final String[] MODE_NAMES = {"Snap", "Daily", "Yearly", "M1", "LD1", "PeakDay", "DutyCycle", "Direct", "MF",
        "FaultStudy", "M2", "M3", "LD2", "AutoAdd", "Dynamic", "Harmonic", "Time", "HarmonicT", "Snapshot", "Dynamics", "Harmonics",
        "S", "Y", "H", "T", "F"};
    private static final SolveMode[] MODES = {SolveMode.SNAPSHOT, SolveMode.DAILY, SolveMode.YEARLY, null, null, SolveMode.PEAKDAY,
        SolveMode.DUTY, null, null, null, null, null, null, null, null, null, SolveMode.TIME, null, SolveMode.SNAPSHOT, null, null,
        SolveMode.SNAPSHOT, SolveMode.YEARLY, null, SolveMode.TIME, null};

    /** The mode named (exactly, else by the first name it abbreviates, as OpenDSS's enum lookup); -1 if none. */
    static int modeIndex(String v) {
        String m = v.trim();
        for (int i = 0; i < MODE_NAMES.length; i++) {
            if (MODE_NAMES[i].equalsIgnoreCase(m)) {
                return i;
            }
        }
        if (m.length() >= 2) {
            String low = m.toLowerCase(Locale.ROOT);
            for (int i = 0; i < MODE_NAMES.length; i++) {
                if (MODE_NAMES[i].toLowerCase(Locale.ROOT).startsWith(low)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** {@code Set mode=}: OpenDSS Solution.pas Set_Mode (time to 0, the mode's defaults, controls reset). */
    private void setMode(String v, EditContext ctx) {
        DssCircuit c = circuit;
        int idx = modeIndex(v);
        if (idx < 0) {
            throw ctx.error("unknown solution mode '" + v + "'");
        }
        SolveMode mode = MODES[idx];
        if (mode == null) {
            throw ctx.error("solution mode '" + MODE_NAMES[idx] + "' is not implemented (snapshot, daily, yearly, duty, peakday, time)");
        }
        c.mode = mode;
        c.controlsOn = c.defaultControlsOn;
        c.timedControls = c.defaultTimedControls;
        switch (mode) {
            case SNAPSHOT -> c.number = 1;
            case DAILY, PEAKDAY -> {
                c.stepSec = 3600;
                c.number = 24;
            }
            case YEARLY -> {
                c.stepSec = 3600;
                c.number = 8760;
            }
            case DUTY -> {
                c.stepSec = 1.0;
                c.controlsOn = true;
                c.timedControls = true;
            }
            case TIME -> {
                c.stepSec = 3600;
                c.number = 1;
            }
        }
        c.hour = 0;
        c.sec = 0;
        for (Monitor mon : c.monitors.values()) {
            mon.reset();
        }
        if (c.simulation != null) {
            c.simulation.setMode(c.mode);
        }
    }

    // ---------------------------------------------------------------- solving

    private CircuitBuilder builder;

    /** The simulation for the present definitions (built or rebuilt as needed). */
    public Simulation simulation() {
        settleDeferredSolve();
        return simulation("solve");
    }

    /**
     * The fingerprint of a snapshot Solve that cannot write anything back into the definitions (no enabled control,
     * storage or protective device; OpenDSS's Solve moves taps and capacitor steps through controls, storage energy,
     * and opens protective devices) and whose circuit, once built, keeps the run's time; else null.
     */
    private String solveProof(String where) {
        DssCircuit c = circuit(where);
        if (c.mode != SolveMode.SNAPSHOT || !leavesDefinitions(c)) {
            return null;
        }
        return fingerprint.now();
    }

    /**
     * Whether building and solving this circuit now changes nothing a later build starts from: no enabled control,
     * storage or protective device (their write-backs and warnings), and a built circuit, if any, at the run's own time
     * (a build takes the previous circuit's time).
     */
    private static boolean leavesDefinitions(DssCircuit c) {
        for (ElementDef d : c.controlOrder) {
            if (d.enabled) {
                return false;
            }
        }
        for (String cls : List.of("storage", "fuse", "recloser", "relay", "swtcontrol")) {
            for (ElementDef d : c.of(cls).values()) {
                if (d.enabled) {
                    return false;
                }
            }
        }
        return c.simulation == null || (c.simulation.hour() == c.hour && c.simulation.secondsInHour() == c.sec);
    }

    /** Runs the deferred Solve now, unless an edit since, or another circuit, has made its solution moot. */
    private void settleDeferredSolve() {
        DeferredSolve d = deferred;
        if (d == null) {
            return;
        }
        deferred = null;
        if (circuit == d.circuit() && circuit.edits == d.edits()) {
            solve(d.where());
        }
    }

    private Simulation simulation(String where) {
        DssCircuit c = circuit(where);
        if (c.simulation == null || c.dirty) {
            int hour = c.simulation != null ? c.simulation.hour() : c.hour;
            double sec = c.simulation != null ? c.simulation.secondsInHour() : c.sec;
            builder = new CircuitBuilder(c);
            Simulation sim = builder.build();
            for (String w : builder.warnings()) {
                warnOnce(w, w);
            }
            c.simulation = sim;
            c.dirty = false;
            // the rebuilt circuit continues the run: Set mode='s resets (monitors' samples) are not repeated
            sim.adoptMode(c.mode);
            sim.setTime(hour, sec);
            applyOptions(sim);
            c.hour = hour;
            c.sec = sec;
            c.monitorsChanged = false;
        } else if (c.monitorsChanged) {
            builder.bindMonitors(c.simulation);
            c.monitorsChanged = false;
        }
        return c.simulation;
    }

    private void applyOptions(Simulation sim) {
        DssCircuit c = circuit;
        sim.solver().setOptions(c.solverOptions);
        if (sim.mode() != c.mode) {
            sim.setMode(c.mode);
        }
        sim.setStepSec(c.stepSec);
        sim.setLoadMult(c.loadMult);
        sim.setGenMult(genMult);
        sim.setControlsOn(c.controlsOn);
        sim.setTimedControls(c.timedControls);
        sim.setMaxControlIterations(c.maxControlIterations);
        sim.setTimeShapeClass(c.timeShapeClass);
        sim.setFrequencyAndYear(c.baseFrequency, c.year);
    }

    private void solve(String where) {
        DssCircuit c = circuit(where);
        Simulation sim;
        try {
            sim = simulation(where);
        } catch (PacketGridException e) {
            throw e.location().startsWith(where) ? e : e.within(where);
        }
        applyOptions(sim);
        try {
            if (c.mode == SolveMode.SNAPSHOT) {
                sim.setTime(c.hour, c.sec);
                sim.solveSnapshot();
                totalIterations += sim.lastIterations();
                totalSolutions++;
            } else {
                if (c.number > maxSteps) {
                    throw new PacketGridException(where, "time series of " + c.number + " steps exceeds the limit of " + maxSteps);
                }
                // the time series continues from the present time (Set hour/sec/time change it), peak day from hour 0
                if (c.mode == SolveMode.PEAKDAY) {
                    sim.setTime(0, 0.0);
                } else {
                    sim.setTime(c.hour, c.sec);
                }
                runner.run(sim, c.number);
                c.hour = sim.hour();
                c.sec = sim.secondsInHour();
            }
            checkProtectiveDevices(sim);
        } catch (PacketGridException e) {
            throw e.within(where);
        } finally {
            writeBackTaps(sim);
        }
    }

    /**
     * Taps and capacitor steps moved by controls are kept in the definitions, as OpenDSS keeps them
     * in the objects (a later rebuild starts from them).
     */
    private void writeBackTaps(Simulation sim) {
        builder.writeBackCapacitors();
        builder.writeBackStorage();
        for (var r : sim.regulators()) {
            Transformer t = r.transformer();
            TransformerDef d = builder.transformerDef(t.name().substring(t.name().indexOf('.') + 1));
            if (d != null) {
                for (int w = 0; w < Math.min(d.w.length, t.windingCount()); w++) {
                    d.w[w].tap = t.tap(w);
                }
            }
        }
    }

    /** A token as an error message quotes it: at most 40 characters (control characters are escaped when printed). */
    private static String shown(String token) {
        return token.length() <= 40 ? token : token.substring(0, 40) + "…";
    }

    /** Whether a token holds bytes no text has (NUL and other control characters but tab, form feed). */
    private static boolean binary(String token) {
        return token.chars().anyMatch(ch -> (ch < 0x20 && ch != '\t' && ch != '\f') || ch == 0x7f || ch == 0xFFFD);
    }

    private void calcVoltageBases(String where) {
        DssCircuit c = circuit(where);
        String proof = memo != null && (c.simulation == null || c.dirty) && leavesDefinitions(c) ? fingerprint.now() : null;
        if (proof != null && replaying) {
            List<ScriptMemo.Base> known = memo.bases(proof);
            if (known != null) {
                // the same network as the first run's here: its bases, set where the coming build reads them
                for (ScriptMemo.Base b : known) {
                    c.busKvBase.put(b.bus(), b.kvLn());
                }
                return;
            }
        }
        List<ScriptMemo.Base> computed = proof == null ? null : new ArrayList<>();
        Simulation sim = simulation(where);
        Network net = sim.network();
        double[] re = new double[net.nodeCount()];
        double[] im = new double[net.nodeCount()];
        // loads and shunt elements do not take part in the zero-load solution
        PowerFlowSolver.zeroLoadVoltages(net, re, im);
        for (int b = 0; b < net.busCount(); b++) {
            int[] idx = net.busNodes(b);
            if (idx.length == 0) {
                continue;
            }
            int node = net.node(net.busName(b), idx[0]);
            double kvLL = Math.hypot(re[node], im[node]) * 0.001732;
            double base = c.nearestBase(kvLL) / Math.sqrt(3.0);
            c.busKvBase.put(net.busName(b), base);
            net.setBusKvBase(b, base);
            if (computed != null) {
                computed.add(new ScriptMemo.Base(net.busName(b), base));
            }
        }
        sim.solver().invalidate();
        if (computed != null && !replaying) {
            memo.addBases(proof, computed);
        }
    }

    private void setKvBase(DssTokenizer tok, String where) {
        DssCircuit c = circuit(where);
        String bus = null;
        Double kv = null;
        EditContext ctx = new EditContext(where, Path.of("."), c);
        while (true) {
            DssTokenizer.Param p = tok.next();
            if (p.isEmpty() && p.name().isEmpty()) {
                break;
            }
            String n = p.name().toLowerCase(Locale.ROOT);
            if (n.isEmpty() ? bus == null : "bus".startsWith(n)) {
                bus = p.value().toLowerCase(Locale.ROOT);
            } else if (n.startsWith("kvll")) {
                kv = ctx.dbl(p, "kVLL") / Math.sqrt(3.0);
            } else if (n.startsWith("kvln") || n.isEmpty()) {
                kv = ctx.dbl(p, "kVLN");
            } else {
                throw ctx.error("SetkVBase: unknown parameter '" + p.name() + "'");
            }
        }
        if (bus == null || kv == null) {
            throw ctx.error("SetkVBase needs bus= and kVLL= (or kVLN=)");
        }
        c.busKvBase.put(bus, kv);
        c.markDirty();
    }

    private void batchEdit(DssTokenizer tok, String where, Path dir) {
        DssTokenizer.Param p = objectParam(tok, where);
        String spec = p.value();
        int dot = spec.indexOf('.');
        if (dot < 0) {
            throw new PacketGridException(where, "BatchEdit: expected Class.pattern, got '" + spec + "'");
        }
        String cls = spec.substring(0, dot).toLowerCase(Locale.ROOT);
        String pattern = spec.substring(dot + 1);
        if (CLASS_NAMES.get(cls) == null) {
            throw new PacketGridException(where, "BatchEdit: class '" + spec.substring(0, dot) + "' is not implemented (or unknown)");
        }
        Pattern re;
        try {
            re = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new PacketGridException(where, "BatchEdit: invalid pattern '" + pattern + "'");
        }
        DssCircuit c = scope(cls, where);
        int start = tok.position();
        for (ElementDef d : List.copyOf(c.of(cls).values())) {
            if (re.matcher(d.name).find()) {
                tok.position(start);
                edit(d, tok, where, dir);
                refreshMonitor(d);
            }
        }
    }

    /** Reads the coordinate file (relative to the including script) now, as OpenDSS does; later files override. */
    private void busCoords(DssTokenizer tok, String where, Path dir) {
        DssTokenizer.Param p = tok.next();
        if (p.value().isEmpty()) {
            throw new PacketGridException(where, "BusCoords needs a file name");
        }
        Path file = DssPaths.resolve(dir, p.value(), where);
        if (!Files.isRegularFile(file)) {
            warnOnce("buscoords:" + p.value(), where + ": bus coordinate file " + p.value() + " not found; ignored (coordinates do not affect the power flow)");
            return;
        }
        busXy.putAll(BusCoordsFile.read(file, display(file)));
    }

    /** Bus coordinates {x, y} read by {@code BusCoords} commands (lower-case bus name, file order); buses of any circuit. */
    public Map<String, double[]> busCoordinates() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(busXy));
    }

    /** The bus coordinates read so far, read-only and without a copy (they change only if more commands run). */
    public Map<String, double[]> busCoordinatesView() {
        return java.util.Collections.unmodifiableMap(busXy);
    }

    /**
     * {@code var @name=value ...} defines script variables (ExecHelper.pas DoVarCmd, ParserDel.pas TParserVar):
     * names start with {@code @} and are read without regard to case; they belong to the session (kept across
     * Clear); a value that itself holds a variable is kept braced, as OpenDSS encloses it. {@code var} alone or
     * {@code var @name} only report: ignored with a warning.
     */
    private void defineVariables(DssTokenizer tok, String where) {
        tok.keepQuotedItems();
        for (DssTokenizer.Param p = tok.next(); !p.isEmpty() || !p.name().isEmpty(); p = tok.next()) {
            if (p.name().isEmpty()) {
                warnOnce("cmd:var", where + ": var without a value only reports; ignored");
                return;
            }
            if (p.name().charAt(0) != '@') {
                throw new PacketGridException(where, "var: illegal variable name '" + p.name() + "': it must begin with @");
            }
            String value = p.value().indexOf('@') >= 0 ? "{" + p.value() + "}" : p.value();
            variables.put(p.name().toLowerCase(Locale.ROOT), value);
        }
    }

    /**
     * {@code Show Voltages [LN|LL] [Seq|Nodes]} writes OpenDSS's report ({@link VoltageReport}) to
     * {@code <circuit>_VLN_Node.Txt} (OpenDSS's name; ShowOptions.pas) in the output folder, from the present
     * solution; its options are read by position as OpenDSS does. The other Show reports, and the element
     * form, are ignored with one warning each.
     */
    private void show(DssTokenizer tok, String where) {
        String what = tok.next().value().toLowerCase(Locale.ROOT);
        if (what.isEmpty() || !"voltages".startsWith(what)) {
            warnOnce("cmd:show", where + ": command 'Show' only reports or plots; ignored (only Show Voltages is written)");
            return;
        }
        String first = tok.next().value();
        String second = tok.next().value();
        boolean ll = first.equalsIgnoreCase("LL");
        String suffix = VoltageReport.fileSuffix(ll, second);
        if (suffix.endsWith("_elem")) {
            warnOnce("show:elem", where + ": Show Voltages Elements is not written (only the Seq and Nodes forms); ignored");
            return;
        }
        VoltageReport.Form form = suffix.endsWith("_Node") ? (ll ? VoltageReport.Form.NODES_LL : VoltageReport.Form.NODES)
                : VoltageReport.Form.SEQUENCE;
        PowerFlowSolver solver = solvedForReport("Show Voltages", where);
        if (solver == null) {
            return;
        }
        double[][] v = nodeVoltages(solver);
        writeReport(outDir.resolve(circuit.name + "_" + suffix + ".Txt"), VoltageReport.write(solver.network(), v[0], v[1], form, ll));
    }

    /**
     * {@code Export Voltages [file]}: OpenDSS's CSV ({@link VoltageReport#csv}) of the present solution, named
     * {@code <circuit>_EXP_VOLTAGES.CSV} as OpenDSS names it, or the file name given (its name only: exports
     * go to the output folder, never beside the script).
     */
    private void exportVoltages(String fileName, String where) {
        PowerFlowSolver solver = solvedForReport("Export Voltages", where);
        if (solver == null) {
            return;
        }
        double[][] v = nodeVoltages(solver);
        String name = fileName.isEmpty() ? circuit.name + "_EXP_VOLTAGES.CSV" : Path.of(fileName.replace('\\', '/')).getFileName().toString();
        writeReport(outDir.resolve(name), VoltageReport.csv(solver.network(), v[0], v[1]));
    }

    /** The solved circuit's solver, or null (with one warning) when nothing has been solved yet. */
    /**
     * The solution a Show or Export report is written from, with a deferred Solve settled first; null, after a
     * warning, where there is nothing to write (no output folder, no circuit, not solved yet).
     */
    private PowerFlowSolver solvedForReport(String what, String where) {
        if (outDir == null || circuit == null) {
            warnOnce("report:skip:" + what, where + ": " + what + " skipped ("
                    + (outDir == null ? "no output folder given" : "no circuit yet") + ")");
            return null;
        }
        if (deferred != null) {
            settleDeferredSolve();
        }
        Simulation sim = simulation(where);
        if (!sim.solved()) {
            warnOnce("report:unsolved:" + what, where + ": " + what + " before the circuit was solved; skipped");
            return null;
        }
        return sim.solver();
    }

    /** Every node's voltage of the solution, real parts then imaginary parts, in the network's node order. */
    private static double[][] nodeVoltages(PowerFlowSolver solver) {
        int n = solver.network().nodeCount();
        double[][] v = new double[2][n];
        solver.voltages(v[0], v[1]);
        return v;
    }

    private void writeReport(Path file, String text) {
        try {
            Files.createDirectories(outDir);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write: " + e.getMessage());
        }
        exported.add(file);
    }

    private void export(DssTokenizer tok, String where) {
        DssTokenizer.Param p = tok.next();
        String what = p.value().toLowerCase(Locale.ROOT);
        if (!what.isEmpty() && "voltages".startsWith(what)) {
            exportVoltages(tok.next().value(), where);
            return;
        }
        if (!"monitors".startsWith(what) || what.length() < 3) {
            warnOnce("export:" + what, where + ": Export " + p.value() + " is not supported (only Export monitors and voltages); ignored");
            return;
        }
        DssCircuit c = circuit(where);
        DssTokenizer.Param n = tok.next();
        String name = n.value().isEmpty() ? c.activeMonitor : n.value().toLowerCase(Locale.ROOT);
        if (name == null) {
            throw new PacketGridException(where, "Export monitors: no monitor defined");
        }
        if (name.startsWith("monitor.")) {
            name = name.substring("monitor.".length());
        }
        Monitor m = c.monitors.get(name);
        if (m == null) {
            throw new PacketGridException(where, "Export monitors: Monitor." + name + " is not defined");
        }
        if (outDir == null) {
            warnOnce("export:noout", where + ": no output folder given; Export monitors skipped");
            return;
        }
        if (c.simulation == null || c.dirty) {
            simulation(where);
        }
        Path file = outDir.resolve(name.toLowerCase(Locale.ROOT) + ".csv");
        try {
            Files.createDirectories(outDir);
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                m.write(w);
            }
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write monitor export: " + e.getMessage());
        }
        exported.add(file);
    }

    /**
     * The enabled fuses of the script (OpenDSS Fuse: monitored and switched terminals, rated current,
     * melting curve, delay), for the protection package.
     */
    public List<io.packetgrid.grid.protection.FuseSettings> fuses() {
        List<io.packetgrid.grid.protection.FuseSettings> out = new ArrayList<>();
        if (circuit == null) {
            return out;
        }
        for (ElementDef d : circuit.of("fuse").values()) {
            SwitchDeviceDef f = (SwitchDeviceDef) d;
            if (!f.enabled || f.fuseCurve == null) {
                continue;
            }
            TccCurveDef c = (TccCurveDef) circuit.find("tcc_curve", f.fuseCurve);
            out.add(new io.packetgrid.grid.protection.FuseSettings(f.fullName(), f.monitored, f.monitoredTerm, f.switched,
                    f.switchedTerm, f.ratedCurrent, c.toCurve(), f.delayS));
        }
        return out;
    }

    /**
     * After a solution: a fuse, recloser or relay whose phase current is above its pickup would start
     * to operate in OpenDSS (its Sample queues an opening); its operation is not simulated here, so
     * say so once per device.
     */
    private void checkProtectiveDevices(Simulation sim) {
        for (String cls : List.of("fuse", "recloser", "relay")) {
            for (ElementDef d : circuit.of(cls).values()) {
                SwitchDeviceDef dev = (SwitchDeviceDef) d;
                double pickup = dev.pickupAmps(circuit);
                if (!dev.enabled || !Double.isFinite(pickup) || dev.monitored == null) {
                    continue;
                }
                CircuitElement e = builder.element(dev.monitored);
                if (e == null) {
                    continue;
                }
                double[][] f = io.packetgrid.grid.result.ElementFlows.solve(sim.solver(), e);
                int nc = e.connection().conductors();
                int off = (dev.monitoredTerm - 1) * nc;
                double max = 0;
                for (int c = 0; c < e.phases(); c++) {
                    max = Math.max(max, Math.hypot(f[2][off + c], f[3][off + c]));
                }
                if (max > pickup) {
                    warnOnce("pickup:" + dev.fullName(), dev.definedAt + ": " + dev.fullName() + " carries "
                            + String.format(Locale.ROOT, "%.1f A, above its pickup of %.1f A", max, pickup)
                            + ": OpenDSS would operate it during the solution; protective operation is not simulated here");
                }
            }
        }
    }

    /** True once a circuit exists. */
    public boolean hasCircuit() {
        return circuit != null;
    }

    /** The definition of an element ("Class.name") as edited so far, or null (for tests of edit rules). */
    ElementDef definition(String fullName) {
        return circuit == null ? null : circuit.find(fullName);
    }

    /** The name of the circuit ({@code New Circuit.name}). */
    public String circuitName() {
        return circuit == null ? null : circuit.name;
    }

    /** Names of all monitors. */
    public List<String> monitorNames() {
        return circuit == null ? List.of() : List.copyOf(circuit.monitors.keySet());
    }

    /** A monitor by name (lower case), or null. */
    public Monitor monitor(String name) {
        return circuit == null ? null : circuit.monitors.get(name.toLowerCase(Locale.ROOT));
    }

    /** The present solution mode. */
    public SolveMode mode() {
        return circuit == null ? SolveMode.SNAPSHOT : circuit.mode;
    }
}
