package io.packetgrid.studies.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code ./packetgrid} launcher in a child process, as a user would, for end-to-end
 * tests (*IT, run by failsafe after the CLI jar is packaged). The launcher is told not to rebuild:
 * the jar under test is the one this build just packaged.
 */
public final class Launcher {

    /** What a command did. */
    public record Result(int exit, String stdout, String stderr) {
        public String out() {
            return stdout;
        }
    }

    private Launcher() {
    }

    /** The repository root (the folder holding {@code packetgrid}). */
    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isExecutable(p.resolve("packetgrid"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no ./packetgrid above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** The shared reference data ({@code ../shared} beside the repository), or null when absent. */
    public static Path shared() {
        Path s = root().resolveSibling("shared");
        return Files.isDirectory(s) ? s : null;
    }

    public static Result run(Path workDir, String... args) {
        return run(workDir, Map.of(), 600, args);
    }

    public static Result run(Path workDir, Map<String, String> env, long timeoutSeconds, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(root().resolve("packetgrid").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().put("PACKETGRID_NO_BUILD", "1");
        pb.environment().putAll(env);
        try {
            Path out = Files.createTempFile("packetgrid-it", ".out");
            Path err = Files.createTempFile("packetgrid-it", ".err");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out after " + timeoutSeconds + " s: " + String.join(" ", cmd));
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
