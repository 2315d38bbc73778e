package io.packetgrid.pem.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import java.nio.file.attribute.PosixFilePermissions;

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

/** The append-only journal: group commit, durable callbacks, recovery (damage skipped, torn tails trimmed), privacy. */
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
    void aTornTailOfTheLastSegmentIsTrimmedCopiedAsideAndReported(@TempDir Path dir) throws Exception {
        try (Journal j = new Journal(dir, SyncMode.WRITE, 64, 64, 1 << 20, r -> { }, b -> { })) {
            for (int i = 1; i <= 5; i++) {
                j.append(rec(1, i), null);
            }
        }
        Path seg = JournalReader.segments(dir).get(0);
        long size = Files.size(seg);
        byte[] torn = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(torn)); // a record cut short by a crash
        }
        List<JournalRecord> seen = new ArrayList<>();
        Recovery r = JournalReader.recover(dir, new JournaledIndex(), seen::add);
        assertEquals(5, seen.size());
        assertEquals(11, r.truncatedBytes());
        assertEquals(size, Files.size(seg));
        Finding f = r.findings().get(0);
        assertEquals(Finding.Kind.TAIL_TRIMMED, f.kind());
        assertEquals(16 + 5 * 32, f.offset());
        assertArrayEquals(torn, Files.readAllBytes(f.savedAs()), "the trimmed bytes are kept aside, not deleted");
        assertEquals("trimmed a torn tail of 11 bytes at offset 176 of segment-00000001.pgj (copied to "
                + "trimmed-segment-00000001-at-176.bin)", r.describe());
        assertTrue(JournalReader.recover(dir, new JournaledIndex(), x -> { }).clean(), "trimmed once");
    }

    /** A journal of {@code records} records (devices 1..7) in segments of 128 records, written in batches of 8. */
    static List<JournalRecord> fill(Path dir, int records) {
        List<JournalRecord> all = new ArrayList<>();
        // segments of 4096 bytes: 128 records after the header fill one
        try (Journal j = new Journal(dir, SyncMode.WRITE, 64, 64, 4096, r -> { }, b -> { })) {
            for (int i = 1; i <= records; i += 8) {
                List<JournalRecord> batch = new ArrayList<>();
                for (int k = i; k < i + 8 && k <= records; k++) {
                    batch.add(rec(k % 7 + 1, k));
                }
                assertTrue(j.appendNow(batch));
                all.addAll(batch);
            }
        }
        return all;
    }

    static void flipBit(Path file, long offset, int bit) throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, offset);
            b.put(0, (byte) (b.get(0) ^ (1 << bit)));
            b.rewind();
            ch.write(b, offset);
        }
    }

    @Test
    void aFlippedBitInTheMiddleOfTheLedgerLosesThatRecordOnlyAndDeletesNothing(@TempDir Path dir) throws Exception {
        List<JournalRecord> all = fill(dir, 400); // 4 segments: 128 + 128 + 128 + 16 records (rollover at 4096 bytes)
        List<Path> segs = JournalReader.segments(dir);
        assertEquals(4, segs.size());
        Path middle = segs.get(1);
        long sizes = 0;
        for (Path p : segs) {
            sizes += Files.size(p);
        }
        long offset = 16 + 40 * 32 + 13; // inside record 41 of the second segment (record 169 of the ledger)
        flipBit(middle, offset, 3);
        List<JournalRecord> seen = new ArrayList<>();
        Recovery r = JournalReader.recover(dir, new JournaledIndex(), seen::add);
        List<JournalRecord> expected = new ArrayList<>(all);
        expected.remove(128 + 40);
        assertEquals(expected, seen, "every intact record after the damaged one is recovered (was: the segment cut there, 87 lost)");
        assertEquals(399, r.records());
        assertEquals(1, r.findings().size());
        Finding f = r.findings().get(0);
        assertEquals(Finding.Kind.DAMAGED, f.kind());
        assertEquals(middle, f.segment());
        assertEquals(16 + 40 * 32, f.offset());
        assertEquals(32, f.bytes());
        assertEquals("skipped 32 damaged bytes at offset 1296 of segment-00000002.pgj (one record; left on disk)", r.describe());
        long after = 0;
        for (Path p : segs) {
            after += Files.size(p);
        }
        assertEquals(sizes, after, "nothing removed from disk");
        // a server opening the ledger recovers the same and writes on
        List<JournalRecord> recovered = new ArrayList<>();
        try (Journal j = new Journal(dir, SyncMode.WRITE, 64, 64, 4096, recovered::add, b -> { })) {
            assertEquals(399, j.recovery().records());
            assertTrue(j.appendNow(List.of(rec(1, 100_000))));
        }
        assertEquals(expected, recovered);
    }

    @Test
    void damageThatShiftsTheAlignmentIsSkippedUpToTheNextValidRecord(@TempDir Path dir) throws Exception {
        List<JournalRecord> all = fill(dir, 100); // one segment
        Path seg = JournalReader.segments(dir).get(0);
        byte[] bytes = Files.readAllBytes(seg);
        // 5 stray bytes inserted inside record 30 (index 29): it and the alignment of everything after are broken
        int at = 16 + 29 * 32 + 7;
        byte[] shifted = new byte[bytes.length + 5];
        System.arraycopy(bytes, 0, shifted, 0, at);
        System.arraycopy(new byte[] {9, 9, 9, 9, 9}, 0, shifted, at, 5);
        System.arraycopy(bytes, at, shifted, at + 5, bytes.length - at);
        Files.write(seg, shifted);
        List<JournalRecord> seen = new ArrayList<>();
        Recovery r = JournalReader.read(dir, seen::add);
        List<JournalRecord> expected = new ArrayList<>(all);
        expected.remove(29);
        assertEquals(expected, seen);
        assertEquals(List.of(new Finding(Finding.Kind.DAMAGED, seg, 16 + 29 * 32, 37, 0, null)), r.findings());
    }

    @Test
    void damageAtTheEndOfAMiddleSegmentIsReportedNotTrimmed(@TempDir Path dir) throws Exception {
        fill(dir, 300); // 3 segments
        Path first = JournalReader.segments(dir).get(0);
        long size = Files.size(first);
        flipBit(first, size - 3, 0); // the last record of the first segment
        Recovery r = JournalReader.recover(dir, new JournaledIndex(), x -> { });
        assertEquals(299, r.records());
        assertEquals(List.of(new Finding(Finding.Kind.DAMAGED, first, size - 32, 32, 0, null)), r.findings());
        assertEquals(size, Files.size(first), "only the last segment's tail is ever trimmed");
    }

    @Test
    void duplicateSegmentsAreRefusedNotCountedTwice(@TempDir Path dir) throws Exception {
        fill(dir, 200); // 2 segments
        Path first = JournalReader.segments(dir).get(0);
        // the same segment number under another spelling
        Path alias = dir.resolve("segment-1.pgj");
        Files.copy(first, alias);
        String m = assertThrows(PacketGridException.class, () -> JournalReader.recover(dir, new JournaledIndex(), x -> { })).userMessage();
        assertEquals(alias + ": duplicate journal segment: segment-00000001.pgj has the same number 1; its records would be counted"
                + " twice: move one of them out of the ledger folder", m);
        Files.delete(alias);
        // a copy under a new number (was: its 128 packets counted twice)
        Path copy = dir.resolve("segment-00000009.pgj");
        Files.copy(first, copy);
        m = assertThrows(PacketGridException.class, () -> new Journal(dir, SyncMode.WRITE, 64, 64, 4096, r -> { }, b -> { })).userMessage();
        assertEquals(copy + ": duplicate journal segment: all its 128 records are already in earlier segments (a copy?); its packets"
                + " would be counted twice: move it out of the ledger folder", m);
        Files.delete(copy);
        assertEquals(200, JournalReader.recover(dir, new JournaledIndex(), x -> { }).records());
    }

    @Test
    void anEmptiedOrMissingMiddleSegmentIsReported(@TempDir Path dir) throws Exception {
        fill(dir, 400); // 4 segments
        List<Path> segs = JournalReader.segments(dir);
        try (FileChannel ch = FileChannel.open(segs.get(1), StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
        Files.delete(segs.get(2));
        Recovery r = JournalReader.recover(dir, new JournaledIndex(), x -> { });
        assertEquals(128 + 16, r.records());
        assertEquals("segment-00000002.pgj is empty (0 bytes) though later segments exist: its records, if it had any, are lost;"
                + " segment 3 is missing", r.describe());
    }

    @Test
    void aSegmentCutWhileItsHeaderWasWrittenIsCompletedNotReportedAsLossLater(@TempDir Path dir) throws Exception {
        fill(dir, 10);
        Path stub = dir.resolve("segment-00000002.pgj");
        Files.write(stub, java.util.Arrays.copyOf(JournalFormat.MAGIC, 5)); // the server died writing the header
        Recovery r = JournalReader.recover(dir, new JournaledIndex(), x -> { });
        assertEquals(Finding.Kind.HEADER_COMPLETED, r.findings().get(0).kind());
        assertEquals(16, Files.size(stub));
        try (Journal j = new Journal(dir, SyncMode.WRITE, 64, 64, 4096, x -> { }, b -> { })) {
            assertTrue(j.recovery().clean(), j.recovery().describe());
        }
        assertTrue(JournalReader.read(dir, x -> { }).clean());
        Files.writeString(dir.resolve("segment-00000009.pgj"), "not a journal at all");
        assertTrue(assertThrows(PacketGridException.class, () -> JournalReader.read(dir, x -> { })).userMessage()
                .endsWith("segment-00000009.pgj: not a PacketGrid journal segment (bad magic): move it out of the ledger folder"));
    }

    @Test
    void theLedgerIsPrivateWhateverItWasBefore(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions");
        Path ledger = dir.resolve("ledger");
        Files.createDirectories(ledger);
        Files.setPosixFilePermissions(ledger, PosixFilePermissions.fromString("rwxr-xr-x"));
        fill(ledger, 10);
        Path old = JournalReader.segments(ledger).get(0);
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--")); // as an older version left it
        Files.setPosixFilePermissions(ledger, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Journal j = new Journal(ledger, SyncMode.WRITE, 64, 64, 4096, x -> { }, b -> { })) {
            assertTrue(j.appendNow(List.of(rec(1, 99))));
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ledger)));
        for (Path p : JournalReader.segments(ledger)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
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

    /** Opens /dev/null until the process has no descriptor left (adding to {@code hog}). */
    static void exhaustDescriptors(List<FileChannel> hog) {
        while (true) {
            try {
                hog.add(FileChannel.open(Path.of("/dev/null"), StandardOpenOption.READ));
            } catch (java.io.IOException e) {
                return; // "Too many open files"
            }
        }
    }

    @Test
    void outOfDescriptorsTheJournalKeepsAcknowledgingAndRollsOverAgainOnceTheyAreFree(@TempDir Path dir) throws Exception {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(os instanceof com.sun.management.UnixOperatingSystemMXBean u
                && u.getMaxFileDescriptorCount() <= 65_536 && Files.exists(Path.of("/dev/null")),
                "needs a descriptor limit (ulimit -n) of at most 65536 to exhaust it quickly");
        long[] clock = {0};
        List<JournalRecord> all = new ArrayList<>();
        long seq = 1;
        List<FileChannel> hog = new ArrayList<>();
        try (Journal j = new Journal(dir, SyncMode.WRITE, 64, 64, 4096, new JournaledIndex(), r -> { }, b -> { }, () -> clock[0])) {
            for (int i = 0; i < 20; i++) { // 160 records: one rollover, every class on this path loaded
                List<JournalRecord> batch = new ArrayList<>();
                for (int k = 0; k < 8; k++) {
                    batch.add(rec(seq % 7 + 1, seq++));
                }
                assertTrue(j.appendNow(batch));
                all.addAll(batch);
            }
            Thread.sleep(100); // the full segment is closed off-thread
            assertTrue(j.stats().reserveHeld()); // (loads the class: loading one needs a descriptor)
            try {
                exhaustDescriptors(hog);
                // 8 segments' worth while out of descriptors: the first rollover uses the reserve, the next
                // ones fail and are retried while appends go on in the current segment (was: the journal
                // failed at the first rollover and never acknowledged a packet again)
                for (int i = 0; i < 128; i++) {
                    List<JournalRecord> batch = new ArrayList<>();
                    for (int k = 0; k < 8; k++) {
                        batch.add(rec(seq % 7 + 1, seq++));
                    }
                    assertTrue(j.appendNow(batch), "acknowledged while out of descriptors, batch " + i);
                    all.addAll(batch);
                    clock[0] += Journal.RETRY_NS / 4;
                    if (i % 16 == 15) {
                        Thread.sleep(20);
                        exhaustDescriptors(hog); // take whatever the closed segments gave back
                    }
                }
                Journal.Stats out = j.stats();
                assertTrue(out.rolloverFailures() > 0, out.toString());
                assertTrue(!out.failing(), out.toString());
            } finally {
                for (FileChannel c : hog) {
                    c.close();
                }
            }
            clock[0] += Journal.RETRY_NS;
            long opened = j.stats().segmentsOpened();
            assertTrue(j.appendNow(List.of(rec(1, seq++))));
            all.add(rec(1, seq - 1));
            Journal.Stats healed = j.stats();
            assertEquals(opened + 1, healed.segmentsOpened(), "rolled over at the first append once descriptors were free");
            assertTrue(healed.recoveries() >= 1 && healed.reserveHeld(), healed.toString());
        }
        assertEquals(all, JournalReader.readAll(dir), "every acknowledged record is in the journal, in order");
    }

    /** The index against a plain set, through many doublings of its direct-memory shards. */
    @Test
    void indexAgreesWithAPlainSetThroughItsGrowth() {
        JournaledIndex ix = new JournaledIndex();
        java.util.Set<Long> ref = new java.util.HashSet<>();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        long firstBytes = ix.tableBytes();
        for (int i = 0; i < 300_000; i++) {
            long key = JournalRecord.key(rnd.nextInt(1, 100_000_001), rnd.nextLong(1L << 32)); // ids up to 10^8
            if (i % 5 == 0 && !ref.isEmpty()) {
                key = JournalRecord.key(1 + i % 1000, i / 5); // some duplicates
            }
            assertEquals(ref.add(key), ix.add(key), "add #" + i);
        }
        assertEquals(ref.size(), ix.size());
        for (long k : ref) {
            assertTrue(ix.contains(k));
        }
        for (int i = 0; i < 100_000; i++) {
            long key = JournalRecord.key(rnd.nextInt(1, 100_000_001), rnd.nextLong(1L << 32));
            assertEquals(ref.contains(key), ix.contains(key));
        }
        assertTrue(!ix.add(0) && !ix.contains(0), "0 is the empty slot, never a key");
        assertTrue(ix.tableBytes() >= 2L * 8 * ref.size() && ix.tableBytes() > 8 * firstBytes, "the tables grew: " + ix.tableBytes());
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
