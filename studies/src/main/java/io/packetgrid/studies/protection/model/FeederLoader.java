package io.packetgrid.studies.protection.model;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.feeders.BundledFeeders;
import io.packetgrid.grid.model.Load;
import io.packetgrid.grid.series.LoadDriver;
import io.packetgrid.grid.series.Simulation;
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
 * {@code New Generator} elements, one snapshot solution (the pre-fault state), and the bus coordinates.
 */
final class FeederLoader {
    private static final Pattern BUSCOORDS = Pattern.compile("(?im)^\\s*buscoords\\s+(?:file\\s*=\\s*)?\"?([^\\s\"!]+)");

    /** What was loaded. */
    record Loaded(Simulation sim, Path script, Map<String, double[]> coordinates, Map<String, String> dgBus) {
    }

    private FeederLoader() {
    }

    static Loaded load(FeederSection f, List<DgSpec> dgs, Path scenarioDir) {
        Path script = resolve(f.script(), scenarioDir);
        DssInterpreter dss = new DssInterpreter(null);
        dss.run(script);
        Path dir = script.toAbsolutePath().getParent();
        if (!f.commands().isEmpty()) {
            dss.runText(String.join("\n", f.commands()), dir, "feeder.commands");
        }
        Map<String, String> dgBus = new HashMap<>();
        StringBuilder gens = new StringBuilder();
        for (int i = 0; i < dgs.size(); i++) {
            DgSpec d = dgs.get(i);
            String bus = d.bus() != null ? d.bus() : loadBus(dss.simulation(), d.load(), "dg[" + i + "].load");
            dgBus.put(d.name(), bus);
            gens.append("New Generator.").append(d.name()).append(" phases=1 bus1=").append(bus).append(" kV=").append(d.kv())
                    .append(" kW=").append(d.kw()).append(" pf=1 model=1\n");
        }
        if (gens.length() > 0) {
            dss.runText(gens.toString(), dir, "dg");
        }
        Simulation sim = dss.simulation();
        sim.solveSnapshot();
        Map<String, double[]> coords = coordinates(f, script);
        return new Loaded(sim, script, coords, dgBus);
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

    private static String loadBus(Simulation sim, String load, String where) {
        for (LoadDriver d : sim.loads()) {
            Load l = d.load();
            String n = l.name().substring(l.name().indexOf('.') + 1);
            if (n.equalsIgnoreCase(load)) {
                int phase = 0;
                for (int node : l.connection().nodes()[0]) {
                    if (node >= 1 && node <= 3) {
                        phase = node;
                        break;
                    }
                }
                if (l.phases() != 1 || phase == 0) {
                    throw new PacketGridException(where, "load " + load + " is not a single-phase wye load");
                }
                return l.connection().buses()[0] + "." + phase;
            }
        }
        throw new PacketGridException(where, "load " + load + " is not in this feeder");
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
