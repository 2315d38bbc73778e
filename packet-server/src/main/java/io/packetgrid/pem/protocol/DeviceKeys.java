package io.packetgrid.pem.protocol;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.pem.privacy.PrivateFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Per-device 32-byte secret keys. Devices are numbered by <em>slot</em> 0…count−1 in increasing id
 * order, and every per-device table of the server is a flat array indexed by slot, so a million
 * devices cost 32 MB of keys and no objects. The keys live in chunks of 2^20 (32 MB each): a flat
 * array of 100 million keys would pass Java's 2^31-byte array limit (ids from 67,108,864 on used to
 * overflow the int offset). Ids are 1 … {@link #MAX_ID}; a file with ids 1…N (what
 * {@code keys generate} writes) needs no id table, any other set of ids is looked up by binary search.
 * File format: a header {@code device_id,key_hex}, then one line per device.
 */
public final class DeviceKeys {
    /** The highest device id (docs/protocol.md). */
    public static final long MAX_ID = 100_000_000L;
    private static final int CHUNK_BITS = 20;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private final byte[][] chunks;
    private final int count;
    private final int[] ids; // null: dense, slot i is device i + 1

    private DeviceKeys(byte[][] chunks, int count, int[] ids) {
        this.chunks = chunks;
        this.count = count;
        this.ids = ids;
    }

    /** How many devices have a key. */
    public int count() {
        return count;
    }

    /** The highest device id with a key. */
    public long maxId() {
        return count == 0 ? 0 : id(count - 1);
    }

    /** The device's slot, or −1 if it has no key. */
    public int slot(long deviceId) {
        if (deviceId < 1 || deviceId > MAX_ID) {
            return -1;
        }
        if (ids == null) {
            return deviceId <= count ? (int) deviceId - 1 : -1;
        }
        int i = Arrays.binarySearch(ids, 0, count, (int) deviceId);
        return i >= 0 ? i : -1;
    }

    /** Whether the device has a key. */
    public boolean known(long deviceId) {
        return slot(deviceId) >= 0;
    }

    /** The device id of a slot. */
    public long id(int slot) {
        return ids == null ? slot + 1L : ids[slot];
    }

    /** The array holding the key of a slot (see {@link #keyOffset}). */
    public byte[] keyArray(int slot) {
        return chunks[slot >>> CHUNK_BITS];
    }

    /** Where the key of a slot starts in {@link #keyArray}. */
    public int keyOffset(int slot) {
        return (slot & (CHUNK - 1)) * Frames.KEY_BYTES;
    }

    /** {@link #keyArray} of a device id (which must have a key). */
    public byte[] arrayOf(long deviceId) {
        return keyArray(slotOf(deviceId));
    }

    /** {@link #keyOffset} of a device id (which must have a key). */
    public int offsetOf(long deviceId) {
        return keyOffset(slotOf(deviceId));
    }

    private int slotOf(long deviceId) {
        int s = slot(deviceId);
        if (s < 0) {
            throw new IllegalArgumentException("device " + deviceId + " has no key");
        }
        return s;
    }

    private static byte[][] chunksFor(long n) {
        int full = (int) (n >>> CHUNK_BITS);
        int rest = (int) (n & (CHUNK - 1));
        byte[][] c = new byte[full + (rest > 0 ? 1 : 0)][];
        for (int i = 0; i < c.length; i++) {
            c[i] = new byte[(i < full ? CHUNK : rest) * Frames.KEY_BYTES];
        }
        return c;
    }

    /** Keys for devices 1…n from a secure source (the CLI) or a seeded one (tests), in memory. */
    public static DeviceKeys generate(int n, Consumer<byte[]> randomBytes) {
        checkCount(n);
        byte[][] chunks = chunksFor(n);
        byte[] k = new byte[Frames.KEY_BYTES];
        for (int s = 0; s < n; s++) {
            nextKey(k, randomBytes);
            System.arraycopy(k, 0, chunks[s >>> CHUNK_BITS], (s & (CHUNK - 1)) * Frames.KEY_BYTES, Frames.KEY_BYTES);
        }
        return new DeviceKeys(chunks, n, null);
    }

    public static DeviceKeys seeded(int n, UniformRandomProvider rng) {
        return generate(n, rng::nextBytes);
    }

    private static void checkCount(long n) {
        if (n < 1 || n > MAX_ID) {
            throw new IllegalArgumentException("the number of devices must be in [1, " + MAX_ID + "], got " + n);
        }
    }

    /** A key that is not all zero (an all-zero key is no secret). */
    private static void nextKey(byte[] k, Consumer<byte[]> randomBytes) {
        for (int tries = 0; tries < 1000; tries++) {
            randomBytes.accept(k);
            if (!allZero(k)) {
                return;
            }
        }
        throw new IllegalStateException("the random source gives only zero keys");
    }

