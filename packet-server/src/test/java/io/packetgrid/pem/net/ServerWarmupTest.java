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
import org.junit.jupiter.api.Test;

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
        assertEquals(0, n(c, "tcp_open"), "no connection is left open once the throwaway server is closed");
        assertEquals(before, warmupFolders(), "the temporary ledger is deleted");
    }
}
