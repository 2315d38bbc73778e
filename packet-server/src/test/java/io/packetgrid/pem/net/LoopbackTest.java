package io.packetgrid.pem.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.pem.journal.JournalReader;
import io.packetgrid.pem.journal.JournalRecord;
import io.packetgrid.pem.protocol.DeviceKeys;
import io.packetgrid.pem.protocol.FrameCodec;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DeviceClass;
import io.packetgrid.pem.packet.PacketRequest;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server on loopback with emulated devices: every acknowledged packet is in the journal. */
class LoopbackTest {
    static final DeviceKeys KEYS = DeviceKeys.seeded(300, RandomSource.XO_RO_SHI_RO_128_PP.create(11L));

    @Test
    void everyAcknowledgedPacketIsJournaledAndSurvivesARestart(@TempDir Path dir) throws Exception {
        Path ledger = dir.resolve("ledger");
        Path acks = dir.resolve("acks.csv");
        // a generous per-device rate limit: 300 emulated devices send far more often than real ones
        ServerConfig cfg = new ServerConfig(null, new ServerConfig.Limits(1000.0, 1000.0), new ServerConfig.JournalSettings("write", null, null), null, null);
        LoadReport report;
        long accepted;
        try (PacketServer server = new PacketServer(cfg, KEYS, ledger).start("127.0.0.1", 0)) {
            InetSocketAddress target = new InetSocketAddress("127.0.0.1", server.port());
            report = new LoadGenerator(new LoadGenerator.Config(target, KEYS, 300, 1_500_000_000L, 200_000_000L, 0, 64,
                    1_000_000_000L, null, acks, 4.5, 300_000_000_000L)).run();
            accepted = server.counters().accepted.sum();
            assertEquals("query", report.audit());
            assertEquals(0, report.lostAcknowledged(), "audited by QUERY/STATUS over TCP");
            assertEquals(0, report.auditUnanswered());
        }
        assertTrue(report.acknowledged() > 50, "acknowledged " + report.acknowledged() + " " + report);
        assertEquals(0, report.denied(), "the default policy accepts everything");
        // every acknowledged packet is in the journal on disk
        Set<Long> journaled = new HashSet<>();
        for (JournalRecord r : JournalReader.readAll(ledger)) {
            journaled.add(r.key());
        }
        List<String> lines = Files.readAllLines(acks);
        assertEquals(report.acknowledged() + 1, lines.size());
        for (String l : lines.subList(1, lines.size())) {
            String[] p = l.split(",");
            assertTrue(journaled.contains(JournalRecord.key(Long.parseLong(p[0]), Long.parseLong(p[1]))), l);
        }
        assertEquals(accepted, journaled.size(), "nothing journaled twice, nothing acknowledged unjournaled");

        // restart: the journal is recovered, the replay windows resume, old frames are replays
        try (PacketServer again = new PacketServer(cfg, KEYS, ledger).start("127.0.0.1", 0)) {
            assertEquals(accepted, again.recovery().records());
            String[] first = lines.get(1).split(",");
            long dev = Long.parseLong(first[0]);
            long seq = Long.parseLong(first[1]);
            long before = again.counters().replayed.sum() + again.counters().resent.sum();
            byte[] old = FrameCodec.request(new PacketRequest(dev, seq, DeviceClass.WATER_HEATER, 4.5, 0, 300_000_000_000L,
                    new ConnectionPoint(0, 0)), KEYS.arrayOf(dev), KEYS.offsetOf(dev));
            try (DatagramSocket s = new DatagramSocket()) {
                s.send(new DatagramPacket(old, 32, new InetSocketAddress("127.0.0.1", again.port())));
            }
            // wait for the verdict, not for the frame count (counted first, before the frame is judged)
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (again.counters().replayed.sum() + again.counters().resent.sum() == before && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(before + 1, again.counters().replayed.sum() + again.counters().resent.sum());
            assertEquals(0, again.counters().accepted.sum(), "no second packet for an old request");
        }
    }

    @Test
    void garbageFloodIsCountedAndTheServerKeepsServing(@TempDir Path dir) throws Exception {
        ServerConfig fsync = new ServerConfig(null, null, ServerConfig.JournalSettings.of("fsync", null, null), null, null);
        try (PacketServer server = new PacketServer(fsync, KEYS, dir.resolve("ledger")).start("127.0.0.1", 0);
             DatagramSocket s = new DatagramSocket()) {
            InetSocketAddress target = new InetSocketAddress("127.0.0.1", server.port());
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
            int sent = 5000;
            for (int i = 0; i < sent; i++) {
                byte[] junk = new byte[1 + rng.nextInt(64)];
                rng.nextBytes(junk);
                if (junk.length == 32) {
                    junk[0] = 0x11; // well-formed header, random id and MAC
                }
                s.send(new DatagramPacket(junk, junk.length, target));
                if (i % 500 == 0) {
                    Thread.sleep(2); // keep the loopback queue from overflowing, so every frame is counted
                }
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            long seen = -1;
            while (System.nanoTime() < deadline && server.counters().frames.sum() != seen) { // until it stops growing
                seen = server.counters().frames.sum();
                Thread.sleep(200);
            }
            // the kernel may drop datagrams on a very busy machine; every frame the server saw is dropped and counted
            assertTrue(seen > sent / 2, "frames seen " + seen);
            assertEquals(seen, server.counters().dropped());
            assertEquals(0, server.counters().requests.sum());
            LoadReport r = new LoadGenerator(new LoadGenerator.Config(target, KEYS, 50, 300_000_000L, 0, 0, 16,
                    1_000_000_000L, dir.resolve("ledger"), null, 4.5, 60_000_000_000L)).run();
            assertTrue(r.acknowledged() > 0);
            assertEquals(0, r.lostAcknowledged());
        }
    }
}
