package io.packetgrid.studies.cli.grid;

import picocli.CommandLine.Command;

/** {@code grid ...}: power-flow commands (CLI.md). */
@Command(name = "grid", mixinStandardHelpOptions = true,
        description = "Three-phase unbalanced power flow of feeders given as OpenDSS scripts.",
        subcommands = {GridRunCommand.class, GridSynthCommand.class, GridConvertCommand.class})
public final class GridCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
