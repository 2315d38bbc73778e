package io.packetgrid.studies.cli.pem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.packetgrid.pem.net.PacketServer;
import io.packetgrid.pem.net.ServerConfig;
import io.packetgrid.pem.protocol.DeviceKeys;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code serve --port P --keys KEYS.csv --ledger DIR [--config FILE]}: the packet server as a real
 * network service (UDP and TCP on port P) until stopped; SIGTERM shuts it down cleanly (journal
 * drained) and prints its counters as one JSON object.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the packet server (UDP and TCP on one port) for real or emulated devices.",
                "Accepted packets are journaled in the ledger folder before they are",
                "acknowledged, so a restart loses none. Runs until stopped (SIGTERM: clean",
                "shutdown). Wire format: docs/protocol.md."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", required = true, paramLabel = "P", description = "UDP and TCP port (0: any free port).")
    int port;

    @Option(names = "--keys", required = true, paramLabel = "KEYS.csv", description = "Device keys (keys generate).")
    Path keys;

    @Option(names = "--ledger", required = true, paramLabel = "DIR", description = "Journal folder (created if missing).")
    Path ledger;

    @Option(names = "--config", paramLabel = "FILE", description = "Policy, limits and journal settings (YAML).")
    Path config;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR",
            description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String host;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--port must be 0..65535");
        }
        ServerConfig cfg = config == null ? ServerConfig.defaults() : ServerConfig.read(config);
        cfg.buildPolicy(); // validate before binding
        DeviceKeys k = DeviceKeys.read(keys);
        PacketServer server = new PacketServer(cfg, k, ledger);
        server.start(host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            Map<String, Object> out = new LinkedHashMap<>(server.counters().snapshot());
            out.put("journal_batches", server.journal().batches());
            out.put("journal_records", server.journal().written());
            try {
                System.out.println(new ObjectMapper().writeValueAsString(out));
            } catch (Exception e) {
                System.out.println("{}");
            }
            System.out.flush();
            stopped.countDown();
        }, "packetgrid-serve-shutdown"));
        System.out.printf("serving %d devices on %s:%d (udp+tcp), ledger %s: recovered %d packets from %d segments%s%n",
                k.maxId(), host, server.port(), ledger, server.recovery().records(), server.recovery().segments(),
                server.recovery().truncatedBytes() > 0 ? " (dropped a torn tail of " + server.recovery().truncatedBytes() + " bytes)" : "");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
