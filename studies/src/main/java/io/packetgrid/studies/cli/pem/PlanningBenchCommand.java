package io.packetgrid.studies.cli.pem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.pem.internet.PlanningBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench planning}: the Energy-Internet server's day-ahead plan for a community (an EV, a
 * dishwasher and a sauna per household, 96 quarter-hour slots; packet-server's PlanningBench), in
 * thread CPU time after a warm-up. Prints one JSON object last.
 */
@Command(name = "planning", mixinStandardHelpOptions = true,
        description = {"Benchmarks the Energy-Internet day-ahead planning (thread CPU time).",
                "Prints day_ahead_cpu_ms, day_ahead_wall_ms, replan_cpu_ms for --households N (an EV, a dishwasher",
                "and a sauna each)."})
public final class PlanningBenchCommand implements Callable<Integer> {
    @Option(names = "--households", defaultValue = "55", description = "Households (default ${DEFAULT-VALUE}).")
    int households;

    @Option(names = "--seed", defaultValue = "15", description = "Seed of the requests (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (households < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--households must be ≥ 1");
        }
        PlanningBench.Result r = PlanningBench.measure(households, seed);
        ObjectNode out = new ObjectMapper().createObjectNode();
        out.put("households", r.households());
        out.put("requests", r.requests());
        out.put("feasible", r.feasible());
        out.put("day_ahead_cpu_ms", Math.round(r.dayAheadCpuMs() * 10) / 10.0);
        out.put("day_ahead_wall_ms", Math.round(r.dayAheadWallMs() * 10) / 10.0);
        out.put("replan_cpu_ms", Math.round(r.replanCpuMs() * 10) / 10.0);
        out.put("cost_per_household", Math.round(r.costPerHousehold() * 1e4) / 1e4);
        System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
        return 0;
    }
}
