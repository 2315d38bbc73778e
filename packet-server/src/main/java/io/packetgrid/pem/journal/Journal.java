package io.packetgrid.pem.journal;

import io.packetgrid.cosim.error.PacketGridException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only journal of accepted packets, with group commit: appenders hand records to one
 * writer thread, which writes everything queued as one batch, flushes it ({@link SyncMode}), and
 * only then tells the listener which records are durable (so acknowledgements leave only after
 * that). A new segment file is started at each open and when a segment reaches
 * {@code segmentBytes}. Opening recovers the folder first ({@link JournalReader#recover}).
 */
public final class Journal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    /** One queued append: the record and an opaque token handed back when durable. */
    public record Pending(JournalRecord record, Object token) {
    }

    private final Path dir;
    private final SyncMode sync;
    private final int maxBatch;
    private final long segmentBytes;
    private final BlockingQueue<Pending> queue;
    private final Consumer<List<Pending>> durable;
    private final Thread writer;
    private final JournalReader.Recovery recovery;
    private FileChannel channel;
    private long segmentSize;
    private int nextSegment;
    private volatile boolean closing;
    private volatile Throwable failure;
    private long batches;
    private long written;

    /**
     * Opens (and recovers) the journal in {@code dir}.
     *
     * @param recovered called for each record already in the journal, before any append
     * @param durable   called on the writer thread with each batch once it is durable
     */
    public Journal(Path dir, SyncMode sync, int maxBatch, int queueCapacity, long segmentBytes,
                   Consumer<JournalRecord> recovered, Consumer<List<Pending>> durable) {
        this.dir = dir;
        this.sync = sync;
        this.maxBatch = maxBatch;
        this.segmentBytes = segmentBytes;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.durable = durable;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new PacketGridException(dir.toString(), "cannot create the journal folder: " + e.getMessage());
        }
        this.recovery = JournalReader.recover(dir, recovered);
        this.nextSegment = recovery.nextSegment();
        openSegment();
        this.writer = new Thread(this::run, "packetgrid-journal");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    public JournalReader.Recovery recovery() {
        return recovery;
    }

    private void openSegment() {
        try {
            if (channel != null) {
                FileChannel old = channel;
                channel = null;
                if (sync == SyncMode.WRITE) {
                    // every record is already written to the OS (all WRITE promises): flush and close
                    // the full segment off the appending thread, which would otherwise stall on
                    // fsync of up to segment_bytes of dirty pages
                    retire(old);
                } else {
                    old.force(true);
                    old.close();
                }
            }
            Path p = dir.resolve(String.format("%s%08d%s", JournalFormat.PREFIX, nextSegment++, JournalFormat.SUFFIX));
            channel = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            ByteBuffer h = ByteBuffer.allocate(JournalFormat.HEADER_BYTES);
            JournalFormat.header(h);
            h.flip();
            while (h.hasRemaining()) {
                channel.write(h);
            }
            if (sync == SyncMode.FSYNC) {
                channel.force(true);
            }
            segmentSize = JournalFormat.HEADER_BYTES;
        } catch (IOException e) {
            throw new PacketGridException(dir.toString(), "cannot open a journal segment: " + e.getMessage());
        }
    }

    private Thread retiring;

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
                try {
                    old.close();
                } catch (IOException e) {
                    LOG.warn("closing a full journal segment failed: {}", e.toString());
                }
            }
        }, "packetgrid-journal-retire");
        retiring.setDaemon(true);
        retiring.start();
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

    /**
     * Queues a record; blocks while the queue is full (back-pressure). Returns false if the
     * journal is closed or failed (the caller must not acknowledge).
     */
    public boolean append(JournalRecord record, Object token) {
        if (closing || failure != null) {
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

    private ByteBuffer inlineBuffer = ByteBuffer.allocateDirect(64 * JournalRecord.BYTES);
    private final java.util.zip.CRC32C inlineCrc = new java.util.zip.CRC32C();

    /**
     * Writes records at once on the caller's thread (WRITE mode: durable against a killed process
     * when this returns), without a thread hop. Returns false if the journal failed or is closing.
     */
    public synchronized boolean appendNow(List<JournalRecord> records) {
        if (closing || failure != null) {
            return false;
        }
        try {
            int need = records.size() * JournalRecord.BYTES;
            if (inlineBuffer.capacity() < need) {
                inlineBuffer = ByteBuffer.allocateDirect(Integer.highestOneBit(need) * 2);
            }
            inlineBuffer.clear();
            for (int i = 0, n = records.size(); i < n; i++) {
                JournalFormat.put(inlineBuffer, records.get(i), inlineCrc);
            }
            inlineBuffer.flip();
            synchronized (this) {
                while (inlineBuffer.hasRemaining()) {
                    channel.write(inlineBuffer);
                }
                segmentSize += need;
                batches++;
                written += records.size();
                if (segmentSize >= segmentBytes) {
                    openSegment();
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            failure = e;
            LOG.error("journal write failed; no further packet will be acknowledged", e);
            return false;
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        ByteBuffer buf = ByteBuffer.allocateDirect(maxBatch * JournalRecord.BYTES);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
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
                synchronized (this) {
                    while (buf.hasRemaining()) {
                        channel.write(buf);
                    }
                    if (sync == SyncMode.FSYNC) {
                        channel.force(false);
                    }
                    segmentSize += (long) batch.size() * JournalRecord.BYTES;
                    batches++;
                    written += batch.size();
                }
                durable.accept(batch);
                batch = new ArrayList<>(maxBatch);
                synchronized (this) {
                    if (segmentSize >= segmentBytes) {
                        openSegment();
                    }
                }
            }
            synchronized (this) {
                channel.force(true);
                channel.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            failure = e;
            LOG.error("journal writer failed; no further packet will be acknowledged", e);
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

    public Throwable failure() {
        return failure;
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
