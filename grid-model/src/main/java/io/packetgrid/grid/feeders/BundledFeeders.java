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
import java.util.List;

/**
 * Feeder models shipped inside the project (so studies run without ../shared). OpenDSS scripts
 * refer to their files by relative paths, so a bundled feeder is extracted once per process to
 * a temporary folder (removed at exit) and used from there.
 */
public final class BundledFeeders {
    private static Path europeanLv;

    private BundledFeeders() {
    }

    /** The IEEE European LV test feeder's {@code Master.dss} (see its SOURCES.md). */
    public static synchronized Path europeanLv() {
        if (europeanLv == null) {
            europeanLv = extract("feeders/european-lv").resolve("Master.dss");
        }
        return europeanLv;
    }

    private static Path extract(String folder) {
        ClassLoader cl = BundledFeeders.class.getClassLoader();
        List<String> names = new ArrayList<>();
        try (InputStream in = cl.getResourceAsStream(folder + "/files.txt")) {
            if (in == null) {
                throw new PacketGridException(folder, "bundled feeder is missing from the class path");
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank()) {
                        names.add(line.trim());
                    }
                }
            }
            Path dir = Files.createTempDirectory("packetgrid-" + folder.replace('/', '-'));
            List<Path> created = new ArrayList<>();
            created.add(dir);
            for (String name : names) {
                Path target = dir.resolve(name).normalize();
                if (!target.startsWith(dir)) {
                    throw new PacketGridException(folder + "/files.txt", "bad entry " + name);
                }
                Files.createDirectories(target.getParent());
                if (!created.contains(target.getParent())) {
                    created.add(target.getParent());
                }
                try (InputStream f = cl.getResourceAsStream(folder + "/" + name)) {
                    if (f == null) {
                        throw new PacketGridException(folder + "/" + name, "bundled file is missing");
                    }
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
                created.add(target);
            }
            // deleteOnExit runs in reverse order of registration: folders first, then files
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
            return dir;
        } catch (IOException e) {
            throw new PacketGridException(folder, "cannot extract the bundled feeder: " + e.getMessage());
        }
    }
}