    private static boolean allZero(byte[] k) {
        for (byte b : k) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** Writes the keys file (0600, see {@link PrivateFiles#writeAtomically}). */
    public void write(Path file) {
        HexFormat hex = HexFormat.of();
        try {
            PrivateFiles.writeAtomically(file, w -> {
                w.write("device_id,key_hex\n");
                for (int s = 0; s < count; s++) {
                    w.write(Long.toString(id(s)));
                    w.write(',');
                    w.write(hex.formatHex(keyArray(s), keyOffset(s), keyOffset(s) + Frames.KEY_BYTES));
                    w.write('\n');
                }
            });
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write keys: " + e.getMessage());
        }
    }

    /**
     * Writes keys for devices 1…n straight to the file (0600) without holding them: {@code keys generate}
     * for any n up to {@link #MAX_ID} in constant memory.
     */
    public static void writeGenerated(long n, Path file, Consumer<byte[]> randomBytes) {
        checkCount(n);
        HexFormat hex = HexFormat.of();
        try {
            PrivateFiles.writeAtomically(file, w -> writeGenerated(n, w, randomBytes, hex));
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write keys: " + e.getMessage());
        }
    }

    static void writeGenerated(long n, java.io.Writer w, Consumer<byte[]> randomBytes, HexFormat hex) throws IOException {
        checkCount(n);
        byte[] k = new byte[Frames.KEY_BYTES];
        w.write("device_id,key_hex\n");
        for (long id = 1; id <= n; id++) {
            nextKey(k, randomBytes);
            w.write(Long.toString(id));
            w.write(',');
            w.write(hex.formatHex(k));
            w.write('\n');
        }
    }

    /** Reads a keys file; a bad line is an error naming file:line. */
    public static DeviceKeys read(Path file) {
        String name = file.toString();
        int n = 0;
        int[] ids = new int[1024];
        byte[][] chunks = new byte[1][];
        boolean sorted = true;
        HexFormat hexFormat = HexFormat.of();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line = r.readLine();
            int lineNo = 1;
            if (line == null || !line.trim().equals("device_id,key_hex")) {
                throw new PacketGridException(name + ":1", "expected the header 'device_id,key_hex'");
            }
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                int comma = line.indexOf(',');
                long id;
                try {
                    id = comma < 0 ? -1 : Long.parseLong(line.substring(0, comma).trim());
                } catch (NumberFormatException e) {
                    id = -1;
                }
                if (id < 1 || id > MAX_ID) {
                    throw new PacketGridException(name + ":" + lineNo, "device_id must be an integer in [1, " + MAX_ID + "]");
                }
                String hex = line.substring(comma + 1).trim();
                if (hex.length() != 2 * Frames.KEY_BYTES) {
                    throw new PacketGridException(name + ":" + lineNo, "key_hex must be " + 2 * Frames.KEY_BYTES + " hex digits");
                }
                if (n > 0 && id <= ids[n - 1]) {
                    if (id == ids[n - 1]) {
                        throw new PacketGridException(name + ":" + lineNo, "device_id " + id + " has a key on the line before already");
                    }
                    sorted = false;
                }
                if (n == ids.length) {
                    ids = Arrays.copyOf(ids, (int) Math.min(Integer.MAX_VALUE - 8, 2L * n));
                }
                chunks = room(chunks, n);
                try {
                    byte[] k = hexFormat.parseHex(hex);
                    System.arraycopy(k, 0, chunks[n >>> CHUNK_BITS], (n & (CHUNK - 1)) * Frames.KEY_BYTES, Frames.KEY_BYTES);
                } catch (IllegalArgumentException e) {
                    throw new PacketGridException(name + ":" + lineNo, "key_hex is not hexadecimal");
                }
                ids[n++] = (int) id;
            }
        } catch (NoSuchFileException e) {
            throw new PacketGridException(name, "no such keys file");
        } catch (IOException e) {
            throw new PacketGridException(name, "cannot read keys: " + e.getMessage());
        }
        if (n == 0) {
            throw new PacketGridException(name, "no device keys in the file");
        }
        if (!sorted) {
            return sortedCopy(name, chunks, ids, n);
        }
        boolean dense = ids[n - 1] == n; // strictly increasing from ≥ 1 and ending at n: exactly 1…n
        return new DeviceKeys(chunks, n, dense ? null : Arrays.copyOf(ids, n));
    }

    /** The chunks, with room for slot {@code n} (chunks grow by doubling up to 2^20 keys). */
    private static byte[][] room(byte[][] chunks, int n) {
        int c = n >>> CHUNK_BITS;
        byte[][] out = c < chunks.length ? chunks : Arrays.copyOf(chunks, c + 1);
        int need = ((n & (CHUNK - 1)) + 1) * Frames.KEY_BYTES;
        byte[] chunk = out[c];
        if (chunk == null) {
            out[c] = new byte[1024 * Frames.KEY_BYTES];
        } else if (chunk.length < need) {
            out[c] = Arrays.copyOf(chunk, Math.min(CHUNK * Frames.KEY_BYTES, chunk.length * 2));
        }
        return out;
    }

    /** A file whose ids are not in increasing order: sorted by id (a repeated id is an error). */
    private static DeviceKeys sortedCopy(String name, byte[][] chunks, int[] ids, int n) {
        long[] order = new long[n];
        for (int s = 0; s < n; s++) {
            order[s] = ((long) ids[s] << 32) | s;
        }
        Arrays.sort(order);
        byte[][] out = chunksFor(n);
        int[] sortedIds = new int[n];
        for (int i = 0; i < n; i++) {
            int from = (int) order[i];
            sortedIds[i] = (int) (order[i] >>> 32);
            if (i > 0 && sortedIds[i] == sortedIds[i - 1]) {
                throw new PacketGridException(name, "device_id " + sortedIds[i] + " has two keys");
            }
            System.arraycopy(chunks[from >>> CHUNK_BITS], (from & (CHUNK - 1)) * Frames.KEY_BYTES,
                    out[i >>> CHUNK_BITS], (i & (CHUNK - 1)) * Frames.KEY_BYTES, Frames.KEY_BYTES);
        }
        boolean dense = sortedIds[n - 1] == n;
        return new DeviceKeys(out, n, dense ? null : sortedIds);
    }
}
