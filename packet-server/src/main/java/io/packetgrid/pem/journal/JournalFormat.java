package io.packetgrid.pem.journal;

import io.packetgrid.pem.packet.DeviceClass;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/** The on-disk layout of journal segments and records (docs/protocol.md "Durability"). */
final class JournalFormat {
    static final byte[] MAGIC = "PGJRNL01".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER_BYTES = 16;
    static final String PREFIX = "segment-";
    static final String SUFFIX = ".pgj";

    private JournalFormat() {
    }

    static void header(ByteBuffer b) {
        b.put(MAGIC);
        b.putLong(0);
    }

    static void put(ByteBuffer b, JournalRecord r) {
        put(b, r, new CRC32C());
    }

    /** Appends the record at the buffer's position, reusing {@code crc} (allocates nothing). */
    static void put(ByteBuffer b, JournalRecord r, CRC32C crc) {
        int start = b.position();
        b.putInt((int) r.deviceId());
        b.putInt((int) r.seq());
        b.putLong(r.startMs());
        b.putInt((int) r.durationMs());
        b.putInt(r.powerW());
        b.put((byte) r.deviceClass().code());
        b.put((byte) r.priority());
        b.putShort((short) 0);
        int limit = b.limit();
        crc.reset();
        b.position(start).limit(start + 28);
        crc.update(b); // leaves the position at start + 28
        b.limit(limit);
        b.putInt((int) crc.getValue());
    }

    /** The record at the buffer's position (which advances by 32), or null if it is not a valid record. */
    static JournalRecord get(ByteBuffer b) {
        int start = b.position();
        b.position(start + JournalRecord.BYTES);
        return get(b, start, new CRC32C());
    }

    /**
     * The record at absolute index {@code at} of the buffer, or null unless it is one the journal wrote:
     * its CRC-32C matches, its reserved bytes are zero and its device id is not 0 (docs/protocol.md).
     * The CRC detects every burst error of up to 32 bits, so one damaged record is never taken for a
     * good one, and a search for the next record after damage lands on a real one (2^-32 per position).
     */
    static JournalRecord get(ByteBuffer b, int at, CRC32C crc) {
        crc.reset();
        if (b.hasArray()) {
            crc.update(b.array(), b.arrayOffset() + at, 28);
        } else {
            ByteBuffer view = b.duplicate();
            view.limit(at + 28).position(at);
            crc.update(view);
        }
        if (b.getInt(at + 28) != (int) crc.getValue() || b.getShort(at + 26) != 0) {
            return null;
        }
        long device = b.getInt(at) & 0xFFFF_FFFFL;
        if (device == 0) {
            return null;
        }
        long seq = b.getInt(at + 4) & 0xFFFF_FFFFL;
        long startMs = b.getLong(at + 8);
        long dur = b.getInt(at + 16) & 0xFFFF_FFFFL;
        int power = b.getInt(at + 20);
        int cls = b.get(at + 24) & 0xFF;
        int prio = b.get(at + 25) & 0xFF;
        return new JournalRecord(device, seq, startMs, dur, power, DeviceClass.ofCode(cls), prio);
    }

    /** Whether the bytes are a segment header (or, if shorter, the start of one). */
    static boolean headerPrefix(byte[] bytes, int n) {
        for (int i = 0; i < Math.min(n, MAGIC.length); i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** The file name of segment {@code n}. */
    static String name(int n) {
        return String.format(java.util.Locale.ROOT, "%s%08d%s", PREFIX, n, SUFFIX);
    }
}
