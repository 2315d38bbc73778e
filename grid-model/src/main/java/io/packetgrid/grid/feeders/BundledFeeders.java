package io.packetgrid.grid.feeders;

import io.packetgrid.cosim.error.PacketGridException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Feeder models shipped inside the project (so studies run without ../shared), named on the command
 * line and in scenarios as {@code builtin:NAME}. OpenDSS scripts refer to their files by relative
 * paths, so a bundled feeder is extracted once per process into one temporary folder (removed at
 * exit) holding every extracted feeder side by side: a feeder's {@code files.txt} lists its files
 * and may name, in a line {@code @requires OTHER}, a feeder whose files it uses through
 * {@code ../OTHER/...} (the AusNet networks use the European LV household profiles).
 */
public final class BundledFeeders {
    /** The prefix that names a bundled feeder where a script path is expected. */
    public static final String PREFIX = "builtin:";

    /** Bundled feeders: name, then what it is (for listings and messages). */
    private static final Map<String, String> KNOWN = new java.util.LinkedHashMap<>();

    static {
        KNOWN.put("european-lv", "IEEE European LV test feeder (906 buses, 55 households)");
        KNOWN.put("ausnet-hpk11", "AusNet urban MV-LV network HPK11 (22 kV, 44 transformers, 5,274 households + 1 C&I)");
        KNOWN.put("ausnet-cre21", "AusNet urban MV-LV network CRE21 (22 kV, 79 transformers, 3,374 households + 9 C&I)");
        KNOWN.put("ausnet-smr8", "AusNet rural MV-LV network SMR8 (22 kV and SWER, 704 transformers, 3,608 households + 61 C&I)");
        KNOWN.put("ausnet-klo14", "AusNet rural MV-LV network KLO14 (22 kV and SWER, 700 transformers, 4,691 households + 24 C&I)");
        KNOWN.put("european-lv-mv100", "100 European LV feeders on ten 11 kV cable feeders behind a 66/11 kV substation (5,500 households;"
                + " generated, SyntheticFeeders.europeanLvOnMv)");
    }

    /** Feeders written on first use instead of shipped: name -> generator into a folder, returning Master.dss. */
    private static final Map<String, java.util.function.Function<Path, Path>> GENERATED = Map.of(
            "european-lv-mv100", dir -> SyntheticFeeders.europeanLvOnMv(100, 10, dir));

    private static Path root;
    private static final Map<String, Path> EXTRACTED = new HashMap<>();

    private BundledFeeders() {
    }

    /** The IEEE European LV test feeder's {@code Master.dss} (see its SOURCES.md). */
    public static Path europeanLv() {
        return master("european-lv");
    }

    /** Names of the bundled feeders, with a one-line description each. */
    public static Map<String, String> names() {
        return java.util.Collections.unmodifiableMap(KNOWN);
    }

    /** True for {@code builtin:NAME}. */
    public static boolean isBuiltin(String script) {
        return script != null && script.startsWith(PREFIX);
    }

    /**
     * The {@code Master.dss} of a bundled feeder named {@code builtin:NAME} (or just NAME).
     *
     * @param where the field or option that named it, for the error message
     */
    public static Path resolve(String script, String where) {
        String name = script.startsWith(PREFIX) ? script.substring(PREFIX.length()) : script;
        if (!KNOWN.containsKey(name.toLowerCase(Locale.ROOT))) {
            throw new PacketGridException(where, "unknown built-in feeder '" + name + "' (known: " + PREFIX
                    + String.join(", " + PREFIX, KNOWN.keySet()) + ")");
        }
        return master(name.toLowerCase(Locale.ROOT));
    }

    private static synchronized Path master(String name) {
        if (GENERATED.containsKey(name)) {
            Path done = EXTRACTED.get(name);
            if (done == null) {
                Path dir = root().resolve(name);
                done = GENERATED.get(name).apply(dir).getParent();
                deleteOnExit(dir);
                EXTRACTED.put(name, done);
            }
            return done.resolve("Master.dss");
        }
        return extract(name).resolve("Master.dss");
    }

    private static Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("packetgrid-feeders");
            } catch (IOException e) {
                throw new PacketGridException("builtin feeders", "cannot create a temporary folder: " + e.getMessage());
            }
            root.toFile().deleteOnExit();
        }
        return root;
    }

    /** Registers a generated folder's files for deletion at exit (files first, then folders). */
    private static void deleteOnExit(Path dir) {
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            // deleteOnExit runs in reverse registration order: register folders (walk order: parents first) before their files
            for (Path p : s.toList()) {
                p.toFile().deleteOnExit();
            }
        } catch (IOException e) {
            // left in the temporary folder
        }
    }

    private static synchronized Path extract(String name) {
        Path done = EXTRACTED.get(name);
        if (done != null) {
            return done;
        }
        String folder = "feeders/" + name;
        ClassLoader cl = BundledFeeders.class.getClassLoader();
        List<String> names = new ArrayList<>();
        List<String> requires = new ArrayList<>();
        try (InputStream in = cl.getResourceAsStream(folder + "/files.txt")) {
            if (in == null) {
                throw new PacketGridException(folder, "bundled feeder is missing from the class path");
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String t = line.trim();
                    if (t.startsWith("@requires ")) {
                        requires.add(t.substring("@requires ".length()).trim());
                    } else if (!t.isEmpty()) {
                        names.add(t);
                    }
                }
            }
            for (String other : requires) {
                if (!KNOWN.containsKey(other)) {
                    throw new PacketGridException(folder + "/files.txt", "requires an unknown bundled feeder " + other);
                }
                extract(other);
            }
            Path dir = root().resolve(name);
            Files.createDirectories(dir);
            List<Path> created = new ArrayList<>();
            created.add(dir);
            for (String entry : names) {
                Path target = dir.resolve(entry).normalize();
                if (!target.startsWith(dir)) {
                    throw new PacketGridException(folder + "/files.txt", "bad entry " + entry);
                }
                Files.createDirectories(target.getParent());
                if (!created.contains(target.getParent())) {
                    created.add(target.getParent());
                }
                try (InputStream f = cl.getResourceAsStream(folder + "/" + entry)) {
                    if (f == null) {
                        throw new PacketGridException(folder + "/" + entry, "bundled file is missing");
                    }
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
                created.add(target);
            }
            // deleteOnExit runs in reverse order of registration: folders (registered first) go after their files
            for (Path p : created) {
                if (Files.isDirectory(p)) {
                    p.toFile().deleteOnExit();
                }
            }
            for (Path p : created) {
                if (!Files.isDirectory(p)) {
                    p.toFile().deleteOnExit();
                }
            }
            EXTRACTED.put(name, dir);
            return dir;
        } catch (IOException e) {
            throw new PacketGridException(folder, "cannot extract the bundled feeder: " + e.getMessage());
        }
    }
}
