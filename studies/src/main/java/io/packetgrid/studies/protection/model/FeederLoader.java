package io.packetgrid.studies.protection.model;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.api.ElementInfo;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.feeders.BundledFeeders;
import io.packetgrid.studies.protection.scenario.DgSpec;
import io.packetgrid.studies.protection.scenario.FeederSection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the scenario's feeder: the OpenDSS script, its extra commands, the DG units as
 * {@code New Generator} elements ({@link #dgCommands}, also what a coupled study adds to its feeder), one
 * snapshot solution (the pre-fault state), and the bus coordinates.
 */
public final class FeederLoader {
    private static final Pattern BUSCOORDS = Pattern.compile("(?im)^\\s*buscoords\\s+(?:file\\s*=\\s*)?\"?([^\\s\"!]+)");

    /** What was loaded. */
    record Loaded(Feeder feeder, Path script, Map<String, double[]> coordinates) {
    }

    private FeederLoader() {
    }

    static Loaded load(FeederSection f, List<DgSpec> dgs, Path scenarioDir) {
        Path script = resolve(f.script(), scenarioDir);
        Feeder feeder = Feeder.load(script);
        if (!f.commands().isEmpty()) {
            feeder.runCommands(String.join("\n", f.commands()), "feeder.commands");
        }
        if (!dgs.isEmpty()) {
            feeder.runCommands(dgCommands(feeder, dgs, "dg"), "dg");
        }
        feeder.solve();
        Map<String, double[]> coords = coordinates(f, script);
        return new Loaded(feeder, script, coords);
    }

    /**
     * The OpenDSS commands that add the DG units as single-phase generators at unity power factor
     * ({@code New Generator.<name> phases=1 bus1=<bus> kV=<kv> kW=<kw> pf=1 model=1}), each at its load's bus
     * and phase or at its own bus.
     *
     * @param where the scenario field of the list, for errors ({@code dg}, {@code protection.dg})
     */
    public static String dgCommands(Feeder feeder, List<DgSpec> dgs, String where) {
        StringBuilder gens = new StringBuilder();
        for (int i = 0; i < dgs.size(); i++) {
            DgSpec d = dgs.get(i);
            String bus = d.bus() != null ? d.bus() : loadBus(feeder, d.load(), where + "[" + i + "].load");
            gens.append("New Generator.").append(d.name()).append(" phases=1 bus1=").append(bus).append(" kV=").append(d.kv())
                    .append(" kW=").append(d.kw()).append(" pf=1 model=1\n");
        }
        return gens.toString();
    }

    static Path resolve(String script, Path scenarioDir) {
        if (script.startsWith(FeederSection.BUILTIN)) {
            String which = script.substring(FeederSection.BUILTIN.length());
            if (!which.equals("european-lv")) {
                throw new PacketGridException("feeder.script", "unknown built-in feeder '" + which + "' (builtin:european-lv)");
            }
            return BundledFeeders.europeanLv();
        }
        Path p = scenarioDir == null ? Path.of(script) : scenarioDir.resolve(script);
        if (!Files.isRegularFile(p)) {
            throw new PacketGridException("feeder.script", "no such file: " + p);
        }
        return p;
    }

    private static String loadBus(Feeder feeder, String load, String where) {
        ElementInfo l = feeder.element("Load." + load);
        if (l == null) {
            throw new PacketGridException(where, "load " + load + " is not in this feeder");
        }
        int phase = l.firstPhase();
        if (l.phases() != 1 || phase == 0) {
            throw new PacketGridException(where, "load " + load + " is not a single-phase wye load");
        }
        return l.buses().get(0) + "." + phase;
    }

    private static Map<String, double[]> coordinates(FeederSection f, Path script) {
        Path file = null;
        if (f.busCoords() != null) {
            file = script.toAbsolutePath().getParent().resolve(f.busCoords());
            if (!Files.isRegularFile(file)) {
                throw new PacketGridException("feeder.bus_coords", "no such file: " + file);
            }
        } else {
            try {
                Matcher m = BUSCOORDS.matcher(Files.readString(script, StandardCharsets.UTF_8));
                if (m.find()) {
                    Path p = script.toAbsolutePath().getParent().resolve(m.group(1));
                    file = Files.isRegularFile(p) ? p : null;
                }
            } catch (IOException e) {
                file = null;
            }
        }
        Map<String, double[]> out = new HashMap<>();
        if (file == null) {
            return out;
        }
        try {
            int line = 0;
            for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                line++;
                String t = l.trim();
                if (t.isEmpty() || t.startsWith("!") || t.startsWith("//")) {
                    continue;
                }
                String[] p = t.split("[\\s,]+");
                if (p.length < 3) {
                    throw new PacketGridException(file.getFileName() + ":" + line, "expected: bus x y");
                }
                try {
                    out.put(p[0].toLowerCase(Locale.ROOT), new double[] {Double.parseDouble(p[1]), Double.parseDouble(p[2])});
                } catch (NumberFormatException e) {
                    throw new PacketGridException(file.getFileName() + ":" + line, "bad coordinate in '" + t + "'");
                }
            }
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot read: " + e.getMessage());
        }
        return out;
    }
}
