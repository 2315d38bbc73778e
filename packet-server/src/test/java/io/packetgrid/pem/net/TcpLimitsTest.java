package io.packetgrid.pem.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.scenario.SimDuration;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DeviceClass;
import io.packetgrid.pem.packet.PacketRequest;
import io.packetgrid.pem.protocol.DeviceKeys;
import io.packetgrid.pem.protocol.FrameCodec;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TCP under a flood of idle connections: a cap on all connections and on those of one address, an idle
 * timeout, and a cap kept below the process's descriptor limit (issue #12 H1: 20,600 idle connections
 * used to take every descriptor, and the journal could then not open its next segment).
 */
class TcpLimitsTest {
    static final DeviceKeys KEYS = DeviceKeys.seeded(20, RandomSource.XO_RO_SHI_RO_128_PP.create(3L));

    static ServerConfig limits(int total, int perAddress, String idle) {
        return new ServerConfig(null, new ServerConfig.Limits(100.0, 100.0, null, null, total, perAddress, SimDuration.parse(idle), null),
                null, null, null);
    }

    /** A client connection from {@code from} that has sent one byte. */
    static Socket connect(String from, int port) throws Exception {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(from, 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        s.getOutputStream().write(1);
        s.getOutputStream().flush();
        return s;
    }

    /** {@link #connect}, then waits until the server has admitted or refused it (I/O threads take connections in any order). */
    static Socket connectSeen(String from, int port, ServerCounters c) throws Exception {
        long before = seen(c);
        Socket s = connect(from, port);
        await(() -> seen(c) > before, 5000);
        return s;
    }

    static long seen(ServerCounters c) {
        return c.tcpAccepted.sum() + c.tcpRefusedTotal.sum() + c.tcpRefusedPerAddress.sum();
    }

    /** Whether the server has closed the connection (a read sees the end) within {@code ms}. */
    static boolean closedWithin(Socket s, int ms) throws Exception {
        s.setSoTimeout(ms);
        try {
            InputStream in = s.getInputStream();
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true; // reset by the server
        }
    }

    static void await(java.util.function.BooleanSupplier c, long ms) throws InterruptedException {
        long end = System.nanoTime() + ms * 1_000_000L;
        while (!c.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
    }

    @Test
    void connectionsAreCappedInTotalAndPerAddressAndIdleOnesAreClosed(@TempDir Path dir) throws Exception {
        try (PacketServer server = new PacketServer(limits(5, 3, "2s"), KEYS, dir.resolve("ledger")).start("127.0.0.1", 0)) {
            int port = server.port();
            ServerCounters c = server.counters();
            List<Socket> open = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    open.add(connectSeen("127.0.0.1", port, c));
                }
                Socket fourth = connectSeen("127.0.0.1", port, c);
                assertTrue(closedWithin(fourth, 2000), "a 4th connection from one address is closed at once");
                fourth.close();
                open.add(connectSeen("127.0.0.2", port, c));
                open.add(connectSeen("127.0.0.2", port, c));
                Socket sixth = connectSeen("127.0.0.3", port, c);
                assertTrue(closedWithin(sixth, 2000), "a 6th connection is over the total cap");
                sixth.close();
                await(() -> c.tcpOpen.get() == 5, 2000);
                assertEquals(5, c.tcpOpen.get(), c.snapshot().toString());
                assertEquals(1, c.tcpRefusedPerAddress.sum());
                assertEquals(1, c.tcpRefusedTotal.sum());
                assertEquals(5, c.tcpAccepted.sum());
                // a device that keeps sending authentic frames keeps its connection; the idle ones are closed
                open.remove(0).close(); // makes room under the total cap of 5
                await(() -> c.tcpOpen.get() == 4, 2000);
                Socket device = new Socket();
                device.bind(new InetSocketAddress("127.0.0.4", 0));
                device.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                long until = System.nanoTime() + 3_000_000_000L;
                for (long seq = 1; System.nanoTime() < until; seq++) {
                    device.getOutputStream().write(FrameCodec.request(new PacketRequest(1, seq, DeviceClass.WATER_HEATER, 4.5, 0,
                            300_000_000_000L, ConnectionPoint.UNKNOWN), KEYS.arrayOf(1), KEYS.offsetOf(1)));
                    device.getOutputStream().flush();
                    Thread.sleep(200);
                }
                for (Socket s : open) {
                    assertTrue(closedWithin(s, 100), "closed after 2 s without an authentic frame");
                }
                assertTrue(!closedWithin(device, 100), "a connection in use stays open");
                device.close();
                await(() -> c.tcpOpen.get() == 0, 2000);
                assertEquals(0, c.tcpOpen.get());
                assertEquals(4, c.tcpIdleClosed.sum(), "the four idle connections");
                assertTrue(c.accepted.sum() >= 7, "the device was served: " + c.accepted.sum());
            } finally {
                for (Socket s : open) {
                    s.close();
                }
            }
        }
    }

