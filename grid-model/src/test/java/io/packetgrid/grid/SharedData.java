package io.packetgrid.grid;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Locates ../shared (relative to the repository root) and reads its CSV references. */
public final class SharedData {
    private SharedData() {
    }

    /** The repository root: the nearest ancestor of the working directory holding {@code mvnw}. */
    public static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) {
            p = p.getParent();
        }
        return p == null ? Path.of("").toAbsolutePath() : p;
    }

    /** {@code ../shared/<relative>}, skipping the test with a clear message if it is absent. */
    public static Path shared(String relative) {
        Path p = repositoryRoot().resolve("..").resolve("shared").resolve(relative).normalize();
        assumeTrue(Files.exists(p), "reference data not available: " + p + " (../shared relative to the repository root)");
        return p;
    }

    /** Rows of a CSV file (header first), split on commas. */
    public static List<String[]> csv(Path file) {
        try {
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
