package io.packetgrid.studies.sweep.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.studies.run.ScenarioText;
import io.packetgrid.studies.kinds.StudyKinds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a sweep file (YAML) strictly: every error is one line naming the file, line and sweep field,
 * e.g. {@code sweep.yaml:7: axes.population.ev_share: range step must not be 0}. The fields are
 * described in docs/sweeps.md.
 */
public final class SweepFiles {
    static final List<String> FIELDS = List.of("name", "base", "set", "axes", "zip", "seeds", "replications",
            "metrics", "plots", "keep_outputs", "slurm");
    /** {@code base: builtin:default} sweeps the built-in default study of {@code run}. */
    static final String BUILTIN = "builtin:";
    /** The source name {@code run} gives the built-in default scenario in its errors. */
    static final String BUILTIN_SOURCE = "built-in default scenario";
    /** Where {@code run} finds the built-in default scenario (RunCommand.DEFAULT_SCENARIO). */
    private static final String DEFAULT_RESOURCE = "/scenarios/default.yaml";
    /** The most runs (points × seeds) one sweep may have. */
    public static final long MAX_RUNS = 1_000_000L;
    private static final List<String> PLOT_FIELDS = List.of("metric", "x", "series", "where", "file");
    private static final List<String> SLURM_FIELDS = List.of("tasks", "cpus_per_task", "mem", "time", "partition",
            "account", "max_running", "options");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern METRIC = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)?");
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*\\.png");
    private static final Pattern MEM = Pattern.compile("[0-9]+[KMGT]?");
    private static final Pattern TIME = Pattern.compile("([0-9]+-)?[0-9]+(:[0-9]{1,2}){0,2}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.,-]+");
    /** Columns of the result tables that a swept field's column would clash with. */
    private static final List<String> TABLE_COLUMNS = List.of("point", "seed", "id", "metric", "n_seeds", "mean", "sd",
            "ci95_low", "ci95_high");
    /** A field the sweep may not override, and why. */
    private static final Map<String, String> RESERVED = Map.of(
            "seed", "seeds are set with seeds: [..] or replications: N",
            "kind", "a sweep runs one kind of study; use another base scenario");

    private final String file;
    private final YamlLines lines;

    private SweepFiles(String file, YamlLines lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Reads the sweep file and its base scenario. */
    public static SweepSpec read(Path sweepFile) {
        String text = ScenarioText.read(sweepFile, "no such sweep file");
        String source = sweepFile.getFileName().toString();
        JsonNode tree = YamlFiles.read(text, source, JsonNode.class);
        if (!(tree instanceof ObjectNode root)) {
            throw new PacketGridException(source, "a sweep file must be a mapping of fields (" + String.join(", ", FIELDS) + ")");
        }
        return new SweepFiles(source, YamlLines.of(text)).parse(root, sweepFile.toAbsolutePath().normalize());
    }

    private SweepSpec parse(ObjectNode root, Path path) {
        unknownFields(root, FIELDS, "");
        String name = root.has("name") ? text(root.get("name"), "name") : path.getFileName().toString().replaceFirst("\\.(ya?ml)$", "");
        if (!NAME.matcher(name).matches()) {
            throw new PacketGridException(at("name"), "'" + name + "' is not a usable sweep name (letters, digits, _ . - only)");
        }

        // the base scenario, relative to the sweep file
        JsonNode baseNode = root.get("base");
        if (baseNode == null) {
            throw new PacketGridException(file, "base: missing required field (the scenario to sweep, relative to this file)");
        }
        String baseText = text(baseNode, "base");
        Path base;
        String baseSource;
        String baseYaml;
        if (baseText.startsWith(BUILTIN)) {
            if (!baseText.equals(BUILTIN + "default")) {
                throw new PacketGridException(at("base"), "unknown built-in scenario '" + baseText + "' (known: " + BUILTIN + "default)");
            }
            base = null;
            baseSource = BUILTIN_SOURCE;
            baseYaml = builtInDefault();
        } else {
            base = path.getParent().resolve(baseText).normalize();
            baseSource = base.getFileName().toString();
            try {
                baseYaml = Files.readString(base, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new PacketGridException(at("base"), "no such scenario file " + base);
            } catch (IOException e) {
                throw new PacketGridException(at("base"), "cannot read " + base + ": " + e.getMessage());
            }
        }
        JsonNode baseTree = YamlFiles.read(baseYaml, baseSource, JsonNode.class);
        if (!(baseTree instanceof ObjectNode baseObj)) {
            throw new PacketGridException(baseSource, "a scenario must be a mapping of fields");
        }
        JsonNode kindNode = baseObj.get("kind");
        if (kindNode == null || !kindNode.isTextual()) {
            throw new PacketGridException(baseSource + ": kind", "missing required field (one of " + String.join(", ", StudyKinds.known()) + ")");
        }
        StudyKinds.of(kindNode.asText(), baseSource + ": kind");

        List<Assignment> fixed = new ArrayList<>();
        if (root.has("set")) {
            for (Map.Entry<String, JsonNode> e : entries(root.get("set"), "set", "a mapping of field paths to values, e.g. {duration: 6h}")) {
                fixed.add(new Assignment(field("set", e.getKey(), "set", e.getKey()), e.getValue()));
            }
        }
        List<Dimension> dims = new ArrayList<>();
        if (root.has("axes")) {
            for (Map.Entry<String, JsonNode> e : entries(root.get("axes"), "axes",
                    "a mapping of field paths to values, e.g. {pem.packet_minutes: [5, 15, 30]}")) {
                SweepField f = field("axes", e.getKey(), "axes", e.getKey());
                List<JsonNode> values = AxisValues.of(e.getValue(), f.location());
                dims.add(new Dimension(List.of(f), values.stream().map(List::of).toList()));
            }
        }
        if (root.has("zip")) {
            JsonNode zip = root.get("zip");
            if (!zip.isArray()) {
                throw new PacketGridException(at("zip"), "expected a list of groups of fields that vary together, "
                        + "e.g. [{pem.packet_minutes: [5, 30], pem.horizon_minutes: [10, 60]}]");
            }
            for (int g = 0; g < zip.size(); g++) {
                dims.add(zipGroup(zip.get(g), g));
            }
        }
        checkOverlaps(fixed, dims);

        List<Long> seeds = seeds(root, baseObj, baseSource);
        List<MetricRequest> metrics = root.has("metrics") ? metrics(root.get("metrics")) : null;
        List<PlotSpec> plots = root.has("plots") ? plots(root.get("plots"), dims) : List.of();
        boolean keep = false;
        if (root.has("keep_outputs")) {
            JsonNode k = root.get("keep_outputs");
            if (!k.isBoolean()) {
                throw new PacketGridException(at("keep_outputs"), "expected true or false, got '" + Values.display(k) + "'");
            }
            keep = k.booleanValue();
        }
        SlurmSettings slurm = root.has("slurm") ? slurm(root.get("slurm")) : SlurmSettings.NONE;
        SweepSpec spec = new SweepSpec(file, path, name, base, baseSource, baseObj, kindNode.asText(), fixed, dims, seeds,
                metrics, plots, keep, slurm);
        long runs;
        try {
            runs = Math.multiplyExact(spec.pointCount(), seeds.size());
        } catch (ArithmeticException e) {
            runs = Long.MAX_VALUE;
        }
        if (runs > MAX_RUNS) {
            // every process of a sweep plans all runs (100 000 take a few seconds and ~300 MB)
            throw new PacketGridException(file, "the sweep has " + (runs == Long.MAX_VALUE ? "too many" : String.valueOf(runs))
                    + " runs (points × seeds), more than " + MAX_RUNS + "; split it into several sweeps");
        }
        return spec;
    }

    private Dimension zipGroup(JsonNode group, int g) {
        String section = "zip[" + g + "]";
        List<SweepField> fields = new ArrayList<>();
        List<List<JsonNode>> columns = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : entries(group, section,
                "a mapping of field paths to lists of the same length, e.g. {pem.packet_minutes: [5, 30], pem.horizon_minutes: [10, 60]}")) {
            SweepField f = field(section, e.getKey(), "zip", String.valueOf(g), e.getKey());
            if (!e.getValue().isArray() && !e.getValue().isObject()) {
                throw new PacketGridException(f.location(), "expected a list of values or a range, got '" + Values.display(e.getValue()) + "'");
            }
            fields.add(f);
            columns.add(AxisValues.of(e.getValue(), f.location()));
        }
        if (fields.isEmpty()) {
            throw new PacketGridException(at("zip", String.valueOf(g)), "a zipped group needs at least one field");
        }
        int n = columns.get(0).size();
        for (int i = 1; i < fields.size(); i++) {
            if (columns.get(i).size() != n) {
                throw new PacketGridException(fields.get(i).location(), "has " + columns.get(i).size() + " values but "
                        + fields.get(0).column() + " has " + n + "; zipped fields vary together and need the same number of values");
            }
        }
        List<List<JsonNode>> tuples = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            List<JsonNode> tuple = new ArrayList<>();
            for (List<JsonNode> c : columns) {
                tuple.add(c.get(t));
            }
            for (List<JsonNode> earlier : tuples) {
                boolean same = true;
                for (int i = 0; i < tuple.size() && same; i++) {
                    same = Values.same(tuple.get(i), earlier.get(i));
                }
                if (same) {
                    throw new PacketGridException(at("zip", String.valueOf(g)), "the combination at position " + (t + 1) + " is listed twice");
                }
            }
            tuples.add(tuple);
        }
        return new Dimension(fields, tuples);
    }

    private void checkOverlaps(List<Assignment> fixed, List<Dimension> dims) {
        List<SweepField> all = new ArrayList<>();
        fixed.forEach(a -> all.add(a.field()));
        dims.forEach(d -> all.addAll(d.fields()));
        for (int i = 0; i < all.size(); i++) {
            SweepField f = all.get(i);
            String reserved = RESERVED.get(((FieldPath.Name) f.path().segments().get(0)).name());
            if (reserved != null) {
                throw new PacketGridException(f.location(), "cannot be swept: " + reserved);
            }
            if (!"set".equals(f.section()) && TABLE_COLUMNS.contains(f.column())) {
                throw new PacketGridException(f.location(), "'" + f.column() + "' is also the name of a column of results.csv "
                        + "or stats.csv (" + String.join(", ", TABLE_COLUMNS) + "); set it in the base scenario instead");
            }
            for (int j = 0; j < i; j++) {
                SweepField o = all.get(j);
                // overrides apply in file order (set, then axes and zipped groups): a later field may refine
                // a section set earlier, but must not replace an earlier field whole
                if (f.path().isPrefixOf(o.path())) {
                    throw new PacketGridException(f.location(), f.path().equals(o.path())
                            ? "is already set by " + o.section() + "." + o.column()
                            : "would replace " + o.section() + "." + o.column() + ", which is inside it");
                }
            }
        }
    }

    private List<Long> seeds(ObjectNode root, ObjectNode base, String baseSource) {
        if (root.has("seeds") && root.has("replications")) {
            throw new PacketGridException(at("replications"), "give either seeds: [..] or replications: N, not both");
        }
        if (root.has("seeds")) {
            JsonNode s = root.get("seeds");
            if (!s.isArray() || s.isEmpty()) {
                throw new PacketGridException(at("seeds"), "expected a list of integer seeds, e.g. [1, 2, 3]");
            }
            List<Long> seeds = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) {
                JsonNode v = s.get(i);
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    throw new PacketGridException(at("seeds", String.valueOf(i)), "expected an integer, got '" + Values.display(v) + "'");
                }
                if (seeds.contains(v.longValue())) {
                    throw new PacketGridException(at("seeds", String.valueOf(i)), "seed " + v.longValue() + " is listed twice");
                }
                seeds.add(v.longValue());
            }
            return seeds;
        }
        long first = 1;
        JsonNode baseSeed = base.get("seed");
        if (baseSeed != null && !baseSeed.isNull()) {
            if (!baseSeed.isIntegralNumber() || !baseSeed.canConvertToLong()) {
                throw new PacketGridException(baseSource + ": seed", "expected an integer, got '" + Values.display(baseSeed) + "'");
            }
            first = baseSeed.longValue();
        }
        if (!root.has("replications")) {
            return List.of(first);
        }
        JsonNode r = root.get("replications");
        if (!r.isIntegralNumber() || !r.canConvertToInt() || r.intValue() < 1 || r.intValue() > 1_000_000) {
            throw new PacketGridException(at("replications"), "expected a number of seeds from 1 to 1000000, got '" + Values.display(r) + "'");
        }
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < r.intValue(); i++) {
            seeds.add(first + i);  // the base scenario's seed, then the next ones (common random numbers across points)
        }
        return seeds;
    }

    private List<MetricRequest> metrics(JsonNode node) {
        if (!node.isArray()) {
            throw new PacketGridException(at("metrics"), "expected a list like [tracking_mae_pct, pem_5min.cycles_per_hour]");
        }
        List<MetricRequest> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String loc = at("metrics", String.valueOf(i));
            JsonNode v = node.get(i);
            if (!v.isTextual() || !METRIC.matcher(v.textValue()).matches()) {
                throw new PacketGridException(loc, "expected a metric name or variant.metric, got '" + Values.display(v) + "'");
            }
            String t = v.textValue();
            int dot = t.indexOf('.');
            MetricRequest m = dot < 0 ? new MetricRequest(null, t, loc) : new MetricRequest(t.substring(0, dot), t.substring(dot + 1), loc);
            if (out.stream().anyMatch(o -> o.text().equals(t))) {
                throw new PacketGridException(loc, "'" + t + "' is listed twice");
            }
            out.add(m);
        }
        return out;
    }

    private List<PlotSpec> plots(JsonNode node, List<Dimension> dims) {
        if (!node.isArray()) {
            throw new PacketGridException(at("plots"), "expected a list of plots like [{metric: pem_5min.tracking_mae_pct, x: pem.packet_minutes}]");
        }
        List<PlotSpec> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String loc = at("plots", String.valueOf(i));
            JsonNode p = node.get(i);
            if (!p.isObject()) {
                throw new PacketGridException(loc, "expected {metric: .., x: .., series: .., where: {..}}");
            }
            unknownFields(p, PLOT_FIELDS, "plots[" + i + "]");
            if (!p.has("metric") || !p.has("x")) {
                throw new PacketGridException(loc, "a plot needs metric: and x:");
            }
            String metric = p.get("metric").asText();
            if (!p.get("metric").isTextual() || !METRIC.matcher(metric).matches()) {
                throw new PacketGridException(loc + ".metric", "expected a metric name or variant.metric, got '" + Values.display(p.get("metric")) + "'");
            }
            String x = p.get("x").asText();
            String series = p.hasNonNull("series") ? p.get("series").asText() : null;
            Map<String, JsonNode> where = new LinkedHashMap<>();
            if (p.has("where")) {
                JsonNode w = p.get("where");
                if (!w.isObject()) {
                    throw new PacketGridException(loc + ".where", "expected a mapping of axes to values, e.g. {population.ev_share: 0.2}");
                }
                w.properties().forEach(e -> where.put(e.getKey(), e.getValue()));
            }
            String pngFile = null;
            if (p.has("file")) {
                pngFile = p.get("file").asText();
                if (!FILE.matcher(pngFile).matches()) {
                    throw new PacketGridException(loc + ".file", "expected a plain file name ending in .png, got '" + pngFile + "'");
                }
            }
            checkPlotAxes(loc, x, series, where, dims);
            out.add(new PlotSpec(metric, x, series, where, pngFile, loc));
        }
        return out;
    }

    private static void checkPlotAxes(String loc, String x, String series, Map<String, JsonNode> where, List<Dimension> dims) {
        Dimension xd = dimensionOf(loc + ".x", x, dims);
        Dimension sd = series == null ? null : dimensionOf(loc + ".series", series, dims);
        if (sd == xd) {
            throw new PacketGridException(loc + ".series", "'" + series + "' varies together with x '" + x + "' (same axis or zipped group)");
        }
        List<Dimension> fixedDims = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : where.entrySet()) {
            Dimension d = dimensionOf(loc + ".where", e.getKey(), dims);
            if (d == xd || d == sd) {
                throw new PacketGridException(loc + ".where", "'" + e.getKey() + "' is plotted (x or series); it cannot also be fixed");
            }
            int col = d.indexOf(e.getKey());
            if (d.tuples().stream().noneMatch(t -> Values.same(t.get(col), e.getValue()))) {
                throw new PacketGridException(loc + ".where." + e.getKey(), "value " + Values.display(e.getValue())
                        + " is not one of the axis's values");
            }
            fixedDims.add(d);
        }
        for (Dimension d : dims) {
            if (d != xd && d != sd && d.size() > 1 && !fixedDims.contains(d)) {
                throw new PacketGridException(loc, "the sweep also varies '" + d.fields().get(0).column() + "' (" + d.size()
                        + " values); fix it with where: {" + d.fields().get(0).column() + ": value} or plot it as series");
            }
        }
    }

    private static Dimension dimensionOf(String loc, String column, List<Dimension> dims) {
        for (Dimension d : dims) {
            if (d.indexOf(column) >= 0) {
                return d;
            }
        }
        throw new PacketGridException(loc, "'" + column + "' is not a swept field (swept: "
                + String.join(", ", dims.stream().flatMap(d -> d.fields().stream()).map(SweepField::column).toList()) + ")");
    }

    private SlurmSettings slurm(JsonNode node) {
        if (!node.isObject()) {
            throw new PacketGridException(at("slurm"), "expected a mapping like {tasks: 4, cpus_per_task: 1, mem: 2G, time: '00:30:00'}");
        }
        unknownFields(node, SLURM_FIELDS, "slurm");
        List<String> options = new ArrayList<>();
        if (node.has("options")) {
            JsonNode o = node.get("options");
            if (!o.isArray()) {
                throw new PacketGridException(at("slurm", "options"), "expected a list of sbatch options like ['--qos=short']");
            }
            for (JsonNode v : o) {
                options.add(sbatchOption(v.asText(), at("slurm", "options")));
            }
        }
        return new SlurmSettings(positive(node, "tasks"), positive(node, "cpus_per_task"),
                matching(node, "mem", MEM, "a memory size like 2G or 500M"),
                matching(node, "time", TIME, "a time limit like 30, 01:00:00 or 1-00:00:00"),
                matching(node, "partition", TOKEN, "a partition name"),
                matching(node, "account", TOKEN, "an account name"),
                positive(node, "max_running"), options);
    }

    /** An extra sbatch option as written after {@code #SBATCH}: one {@code --name[=value]} without shell characters. */
    public static String sbatchOption(String o, String where) {
        if (!o.matches("--[A-Za-z][A-Za-z0-9-]*(=[A-Za-z0-9_.,:=/%+@-]+)?")) {
            throw new PacketGridException(where, "'" + o + "' is not an sbatch option like --qos=short");
        }
        return o;
    }

    private Integer positive(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1) {
            throw new PacketGridException(at("slurm", key), "expected a whole number ≥ 1, got '" + Values.display(v) + "'");
        }
        return v.intValue();
    }

    private String matching(JsonNode node, String key, Pattern p, String what) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        String t = v.asText();
        if (v.isContainerNode() || !p.matcher(t).matches()) {
            throw new PacketGridException(at("slurm", key), "expected " + what + ", got '" + Values.display(v) + "'");
        }
        return t;
    }

    private SweepField field(String section, String key, String... pointer) {
        String where = file + line(pointer);
        FieldPath path = FieldPath.parse(key, where + ": " + section);
        return new SweepField(file, lines.line(YamlLines.pointer((Object[]) pointer)), section, path);
    }

    private List<Map.Entry<String, JsonNode>> entries(JsonNode node, String section, String expected) {
        if (!node.isObject()) {
            throw new PacketGridException(at(section.replaceAll("\\[(\\d+)]", ".$1").split("\\.")), "expected " + expected);
        }
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        out.addAll(node.properties());
        return out;
    }

    private void unknownFields(JsonNode node, List<String> known, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                String path = prefix.isEmpty() ? k : prefix + "." + k;
                List<String> ptr = new ArrayList<>(List.of(prefix.replaceAll("\\[(\\d+)]", ".$1").split("\\.")));
                ptr.removeIf(String::isEmpty);
                ptr.add(k);
                Set<String> sorted = new TreeSet<>(known);
                throw new PacketGridException(file + line(ptr.toArray(String[]::new)) + ": " + path,
                        "unknown field '" + k + "' (known: " + String.join(", ", sorted) + ")");
            }
        }
    }

    /** {@code file:line: a.b} for the sweep-file field at these pointer segments. */
    private String at(String... pointer) {
        StringBuilder field = new StringBuilder();
        for (String s : pointer) {
            if (s.chars().allMatch(Character::isDigit) && field.length() > 0) {
                field.append('[').append(s).append(']');
            } else {
                field.append(field.length() == 0 ? "" : ".").append(s);
            }
        }
        return file + line(pointer) + ": " + field;
    }

    private String line(String... pointer) {
        int l = lines.line(YamlLines.pointer((Object[]) pointer));
        return l > 0 ? ":" + l : "";
    }

    private String builtInDefault() {
        return ScenarioText.builtIn(DEFAULT_RESOURCE, at("base"), "the built-in default scenario");
    }

    private String text(JsonNode v, String key) {
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw new PacketGridException(at(key), "expected a text, got '" + Values.display(v) + "'");
        }
        return v.textValue();
    }
}