    /**
     * The idle timeout holds with one timer per event loop (IdleSweep): a connection that sends nothing
     * is closed once the timeout has passed since it connected, never before (the sweep may be up to a
     * tick, 1/64 of the timeout, late; the bound below only allows for a slow machine).
     */
    @Test
    void anIdleConnectionIsClosedAtItsTimeoutNotBefore(@TempDir Path dir) throws Exception {
        try (PacketServer server = new PacketServer(limits(5, 3, "1s"), KEYS, dir.resolve("ledger")).start("127.0.0.1", 0)) {
            ServerCounters c = server.counters();
            long t0 = System.nanoTime(); // the server starts timing the connection after this
            try (Socket s = connectSeen("127.0.0.1", server.port(), c)) {
                assertTrue(!closedWithin(s, 600), "still open 0.6 s after connecting");
                assertTrue(closedWithin(s, 5000), "closed after the 1 s timeout");
                long ms = (System.nanoTime() - t0) / 1_000_000L;
                assertTrue(ms >= 1000, "closed after " + ms + " ms, not before the timeout");
                await(() -> c.tcpIdleClosed.sum() == 1, 2000);
                assertEquals(1, c.tcpIdleClosed.sum());
            }
        }
    }

    /**
     * Under a connection flood a refused connection costs an accept and a close: the server closes it
     * before it gets an event loop, a pipeline or an idle timer (before, every refused connection was set
     * up in full on one of the event loops the UDP socket shares, and only then closed).
     */
    @Test
    void connectionsOverTheCapAreClosedBeforeTheyGetAPipeline(@TempDir Path dir) throws Exception {
        try (PacketServer server = new PacketServer(limits(4, 2, "60s"), KEYS, dir.resolve("ledger")).start("127.0.0.1", 0)) {
            int port = server.port();
            ServerCounters c = server.counters();
            List<Socket> open = new ArrayList<>();
            try {
                for (int i = 0; i < 12; i++) {
                    open.add(connectSeen("127.0.0." + (1 + i % 4), port, c)); // 3 from each of 4 addresses
                }
                for (int i = 0; i < 6; i++) {
                    open.add(connectSeen("127.0.0.9", port, c));
                }
                await(() -> seen(c) == 18, 2000);
                assertEquals(4, c.tcpAccepted.sum(), c.snapshot().toString());
                assertEquals(14, c.tcpRefusedTotal.sum() + c.tcpRefusedPerAddress.sum());
                assertEquals(4, server.tcpPipelinesBuilt(), "only the admitted connections were set up");
                assertEquals(4, c.tcpOpen.get());
                int closed = 0;
                for (Socket s : open) {
                    closed += closedWithin(s, 50) ? 1 : 0;
                }
                assertEquals(14, closed, "every refused connection is closed");
            } finally {
                for (Socket s : open) {
                    s.close();
                }
            }
            await(() -> c.tcpOpen.get() == 0, 2000);
            assertEquals(0, c.tcpOpen.get(), "an admitted connection gives its place back when it closes");
            // ... and its place under its address's cap: 127.0.0.1 had one admitted, now two fit again
            try (Socket x = connectSeen("127.0.0.1", port, c); Socket y = connectSeen("127.0.0.1", port, c)) {
                assertEquals(6, c.tcpAccepted.sum(), c.snapshot().toString());
                assertEquals(2, c.tcpOpen.get());
            }
        }
    }

    /** UDP has event loops of its own: the listening socket and every TCP connection run on others. */
    @Test
    void tcpConnectionsNeverRunOnUdpsEventLoop(@TempDir Path dir) throws Exception {
        for (int ioThreads : new int[] {1, 2, 4}) {
            ServerConfig cfg = new ServerConfig(null, null, null, null, ioThreads);
            try (PacketServer server = new PacketServer(cfg, KEYS, dir.resolve("ledger-" + ioThreads)).start("127.0.0.1", 0);
                 Socket s = connectSeen("127.0.0.1", server.port(), server.counters())) {
                java.util.Set<io.netty.channel.EventLoop> udp = server.udpLoops();
                assertEquals(1, udp.size());
                for (io.netty.channel.EventLoop loop : udp) {
                    assertTrue(!server.isTcpLoop(loop), "io_threads " + ioThreads + ": the UDP socket's loop serves no TCP");
                }
            }
        }
    }

    @Test
    void theConnectionCapLeavesTheDescriptorReserveFree() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(os instanceof com.sun.management.UnixOperatingSystemMXBean, "Unix descriptor counts");
        com.sun.management.UnixOperatingSystemMXBean u = (com.sun.management.UnixOperatingSystemMXBean) os;
        long free = u.getMaxFileDescriptorCount() - u.getOpenFileDescriptorCount();
        org.junit.jupiter.api.Assumptions.assumeTrue(free > 100 && free - 40 <= 1_000_000, "a descriptor limit below a million");
        int reserve = (int) (free - 40);
        ServerConfig cfg = new ServerConfig(null, new ServerConfig.Limits(null, null, null, null, 10_000, null, null, reserve),
                null, null, null);
        int cap = PacketServer.connectionCap(cfg);
        assertTrue(cap >= 30 && cap <= 50, "about 40 descriptors are left for connections: " + cap);
    }
}
