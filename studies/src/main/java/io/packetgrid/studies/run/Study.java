package io.packetgrid.studies.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * A kind of study that {@code ./packetgrid run SCENARIO.yaml} can execute. The scenario's top-level
 * {@code kind:} field selects it (see {@code kinds.StudyKinds}); the study maps the whole YAML tree to its
 * own scenario record (strictly, with {@code YamlFiles.convert}), runs its variants and writes its
 * outputs into {@link RunContext#outDir()}.
 */
public interface Study {

    /** The value of {@code kind:} that selects this study. */
    String kind();

    /**
     * The scenario as this study reads it: its scenario record, strictly converted, every default filled in.
     * {@code scenario show} prints it and every run folder keeps it as {@code scenario.resolved.yaml}
     * (through {@link io.packetgrid.cosim.scenario.ScenarioWriter}), so it must be the very object
     * {@link #run} works from: convert with the same call.
     *
     * @param scenarioDir the scenario file's folder (null for a built-in scenario), for error locations
     */
    Object scenario(JsonNode scenario, String source, Path scenarioDir);

    /**
     * Checks what can be checked without running (files, names that refer to each other); the default
     * checks nothing beyond {@link #scenario}. Throws the usual one-line error.
     */
    default void check(JsonNode scenario, String source, Path scenarioDir) {
        scenario(scenario, source, scenarioDir);
    }

    /**
     * Runs the scenario. Writes {@code summary.json} (through {@link io.packetgrid.studies.report.Summary}),
     * CSVs, events and plots into the context's folder, and returns the summary it wrote.
     *
     * @param scenario the parsed YAML tree (already overridden by {@code --seed} where given)
     * @param source   the scenario's name for error messages (file name or {@code built-in default})
     */
    io.packetgrid.studies.report.Summary run(JsonNode scenario, String source, RunContext context);
}
