package io.packetgrid.pem.journal;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.pem.privacy.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Reads a journal folder: every segment in order, every valid record once. Records are written whole
 * and 32-byte aligned after the 16-byte header, so damage is a record whose CRC fails: reading skips
 * it and carries on at the next valid record (searched byte by byte if the damage shifted the
 * alignment), and reports where it was. Nothing is ever removed from disk except a true torn tail:
 * the bytes after the last valid record of the last segment, which the server was writing when it
 * stopped; {@link #recover} copies them aside and trims them so that the banner can say exactly what
 * was dropped. A folder that cannot be read unambiguously (two files for one segment number, a file
 * that is not a segment, a segment that only repeats earlier ones) is refused with the file named.
 */
public final class JournalReader {
    private JournalReader() {
    }

    /** A segment file and its number. */
    record Segment(int number, Path path) {
    }

    /** Segment files of a folder, in order. */
    public static List<Path> segments(Path dir) {
        return list(dir).stream().map(Segment::path).toList();
    }

    static List<Segment> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Segment> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (!n.startsWith(JournalFormat.PREFIX) || !n.endsWith(JournalFormat.SUFFIX)) {
                    continue;
                }
                String digits = n.substring(JournalFormat.PREFIX.length(), n.length() - JournalFormat.SUFFIX.length());
                int number;
                try {
                    number = digits.chars().allMatch(Character::isDigit) ? Integer.parseInt(digits) : -1;
                } catch (NumberFormatException e) {
                    number = -1;
                }
                if (number < 1) {
                    throw new PacketGridException(p.toString(), "not a journal segment name (expected " + JournalFormat.name(1)
                            + ", …): move it out of the ledger folder");
                }
                out.add(new Segment(number, p));
            }
        } catch (IOException e) {
            throw new PacketGridException(dir.toString(), "cannot list the journal: " + e.getMessage());
        }
        out.sort(Comparator.comparingInt(Segment::number).thenComparing(x -> x.path().getFileName().toString()));
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).number() == out.get(i - 1).number()) {
                throw new PacketGridException(out.get(i).path().toString(), "duplicate journal segment: "
                        + out.get(i - 1).path().getFileName() + " has the same number " + out.get(i).number()
                        + "; its records would be counted twice: move one of them out of the ledger folder");
            }
        }
        return out;
    }

    /** Calls {@code sink} for every valid record of the folder (each (device, seq) once), read-only. */
    public static Recovery read(Path dir, Consumer<JournalRecord> sink) {
        return scan(dir, new JournaledIndex(), sink, false);
    }

    /** Like {@link #read}, adding every record's key to {@code index}. */
    public static Recovery read(Path dir, JournaledIndex index, Consumer<JournalRecord> sink) {
        return scan(dir, index, sink, false);
    }

    /**
     * Like {@link #read}, and repairs what a stopped server leaves: trims a torn tail of the last segment
     * (after copying it to {@code trimmed-…}), completes a header cut short, makes the files private.
     */
    public static Recovery recover(Path dir, JournaledIndex index, Consumer<JournalRecord> sink) {
        return scan(dir, index, sink, true);
    }

    /** All valid records (tests and small journals). */
    public static List<JournalRecord> readAll(Path dir) {
        List<JournalRecord> out = new ArrayList<>();
        read(dir, out::add);
        return out;
    }

    private static Recovery scan(Path dir, JournaledIndex index, Consumer<JournalRecord> sink, boolean repair) {
        List<Segment> segs = list(dir);
        List<Finding> findings = new ArrayList<>();
        long records = 0;
        for (int i = 0; i < segs.size(); i++) {
            Segment s = segs.get(i);
            if (i > 0 && s.number() > segs.get(i - 1).number() + 1) {
                int first = segs.get(i - 1).number() + 1;
                findings.add(new Finding(Finding.Kind.MISSING_SEGMENTS, null, first, s.number() - first, 0, null));
            }
            records += new SegmentScan(s.path(), i == segs.size() - 1, index, sink, repair, findings).run();
        }
        int next = segs.isEmpty() ? 1 : segs.get(segs.size() - 1).number() + 1;
        return new Recovery(records, segs.size(), findings, next);
    }

    /** One segment, read through a window of the file. */
    private static final class SegmentScan {
        private static final int WINDOW = 1 << 20;
        private final Path path;
        private final boolean last;
        private final JournaledIndex index;
        private final Consumer<JournalRecord> sink;
        private final boolean repair;
        private final List<Finding> findings;
        private final ByteBuffer buf = ByteBuffer.allocate(WINDOW);
        private final CRC32C crc = new CRC32C();
        private FileChannel ch;
        private long size;
        private long bufStart;
        private int bufLen;

        SegmentScan(Path path, boolean last, JournaledIndex index, Consumer<JournalRecord> sink, boolean repair, List<Finding> findings) {
            this.path = path;
            this.last = last;
            this.index = index;
            this.sink = sink;
            this.repair = repair;
            this.findings = findings;
        }

        /** Reads the segment; returns the number of new records handed to the sink. */
        long run() {
            try (FileChannel c = repair ? FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)
                    : FileChannel.open(path, StandardOpenOption.READ)) {
                ch = c;
                size = c.size();
                if (repair) {
                    PrivateFiles.restrict(path);
                }
                if (!header()) {
                    return 0;
                }
                return records();
            } catch (IOException e) {
                throw new PacketGridException(path.toString(), "cannot read the journal: " + e.getMessage());
            }
        }

        private boolean header() throws IOException {
            int n = (int) Math.min(size, JournalFormat.HEADER_BYTES);
            byte[] head = new byte[n];
            ByteBuffer hb = ByteBuffer.wrap(head);
            while (hb.hasRemaining() && ch.read(hb, hb.position()) > 0) {
                // fill
            }
            if (!JournalFormat.headerPrefix(head, n)) {
                throw new PacketGridException(path.toString(), "not a PacketGrid journal segment (bad magic): move it out of the ledger folder");
            }
            if (size >= JournalFormat.HEADER_BYTES) {
                return true;
            }
            if (!last) {
                findings.add(new Finding(Finding.Kind.EMPTY_SEGMENT, path, 0, size, 0, null));
            } else if (repair) {
                ByteBuffer h = ByteBuffer.allocate(JournalFormat.HEADER_BYTES);
                JournalFormat.header(h);
                h.flip();
                while (h.hasRemaining()) {
                    ch.write(h, h.position());
                }
                ch.force(true);
                findings.add(new Finding(Finding.Kind.HEADER_COMPLETED, path, 0, size, 0, null));
            }
            return false;
        }

        private long records() throws IOException {
            long fresh = 0;
            long repeats = 0;
            long pos = JournalFormat.HEADER_BYTES;
            long tailFrom = -1;
            while (pos + JournalRecord.BYTES <= size) {
                JournalRecord r = at(pos);
                if (r == null) {
                    long next = resync(pos + 1);
                    if (next < 0) {
                        tailFrom = pos;
                        break;
                    }
                    findings.add(new Finding(Finding.Kind.DAMAGED, path, pos, next - pos, 0, null));
                    pos = next;
                    continue;
                }
                if (index.add(r.key())) {
                    sink.accept(r);
                    fresh++;
                } else {
                    repeats++;
                }
                pos += JournalRecord.BYTES;
            }
            if (tailFrom < 0 && pos < size) {
                tailFrom = pos; // a record cut short
            }
            if (tailFrom >= 0) {
                tail(tailFrom);
            }
            if (repeats > 0) {
                if (fresh == 0) {
                    throw new PacketGridException(path.toString(), "duplicate journal segment: all its " + repeats
                            + " records are already in earlier segments (a copy?); its packets would be counted twice:"
                            + " move it out of the ledger folder");
                }
                findings.add(new Finding(Finding.Kind.DUPLICATES, path, 0, 0, repeats, null));
            }
            return fresh;
        }

        /** Bytes from {@code from} to the end that hold no valid record. */
        private void tail(long from) throws IOException {
            long bytes = size - from;
            if (!last) {
                findings.add(new Finding(Finding.Kind.DAMAGED, path, from, bytes, 0, null));
                return;
            }
            if (!repair) {
                findings.add(new Finding(Finding.Kind.TAIL, path, from, bytes, 0, null));
                return;
            }
            Path aside = path.resolveSibling("trimmed-" + path.getFileName().toString().replace(JournalFormat.SUFFIX, "")
                    + "-at-" + from + ".bin");
            Files.deleteIfExists(aside);
            try (FileChannel out = PrivateFiles.create(aside, StandardOpenOption.WRITE)) {
                long done = 0;
                while (done < bytes) {
                    done += ch.transferTo(from + done, bytes - done, out);
                }
                out.force(true);
            }
            ch.truncate(from);
            ch.force(true);
            findings.add(new Finding(Finding.Kind.TAIL_TRIMMED, path, from, bytes, 0, aside));
        }

        /**
         * The first offset from {@code from} on where a valid record starts that is followed by another
         * valid record (or by the end of the file), or −1 if there is none.
         */
        private long resync(long from) throws IOException {
            for (long p = from; p + JournalRecord.BYTES <= size; p++) {
                if (at(p) != null && (p + 2L * JournalRecord.BYTES > size || at(p + JournalRecord.BYTES) != null)) {
                    return p;
                }
            }
            return -1;
        }

        private JournalRecord at(long pos) throws IOException {
            if (pos < bufStart || pos + JournalRecord.BYTES > bufStart + bufLen) {
                buf.clear();
                while (buf.hasRemaining()) {
                    int r = ch.read(buf, pos + buf.position());
                    if (r <= 0) {
                        break;
                    }
                }
                bufStart = pos;
                bufLen = buf.position();
                if (bufLen < JournalRecord.BYTES) {
                    return null;
                }
            }
            return JournalFormat.get(buf, (int) (pos - bufStart), crc);
        }
    }
}
