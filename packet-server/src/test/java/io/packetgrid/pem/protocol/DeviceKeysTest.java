package io.packetgrid.pem.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.pem.net.ServerCore;
import io.packetgrid.pem.net.ServerCounters;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DeviceClass;
import io.packetgrid.pem.packet.PacketRequest;
import io.packetgrid.pem.policy.EventEstimator;
import io.packetgrid.pem.policy.PolicyMode;
import io.packetgrid.pem.policy.TrackingPolicy;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys files: the whole documented id range (1 … 100,000,000) and secret files. */
class DeviceKeysTest {
    static final String K1 = "01".repeat(32);
    static final String K2 = "02".repeat(32);
    static final String K3 = "03".repeat(32);

    @Test
    void idsAboveTwoToTheTwentySixAreServed(@TempDir Path dir) throws Exception {
        // 67,108,864 × 32 bytes passes 2^31: these ids used to overflow the key offset and crash serve and loadgen
        Path file = dir.resolve("keys.csv");
        Files.writeString(file, "device_id,key_hex\n67108863," + K1 + "\n70000000," + K2 + "\n100000000," + K3 + "\n");
        DeviceKeys keys = DeviceKeys.read(file);
        assertEquals(3, keys.count());
        assertEquals(100_000_000L, keys.maxId());
        assertEquals(2, keys.slot(100_000_000L));
        assertEquals(-1, keys.slot(100_000_001L));
        assertEquals(-1, keys.slot(1));
        assertEquals(K2, HexFormat.of().formatHex(keys.arrayOf(70_000_000L), keys.offsetOf(70_000_000L), keys.offsetOf(70_000_000L) + 32));
        TrackingPolicy deny = TrackingPolicy.builder().mode(PolicyMode.DENY_ALL).estimator(new EventEstimator(0)).build();
        ServerCore core = new ServerCore(keys, deny, 10, 20, new ServerCounters(), () -> 0L);
        byte[] f = FrameCodec.request(new PacketRequest(100_000_000L, 1, DeviceClass.WATER_HEATER, 4.5, 0, 300_000_000_000L,
                ConnectionPoint.UNKNOWN), keys.arrayOf(100_000_000L), keys.offsetOf(100_000_000L));
        assertEquals(ServerCore.Verdict.PROCESS, core.authenticate(f, 32));
        byte[] other = FrameCodec.request(new PacketRequest(100_000_000L, 2, DeviceClass.WATER_HEATER, 4.5, 0, 300_000_000_000L,
                ConnectionPoint.UNKNOWN), keys.arrayOf(70_000_000L), keys.offsetOf(70_000_000L));
        assertEquals(ServerCore.Verdict.DROP, core.authenticate(other, 32), "signed with another device's key");
        // written back as read
        Path again = dir.resolve("again.csv");
        keys.write(again);
        assertEquals(Files.readString(file), Files.readString(again));
    }

    @Test
    void unsortedFilesAreSortedAndARepeatedIdIsAnError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.csv");
        Files.writeString(file, "device_id,key_hex\n3," + K3 + "\n1," + K1 + "\n2," + K2 + "\n");
        DeviceKeys keys = DeviceKeys.read(file);
        assertEquals(0, keys.slot(1));
        assertEquals(2, keys.slot(3));
        assertEquals(K3, HexFormat.of().formatHex(keys.keyArray(2), keys.keyOffset(2), keys.keyOffset(2) + 32));
        Files.writeString(file, "device_id,key_hex\n3," + K3 + "\n1," + K1 + "\n3," + K2 + "\n");
        assertEquals(file + ": device_id 3 has two keys", assertThrows(PacketGridException.class, () -> DeviceKeys.read(file)).userMessage());
        Files.writeString(file, "device_id,key_hex\n1," + K1 + "\n1," + K2 + "\n");
        assertEquals(file + ":3: device_id 1 has a key on the line before already",
                assertThrows(PacketGridException.class, () -> DeviceKeys.read(file)).userMessage());
        Files.writeString(file, "device_id,key_hex\n100000001," + K1 + "\n");
        assertEquals(file + ":2: device_id must be an integer in [1, 100000000]",
                assertThrows(PacketGridException.class, () -> DeviceKeys.read(file)).userMessage());
    }

    /** Stops a generation after some lines (a full 70-million-key file is 5 GB). */
    static final class Enough extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void generatingSeventyMillionKeysStreamsInConstantMemory() throws Exception {
        // was: (n + 1) * 32 overflowed int before the first key (NegativeArraySizeException)
        StringBuilder out = new StringBuilder();
        java.io.Writer w = new java.io.Writer() {
            int lines;

            @Override
            public void write(char[] cbuf, int off, int len) {
                out.append(cbuf, off, len);
                for (int i = off; i < off + len; i++) {
                    if (cbuf[i] == '\n' && ++lines == 1001) {
                        throw new Enough();
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        long[] counter = {0};
        assertThrows(Enough.class, () -> DeviceKeys.writeGenerated(70_000_000L, w, b -> java.util.Arrays.fill(b, (byte) ++counter[0]),
                HexFormat.of()));
        String[] lines = out.toString().split("\n");
        assertEquals("device_id,key_hex", lines[0]);
        assertEquals("1," + "01".repeat(32), lines[1]);
        // draws 256, 512 and 768 were all-zero keys (no secret) and drawn again: key 1000 is draw 1003 = 0x3eb
        assertEquals("255," + "ff".repeat(32), lines[255]);
        assertEquals("256," + "01".repeat(32), lines[256]);
        assertEquals("1000," + "eb".repeat(32), lines[1000]);
        assertThrows(IllegalArgumentException.class, () -> DeviceKeys.writeGenerated(100_000_001L, w, b -> { }, HexFormat.of()));
        assertThrows(IllegalStateException.class, () -> DeviceKeys.writeGenerated(1, w, b -> { }, HexFormat.of()), "a source of zeros");
    }

    @Test
    void keysFilesAreReadableByTheirOwnerOnlyWhateverWasThereBefore(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path file = dir.resolve("keys.csv");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        DeviceKeys.writeGenerated(5, file, b -> java.util.Arrays.fill(b, (byte) 7));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "was 0644 (world-readable)");
        assertEquals(6, Files.readAllLines(file).size());
        Path other = dir.resolve("other.csv");
        DeviceKeys.read(file).write(other);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(other)));
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "no temporary file left");
        }
    }
}
