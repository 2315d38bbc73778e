package io.packetgrid.pem.protocol;

import io.packetgrid.cosim.error.PacketGridException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Per-device 32-byte secret keys, held in one flat array indexed by device id (ids 1…N), so a
 * million devices cost 32 MB and no objects. File format ({@code keys generate}): a header
 * {@code device_id,key_hex}, then one line per device.
 */
public final class DeviceKeys {
    private final byte[] keys;
    private final int maxId;

    private DeviceKeys(byte[] keys, int maxId) {
        this.keys = keys;
        this.maxId = maxId;
    }

    /** Whether the device has a key. */
    public boolean known(long deviceId) {
        return deviceId >= 1 && deviceId <= maxId && present(deviceId);
    }

    private boolean present(long id) {
        int o = offset(id);
        for (int i = 0; i < Frames.KEY_BYTES; i++) {
            if (keys[o + i] != 0) {
                return true;
            }
        }
        return false;
    }

    /** Offset of the device's key in {@link #array()}. */
    public int offset(long deviceId) {
        return (int) deviceId * Frames.KEY_BYTES;
    }

    public byte[] array() {
        return keys;
    }

    /** The highest device id with a slot. */
    public int maxId() {
        return maxId;
    }

    /** Keys for devices 1…n from a secure source (the CLI) or a seeded one (tests). */
    public static DeviceKeys generate(int n, java.util.function.Consumer<byte[]> randomBytes) {
        byte[] all = new byte[(n + 1) * Frames.KEY_BYTES];
        byte[] k = new byte[Frames.KEY_BYTES];
        for (int id = 1; id <= n; id++) {
            do {
                randomBytes.accept(k);
            } while (allZero(k));
            System.arraycopy(k, 0, all, id * Frames.KEY_BYTES, Frames.KEY_BYTES);
        }
        return new DeviceKeys(all, n);
    }

    public static DeviceKeys seeded(int n, UniformRandomProvider rng) {
        return generate(n, rng::nextBytes);
    }

    private static boolean allZero(byte[] k) {
        for (byte b : k) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    public void write(Path file) {
        HexFormat hex = HexFormat.of();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("device_id,key_hex\n");
            for (int id = 1; id <= maxId; id++) {
                if (!present(id)) {
                    continue;
                }
                w.write(Integer.toString(id));
                w.write(',');
                w.write(hex.formatHex(keys, offset(id), offset(id) + Frames.KEY_BYTES));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write keys: " + e.getMessage());
        }
    }

    /** Reads a keys file; a bad line is an error naming file:line. */
    public static DeviceKeys read(Path file) {
        String name = file.toString();
        int max = 0;
        byte[] all = new byte[1024 * Frames.KEY_BYTES];
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
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
                if (id < 1 || id > 100_000_000L) {
                    throw new PacketGridException(name + ":" + lineNo, "device_id must be an integer in [1, 100000000]");
                }
                String hex = line.substring(comma + 1).trim();
                if (hex.length() != 2 * Frames.KEY_BYTES) {
                    throw new PacketGridException(name + ":" + lineNo, "key_hex must be " + 2 * Frames.KEY_BYTES + " hex digits");
                }
                int need = (int) (id + 1) * Frames.KEY_BYTES;
                if (need > all.length) {
                    all = java.util.Arrays.copyOf(all, Math.max(need, all.length * 2));
                }
                try {
                    byte[] k = HexFormat.of().parseHex(hex);
                    System.arraycopy(k, 0, all, (int) id * Frames.KEY_BYTES, Frames.KEY_BYTES);
                } catch (IllegalArgumentException e) {
                    throw new PacketGridException(name + ":" + lineNo, "key_hex is not hexadecimal");
                }
                max = (int) Math.max(max, id);
            }
        } catch (NoSuchFileException e) {
            throw new PacketGridException(name, "no such keys file");
        } catch (IOException e) {
            throw new PacketGridException(name, "cannot read keys: " + e.getMessage());
        }
        if (max == 0) {
            throw new PacketGridException(name, "no device keys in the file");
        }
        return new DeviceKeys(java.util.Arrays.copyOf(all, (max + 1) * Frames.KEY_BYTES), max);
    }
}
