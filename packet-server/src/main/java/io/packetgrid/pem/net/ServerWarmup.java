package io.packetgrid.pem.net;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.pem.protocol.DeviceKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Runs the server's code once through every path before the real server opens its port: a throwaway
 * server (its own synthetic keys, counters and a ledger in a temporary folder, deleted afterwards) on a
 * loopback port, under {@link LoadGenerator} requests together with {@link HostileTraffic} (every kind of
 * hostile frame, idle TCP connections over its caps) and the QUERY audit over TCP. The JIT compiles
 * what it runs, with the branch profiles of all of it: without this, the first attack on a server that
 * had only seen well-formed traffic ran the new paths interpreted and threw away compiled code built
 * for the well-formed case (measured: a first hostile run lost 10,000–30,000 requests and had p99
 * 0.1–0.7 s; later runs a few milliseconds). The real server's state is untouched.
 */
public final class ServerWarmup {
    /** Synthetic devices of the throwaway server. */
    static final int DEVICES = 2000;
    /** Idle TCP connections thrown at the throwaway server (from 8 addresses), and how many it admits (8 per address). */
    static final int IDLE_TCP = 1024;
    static final int IDLE_TCP_CAP = 32;

    /** The load generator's report and the throwaway server's counters. */
    public record Result(LoadReport load, Map<String, Object> counters) {
    }

    private ServerWarmup() {
    }

    /** Runs for {@code durationNs} of load (then the audit) on event loops of its own; returns what the throwaway server saw. */
    public static Result run(long durationNs) {
        return run(durationNs, null);
    }

    /**
     * Runs for {@code durationNs} of load (then the audit) with the throwaway server on {@code server}'s event
     * loops, before {@code server} starts: the threads that will answer its traffic have then run every path
     * themselves. A thread's first pass sets up its per-thread state (Netty's buffer caches and object pools,
     * the MAC's digest), and compiled code built before that meets it as a branch never taken and is thrown
     * away (measured: a warm-up on threads of its own left the real server's first seconds under attack to
     * deoptimise and recompile its hot path: 913–978 compilations in the first run of a set, 44–48 in the third).
     */
    public static Result run(long durationNs, PacketServer server) {
        Path dir;
        try {
            dir = Files.createTempDirectory("packetgrid-warmup-");
        } catch (IOException e) {
            throw new PacketGridException("serve --warmup", "cannot make a temporary folder: " + e.getMessage());
        }
        try {
            DeviceKeys keys = DeviceKeys.seeded(DEVICES, RandomSource.XO_RO_SHI_RO_128_PP.create(20_000L));
            // caps far below the idle connections thrown at it, so that refusals run too (as long as the connections
            // arrive faster than the closes: on a starved machine they may not). Tried: 6,000 thrown, 4,096 admitted,
            // so that connection set-up and close are compiled before the first attack: 338-400 compilations in the
            // first hostile run instead of 777, but the C2 thread's CPU in that run stayed 2.0-2.4 s and serve took
            // 60 s instead of 44 s to its banner at load 35 (docs/protocol.md "Latency")
            ServerConfig cfg = new ServerConfig(null, new ServerConfig.Limits(1000.0, 1000.0, null, null, IDLE_TCP_CAP, 8,
                    null, null), null, null, null);
            PacketServer s = new PacketServer(cfg, keys, dir.resolve("ledger"), server).start("127.0.0.1", 0);
            LoadReport r;
            try {
                r = new LoadGenerator(new LoadGenerator.Config(new InetSocketAddress("127.0.0.1", s.port()), keys, DEVICES,
                        durationNs, 0, 20_000, 1, 1_000_000_000L, null, null, 2.0, 60_000_000_000L, 1, 20_000, IDLE_TCP, 8)).run();
            } finally {
                s.close(); // every connection closed, the journal drained (its own event loops stopped, borrowed ones left running)
            }
            return new Result(r, s.stats());
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
