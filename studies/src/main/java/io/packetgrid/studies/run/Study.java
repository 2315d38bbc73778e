package io.packetgrid.studies.run;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A kind of study that {@code ./packetgrid run SCENARIO.yaml} can execute. The scenario's top-level
 * {@code kind:} field selects it (see {@link StudyKinds}); the study maps the whole YAML tree to its
 * own scenario record (strictly, with {@code YamlFiles.convert}), runs its variants and writes its
 * outputs into {@link RunContext#outDir()}.
 */
public interface Study {

    /** The value of {@code kind:} that selects this study. */
    String kind();

    /**
     * Runs the scenario. Writes {@code summary.json} (through {@link io.packetgrid.studies.report.Summary}),
     * CSVs, events and plots into the context's folder, and returns the summary it wrote.
     *
     * @param scenario the parsed YAML tree (already overridden by {@code --seed} where given)
     * @param source   the scenario's name for error messages (file name or {@code built-in default})
     */
    io.packetgrid.studies.report.Summary run(JsonNode scenario, String source, RunContext context);
}
