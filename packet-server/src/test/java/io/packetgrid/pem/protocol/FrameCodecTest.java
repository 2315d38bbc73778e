package io.packetgrid.pem.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DenyReason;
import io.packetgrid.pem.packet.DeviceClass;
import io.packetgrid.pem.packet.DeviceEvent;
import io.packetgrid.pem.packet.PacketReply;
import io.packetgrid.pem.packet.PacketRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The 32-byte frames of docs/protocol.md. */
class FrameCodecTest {
    static final DeviceKeys KEYS = DeviceKeys.seeded(10, RandomSource.XO_RO_SHI_RO_128_PP.create(5L));
    static final long S = 1_000_000_000L;

    @Test
    void requestFrameLayoutByteByByte() {
        PacketRequest r = new PacketRequest(0x01020304L, 0x0A0B0C0DL, DeviceClass.EV_CHARGER, 7.4, 2, 300 * S,
                new ConnectionPoint(0x123456, 3));
        byte[] f = FrameCodec.request(r, KEYS.arrayOf(1), KEYS.offsetOf(1));
        assertEquals(32, f.length);
        assertEquals(0x11, f[0] & 0xFF);               // version 1, type 1
        assertEquals("01020304", HexFormat.of().formatHex(f, 1, 5));
        assertEquals("0a0b0c0d", HexFormat.of().formatHex(f, 5, 9));
        assertEquals(3, f[9]);                         // EV charger
        assertEquals(2, f[10]);                        // priority
        assertEquals("02e4", HexFormat.of().formatHex(f, 11, 13)); // 740 × 10 W
        assertEquals("012c", HexFormat.of().formatHex(f, 13, 15)); // 300 s
        assertEquals("123456", HexFormat.of().formatHex(f, 15, 18));
        assertEquals(3, f[18]);
        for (int i = 19; i < 24; i++) {
            assertEquals(0, f[i]);
        }
        assertEquals(r, FrameCodec.parseRequest(f));
    }

    @Test
    void negativePowerIsAnInjection() {
        PacketRequest r = new PacketRequest(5, 1, DeviceClass.BATTERY, -5, 0, 60 * S, ConnectionPoint.UNKNOWN);
        assertEquals(-5.0, FrameCodec.parseRequest(FrameCodec.request(r, KEYS.arrayOf(5), KEYS.offsetOf(5))).ratedKw());
    }

