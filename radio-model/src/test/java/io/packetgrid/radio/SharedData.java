package io.packetgrid.radio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared reference data ({@code ../shared} beside the repository root, CONTRIBUTING.md): located
 * from the working directory upwards; tests that need it are skipped with a clear message when absent.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The repository root: the nearest folder above the working directory holding {@code mvnw}. */
    public static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) {
            p = p.getParent();
        }
        return p;
    }

    /** {@code ../shared/radio}, or null. */
    public static Path radioDirOrNull() {
        Path root = repositoryRoot();
        if (root == null) {
            return null;
        }
        Path d = root.resolveSibling("shared").resolve("radio");
        return Files.isDirectory(d) ? d : null;
    }

    /** {@code ../shared/radio}; skips the test when it is absent. */
    public static Path radioDir() {
        Path d = radioDirOrNull();
        assumeTrue(d != null, "../shared/radio not found beside the repository root: shared reference data absent, test skipped");
        return d;
    }

    /** Every CSV file of ../shared/radio (empty when absent). */
    public static List<Path> radioCsvFiles() {
        Path d = radioDirOrNull();
        List<Path> out = new ArrayList<>();
        if (d == null) {
            return out;
        }
        try (var s = Files.list(d)) {
            s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A simple CSV (no quotes) as rows of column → text, in header order. */
    public static List<Map<String, String>> readCsv(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            String[] header = lines.get(0).trim().split(",");
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], f[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header of a CSV file. */
    public static List<String> header(Path file) {
        try {
            return List.of(Files.readAllLines(file).get(0).trim().split(","));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
