package io.packetgrid.studies.run;

import io.packetgrid.cosim.error.PacketGridException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A scenario's YAML text and where it came from, as the commands that take an optional
 * {@code SCENARIO.yaml} read it.
 *
 * @param source what error messages name: the file name, or a label for a built-in scenario
 * @param text   the YAML text
 * @param dir    the folder relative paths in the scenario are resolved against; null for a built-in one
 */
public record ScenarioText(String source, String text, Path dir) {

    /** The file's text, or the built-in scenario's when {@code file} is null. */
    public static ScenarioText of(Path file, String builtInLabel, Supplier<String> builtIn) {
        if (file == null) {
            return new ScenarioText(builtInLabel, builtIn.get(), null);
        }
        return new ScenarioText(file.getFileName().toString(), read(file, "no such scenario file"),
                file.toAbsolutePath().getParent());
    }

    /**
     * A scenario shipped inside the jar ({@code resource}: its class-path name); errors name {@code where} and
     * say {@code what} it is.
     */
    public static String builtIn(String resource, String where, String what) {
        try (InputStream in = ScenarioText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new PacketGridException(where, what + " is missing from this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PacketGridException(where, "cannot read " + what + ": " + e.getMessage());
        }
    }

    /** A UTF-8 text file; a missing or unreadable file is one line naming it ({@code missing} says what it is). */
    public static String read(Path file, String missing) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PacketGridException(file.toString(), missing);
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    /** A {@code --threads}/{@code --workers} value: the option if given (≥ 1), else the available cores. */
    public static int threads(Integer option, String optionName) {
        int k = option != null ? option : Runtime.getRuntime().availableProcessors();
        if (k < 1) {
            throw new PacketGridException(optionName, "must be ≥ 1, got " + k);
        }
        return k;
    }
}
