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

    /** The record at the buffer's position, or null if its CRC does not match (torn or corrupt). */
    static JournalRecord get(ByteBuffer b) {
        int start = b.position();
        CRC32C crc = new CRC32C();
        ByteBuffer view = b.duplicate();
        view.position(start).limit(start + 28);
        crc.update(view);
        long device = b.getInt() & 0xFFFF_FFFFL;
        long seq = b.getInt() & 0xFFFF_FFFFL;
        long startMs = b.getLong();
        long dur = b.getInt() & 0xFFFF_FFFFL;
        int power = b.getInt();
        int cls = b.get() & 0xFF;
        int prio = b.get() & 0xFF;
        b.getShort();
        int stored = b.getInt();
        if (stored != (int) crc.getValue()) {
            return null;
        }
        return new JournalRecord(device, seq, startMs, dur, power, DeviceClass.ofCode(cls), prio);
    }
}