    @Test
    void macIsTruncatedHmacSha256() throws Exception {
        // the JDK's HmacSHA256 against RFC 4231 test case 2 (key "Jefe")
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("Jefe".getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                HexFormat.of().formatHex(mac.doFinal("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII))));
        // the frame carries its first 8 bytes over bytes 0..23
        PacketRequest r = new PacketRequest(3, 9, DeviceClass.WATER_HEATER, 4.5, 0, 300 * S, ConnectionPoint.UNKNOWN);
        byte[] f = FrameCodec.request(r, KEYS.arrayOf(3), KEYS.offsetOf(3));
        mac.init(new SecretKeySpec(KEYS.arrayOf(3), KEYS.offsetOf(3), 32, "HmacSHA256"));
        mac.update(f, 0, 24);
        byte[] full = mac.doFinal();
        assertArrayEquals(java.util.Arrays.copyOf(full, 8), java.util.Arrays.copyOfRange(f, 24, 32));
        assertTrue(FrameMac.verify(f, KEYS.arrayOf(3), KEYS.offsetOf(3)));
        assertFalse(FrameMac.verify(f, KEYS.arrayOf(4), KEYS.offsetOf(4)), "another device's key");
        for (int bit = 0; bit < 256; bit++) {
            byte[] g = f.clone();
            g[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(FrameMac.verify(g, KEYS.arrayOf(3), KEYS.offsetOf(3)), "a flipped bit " + bit);
        }
    }

    @Test
    void replyRoundTrip() {
        PacketReply a = new PacketReply(7, 42, true, 1_700_000_000_123L * 1_000_000L, 300 * S, DenyReason.NONE);
        byte[] f = FrameCodec.reply(a, KEYS.arrayOf(7), KEYS.offsetOf(7));
        assertEquals(FrameType.ACCEPT, Frames.type(f));
        assertEquals(a, FrameCodec.parseReply(f));
        PacketReply d = new PacketReply(7, 43, false, 1_700_000_000_000L * 1_000_000L, 0, DenyReason.VOLTAGE);
        byte[] g = FrameCodec.reply(d, KEYS.arrayOf(7), KEYS.offsetOf(7));
        assertEquals(FrameType.DENY, Frames.type(g));
        assertEquals(d, FrameCodec.parseReply(g));
    }

    @Test
    void eventAndQueryRoundTrip() {
        DeviceEvent e = new DeviceEvent(2, DeviceEvent.Type.OPT_OUT_ON, 4.5, new ConnectionPoint(17, 2));
        byte[] f = FrameCodec.event(e, 11, DeviceClass.WATER_HEATER, KEYS.arrayOf(2), KEYS.offsetOf(2));
        assertEquals(FrameType.EVENT, Frames.type(f));
        assertEquals(e, FrameCodec.parseEvent(f));
        byte[] q = FrameCodec.query(2, 12, 5, KEYS.arrayOf(2), KEYS.offsetOf(2));
        assertEquals(5, FrameCodec.parseQueriedSeq(q));
        byte[] st = FrameCodec.status(2, 5, 0b1011L, KEYS.arrayOf(2), KEYS.offsetOf(2));
        assertEquals(0b1011L, FrameCodec.parseStatusBits(st));
        assertEquals(1, st[9]);
    }

    @Test
    void theServersFirstCheckTellsEachStructuralFaultWithoutThrowing() {
        byte[] f = FrameCodec.request(new PacketRequest(1, 1, DeviceClass.WATER_HEATER, 4.5, 0, 300 * S, ConnectionPoint.UNKNOWN),
                KEYS.arrayOf(1), KEYS.offsetOf(1));
        assertNull(FrameCodec.structuralFault(f, 32));
        assertEquals(FrameException.Kind.TRUNCATED, FrameCodec.structuralFault(f, 31));
        assertEquals(FrameException.Kind.TRUNCATED, FrameCodec.structuralFault(f, 0));
        assertEquals(FrameException.Kind.OVERSIZED, FrameCodec.structuralFault(f, 33));
        byte[] v = f.clone();
        v[0] = 0x21; // version 2
        assertEquals(FrameException.Kind.BAD_VERSION, FrameCodec.structuralFault(v, 32));
        byte[] ty = f.clone();
        ty[0] = 0x1F; // version 1, type 15
        assertEquals(FrameException.Kind.BAD_TYPE, FrameCodec.structuralFault(ty, 32));
        for (byte[] bad : new byte[][] {v, ty}) { // the same verdict as the throwing check
            assertEquals(FrameCodec.structuralFault(bad, 32), assertThrows(FrameException.class, () -> FrameCodec.check(bad, 32)).kind());
        }
    }

    @Test
    void structuralErrorsNameTheFrameOffset() {
        byte[] f = FrameCodec.request(new PacketRequest(1, 1, DeviceClass.WATER_HEATER, 4.5, 0, 300 * S, ConnectionPoint.UNKNOWN),
                KEYS.arrayOf(1), KEYS.offsetOf(1));
        FrameException t = assertThrows(FrameException.class, () -> FrameCodec.check(f, 20));
        assertEquals(FrameException.Kind.TRUNCATED, t.kind());
        assertEquals("frame offset 20: frame ends after 20 of 32 bytes", t.userMessage());
        assertEquals(FrameException.Kind.OVERSIZED, assertThrows(FrameException.class, () -> FrameCodec.check(f, 40)).kind());
        byte[] v = f.clone();
        v[0] = 0x21;
        assertEquals("frame offset 0: protocol version 2, expected 1",
                assertThrows(FrameException.class, () -> FrameCodec.check(v, 32)).userMessage());
        byte[] ty = f.clone();
        ty[0] = 0x1F;
        assertEquals(FrameException.Kind.BAD_TYPE, assertThrows(FrameException.class, () -> FrameCodec.check(ty, 32)).kind());
        byte[] ph = f.clone();
        ph[18] = 9;
        assertEquals("frame offset 18: phase 9 (expected 0..3)",
                assertThrows(FrameException.class, () -> FrameCodec.parseRequest(ph)).userMessage());
        byte[] rs = f.clone();
        rs[21] = 1;
        assertEquals("frame offset 21: reserved byte is not 0",
                assertThrows(FrameException.class, () -> FrameCodec.parseRequest(rs)).userMessage());
        byte[] du = f.clone();
        du[13] = 0;
        du[14] = 0;
        assertEquals(FrameException.Kind.BAD_FIELD, assertThrows(FrameException.class, () -> FrameCodec.parseRequest(du)).kind());
    }

    @Test
    void replayWindowFollowsRfc4303() {
        ReplayWindow w = new ReplayWindow(3);
        assertEquals(ReplayWindow.Verdict.TOO_OLD, w.check(1, 0)); // seq 0 is never valid
        assertEquals(ReplayWindow.Verdict.FRESH, w.check(1, 5));
        w.mark(1, 5);
        assertEquals(ReplayWindow.Verdict.DUPLICATE, w.check(1, 5));
        assertEquals(ReplayWindow.Verdict.FRESH, w.check(1, 3), "out of order inside the window");
        w.mark(1, 3);
        assertEquals(ReplayWindow.Verdict.DUPLICATE, w.check(1, 3));
        w.mark(1, 100);
        assertEquals(ReplayWindow.Verdict.TOO_OLD, w.check(1, 36)); // 100 − 64
        assertEquals(ReplayWindow.Verdict.FRESH, w.check(1, 37));
        assertEquals(ReplayWindow.Verdict.DUPLICATE, w.check(1, 100));
        assertEquals(ReplayWindow.Verdict.FRESH, w.check(2, 1), "windows are per device");
    }

    @Test
    void tokenBucketsLimitEachDevice() {
        TokenBuckets b = new TokenBuckets(3, 10, 20);
        int ok = 0;
        for (int i = 0; i < 100; i++) {
            if (b.take(1, 0)) {
                ok++;
            }
        }
        assertEquals(20, ok, "the burst");
        assertFalse(b.take(1, 50_000_000L)); // 0.5 token after 50 ms
        assertTrue(b.take(1, 100_000_000L)); // 1 token after 100 ms at 10/s
        assertTrue(b.take(2, 0), "another device is not affected");
    }

    @Test
    void keysFileRoundTripAndErrors(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("keys.csv");
        KEYS.write(file);
        DeviceKeys back = DeviceKeys.read(file);
        assertEquals(10, back.maxId());
        assertEquals(10, back.count());
        for (long id = 1; id <= 10; id++) {
            assertArrayEquals(java.util.Arrays.copyOfRange(KEYS.arrayOf(id), KEYS.offsetOf(id), KEYS.offsetOf(id) + 32),
                    java.util.Arrays.copyOfRange(back.arrayOf(id), back.offsetOf(id), back.offsetOf(id) + 32));
        }
        java.nio.file.Files.writeString(file, "device_id,key_hex\n1,abcd\n");
        assertEquals(file + ":2: key_hex must be 64 hex digits",
                assertThrows(io.packetgrid.cosim.error.PacketGridException.class, () -> DeviceKeys.read(file)).userMessage());
    }
}
