package io.packetgrid.studies.cli.pem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.pem.journal.Finding;
import io.packetgrid.pem.journal.Recovery;
import io.packetgrid.pem.net.PacketServer;
import io.packetgrid.pem.net.ServerConfig;
import io.packetgrid.pem.protocol.DeviceKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serve --port P --keys KEYS.csv --ledger DIR [--config FILE]}: the packet server as a real
 * network service (UDP and TCP on port P) until stopped. Prints a banner with what recovery found,
 * one JSON line of counters every {@code --stats-every} (and the same object into {@code --stats FILE}),
 * and on SIGTERM or SIGINT shuts down cleanly (journal drained), prints its counters as one JSON
 * object last and exits 0 (CLI.md).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the packet server (UDP and TCP on one port) for real or emulated devices.",
                "Accepted packets are journaled in the ledger folder before they are",
                "acknowledged, so a restart loses none. Runs until stopped (SIGTERM: clean",
                "shutdown, exit 0). Wire format, limits, counters: docs/protocol.md."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", required = true, paramLabel = "P", description = "UDP and TCP port (0: any free port).")
    int port;

    @Option(names = "--keys", required = true, paramLabel = "KEYS.csv", description = "Device keys (keys generate).")
    Path keys;

    @Option(names = "--ledger", required = true, paramLabel = "DIR", description = "Journal folder (created if missing; made private, 0700).")
    Path ledger;

    @Option(names = "--config", paramLabel = "FILE", description = "Policy, limits and journal settings (YAML).")
    Path config;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR",
            description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String host;

    @Option(names = "--stats-every", defaultValue = "60s", paramLabel = "D",
            description = "Print the counters as one JSON line this often (default ${DEFAULT-VALUE}; 0: never).")
    String statsEvery;

    @Option(names = "--stats", paramLabel = "FILE",
            description = "Also keep the latest counters in FILE (one JSON object, replaced atomically each time).")
    Path statsFile;

    @Option(names = "--warmup", defaultValue = "2s", paramLabel = "D",
            description = "Before opening the port, run every code path (well-formed and hostile traffic, TCP floods) for D "
                    + "on a throwaway server, then on another until the JIT compilers have caught up (0.5-10 s more), "
                    + "so that a first attack meets compiled code (default ${DEFAULT-VALUE}; 0s: none).")
    String warmup;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--port must be 0..65535");
        }
        long everyNs;
        try {
            everyNs = SimTime.parse(statsEvery);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--stats-every: " + e.getMessage());
        }
        long warmupNs;
        try {
            warmupNs = SimTime.parse(warmup);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--warmup: " + e.getMessage());
        }
        if (warmupNs < 0 || warmupNs > 600_000_000_000L) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--warmup must be in [0s, 10min]");
        }
        if (everyNs != 0 && everyNs < 100_000_000L) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--stats-every must be 0 or at least 100ms");
        }
        if (statsFile != null) {
            Path parent = statsFile.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new PacketGridException(statsFile.toString(), "the folder does not exist");
            }
        }
        ServerConfig cfg = config == null ? ServerConfig.defaults() : ServerConfig.read(config);
        cfg.buildPolicy(); // validate before binding
        DeviceKeys k = DeviceKeys.read(keys);
        PacketServer server = new PacketServer(cfg, k, ledger);
        if (warmupNs > 0) {
            io.packetgrid.pem.net.ServerWarmup.run(warmupNs, server); // on the event loops that will serve
        }
        // One full collection before the port opens: the keys, the per-device state and the recovered
        // index move to the old generation, and the warm-up's garbage goes, so that the young collections
        // while serving copy only what arrived since (each is a pause of every request in flight).
        System.gc();
        server.start(host, port);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "packetgrid-serve-stats");
            t.setDaemon(true);
            return t;
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ticker.shutdownNow();
            server.close();
            int status = server.journal().failure() == null ? 0 : 1;
            publish(server.stats());
            System.out.flush();
            stopped.countDown();
            // SIGTERM/SIGINT is how a service is stopped: a clean shutdown exits 0 (the JVM's default
            // status for a signal would be 128 + 15). Only a shutdown hook sees the signal, so the status
            // is set here; nothing of ours is left to run.
            Runtime.getRuntime().halt(status);
        }, "packetgrid-serve-shutdown"));
        System.out.println(banner(k, server));
        System.out.flush();
        if (everyNs > 0) {
            ticker.scheduleAtFixedRate(() -> publish(server.stats()), everyNs, everyNs, TimeUnit.NANOSECONDS);
        }
        stopped.await();
        return 0;
    }

    private String banner(DeviceKeys k, PacketServer server) {
        Recovery r = server.recovery();
        StringBuilder b = new StringBuilder(String.format("serving %d devices on %s:%d (udp+tcp), ledger %s: recovered %d packets from %d segments",
                k.count(), host, server.port(), ledger, r.records(), r.segments()));
        if (!r.clean()) {
            b.append("; ").append(r.describe());
            if (r.findings().stream().anyMatch(f -> f.kind() == Finding.Kind.DAMAGED)) {
                b.append(" (inspect with: packetgrid journal check ").append(ledger).append(" --hex)");
            }
        }
        return b.toString();
    }

    /** One JSON line on stdout, and the stats file replaced. */
    private synchronized void publish(Map<String, Object> stats) {
        String line;
        try {
            line = JSON.writeValueAsString(stats);
        } catch (IOException e) {
            line = "{}";
        }
        System.out.println(line);
        System.out.flush();
        if (statsFile != null) {
            Path tmp = statsFile.resolveSibling(statsFile.getFileName() + ".tmp");
            try {
                Files.writeString(tmp, line + "\n", StandardCharsets.UTF_8);
                Files.move(tmp, statsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                System.err.println("packetgrid: " + statsFile + ": cannot write the stats: " + e.getMessage());
            }
        }
    }
}
