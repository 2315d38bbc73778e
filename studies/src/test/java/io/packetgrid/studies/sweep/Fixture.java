package io.packetgrid.studies.sweep;

import io.packetgrid.studies.sweep.testkind.TestKinds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A base scenario of the test-only study kind and sweep files beside it, in a temporary folder. */
public final class Fixture {
    /** x = 1.5, n = 2: linear.y = 3 + seed. */
    public static final String BASE = """
            kind: sweep-test
            name: probe
            seed: 1
            x: 1.5
            n: 2
            label: abc
            """;

    private final Path dir;

    public Fixture(Path dir) {
        TestKinds.register();
        this.dir = dir;
        write("base.yaml", BASE);
    }

    public Path dir() {
        return dir;
    }

    public Path write(String name, String text) {
        try {
            Path f = dir.resolve(name);
            Files.createDirectories(f.getParent());
            Files.writeString(f, text);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sweep file {@code sweep.yaml} over base.yaml with the given body (after {@code base:}). */
    public Path sweep(String body) {
        return write("sweep.yaml", "base: base.yaml\n" + body);
    }

    public static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
