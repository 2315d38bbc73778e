package io.packetgrid.studies.cli.radio;

import picocli.CommandLine.Command;

/** {@code radio ...}: the radio model's own commands (CLI.md). */
@Command(name = "radio", mixinStandardHelpOptions = true,
        description = "Radio model tools: evaluate the finite-blocklength error models on CSV tables.",
        subcommands = {RadioEvalCommand.class})
public final class RadioCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
