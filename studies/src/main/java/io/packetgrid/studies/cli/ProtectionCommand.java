package io.packetgrid.studies.cli;

import picocli.CommandLine.Command;

/** {@code protection ...}: communication-assisted protection over the radio model (CLI.md). */
@Command(name = "protection", mixinStandardHelpOptions = true,
        description = "Protection over URLLC: validate communication-assisted schemes against latency requirements.",
        subcommands = {ProtectionValidateCommand.class})
public final class ProtectionCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
