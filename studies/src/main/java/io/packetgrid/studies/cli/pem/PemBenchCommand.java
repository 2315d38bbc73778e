package io.packetgrid.studies.cli.pem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.pem.net.PipelineBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench pem}: the packet server's hot path on one thread, in thread CPU time (not inflated
 * by other processes): full UDP pipeline per frame (decode, authenticate, decide, journal, sign,
 * encode), MAC verification, heap per registered device. Prints one JSON object last.
 */
@Command(name = "pem", mixinStandardHelpOptions = true,
        description = {"Benchmarks the packet server's hot path on one thread (thread CPU time).",
                "Prints pipeline_frames_per_cpu_second, pipeline_ns_per_frame, mac_verify_ns, heap_bytes_per_device,",
                "heap_mb_per_million_devices."})
public final class PemBenchCommand implements Callable<Integer> {
    @Option(names = "--devices", defaultValue = "100000", description = "Registered devices (default ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--frames", defaultValue = "500000", description = "Request frames pushed through the pipeline (default ${DEFAULT-VALUE}).")
    int frames;

    @Override
    public Integer call() throws Exception {
        if (devices < 1 || frames < 1000) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--devices ≥ 1 and --frames ≥ 1000");
        }
        Path ledger = Files.createTempDirectory("packetgrid-bench-ledger");
        try {
            PipelineBench.Result r = PipelineBench.run(devices, frames, ledger);
            ObjectNode out = new ObjectMapper().createObjectNode();
            out.put("pipeline_ns_per_frame", Math.round(r.pipelineNsPerFrame()));
            out.put("pipeline_frames_per_cpu_second", Math.round(1e9 / r.pipelineNsPerFrame()));
            out.put("mac_verify_ns", Math.round(r.macVerifyNs()));
            out.put("heap_bytes_per_device", Math.round(r.heapBytesPerDevice()));
            out.put("heap_mb_per_million_devices", Math.round(r.heapBytesPerDevice() * 1e6 / (1 << 20)));
            out.put("frames", r.frames());
            out.put("devices", r.devices());
            System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
            return 0;
        } finally {
            try (var s = Files.walk(ledger)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
