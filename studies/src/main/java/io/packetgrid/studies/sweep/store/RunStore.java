package io.packetgrid.studies.sweep.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.error.PacketGridException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The layout of a sweep folder and its per-run files:
 * <pre>
 *   DIR/plan.json           the runs (ids, points, seeds, parameters), metrics and plots asked for
 *   DIR/done/ID.json        a finished run: its summary.json and the time it took (written atomically)
 *   DIR/failed/ID.txt       why a run failed last time (removed when it succeeds)
 *   DIR/outputs/ID/         the study's own run folder (summary.json, scenario.resolved.yaml, run.json,
 *                           report.html, ...; staged in outputs/ID.partial while it runs) and the temporary
 *                           file of its result; kept only with keep_outputs: true
 *   DIR/results.csv, DIR/stats.csv, DIR/plots/   the merged results (sweep collect)
 *   DIR/slurm/              job scripts and logs of --slurm
 * </pre>
 * A run is finished exactly when {@code done/ID.json} exists; nothing else is ever read as a result.
 */
public final class RunStore {
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public RunStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path doneFile(String id) {
        return dir.resolve("done").resolve(id + ".json");
    }

    public Path failedFile(String id) {
        return dir.resolve("failed").resolve(id + ".txt");
    }

    public Path outputs(String id) {
        return dir.resolve("outputs").resolve(id);
    }

    public boolean isDone(String id) {
        return Files.isRegularFile(doneFile(id));
    }

    /**
     * Records a finished run atomically, and forgets an earlier failure of it. The temporary file is
     * written in the run's own output folder, so what a killed run leaves is all in that folder.
     */
    public void saveDone(String id, ObjectNode record) {
        try {
            AtomicFiles.write(doneFile(id), (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8), outputs(id));
            Files.deleteIfExists(failedFile(id));
        } catch (IOException e) {
            throw new PacketGridException(doneFile(id).toString(), "cannot write: " + e.getMessage());
        }
    }

    /** The record of a finished run, if there is one. */
    public Optional<JsonNode> readDone(String id) {
        Path f = doneFile(id);
        try {
            return Optional.of(JSON.readTree(Files.readString(f, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new PacketGridException(f.toString(), "unreadable run result (" + e.getMessage().lines().findFirst().orElse("")
                    + "); delete it to recompute that run");
        }
    }

    public void saveFailure(String id, String message) {
        AtomicFiles.write(failedFile(id), message + "\n");
    }

    public Optional<String> readFailure(String id) {
        try {
            return Optional.of(Files.readString(failedFile(id), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Clears what a run killed earlier may have left: its output folder, which also holds the
     * temporary file of its result. Only the worker about to redo the run calls this.
     */
    public void clearLeftovers(String id) {
        deleteTree(outputs(id));
        deleteTree(io.packetgrid.studies.run.RunFolder.stagingOf(outputs(id)));
        deleteTree(outputs(id).resolveSibling(id + ".failed"));
    }

    /** Deletes a folder and everything in it (leftovers of a killed run); absent is fine. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    if (exc != null) {
                        throw exc;
                    }
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new PacketGridException(root.toString(), "cannot delete: " + e.getMessage());
        }
    }
}
