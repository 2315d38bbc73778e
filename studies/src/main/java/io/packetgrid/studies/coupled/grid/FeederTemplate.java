package io.packetgrid.studies.coupled.grid;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.api.ElementInfo;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.feeders.BundledFeeders;
import io.packetgrid.grid.mvlv.MvLvStructure;
import io.packetgrid.grid.series.LoadDriver;
import io.packetgrid.grid.series.SolveMode;
import io.packetgrid.studies.coupled.scenario.FeederSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A feeder script read once: what every copy and variant shares. Its loads (name, bus, phase), the
 * base-load table (each load's own shape sampled at every grid step, kW and kvar, read from the
 * script's load shapes through grid-model's {@link LoadDriver}), the bus coordinates and the line
 * segments (for the map and the radio positions). Copies are solved on their own {@link Feeder}
 * objects ({@link #newFeeder()}).
 */
public final class FeederTemplate {

    /** One load of the script. */
    public record LoadInfo(int index, String name, String bus, int phase) {
    }

    private final Path script;
    private final String commands;
    private final String label;
    private final List<LoadInfo> loads;
    private final Map<String, LoadInfo> byName;
    private final Map<String, double[]> busXy;
    private final List<String[]> segments;
    private final String sourceBus;
    private final double[][] baseKw;      // [grid step][load]: a step reads every load's, one row
    private final double[][] baseKvar;
    private final double[] nominalV;
    private final MvNetwork mv;
    private final Map<String, String> transformerBus;
    private final Feeder feeder;

    private FeederTemplate(Path script, String commands, String label, Feeder f, Map<String, double[]> coords,
                           double startHour, long gridStepNs, int steps, MvNetwork mv) {
        this.script = script;
        this.commands = commands;
        this.mv = mv;
        this.label = label;
        List<LoadInfo> ls = new ArrayList<>();
        Map<String, LoadInfo> by = new LinkedHashMap<>();
        List<LoadDriver> drivers = f.simulation().loads();
        List<ElementInfo> loadElements = f.loadElements();
        this.baseKw = new double[steps][drivers.size()];
        this.baseKvar = new double[steps][drivers.size()];
        this.nominalV = new double[drivers.size()];
        f.setMode(SolveMode.YEARLY);
        for (int i = 0; i < drivers.size(); i++) {
            LoadDriver d = drivers.get(i);
            ElementInfo l = loadElements.get(i);
            String full = l.name();
            String name = full.substring(full.indexOf('.') + 1).toLowerCase(Locale.ROOT);
            LoadInfo info = new LoadInfo(ls.size(), name, l.buses().get(0), l.phases() == 1 ? l.firstPhase() : 0);
            nominalV[info.index()] = f.loadNominalV(name);
            for (int k = 0; k < steps; k++) {
                double hour = startHour + k * (gridStepNs / 3.6e12);
                double[] pq = d.scheduled(SolveMode.YEARLY, hour, f.simulation().loadMult());
                baseKw[k][info.index()] = pq[0];
                baseKvar[k][info.index()] = pq[1];
            }
            ls.add(info);
            by.put(name, info);
        }
        this.loads = List.copyOf(ls);
        this.byName = by;
        List<String[]> segs = new ArrayList<>();
        Map<String, String> tb = new HashMap<>();
        for (ElementInfo e : f.deliveryElements()) {
            if (e.className().equals("Line") && e.terminals() == 2) {
                segs.add(new String[] {e.buses().get(0), e.buses().get(1)});
            } else if (e.className().equals("Transformer")) {
                tb.put(e.name().toLowerCase(Locale.ROOT), e.buses().get(0).toLowerCase(Locale.ROOT));
            }
        }
        this.segments = List.copyOf(segs);
        this.transformerBus = tb;
        List<ElementInfo> sources = f.sourceElements();
        this.sourceBus = sources.isEmpty() ? null : sources.get(0).buses().get(0);
        this.feeder = f;
        this.busXy = coords;
    }

    /**
     * Reads the feeder of a scenario.
     *
     * @param where      the scenario field for error messages ({@code scenario.yaml: feeder})
     * @param scenarioDir folder against which a relative script path resolves (null: the working directory)
     */
    public static FeederTemplate load(FeederSpec spec, Path scenarioDir, String where, double startHour, long gridStepNs,
                                      int steps) {
        Path script = resolve(spec.script(), scenarioDir, where + ".script");
        String commands = String.join("\n", spec.commands()) + "\n";
        Feeder f;
        try {
            f = Feeder.loadFirst(script, commands);
        } catch (PacketGridException e) {
            throw e.within(where + ".script");
        }
        if (f.loadNames().isEmpty()) {
            throw new PacketGridException(where + ".script", "the feeder has no loads to map households to");
        }
        MvNetwork mv = null;
        if (spec.mv() != null) {
            MvLvStructure structure = MvLvStructure.of(f, spec.mv().substation(), where + ".mv.substation");
            String zoneBus = zoneSecondary(f, structure.substation());
            double mvKvLn = f.nodes().busKvBase(f.nodes().bus(zoneBus));
            String oltc = MvNetwork.oltc(spec.mv(), structure.substation(), mvKvLn);
            if (!oltc.isEmpty()) {
                commands = commands + oltc;           // every copy the study parses gets the tap changer
                try {
                    f.runCommands(oltc, where + ".mv.oltc");
                } catch (PacketGridException e) {
                    throw e.within(where + ".mv.oltc");
                }
            }
            mv = new MvNetwork(structure, spec.mv(), oltc);
        }
        Map<String, double[]> coords = spec.busCoords() != null ? readCoords(script, spec.busCoords(), where + ".bus_coords")
                : scriptCoords(f);
        String label = spec.script().startsWith(FeederSpec.BUILTIN) ? spec.script() : script.getFileName().toString();
        f.dropScript();   // the template runs no more commands: its definitions and parser state go (copies parse anew)
        return new FeederTemplate(script, commands, label, f, coords, startHour, gridStepNs, steps, mv);
    }

    /** The zone transformer's second bus (lower case). */
    private static String zoneSecondary(Feeder f, String transformer) {
        for (ElementInfo d : f.deliveryElements()) {
            if (d.name().equalsIgnoreCase(transformer)) {
                return d.buses().get(1).toLowerCase(Locale.ROOT);
            }
        }
        throw new IllegalStateException("zone transformer " + transformer + " vanished");
    }

    /** Coordinates of a transformer's first (primary) bus, or null ({@code Transformer.x}, any case). */
    public double[] transformerXy(String transformer) {
        String bus = transformerBus.get(transformer.toLowerCase(Locale.ROOT));
        return bus == null ? null : xy(bus);
    }

    /** The MV network (null for an LV feeder study). */
    public MvNetwork mv() {
        return mv;
    }

    static Path resolve(String script, Path scenarioDir, String where) {
        if (BundledFeeders.isBuiltin(script)) {
            return BundledFeeders.resolve(script, where);
        }
        Path p = scenarioDir == null ? Path.of(script) : scenarioDir.resolve(script);
        if (!Files.isRegularFile(p)) {
            throw new PacketGridException(where, "no such file '" + script + "' (looked for " + p.toAbsolutePath().normalize() + ")");
        }
        return p;
    }

    /** Bus coordinates from the script's {@code BusCoords} files, as grid-model reads them. */
    static Map<String, double[]> scriptCoords(Feeder f) {
        Map<String, double[]> out = new HashMap<>();
        f.busCoordinates().forEach((bus, xy) -> out.put(bus, new double[] {xy.x(), xy.y()}));
        return out;
    }

    /** Bus coordinates (x, y in metres) from a file beside the script (OpenDSS format: bus, x, y). */
    static Map<String, double[]> readCoords(Path script, String given, String where) {
        Path file = script.toAbsolutePath().getParent().resolve(given);
        if (!Files.isRegularFile(file)) {
            throw new PacketGridException(where, "no such file '" + given + "' beside the script");
        }
        Map<String, double[]> out = new HashMap<>();
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("!") || t.startsWith("//")) {
                    continue;
                }
                String[] f = t.split("[\\s,]+");
                if (f.length < 3) {
                    throw new PacketGridException(file.getFileName() + ":" + lineNo, "expected 'bus x y'");
                }
                try {
                    out.put(f[0].toLowerCase(Locale.ROOT), new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
                } catch (NumberFormatException e) {
                    throw new PacketGridException(file.getFileName() + ":" + lineNo, "coordinates must be numbers, got '" + t + "'");
                }
            }
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot read: " + e.getMessage());
        }
        return out;
    }

    /**
     * A fresh solvable copy of the feeder (parsed anew: copies share nothing mutable), the same feeder a plain parse
     * gives: the voltage bases come from the template's parse and the script's final Solve, whose solution the copy's
     * rebuild would discard, is left out ({@link Feeder#loadCopy}).
     */
    public Feeder newFeeder() {
        Feeder f = Feeder.loadCopy(script, commands, feeder);
        f.setMode(SolveMode.SNAPSHOT);
        return f;
    }

    public String label() {
        return label;
    }

    public List<LoadInfo> loads() {
        return loads;
    }

    /** The load of this name (case-insensitive, with or without {@code Load.}), or null. */
    public LoadInfo load(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("load.")) {
            n = n.substring(5);
        }
        return byName.get(n);
    }

    /** Base load of a load at grid step k, kW. */
    public double baseKw(int load, int k) {
        return baseKw[k][load];
    }

    public double baseKvar(int load, int k) {
        return baseKvar[k][load];
    }

    /**
     * The voltage a load's per-unit voltage is taken of (grid-model's {@code Feeder.loadNominalV}: 230 V at an
     * LV customer point, else the load's own rated phase voltage).
     */
    public double loadNominalV(int load) {
        return nominalV[load];
    }

    /**
     * Replaces a load's base load (kW at every grid step, e.g. from a base-load file); its reactive power keeps
     * the script's ratio of kvar to kW for that load.
     */
    public void replaceBaseKw(int load, double[] kw) {
        if (kw.length != steps()) {
            throw new IllegalArgumentException("a base load per grid step: " + kw.length + " for " + steps());
        }
        double p = 0;
        double q = 0;
        for (int k = 0; k < kw.length; k++) {
            p += baseKw[k][load];
            q += baseKvar[k][load];
        }
        double ratio = p > 0 ? q / p : 0;
        for (int k = 0; k < kw.length; k++) {
            baseKw[k][load] = kw[k];
            baseKvar[k][load] = kw[k] * ratio;
        }
    }

    public int steps() {
        return baseKw.length == 0 || baseKw[0].length == 0 ? 0 : baseKw.length;
    }

    /** Coordinates of a bus, or null when the feeder has none for it. */
    public double[] xy(String bus) {
        return busXy.get(bus.toLowerCase(Locale.ROOT));
    }

    public boolean hasCoordinates() {
        return !busXy.isEmpty();
    }

    /** The line segments (bus pairs), for the map. */
    public List<String[]> segments() {
        return segments;
    }

    /**
     * The map origin: the coordinates of the LV side of the source transformer if known (the first bus
     * of the first line), else the lowest coordinates.
     */
    public double[] origin() {
        if (!segments.isEmpty() && xy(segments.get(0)[0]) != null) {
            return xy(segments.get(0)[0]).clone();
        }
        double x = Double.POSITIVE_INFINITY;
        double y = Double.POSITIVE_INFINITY;
        for (double[] p : busXy.values()) {
            x = Math.min(x, p[0]);
            y = Math.min(y, p[1]);
        }
        return busXy.isEmpty() ? new double[] {0, 0} : new double[] {x, y};
    }

    public String sourceBus() {
        return sourceBus;
    }

    /** The feeder as the script leaves it (to check names against; copies solve on their own). */
    public Feeder feeder() {
        return feeder;
    }

    /** Every bus's coordinates (metres), keyed by lower-case bus name. */
    public Map<String, double[]> coordinates() {
        return java.util.Collections.unmodifiableMap(busXy);
    }

    /** The bus at the map's origin ({@link #origin()}): the first line's first bus, or null without one. */
    public String originBus() {
        return segments.isEmpty() ? null : segments.get(0)[0];
    }
}
