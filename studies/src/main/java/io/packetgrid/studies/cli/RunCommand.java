package io.packetgrid.studies.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.studies.report.ConsoleProgress;
import io.packetgrid.studies.report.Summary;
import io.packetgrid.studies.run.RunContext;
import io.packetgrid.studies.run.ScenarioText;
import io.packetgrid.studies.run.Study;
import io.packetgrid.studies.run.StudyKinds;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run [SCENARIO.yaml] [--out DIR] [--seed N]}: one co-simulation study (CLI.md). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs one co-simulation study and writes summary.json, CSV time series, the event log",
                "and PNG plots. Without a scenario it runs the built-in default study."})
public final class RunCommand implements Callable<Integer> {

    /** The built-in default study, shipped inside the jar. */
    public static final String DEFAULT_SCENARIO = "/scenarios/default.yaml";

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.yaml", description = "Study scenario (default: the built-in study).")
    Path scenario;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default runs/<scenario-name>-<timestamp>/).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Run seed (overrides the scenario's seed).")
    Long seed;

    @Option(names = "--threads", paramLabel = "K", description = "Worker threads (results do not depend on it; default: available cores).")
    Integer threads;

    @Override
    public Integer call() {
        ScenarioText in = ScenarioText.of(scenario, "built-in default scenario", RunCommand::builtInDefault);
        String source = in.source();
        JsonNode tree = YamlFiles.read(in.text(), source, JsonNode.class);
        if (!(tree instanceof ObjectNode obj)) {
            throw new PacketGridException(source, "a scenario must be a mapping of fields");
        }
        JsonNode kindNode = obj.get("kind");
        if (kindNode == null || !kindNode.isTextual()) {
            throw new PacketGridException(source + ": kind", "missing required field (one of " + String.join(", ", StudyKinds.known()) + ")");
        }
        Study study = StudyKinds.of(kindNode.asText(), source + ": kind");
        if (seed != null) {
            obj.put("seed", seed);
        }
        String name = obj.path("name").asText(scenario == null ? "default" : stripYaml(source));
        Path dir = out != null ? out : Path.of("runs", name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        int k = ScenarioText.threads(threads, "--threads");
        RunContext ctx = new RunContext(dir, in.dir(), k, ConsoleProgress::forTerminal, System.out);
        Summary summary = study.run(obj, source, ctx);
        System.out.println("results: " + dir.toAbsolutePath().normalize());
        return summary == null ? 1 : 0;
    }

    private static String stripYaml(String file) {
        return file.replaceFirst("\\.(ya?ml)$", "");
    }

    static String builtInDefault() {
        return ScenarioText.builtIn(DEFAULT_SCENARIO, "run", "the built-in default scenario");
    }
}
