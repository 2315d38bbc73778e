package io.packetgrid.studies.cli.radio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.radio.bench.RadioBench;
import io.packetgrid.radio.fading.AveragedNaTable;
import io.packetgrid.radio.network.ClassStatistics;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench radio} (CLI.md): AWGN and Rayleigh-averaged normal-approximation evaluations per
 * second on one thread, and the 10,000-device mMTC cell with NOMA pairing over one simulated hour.
 * Prints one JSON object last. Medians over the repeats (the machine may be shared).
 */
@Command(name = "radio", mixinStandardHelpOptions = true,
        description = {"Benchmarks the radio model's throughput on one thread.",
                "AWGN and Rayleigh-averaged normal-approximation evaluations per second, and an mMTC cell with NOMA",
                "pairing simulated for an hour."})
public final class RadioBenchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--evals", defaultValue = "20000000", description = "AWGN evaluations per timed round (default ${DEFAULT-VALUE}).")
    long evals;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed rounds after warm-up; the median is reported (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--devices", defaultValue = "10000", description = "Devices in the mMTC cell (default ${DEFAULT-VALUE}; 0 skips it).")
    int devices;

    @Option(names = "--hours", defaultValue = "1", description = "Simulated hours of the cell (default ${DEFAULT-VALUE}).")
    double hours;

    @Option(names = "--cell-repeats", defaultValue = "3", description = "Cell runs; the median wall time is reported (default ${DEFAULT-VALUE}).")
    int cellRepeats;

    @Override
    public Integer call() throws Exception {
        if (evals < 1000 || repeats < 1 || devices < 0 || !(hours > 0) || cellRepeats < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--evals must be ≥ 1000, --repeats and --cell-repeats ≥ 1, --devices ≥ 0, --hours > 0");
        }
        RadioBench.Rate awgn = RadioBench.awgnRate(evals, repeats);
        RadioBench.Rate rayleigh = RadioBench.rayleighRate(Math.max(1000, evals / 10), repeats);
        double newTable = RadioBench.rayleighNewTableMicros(500);
        ObjectNode o = JSON.createObjectNode();
        o.put("awgn_evals_per_second", Math.round(awgn.perWallSecond()));
        o.put("rayleigh_evals_per_second", Math.round(rayleigh.perWallSecond()));
        // the same, by the thread's CPU time: what one core does when the machine is shared
        o.put("awgn_evals_per_cpu_second", Math.round(awgn.perCpuSecond()));
        o.put("rayleigh_evals_per_cpu_second", Math.round(rayleigh.perCpuSecond()));
        o.put("rayleigh_new_table_us", Math.round(newTable * 10) / 10.0);
        o.put("rayleigh_nodes", AveragedNaTable.of(150, 120, true).nodes());
        if (devices > 0) {
            double[] wall = new double[cellRepeats];
            double[] cpu = new double[cellRepeats];
            RadioBench.CellResult last = null;
            for (int i = 0; i < cellRepeats; i++) {
                last = RadioBench.mmtcCell(devices, hours, 1);
                wall[i] = last.wallSeconds();
                cpu[i] = last.cpuSeconds();
            }
            java.util.Arrays.sort(wall);
            java.util.Arrays.sort(cpu);
            ClassStatistics.Summary s = last.statistics().all();
            o.put("cell_devices", devices);
            o.put("cell_simulated_hours", hours);
            o.put("cell_wall_seconds", Math.round(wall[cellRepeats / 2] * 1000) / 1000.0);
            o.put("cell_wall_seconds_min", Math.round(wall[0] * 1000) / 1000.0);
            o.put("cell_cpu_seconds", Math.round(cpu[cellRepeats / 2] * 1000) / 1000.0);
            o.put("cell_messages", last.messages());
            o.put("cell_noma_pairs_uplink", last.counters().uplinkNomaPairs());
            o.put("cell_noma_pairs_downlink", last.counters().downlinkNomaPairs());
            o.put("cell_loss_pct", round(s.lossPct()));
            o.put("cell_latency_p50_ms", round(s.latencyP50Ms()));
            o.put("cell_latency_p99_ms", round(s.latencyP99Ms()));
        }
        o.put("threads", 1);
        o.put("repeats", repeats);
        System.out.println(JSON.writeValueAsString(o));
        return 0;
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 1000) / 1000.0;
    }
}
