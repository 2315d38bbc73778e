package io.packetgrid.studies.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.scenario.ScenarioWriter;
import io.packetgrid.studies.report.HtmlReport;
import io.packetgrid.studies.report.Summary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * One run of a study into its folder, with its provenance: what {@code run}, each run of a sweep and
 * {@code protection validate} do around the study itself. In order:
 * <ol>
 *   <li>the scenario is read (a bad scenario fails here, before any folder exists);</li>
 *   <li>the effective scenario is written as {@code scenario.resolved.yaml}, derived from the parsed
 *       scenario record by {@link ScenarioWriter} (and read back and compared, so it reproduces the run);</li>
 *   <li>the study runs into the staging folder of a {@link RunFolder};</li>
 *   <li>{@code run.json} ({@link RunInfo}) and {@code report.html} ({@link HtmlReport}) are written and the
 *       folder is moved into place; on failure the partial folder gets a failed {@code run.json} and no
 *       {@code summary.json}, and the error goes on to the caller.</li>
 * </ol>
 */
public final class StudyRun {
    /** The scenario file kept in every run folder. */
    public static final String RESOLVED = "scenario.resolved.yaml";

    /** A completed run: its summary (the content of its summary.json), its provenance, and where its folder is. */
    public record Outcome(JsonNode summary, RunInfo info, Path dir) {
    }

    /** What is run: writes the results, {@code summary.json} among them, into a folder and returns that summary. */
    public interface Body {
        JsonNode run(Path dir);
    }

    private StudyRun() {
    }

    /**
     * Runs a {@code run}-able study.
     *
     * @param scenario the scenario tree (overrides such as {@code --seed} applied)
     * @param ctx      where to run; its {@code outDir} is the final folder
     * @param command  the command line for {@code run.json}
     */
    public static Outcome execute(Study study, JsonNode scenario, String source, RunContext ctx, String command) {
        Object parsed = study.scenario(scenario, source, ctx.scenarioDir());
        Function<String, Object> reread = yaml -> study.scenario(
                io.packetgrid.cosim.scenario.YamlFiles.read(yaml, RESOLVED, JsonNode.class), RESOLVED, null);
        return execute(study.kind(), parsed, reread, ctx, command, dir -> {
            Summary s = study.run(scenario, source, ctx.withOutDir(dir));
            return s == null ? null : s.root();
        });
    }

    /**
     * Runs any study given its parsed scenario record.
     *
     * @param kind   the study's kind, for {@code run.json}
     * @param parsed the scenario record the run works from
     * @param reread reads a resolved scenario's YAML back into a record (to check it reproduces {@code parsed})
     */
    public static Outcome execute(String kind, Object parsed, Function<String, Object> reread, RunContext ctx, String command,
                                  Body body) {
        String yaml = ScenarioWriter.yaml(parsed, ctx.scenarioDir());
        JsonNode resolved = ScenarioWriter.tree(parsed, ctx.scenarioDir());
        // read back, it must be the same scenario: written again, the same text (paths are absolute in both)
        String again;
        try {
            again = ScenarioWriter.yaml(reread.apply(yaml), null);
        } catch (PacketGridException e) {
            again = e.getMessage();
        }
        if (!Objects.equals(again, yaml)) {
            ctx.warn("scenario.resolved.yaml does not read back as the scenario that ran (a scenario field is not written; "
                    + "please report this): do not rely on it to reproduce the run");
        }
        String name = resolved.path("name").isTextual() ? resolved.get("name").asText() : null;
        Long seed = resolved.path("seed").isIntegralNumber() ? resolved.get("seed").asLong() : null;
        RunFolder folder = RunFolder.open(ctx.outDir());
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        JsonNode summary;
        try {
            write(folder.dir().resolve(RESOLVED), header(command) + yaml);
            summary = body.run(folder.dir());
            if (summary == null) {
                throw new PacketGridException(name == null ? kind : name, "the study reported a failed run");
            }
        } catch (RuntimeException | Error e) {
            String why = e instanceof PacketGridException p ? p.userMessage()
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            try {
                RunInfo.of(command, kind, name, seed, ctx.threads(), started, System.nanoTime() - t0, why, ctx.warnings().all())
                        .write(folder.dir());
            } catch (RuntimeException ignored) {
                // the run's own error is what the user must see
            }
            folder.abandon();
            throw e;
        }
        RunInfo info = RunInfo.of(command, kind, name, seed, ctx.threads(), started, System.nanoTime() - t0, null,
                ctx.warnings().all());
        info.write(folder.dir());
        HtmlReport.write(folder.dir(), summary, Summary.JSON.valueToTree(info), yaml);
        Path dir = folder.publish();
        return new Outcome(summary, info, dir);
    }

    private static String header(String command) {
        return "# The effective scenario of this run: every field, defaults filled in (written by PacketGrid).\n"
                + "# Running it again reproduces the run's summary.json byte for byte: ./packetgrid run " + RESOLVED + "\n"
                + "# (protection studies: ./packetgrid protection validate " + RESOLVED + "). This run: packetgrid " + command + "\n";
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write: " + e.getMessage());
        }
    }
}
