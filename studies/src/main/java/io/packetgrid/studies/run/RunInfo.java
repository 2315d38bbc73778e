package io.packetgrid.studies.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.studies.report.Summary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A run folder's {@code run.json} (CLI.md): what produced the folder. {@code status} is {@code completed}
 * or {@code failed} (then {@code error} says why, and the folder holds no {@code summary.json}).
 *
 * @param version   the tool's version (the jar's; {@code development build} when run from classes)
 * @param gitCommit the commit of the checkout the tool was built in, where known (else null)
 * @param gitDirty  whether that checkout had uncommitted changes to tracked files, where known
 * @param command   the command line, as typed after {@code packetgrid}
 * @param seed      the run's seed (the effective scenario's)
 * @param threads   worker threads (results never depend on them)
 * @param java      the Java runtime
 * @param started   start time, ISO-8601 UTC
 * @param wallS     wall time of the run, seconds
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"version", "git_commit", "git_dirty", "command", "study", "scenario", "seed", "threads", "java", "started",
        "wall_s", "status", "error", "warnings"})
public record RunInfo(@JsonProperty("version") String version,
                      @JsonProperty("git_commit") String gitCommit,
                      @JsonProperty("git_dirty") Boolean gitDirty,
                      @JsonProperty("command") String command,
                      @JsonProperty("study") String study,
                      @JsonProperty("scenario") String scenario,
                      @JsonProperty("seed") Long seed,
                      @JsonProperty("threads") int threads,
                      @JsonProperty("java") String java,
                      @JsonProperty("started") String started,
                      @JsonProperty("wall_s") double wallS,
                      @JsonProperty("status") String status,
                      @JsonProperty("error") String error,
                      @JsonProperty("warnings") List<String> warnings) {

    public static final String FILE = "run.json";

    /** A run's record; {@code error} null means it completed. */
    public static RunInfo of(String command, String study, String scenario, Long seed, int threads, Instant started,
                             long wallNs, String error, List<String> warnings) {
        Provenance.Build b = Provenance.build();
        return new RunInfo(b.version(), b.gitCommit(), b.gitDirty(), command, study, scenario, seed, threads, Provenance.java(),
                started.toString(), Math.round(wallNs / 1e6) / 1e3, error == null ? "completed" : "failed", error,
                List.copyOf(warnings));
    }

    public boolean completed() {
        return error == null;
    }

    /** Writes {@code dir/run.json}. */
    public void write(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            Files.writeString(file, Summary.JSON.writeValueAsString(this) + "\n", StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new PacketGridException(file.toString(), "cannot write: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write: " + e.getMessage());
        }
    }
}
