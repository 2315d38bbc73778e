package io.packetgrid.pem.journal;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.pem.privacy.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only journal of accepted packets, with group commit: appenders hand records to one
 * writer thread, which writes everything queued as one batch, flushes it ({@link SyncMode}), and
 * only then tells the listener which records are durable (so acknowledgements leave only after
 * that); in {@link SyncMode#WRITE} callers may also write inline ({@link #appendNow}). A new segment
 * file is started at each open and when a segment reaches {@code segmentBytes}. Opening recovers
 * the folder first ({@link JournalReader#recover}).
 *
 * <p>The journal heals itself. It keeps one file descriptor in reserve (a handle on its folder, also
 * used to flush the folder's entries) and gives it up just for the moment a new segment is opened,
 * so that a process that ran out of descriptors can still roll over. If a new segment cannot be
 * opened all the same, appends carry on in the current segment and the rollover is retried every
 * {@link #RETRY_NS}; if a write fails (a full disk), the bytes of the failed batch are cut off again,
 * nothing of it is acknowledged, and appends are refused until a new segment opens, tried at the
 * same pace. Every episode is counted ({@link Stats}).
 */
public final class Journal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    /** How often a failed rollover or a failed journal is retried. */
    static final long RETRY_NS = 100_000_000L;

    /** One queued append: the record and an opaque token handed back when durable. */
    public record Pending(JournalRecord record, Object token) {
    }

    /**
     * The journal's health: {@code rolloverFailures} new segments that could not be opened (appends went
     * on in the current one), {@code writeFailures} batches that could not be written (not acknowledged),
     * {@code recoveries} times it healed after either, {@code refusedRecords} records not journaled,
     * {@code failing} whether it currently refuses appends, {@code reserveHeld} whether its spare
     * descriptor is held.
     */
    public record Stats(long batches, long records, long segmentsOpened, long rolloverFailures, long writeFailures,
                        long recoveries, long refusedRecords, boolean failing, boolean reserveHeld) {
    }

    private final Path dir;
    private final SyncMode sync;
    private final int maxBatch;
    private final long segmentBytes;
    private final BlockingQueue<Pending> queue;
    private final Consumer<List<Pending>> durable;
    private final Thread writer;
    private final Recovery recovery;
    private final java.util.function.LongSupplier clock;
    private FileChannel channel;       // null while failing
    private FileChannel reserve;       // the spare descriptor (a handle on the folder)
    private long segmentSize;
    private int nextSegment;
    private long retryAtNs;
    private boolean rollPending;
    private volatile boolean closing;
    private volatile Throwable failure;
    private volatile long batches;
    private volatile long written;
    private volatile long segmentsOpened;
    private volatile long rolloverFailures;
    private volatile long writeFailures;
    private volatile long recoveries;
    private volatile long refused;
    private Thread retiring;
    private ByteBuffer inlineBuffer = ByteBuffer.allocateDirect(64 * JournalRecord.BYTES);
    private final CRC32C inlineCrc = new CRC32C();

    /**
     * Opens (and recovers) the journal in {@code dir}.
     *
     * @param recovered called for each record already in the journal, before any append
     * @param durable   called on the writer thread with each batch once it is durable
     */
    public Journal(Path dir, SyncMode sync, int maxBatch, int queueCapacity, long segmentBytes,
                   Consumer<JournalRecord> recovered, Consumer<List<Pending>> durable) {
        this(dir, sync, maxBatch, queueCapacity, segmentBytes, new JournaledIndex(), recovered, durable, System::nanoTime);
    }

    /**
     * @param index filled with the key of every recovered record (and used to count each (device, seq) once)
     * @param clock nanosecond clock for the retry pace (tests)
     */
    public Journal(Path dir, SyncMode sync, int maxBatch, int queueCapacity, long segmentBytes, JournaledIndex index,
                   Consumer<JournalRecord> recovered, Consumer<List<Pending>> durable, java.util.function.LongSupplier clock) {
        this.dir = dir;
        this.sync = sync;
        this.maxBatch = maxBatch;
        this.segmentBytes = segmentBytes;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.durable = durable;
        this.clock = clock;
        try {
            PrivateFiles.folder(dir);
        } catch (IOException e) {
            throw new PacketGridException(dir.toString(), "cannot create the journal folder (private, 0700): " + e.getMessage());
        }
        this.recovery = JournalReader.recover(dir, index, recovered);
        this.nextSegment = recovery.nextSegment();
        takeReserve();
        try {
            channel = openNext();
        } catch (IOException e) {
            closeReserve();
            throw new PacketGridException(dir.toString(), "cannot open a journal segment: " + e.getMessage());
        }
        this.writer = new Thread(this::run, "packetgrid-journal");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    public Recovery recovery() {
        return recovery;
    }

    // ------------------------------------------------------------------ segments and the reserve

    /** Opens the next segment with its header, using the reserved descriptor; the counter moves on only on success. */
    private FileChannel openNext() throws IOException {
        closeReserve();
        try {
            for (int attempt = 0; ; attempt++) {
                Path p = dir.resolve(JournalFormat.name(nextSegment));
                FileChannel ch;
                try {
                    ch = PrivateFiles.create(p, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 1000) {
                        throw e;
                    }
                    nextSegment++; // a file appeared under that name (it is read at the next start): take the next
                    continue;
                }
                try {
                    ByteBuffer h = ByteBuffer.allocate(JournalFormat.HEADER_BYTES);
                    JournalFormat.header(h);
                    h.flip();
                    while (h.hasRemaining()) {
                        ch.write(h);
                    }
                    if (sync == SyncMode.FSYNC) {
                        ch.force(true);
                    }
                } catch (IOException | RuntimeException e) {
                    ch.close();
                    java.nio.file.Files.deleteIfExists(p); // ours, never held a record
                    throw e;
                }
                nextSegment++;
                segmentsOpened++;
                return ch;
            }
        } finally {
            takeReserve();
            if (sync == SyncMode.FSYNC && reserve != null) {
                try {
                    reserve.force(true); // the new file's folder entry, for power cuts
                } catch (IOException e) {
                    LOG.debug("cannot flush the journal folder: {}", e.toString());
                }
            }
        }
    }

    private void takeReserve() {
        if (reserve == null) {
            try {
                reserve = FileChannel.open(dir, StandardOpenOption.READ);
            } catch (IOException | UnsupportedOperationException e) {
                reserve = null; // out of descriptors now: taken again at the next rollover or retry
            }
        }
    }

    private void closeReserve() {
        if (reserve != null) {
            try {
                reserve.close();
            } catch (IOException e) {
                LOG.debug("closing the journal's reserve: {}", e.toString());
            }
            reserve = null;
        }
    }

    /** After a batch: roll over to a new segment when this one is full (retried at {@link #RETRY_NS} if it cannot). */
    private void maybeRoll() {
        if (segmentSize < segmentBytes) {
            return;
        }
        long now = clock.getAsLong();
        if (rollPending && now - retryAtNs < 0) {
            return;
        }
        FileChannel next;
        try {
            next = openNext();
        } catch (IOException e) {
            rolloverFailures++;
            if (!rollPending) {
                LOG.warn("journal: cannot open a new segment ({}); appending to the current one, retrying every {} ms",
                        e.getMessage(), RETRY_NS / 1_000_000);
            }
            rollPending = true;
            retryAtNs = now + RETRY_NS;
            return;
        }
        if (rollPending) {
            recoveries++;
            LOG.warn("journal: rolled over again after {} failed attempts", rolloverFailures);
            rollPending = false;
        }
        FileChannel old = channel;
        channel = next;
        segmentSize = JournalFormat.HEADER_BYTES;
        if (sync == SyncMode.WRITE) {
            // every record is already written to the OS (all WRITE promises): flush and close the full
            // segment off the appending thread, which would otherwise stall on fsync of up to
            // segment_bytes of dirty pages
            retire(old);
        } else {
            try {
                old.force(true);
            } catch (IOException e) {
                LOG.warn("flushing a full journal segment failed: {}", e.toString());
            }
            closeQuietly(old);
        }
    }

    /** Flushes and closes a full segment on a short-lived thread (one at a time, in order). */
    private void retire(FileChannel old) {
        Thread previous = retiring;
        retiring = new Thread(() -> {
            try {
                if (previous != null) {
                    previous.join();
                }
                old.force(true);
            } catch (IOException e) {
                LOG.warn("flushing a full journal segment failed: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(old);
            }
        }, "packetgrid-journal-retire");
        retiring.setDaemon(true);
        retiring.start();
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            LOG.warn("closing a journal segment failed: {}", e.toString());
        }
    }

    private void awaitRetired() {
        Thread t;
        synchronized (this) {
            t = retiring;
        }
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes the batch in {@code buf} ({@code count} records) to the current segment under the lock;
     * false (nothing of it durable, the bytes cut off again) if the journal cannot write now.
     */
    private boolean writeLocked(ByteBuffer buf, int count) {
        if (channel == null && !heal()) {
            refused += count;
            return false;
        }
        long start = segmentSize;
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            if (sync == SyncMode.FSYNC) {
                channel.force(false);
            }
        } catch (IOException | RuntimeException e) {
            fail(e, start);
            refused += count;
            return false;
        }
        segmentSize += (long) count * JournalRecord.BYTES;
        batches++;
        written += count;
        if (reserve == null) {
            takeReserve();
        }
        maybeRoll();
        return true;
    }

    /** A failed write: cut the segment back to its last whole batch, drop it, refuse appends until a new one opens. */
    private void fail(Throwable e, long goodSize) {
        writeFailures++;
        failure = e;
        LOG.error("journal write failed ({}); no packet is acknowledged until a new segment can be written, retrying every {} ms",
                e.toString(), RETRY_NS / 1_000_000);
        FileChannel ch = channel;
        channel = null;
        retryAtNs = clock.getAsLong() + RETRY_NS;
        if (ch != null) {
            try {
                ch.truncate(goodSize); // the failed batch's bytes, never acknowledged
                ch.force(true);
            } catch (IOException | RuntimeException t) {
                LOG.warn("cannot cut the failed batch off the journal segment ({}): the next start reports it as damage", t.toString());
            }
            closeQuietly(ch);
        }
    }

    /** While failing: opens a new segment at the retry pace; true once the journal writes again. */
    private boolean heal() {
        long now = clock.getAsLong();
        if (closing || now - retryAtNs < 0) {
            return false;
        }
        try {
            channel = openNext();
        } catch (IOException e) {
            retryAtNs = now + RETRY_NS;
            return false;
        }
        segmentSize = JournalFormat.HEADER_BYTES;
        recoveries++;
        failure = null;
        LOG.warn("journal: writing again (segment {})", nextSegment - 1);
        return true;
    }

    /**
     * Queues a record; blocks while the queue is full (back-pressure). Returns false if the
     * journal is closed (the caller must not acknowledge).
     */
    public boolean append(JournalRecord record, Object token) {
        if (closing) {
            return false;
        }
        try {
            queue.put(new Pending(record, token));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether acknowledgements may be written inline by the caller ({@link #appendNow}): true for {@link SyncMode#WRITE}. */
    public boolean inline() {
        return sync == SyncMode.WRITE;
    }

    /**
     * Writes records at once on the caller's thread (WRITE mode: durable against a killed process
     * when this returns), without a thread hop. Returns false if the journal cannot write now or is closing.
     */
    public synchronized boolean appendNow(List<JournalRecord> records) {
        if (closing) {
            return false;
        }
        int need = records.size() * JournalRecord.BYTES;
        if (inlineBuffer.capacity() < need) {
            inlineBuffer = ByteBuffer.allocateDirect(Integer.highestOneBit(need) * 2);
        }
        inlineBuffer.clear();
        for (int i = 0, n = records.size(); i < n; i++) {
            JournalFormat.put(inlineBuffer, records.get(i), inlineCrc);
        }
        inlineBuffer.flip();
        return writeLocked(inlineBuffer, records.size());
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        ByteBuffer buf = ByteBuffer.allocateDirect(maxBatch * JournalRecord.BYTES);
        CRC32C crc = new CRC32C();
        try {
            while (true) {
                Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        break;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                buf.clear();
                for (Pending p : batch) {
                    JournalFormat.put(buf, p.record(), crc);
                }
                buf.flip();
                boolean ok;
                synchronized (this) {
                    ok = writeLocked(buf, batch.size());
                }
                if (ok) {
                    durable.accept(batch);
                }
                batch = new ArrayList<>(maxBatch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (channel != null) {
                try {
                    channel.force(true);
                } catch (IOException e) {
                    LOG.error("flushing the journal at close failed: {}", e.toString());
                }
                closeQuietly(channel);
                channel = null;
            }
            closeReserve();
        }
    }

    public long batches() {
        return batches;
    }

    public long written() {
        return written;
    }

    public int queued() {
        return queue.size();
    }

    /** The last write failure while the journal is failing, else null. */
    public Throwable failure() {
        return failure;
    }

    public synchronized Stats stats() {
        return new Stats(batches, written, segmentsOpened, rolloverFailures, writeFailures, recoveries, refused,
                channel == null && !closing, reserve != null);
    }

    /** Writes what is queued, flushes and closes. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        awaitRetired();
    }
}
