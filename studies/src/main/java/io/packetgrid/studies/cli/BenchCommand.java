package io.packetgrid.studies.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.bench.KernelBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench WHAT}: benchmarks of hot paths; prints one JSON object last (CLI.md). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks a hot path and prints one JSON object of results last.",
        subcommands = {BenchCommand.Kernel.class, io.packetgrid.studies.cli.radio.RadioBenchCommand.class,
                io.packetgrid.studies.cli.grid.BenchGridCommand.class,
                io.packetgrid.studies.cli.pem.PemBenchCommand.class, io.packetgrid.studies.cli.pem.PlanningBenchCommand.class})
public final class BenchCommand implements Runnable {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code bench kernel}: message deliveries and value updates per second on one thread. */
    @Command(name = "kernel", mixinStandardHelpOptions = true,
            description = "Kernel throughput on trivial federates exchanging messages and values (one thread).")
    static final class Kernel implements Callable<Integer> {
        @Option(names = "--federates", defaultValue = "100", description = "Federates (default ${DEFAULT-VALUE}).")
        int federates;

        @Option(names = "--burst", defaultValue = "10", description = "Messages in flight per federate (default ${DEFAULT-VALUE}).")
        int burst;

        @Option(names = "--steps", defaultValue = "20000", description = "Simulated microsecond steps per measurement (default ${DEFAULT-VALUE}).")
        long steps;

        @Option(names = "--repeats", defaultValue = "5", description = "Measured repetitions after warm-up; the best is reported (default ${DEFAULT-VALUE}).")
        int repeats;

        @Override
        public Integer call() throws Exception {
            if (federates < 1 || burst < 1 || steps < 1 || repeats < 1) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--federates, --burst, --steps and --repeats must be ≥ 1");
            }
            for (int w = 0; w < 3; w++) { // warm-up: let the JIT compile the kernel's loop
                KernelBench.messages(federates, burst, steps / 4);
                KernelBench.values(federates, steps / 4);
            }
            KernelBench.Result bestMsg = null;
            KernelBench.Result bestVal = null;
            for (int r = 0; r < repeats; r++) {
                KernelBench.Result m = KernelBench.messages(federates, burst, steps);
                KernelBench.Result v = KernelBench.values(federates, steps);
                bestMsg = bestMsg == null || m.messagesPerSecond() > bestMsg.messagesPerSecond() ? m : bestMsg;
                bestVal = bestVal == null || v.valueUpdatesPerSecond() > bestVal.valueUpdatesPerSecond() ? v : bestVal;
            }
            ObjectNode out = JSON.createObjectNode();
            out.put("messages_per_second", Math.round(bestMsg.messagesPerSecond()));
            out.put("value_updates_per_second", Math.round(bestVal.valueUpdatesPerSecond()));
            out.put("messages", bestMsg.messages());
            out.put("value_updates", bestVal.valueUpdates());
            out.put("federates", federates);
            out.put("threads", 1);
            out.put("repeats", repeats);
            System.out.println(JSON.writeValueAsString(out));
            return 0;
        }
    }
}
