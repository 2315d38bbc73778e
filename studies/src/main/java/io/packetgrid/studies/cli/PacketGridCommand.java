package io.packetgrid.studies.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: {@code packetgrid <command>}; the contract is docs/cli.md. */
@Command(name = "packetgrid",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"PacketGrid: co-simulation of packetized energy management on LV micro-grids over 5G radio.",
                "Power flow, finite-blocklength machine-type radio and the packet server in one deterministic run."},
        subcommands = {
                RunCommand.class,
                ScenarioCommand.class,
                BenchCommand.class,
                SweepCommand.class,
                io.packetgrid.studies.cli.pem.KeysCommand.class,
                io.packetgrid.studies.cli.pem.ServeCommand.class,
                io.packetgrid.studies.cli.pem.LoadgenCommand.class,
                io.packetgrid.studies.cli.pem.JournalCommand.class,
                io.packetgrid.studies.cli.radio.RadioCommand.class,
                io.packetgrid.studies.cli.grid.GridCommand.class,
                ProtectionCommand.class,
        })
public final class PacketGridCommand implements Runnable {

    @Option(names = "--debug", description = "Show stack traces of internal errors.", scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
