package io.packetgrid.studies.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.scenario.ScenarioWriter;
import io.packetgrid.studies.protection.ProtectionScenarios;
import io.packetgrid.studies.run.ScenarioText;
import io.packetgrid.studies.run.Study;
import io.packetgrid.studies.kinds.StudyKinds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code scenario show FILE} and {@code scenario check FILE} (CLI.md): the effective scenario, and validation without running. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Prints the effective scenario of a study (every default filled in) or checks a scenario without running it.",
        subcommands = {ScenarioCommand.Show.class, ScenarioCommand.Check.class})
public final class ScenarioCommand implements Runnable {
    /** The kind of {@code protection validate}'s scenarios (they are not run by {@code run}). */
    static final String PROTECTION = "protection";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The parsed scenario record of a file, by its kind, as the command that runs it reads it. */
    static Object parse(Path file) {
        ScenarioText in = ScenarioText.of(file, null, null);
        ObjectNode tree = RunCommand.tree(in);
        List<String> known = new ArrayList<>(StudyKinds.known());
        known.add(PROTECTION);
        String kind = RunCommand.kind(tree, in.source(), known);
        if (kind.equals(PROTECTION)) {
            return ProtectionScenarios.base(in.text(), in.source(), Map.of());
        }
        Study study = StudyKinds.of(kind, in.source() + ": kind");
        return study.scenario(tree, in.source(), in.dir());
    }

    /** {@code scenario show FILE}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Prints the effective scenario as YAML: every field, with the defaults filled in and paths made absolute.")
    static final class Show implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "A study scenario (kind: coupled, acc2017 or protection).")
        Path file;

        @Override
        public Integer call() {
            Object s = parse(file);
            System.out.print(ScenarioWriter.yaml(s, file.toAbsolutePath().getParent()));
            System.out.flush();
            return 0;
        }
    }

    /** {@code scenario check FILE}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validates a scenario without running it: fields, values, files and names it refers to.")
    static final class Check implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "A study scenario (kind: coupled, acc2017 or protection).")
        Path file;

        @Override
        public Integer call() {
            ScenarioText in = ScenarioText.of(file, null, null);
            ObjectNode tree = RunCommand.tree(in);
            List<String> known = new ArrayList<>(StudyKinds.known());
            known.add(PROTECTION);
            String kind = RunCommand.kind(tree, in.source(), known);
            if (kind.equals(PROTECTION)) {
                ProtectionValidateCommand.setup(in.text(), in.source(), in.dir(), Map.of());
            } else {
                StudyKinds.of(kind, in.source() + ": kind").check(tree, in.source(), in.dir());
            }
            System.out.println(in.source() + ": ok (kind: " + kind + ")");
            return 0;
        }
    }
}
