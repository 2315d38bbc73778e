package io.packetgrid.pem.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.pem.packet.DeviceClass;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The append-only journal: group commit, durable callbacks, recovery of a torn tail. */
class JournalTest {

    static JournalRecord rec(long dev, long seq) {
        return new JournalRecord(dev, seq, 1_700_000_000_000L + seq, 300_000, 4500, DeviceClass.WATER_HEATER, 0);
    }

    @Test
    void everyAppendBecomesDurableAndIsRecovered(@TempDir Path dir) throws Exception {
        int n = 10_000;
        CountDownLatch all = new CountDownLatch(n);
        List<Object> tokens = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Journal j = new Journal(dir, SyncMode.FSYNC, 512, 1024, 1 << 20, r -> { }, batch -> {
            for (Journal.Pending p : batch) {
                tokens.add(p.token());
                all.countDown();
            }
        })) {
            for (int i = 1; i <= n; i++) {
                assertTrue(j.append(rec(i % 97 + 1, i), i));
            }
            assertTrue(all.await(30, TimeUnit.SECONDS));
            assertTrue(j.batches() < n, "batched: " + j.batches() + " flushes for " + n + " records");
        }
        assertEquals(n, tokens.size());
        List<JournalRecord> back = JournalReader.readAll(dir);
        assertEquals(n, back.size());
        assertEquals(rec(2, 1), back.get(0));
        assertTrue(JournalReader.segments(dir).size() >= 1);
    }

    @Test
    void tornTailIsDroppedAndTruncated(@TempDir Path dir) throws Exception {
        try (Journal j = new Journal(dir, SyncMode.WRITE, 64, 64, 1 << 20, r -> { }, b -> { })) {
            for (int i = 1; i <= 5; i++) {
                j.append(rec(1, i), null);
            }
        }
        Path seg = JournalReader.segments(dir).get(0);
        long size = Files.size(seg);
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})); // a record cut short by a crash
        }
        List<JournalRecord> seen = new ArrayList<>();
        JournalReader.Recovery r = JournalReader.recover(dir, seen::add);
        assertEquals(5, seen.size());
        assertEquals(11, r.truncatedBytes());
        assertEquals(size, Files.size(seg));
        // a corrupted record (bit flip) ends the valid prefix too
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {(byte) 0xFF}), 16 + 3 * 32 + 5);
        }
        assertEquals(3, JournalReader.readAll(dir).size());
    }

    @Test
    void reopeningStartsANewSegmentAndKeepsTheOldRecords(@TempDir Path dir) {
        try (Journal j = new Journal(dir, SyncMode.WRITE, 64, 64, 1 << 20, r -> { }, b -> { })) {
            j.append(rec(1, 1), null);
        }
        List<JournalRecord> recovered = new ArrayList<>();
        try (Journal j = new Journal(dir, SyncMode.WRITE, 64, 64, 1 << 20, recovered::add, b -> { })) {
            assertEquals(1, j.recovery().records());
            j.append(rec(1, 2), null);
        }
        assertEquals(List.of(rec(1, 1)), recovered);
        assertEquals(2, JournalReader.segments(dir).size());
        assertEquals(List.of(rec(1, 1), rec(1, 2)), JournalReader.readAll(dir));
    }

    @Test
    void writeModeRotatesSegmentsInlineAndLosesNothing(@TempDir Path dir) {
        List<JournalRecord> all = new ArrayList<>();
        try (Journal j = new Journal(dir, SyncMode.WRITE, 64, 64, 4096, r -> { }, b -> { })) {
            long seq = 1;
            for (int batch = 0; batch < 200; batch++) {
                List<JournalRecord> rs = new ArrayList<>();
                for (int i = 0; i < 7; i++) {
                    rs.add(rec(batch % 13 + 1, seq++));
                }
                assertTrue(j.appendNow(rs));
                all.addAll(rs);
            }
        }
        // 1400 records of 32 bytes in segments of 4 KiB: the full ones were flushed and closed off-thread
        assertTrue(JournalReader.segments(dir).size() > 10);
        assertEquals(all, JournalReader.readAll(dir));
    }

    @Test
    void indexRemembersJournaledPackets() {
        JournaledIndex ix = new JournaledIndex();
        for (long s = 1; s <= 100_000; s++) {
            ix.add(JournalRecord.key(s % 1000 + 1, s));
        }
        assertEquals(100_000, ix.size());
        assertTrue(ix.contains(JournalRecord.key(6, 5)));
        assertTrue(!ix.contains(JournalRecord.key(7, 5)));
    }
}
