package io.packetgrid.studies.cli;

import io.packetgrid.cosim.error.PacketGridException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Entry point of {@code ./packetgrid}. Exit codes (CLI.md): 0 success, 1 bad input or failed run
 * (one line on stderr naming the file, line or field), 2 usage error. {@code --debug} shows stack traces.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int execute(String... args) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(new PacketGridCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> report(ex, cmd.getErr(), debug));
        cli.setParameterExceptionHandler((ex, argv) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("packetgrid: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return 2;
        });
        return cli.execute(args);
    }

    static int report(Exception ex, PrintWriter err, boolean debug) {
        Throwable t = ex;
        if (t instanceof UncheckedIOException u && u.getCause() != null) {
            t = u.getCause();
        }
        if (t instanceof PacketGridException p) {
            err.println("packetgrid: " + p.userMessage());
        } else if (t instanceof OutOfMemoryError) {
            err.println("packetgrid: out of memory; raise the heap with PACKETGRID_JAVA_OPTS=-Xmx…");
        } else {
            String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
            err.println("packetgrid: internal error: " + msg + (debug ? "" : " (run with --debug for details)"));
        }
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return 1;
    }
}
