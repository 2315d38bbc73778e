package io.packetgrid.studies.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.studies.report.ConsoleProgress;
import io.packetgrid.studies.run.RunContext;
import io.packetgrid.studies.run.ScenarioText;
import io.packetgrid.studies.run.Study;
import io.packetgrid.studies.kinds.StudyKinds;
import io.packetgrid.studies.run.StudyRun;
import io.packetgrid.studies.run.Warnings;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run [SCENARIO.yaml] [--out DIR] [--seed N]}: one co-simulation study (CLI.md). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs one co-simulation study. Without a scenario it runs the built-in default study.",
                "Writes summary.json, CSV time series, the event logs, PNG plots, report.html, run.json and",
                "scenario.resolved.yaml (the effective scenario: running it again reproduces the run)."})
public final class RunCommand implements Callable<Integer> {

    /** The built-in default study, shipped inside the jar. */
    public static final String DEFAULT_SCENARIO = "/scenarios/default.yaml";

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.yaml", description = "Study scenario (default: the built-in study).")
    Path scenario;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default runs/<scenario-name>-<timestamp>/).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Run seed (overrides the scenario's seed).")
    Long seed;

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Option(names = "--threads", paramLabel = "K", description = "Worker threads (results do not depend on it; default: available cores).")
    Integer threads;

    @Override
    public Integer call() {
        ScenarioText in = ScenarioText.of(scenario, "built-in default scenario", RunCommand::builtInDefault);
        String source = in.source();
        ObjectNode obj = tree(in);
        Study study = StudyKinds.of(kind(obj, source, StudyKinds.known()), source + ": kind");
        if (seed != null) {
            obj.put("seed", seed);
        }
        String name = obj.path("name").asText(scenario == null ? "default" : stripYaml(source));
        Path dir = out != null ? out : Path.of("runs", name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        int k = ScenarioText.threads(threads, "--threads");
        RunContext ctx = new RunContext(dir, in.dir(), k, ConsoleProgress::forTerminal, System.out, new Warnings(System.err));
        StudyRun.Outcome done = StudyRun.execute(study, obj, source, ctx, commandLine(spec));
        System.out.println("results: " + done.dir());
        return 0;
    }

    /** The command line as typed after {@code packetgrid} (for run.json). */
    static String commandLine(CommandSpec spec) {
        CommandLine root = spec.root().commandLine();
        List<String> args = root.getParseResult() == null ? List.of() : root.getParseResult().originalArgs();
        return String.join(" ", args);
    }

    /** A scenario's YAML as a tree (a mapping of fields, else the usual one-line error). */
    static ObjectNode tree(ScenarioText in) {
        JsonNode tree = YamlFiles.read(in.text(), in.source(), JsonNode.class);
        if (!(tree instanceof ObjectNode obj)) {
            throw new PacketGridException(in.source(), "a scenario must be a mapping of fields");
        }
        return obj;
    }

    /** The scenario's {@code kind:} value (required; {@code known} lists the choices in the error). */
    static String kind(ObjectNode tree, String source, List<String> known) {
        JsonNode kindNode = tree.get("kind");
        if (kindNode == null || !kindNode.isTextual()) {
            throw new PacketGridException(source + ": kind", "missing required field (one of " + String.join(", ", known) + ")");
        }
        return kindNode.asText();
    }

    private static String stripYaml(String file) {
        return file.replaceFirst("\\.(ya?ml)$", "");
    }

    static String builtInDefault() {
        return ScenarioText.builtIn(DEFAULT_SCENARIO, "run", "the built-in default scenario");
    }
}
