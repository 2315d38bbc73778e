package io.packetgrid.pem.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import io.packetgrid.pem.protocol.DeviceKeys;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up warm-up runs the paths a server meets under attack (each kind of hostile frame, replays,
 * TCP connections, QUERY over TCP, well-formed requests to the journal) on a throwaway server, and leaves
 * nothing behind: no temporary ledger, no open connection. (Whether its idle connections also hit a cap
 * depends on how fast the machine accepts them, so that is not asserted.)
 */
class ServerWarmupTest {

    static long n(Map<String, Object> c, String k) {
        return ((Number) c.get(k)).longValue();
    }

    static Set<Path> warmupFolders() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("packetgrid-warmup-")).collect(Collectors.toSet());
        }
    }

    @Test
    void everyPathRunsOnAThrowawayServerThatLeavesNothingBehind() throws Exception {
        Set<Path> before = warmupFolders();
        ServerWarmup.Result r = ServerWarmup.run(700_000_000L);
        Map<String, Object> c = r.counters();
        for (String k : new String[] {"accepted", "queries", "truncated", "oversized", "bad_version", "unknown_device", "bad_mac",
                "tcp_accepted"}) {
            assertTrue(n(c, k) > 0, k + " ran: " + c);
        }
        assertTrue(n(c, "replayed") + n(c, "resent") + n(c, "resend_rate_limited") > 0, "replays ran: " + c);
        assertEquals(0, r.load().lostAcknowledged(), "the throwaway journal kept every acknowledged packet");
        assertTrue(r.secondLoad().acknowledged() > 0, "a second pass ran: " + r.secondLoad());
        assertEquals(0, r.secondLoad().lostAcknowledged());
        assertTrue(r.secondPassNs() >= ServerWarmup.SECOND_PASS_MIN_NS, "the second pass ran its minimum: " + r.secondPassNs());
        assertTrue(r.secondLoad().sent() < ServerWarmup.RATE * (r.secondPassNs() / 1e9 + 1),
                "at its own rate, ended when the compilers' queue was empty: " + r.secondLoad() + " in " + r.secondPassNs() + " ns");
        assertEquals(0, n(c, "tcp_open"), "no connection is left open once the throwaway server is closed");
        assertEquals(before, warmupFolders(), "the temporary ledger is deleted");
    }

    static final DeviceKeys KEYS = DeviceKeys.seeded(300, RandomSource.XO_RO_SHI_RO_128_PP.create(5L));
    static final ServerConfig GENEROUS = new ServerConfig(null, new ServerConfig.Limits(1000.0, 1000.0), null, null, null);

    /**
     * A server on another's event loops (the warm-up's throwaway server on the real one's) binds on those loops,
     * closes its own connections when closed, and leaves the loops running for their owner.
     */
    @Test
    void aServerOnBorrowedLoopsClosesItsConnectionsAndLeavesTheLoopsRunning(@TempDir Path dir) throws Exception {
        try (PacketServer host = new PacketServer(GENEROUS, KEYS, dir.resolve("host"))) {
            PacketServer guest = new PacketServer(GENEROUS, KEYS, dir.resolve("guest"), host).start("127.0.0.1", 0);
            Set<io.netty.channel.EventLoop> loops = guest.udpLoops();
            assertEquals(1, loops.size());
            assertTrue(host.isUdpLoop(loops.iterator().next()), "the guest's UDP socket is on the host's loop");
            try (Socket held = TcpLimitsTest.connectSeen("127.0.0.1", guest.port(), guest.counters())) {
                assertEquals(1, guest.counters().tcpOpen.get());
                guest.close();
                assertTrue(TcpLimitsTest.closedWithin(held, 2000), "the guest closed its connection");
            }
            host.start("127.0.0.1", 0); // the loops still run
            LoadReport r = new LoadGenerator(new LoadGenerator.Config(new InetSocketAddress("127.0.0.1", host.port()), KEYS, 300,
                    300_000_000L, 100_000_000L, 0, 16, 1_000_000_000L, null, null, 4.5, 300_000_000_000L)).run();
            assertTrue(r.acknowledged() > 0, r.toString());
            assertEquals(0, r.lostAcknowledged());
        }
    }

    /** The second pass's early end: the sending stops, replies in flight and the audit finish as usual. */
    @Test
    void stopSendingEndsALoadBeforeItsDuration(@TempDir Path dir) throws Exception {
        try (PacketServer s = new PacketServer(GENEROUS, KEYS, dir.resolve("ledger")).start("127.0.0.1", 0)) {
            LoadGenerator gen = new LoadGenerator(new LoadGenerator.Config(new InetSocketAddress("127.0.0.1", s.port()), KEYS, 300,
                    30_000_000_000L, 0, 1000, 1, 1_000_000_000L, null, null, 4.5, 300_000_000_000L));
            Thread stopper = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                gen.stopSending();
            });
            long t0 = System.nanoTime();
            stopper.start();
            LoadReport r = gen.run();
            long tookNs = System.nanoTime() - t0;
            assertTrue(tookNs < 10_000_000_000L, "ended long before its 30 s: " + tookNs + " ns");
            assertTrue(r.sent() > 0 && r.sent() < 1000.0 * tookNs / 1e9 + 20, "sent at 1,000/s until stopped: " + r);
            assertEquals(r.sent(), r.replies() + r.timeouts(), "every request answered or timed out: " + r);
            assertEquals(0, r.lostAcknowledged());
        }
    }

    /** serve's order: the warm-up on the real server's loops, then the real server starts and serves; nothing is left behind. */
    @Test
    void warmupOnTheRealServersLoopsThenItServes(@TempDir Path dir) throws Exception {
        Set<Path> before = warmupFolders();
        try (PacketServer real = new PacketServer(GENEROUS, KEYS, dir.resolve("ledger"))) {
            ServerWarmup.Result w = ServerWarmup.run(500_000_000L, real);
            assertTrue(n(w.counters(), "accepted") > 0 && n(w.counters(), "queries") > 0 && n(w.counters(), "bad_mac") > 0, w.toString());
            assertEquals(0, n(w.counters(), "tcp_open"), "no connection is left open");
            real.start("127.0.0.1", 0);
            assertEquals(0, real.counters().frames.sum(), "the real server's counters saw nothing of the warm-up");
            LoadReport r = new LoadGenerator(new LoadGenerator.Config(new InetSocketAddress("127.0.0.1", real.port()), KEYS, 300,
                    300_000_000L, 100_000_000L, 0, 16, 1_000_000_000L, null, null, 4.5, 300_000_000_000L)).run();
            assertTrue(r.acknowledged() > 0, r.toString());
            assertEquals(0, r.lostAcknowledged());
            assertEquals(r.acknowledged(), real.counters().accepted.sum());
        }
        assertEquals(before, warmupFolders(), "the temporary ledger is deleted");
    }
}
