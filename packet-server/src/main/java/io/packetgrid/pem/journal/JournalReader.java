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
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads a journal folder: every segment in order, every record whose CRC matches. A segment may end
 * in a torn record (the process died mid-write); reading stops there, and {@link #recover} also
 * truncates it so appends never follow garbage.
 */
public final class JournalReader {
    private JournalReader() {
    }

    /** What recovery found. */
    public record Recovery(long records, long segments, long truncatedBytes, int nextSegment) {
    }

    /** Segment files of a folder, in order. */
    public static List<Path> segments(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(JournalFormat.PREFIX) && n.endsWith(JournalFormat.SUFFIX);
            }).sorted().toList();
        } catch (IOException e) {
            throw new PacketGridException(dir.toString(), "cannot list the journal: " + e.getMessage());
        }
    }

    /** Calls {@code sink} for every valid record of the folder, read-only. */
    public static Recovery read(Path dir, Consumer<JournalRecord> sink) {
        return scan(dir, sink, false);
    }

    /** Like {@link #read}, and truncates torn tails. */
    public static Recovery recover(Path dir, Consumer<JournalRecord> sink) {
        return scan(dir, sink, true);
    }

    /** All valid records (tests and small journals). */
    public static List<JournalRecord> readAll(Path dir) {
        List<JournalRecord> out = new ArrayList<>();
        read(dir, out::add);
        return out;
    }

    private static Recovery scan(Path dir, Consumer<JournalRecord> sink, boolean truncate) {
        List<Path> segs = segments(dir);
        long records = 0;
        long truncated = 0;
        int next = 1;
        for (Path p : segs) {
            String n = p.getFileName().toString();
            try {
                next = Math.max(next, Integer.parseInt(n.substring(JournalFormat.PREFIX.length(), n.length() - JournalFormat.SUFFIX.length())) + 1);
            } catch (NumberFormatException e) {
                throw new PacketGridException(p.toString(), "not a journal segment name");
            }
            try (FileChannel ch = FileChannel.open(p, truncate
                    ? new StandardOpenOption[] {StandardOpenOption.READ, StandardOpenOption.WRITE}
                    : new StandardOpenOption[] {StandardOpenOption.READ})) {
                long size = ch.size();
                ByteBuffer head = ByteBuffer.allocate(JournalFormat.HEADER_BYTES);
                while (head.hasRemaining() && ch.read(head) >= 0) {
                    // fill
                }
                head.flip();
                if (head.remaining() < JournalFormat.HEADER_BYTES) {
                    if (truncate) {
                        ch.truncate(0);
                        truncated += size;
                    }
                    continue; // died while creating the segment
                }
                byte[] magic = new byte[8];
                head.get(magic);
                if (!java.util.Arrays.equals(magic, JournalFormat.MAGIC)) {
                    throw new PacketGridException(p.toString(), "not a PacketGrid journal segment (bad magic)");
                }
                ByteBuffer buf = ByteBuffer.allocate(1 << 20);
                long pos = JournalFormat.HEADER_BYTES;
                long good = pos;
                boolean torn = false;
                while (!torn) {
                    buf.clear();
                    int r = ch.read(buf, pos);
                    if (r <= 0) {
                        break;
                    }
                    buf.flip();
                    while (buf.remaining() >= JournalRecord.BYTES) {
                        JournalRecord rec = JournalFormat.get(buf);
                        if (rec == null) {
                            torn = true;
                            break;
                        }
                        sink.accept(rec);
                        records++;
                        good += JournalRecord.BYTES;
                    }
                    pos = good;
                    if (!torn && buf.remaining() > 0 && r < buf.capacity()) {
                        break; // a partial record at the end
                    }
                }
                if (good < size) {
                    truncated += size - good;
                    if (truncate) {
                        ch.truncate(good);
                        ch.force(true);
                    }
                }
            } catch (IOException e) {
                throw new PacketGridException(p.toString(), "cannot read the journal: " + e.getMessage());
            }
        }
        return new Recovery(records, segs.size(), truncated, next);
    }
}
