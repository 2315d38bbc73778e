package io.packetgrid.studies.cli.pem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.pem.net.LoadGenerator;
import io.packetgrid.pem.net.LoadReport;
import io.packetgrid.pem.protocol.DeviceKeys;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loadgen --target HOST:PORT --keys KEYS.csv --devices N --duration 10s [--rate R]}: emulates
 * a device fleet against a server and prints, last, one JSON object with
 * {@code requests_per_second, p50_ms, p99_ms, acknowledged, lost_acknowledged} (CLI.md) and more.
 */
@Command(name = "loadgen", mixinStandardHelpOptions = true,
        description = {"Emulates a fleet of devices against a packet server over UDP and prints its results as JSON.",
                "The JSON object comes last: requests_per_second, p50_ms, p99_ms, acknowledged,",
                "lost_acknowledged (acknowledged packets missing from the server's journal",
                "afterwards: read from --ledger, or asked of the server over TCP)."})
public final class LoadgenCommand implements Callable<Integer> {

    @Option(names = "--target", required = true, paramLabel = "HOST:PORT", description = "The server.")
    String target;

    @Option(names = "--keys", required = true, paramLabel = "KEYS.csv", description = "Device keys (the server's file).")
    Path keys;

    @Option(names = "--devices", required = true, paramLabel = "N", description = "Devices to emulate (the first N of the keys file).")
    int devices;

    @Option(names = "--duration", defaultValue = "10s", paramLabel = "D", description = "Measured duration (default ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--warmup", defaultValue = "1s", paramLabel = "D", description = "Unmeasured warm-up before it (default ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = "--rate", paramLabel = "R", description = "Requests per second (open loop); default: closed loop with --window in flight.")
    Double rate;

    @Option(names = "--window", defaultValue = "512", paramLabel = "W", description = "Requests in flight in closed loop (default ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--timeout", defaultValue = "1s", paramLabel = "D", description = "A request without reply after this is lost (default ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--ledger", paramLabel = "DIR", description = "Audit the acknowledged packets by reading the server's journal folder.")
    Path ledger;

    @Option(names = "--acks", paramLabel = "FILE", description = "Also write the acknowledged packets (device_id,seq) to FILE.")
    Path acks;

    @Option(names = "--seq-start", defaultValue = "1", paramLabel = "N",
            description = {"First sequence number of every device (default ${DEFAULT-VALUE}). A server that has seen these",
                    "devices before (its replay windows come back from its journal) drops numbers it has seen:",
                    "start above them, as real devices do by keeping their counter."})
    long seqStart;

    @Option(names = "--power-kw", defaultValue = "4.5", paramLabel = "KW", description = "Packet power requested (default ${DEFAULT-VALUE}).")
    double powerKw;

    @Option(names = "--packet", defaultValue = "5m", paramLabel = "D", description = "Packet length requested (default ${DEFAULT-VALUE}).")
    String packet;

    @Option(names = "--hostile-rate", defaultValue = "0", paramLabel = "R",
            description = {"Meanwhile, send R hostile UDP frames per second (forged, unknown device, truncated,",
                    "oversized, wrong version, replays of the fleet's latest frames) from another socket."})
    double hostileRate;

    @Option(names = "--idle-tcp", defaultValue = "0", paramLabel = "N",
            description = "Meanwhile, hold N TCP connections open that send one byte and then nothing.")
    int idleTcp;

    @Option(names = "--idle-tcp-sources", defaultValue = "1", paramLabel = "K",
            description = "Spread the idle connections over K loopback source addresses 127.1.x.y (default ${DEFAULT-VALUE}).")
    int idleTcpSources;

    @Override
    public Integer call() throws Exception {
        int colon = target.lastIndexOf(':');
        int port;
        try {
            port = colon < 0 ? -1 : Integer.parseInt(target.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (colon <= 0 || port < 1 || port > 65535) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--target must be HOST:PORT, got '" + target + "'");
        }
        if (window < 1 || devices < 1 || (rate != null && !(rate > 0 && rate <= 10_000_000))) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--devices, --window and --rate must be > 0");
        }
        if (!(hostileRate >= 0 && hostileRate <= 10_000_000) || idleTcp < 0 || idleTcp > 1_000_000
                || idleTcpSources < 1 || idleTcpSources > 65_000) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--hostile-rate must be in [0, 1e7], --idle-tcp in [0, 1000000], --idle-tcp-sources in [1, 65000]");
        }
        long durNs = parse("--duration", duration);
        long warmNs = parse("--warmup", warmup);
        long toNs = parse("--timeout", timeout);
        long packetNs = parse("--packet", packet);
        DeviceKeys k = DeviceKeys.read(keys);
        InetSocketAddress addr = new InetSocketAddress(target.substring(0, colon), port);
        if (addr.isUnresolved()) {
            throw new PacketGridException("--target", "cannot resolve host '" + target.substring(0, colon) + "'");
        }
        LoadGenerator.Config cfg = new LoadGenerator.Config(addr, k, devices, durNs, warmNs, rate == null ? 0 : rate,
                Math.min(window, devices), toNs, ledger, acks, powerKw, packetNs, seqStart, hostileRate, idleTcp, idleTcpSources);
        LoadReport r = new LoadGenerator(cfg).run();
        System.out.println(new ObjectMapper().writeValueAsString(r.toJsonFields()));
        return 0;
    }

    private long parse(String option, String text) {
        try {
            long ns = SimTime.parse(text);
            if (ns <= 0 && !option.equals("--warmup")) {
                throw new IllegalArgumentException("must be > 0");
            }
            return ns;
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), option + ": " + e.getMessage());
        }
    }
}
