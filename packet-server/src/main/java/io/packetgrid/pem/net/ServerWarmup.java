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

    /** Requests and hostile frames per second of both passes. */
    static final double RATE = 20_000;
    /** How long the second pass runs at least (about 10,000 requests and as many hostile frames). */
    static final long SECOND_PASS_MIN_NS = 500_000_000L;
    /** How long the second pass runs at most, waiting for the compilers (a starved machine may never let them catch up). */
    static final long SECOND_PASS_CAP_NS = 10_000_000_000L;
    /**
     * How long the compilers' queue must stay empty before the second pass ends: a method compiled by C1 with
     * profiling asks for C2 every 1,024 calls ({@code -XX:Tier3InvokeNotifyFreqLog=10}), at {@link #RATE} every 0.05 s
     * for a request-path method, every 0.3 s for a method of one kind of hostile frame (six kinds in turn).
     */
    static final long SECOND_PASS_QUIET_NS = 1_500_000_000L;

    /**
     * The first pass's load generator report and throwaway server's counters, the second pass's report, and how
     * long the second pass ran.
     */
    public record Result(LoadReport load, Map<String, Object> counters, LoadReport secondLoad, long secondPassNs) {
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
     *
     * <p>Then a second pass, the same traffic on a new throwaway server, runs until the JIT compilers' queue has
     * stayed empty for {@link #SECOND_PASS_QUIET_NS} (at least {@link #SECOND_PASS_MIN_NS}, at most
     * {@link #SECOND_PASS_CAP_NS}). HotSpot drops a queued compilation whose method has not run for 50 ms
     * ({@code -XX:TieredCompileTaskTimeout}, compilationPolicy.cpp {@code select_task}), and while C2's queue is long
     * it asks more calls of a method before queueing it ({@code -XX:Tier4LoadFeedback}): when the first pass's load
     * stopped, the request path's C2 compilations still queued were dropped, and 154-194 C2 compilations came in the
     * first measured run (its C2 thread busy for 0.75-0.99 s; a second pass of 0.5 s after waiting for the queue left
     * 140). Keeping the paths in use until C2 has caught up compiles most of them before the port opens: 55-92 C2
     * compilations in the first run, 0.24-0.60 s of C2 (docs/protocol.md "Latency", busy machine).
     */
    public static Result run(long durationNs, PacketServer server) {
        Result first = pass(durationNs, server, RATE, 1, null);
        long t0 = System.nanoTime();
        // its devices start at seq 1,000, as a device does that kept its counter over a restart of the server (and the
        // benchmark's load generator): the replay window's jump of more than its width, a branch the first pass never
        // takes, made the real server's first run recompile ServerCore.authenticate (-XX:+LogCompilation: unstable_if
        // in ReplayWindow.mark)
        Result second = pass(SECOND_PASS_CAP_NS, server, RATE, 1_000, gen -> {
            try {
                Thread.sleep(SECOND_PASS_MIN_NS / 1_000_000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            CompilerQueue.awaitIdle(SECOND_PASS_QUIET_NS, SECOND_PASS_CAP_NS - SECOND_PASS_MIN_NS);
            gen.stopSending();
        });
        return new Result(first.load(), first.counters(), second.load(), System.nanoTime() - t0);
    }

    /**
     * One pass: a throwaway server under load and hostile traffic at {@code rate} per second (devices from sequence
     * number {@code seqStart}) for at most {@code durationNs}, then the audit; {@code until} (null: none) runs on a
     * thread of its own meanwhile and may end the load early.
     */
    private static Result pass(long durationNs, PacketServer server, double rate, long seqStart,
                               java.util.function.Consumer<LoadGenerator> until) {
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
                LoadGenerator gen = new LoadGenerator(new LoadGenerator.Config(new InetSocketAddress("127.0.0.1", s.port()), keys,
                        DEVICES, durationNs, 0, rate, 1, 1_000_000_000L, null, null, 2.0, 60_000_000_000L, seqStart, rate, IDLE_TCP, 8));
                Thread watcher = null;
                if (until != null) {
                    watcher = new Thread(() -> until.accept(gen), "packetgrid-warmup-until");
                    watcher.setDaemon(true);
                    watcher.start();
                }
                r = gen.run();
                if (watcher != null) {
                    watcher.join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PacketGridException("serve --warmup", "interrupted");
            } finally {
                s.close(); // every connection closed, the journal drained (its own event loops stopped, borrowed ones left running)
            }
            return new Result(r, s.stats(), null, 0);
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
