package io.packetgrid.pem.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DenyReason;
import io.packetgrid.pem.packet.DeviceClass;
import io.packetgrid.pem.packet.DeviceEvent;
import io.packetgrid.pem.packet.PacketReply;
import io.packetgrid.pem.packet.PacketRequest;
import io.packetgrid.pem.policy.EventEstimator;
import io.packetgrid.pem.policy.PolicyMode;
import io.packetgrid.pem.policy.TrackingPolicy;
import io.packetgrid.pem.protocol.DeviceKeys;
import io.packetgrid.pem.protocol.FrameCodec;
import io.packetgrid.pem.protocol.FrameMac;
import io.packetgrid.pem.protocol.FrameType;
import io.packetgrid.pem.protocol.Frames;
import java.net.InetSocketAddress;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server's handlers, each alone or as the UDP/TCP pipeline, on Netty's EmbeddedChannel. */
class HandlersTest {
    static final DeviceKeys KEYS = DeviceKeys.seeded(50, RandomSource.XO_RO_SHI_RO_128_PP.create(9L));
    static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 4000);
    static final InetSocketAddress DEVICE = new InetSocketAddress("127.0.0.1", 5000);
    static final long S = 1_000_000_000L;

    long clock = 1_700_000_000_000L * 1_000_000L;
    ServerCore core;
    TrackingPolicy policy;

    @BeforeEach
    void setUp() {
        policy = TrackingPolicy.builder().mode(PolicyMode.DENY_ALL).estimator(new EventEstimator(0)).build();
        core = new ServerCore(KEYS, policy, 10, 20, new ServerCounters(), () -> clock);
    }

    EmbeddedChannel udp() {
        return new EmbeddedChannel(new FrameEncoder(), new FrameAuthenticator(core),
                new PacketDispatcher(core));
    }

    static byte[] request(long dev, long seq) {
        return FrameCodec.request(new PacketRequest(dev, seq, DeviceClass.WATER_HEATER, 4.5, 0, 300 * S, new ConnectionPoint(3, 1)),
                KEYS.arrayOf(dev), KEYS.offsetOf(dev));
    }

    static DatagramPacket datagram(byte[] f) {
        return new DatagramPacket(Unpooled.wrappedBuffer(f), SERVER, DEVICE);
    }

    @Test
    void authenticRequestGetsASignedReplyToItsSender() {
        EmbeddedChannel ch = udp();
        ch.writeInbound(datagram(request(7, 1)));
        DatagramPacket out = ch.readOutbound();
        assertEquals(DEVICE, out.recipient());
        byte[] f = new byte[32];
        out.content().readBytes(f);
        out.release();
        assertTrue(FrameMac.verify(f, KEYS.arrayOf(7), KEYS.offsetOf(7)));
        assertEquals(FrameType.DENY, Frames.type(f));
        PacketReply r = FrameCodec.parseReply(f);
        assertEquals(1, r.seq());
        assertEquals(DenyReason.DENY_ALL, r.reason());
        assertEquals(1, core.counters().requests.sum());
        assertEquals(1, core.counters().denied.sum());
    }

    @Test
    void hostileFramesAreDroppedAndCountedNeverAnswered() {
        EmbeddedChannel ch = udp();
        byte[] good = request(3, 1);
        ch.writeInbound(datagram(java.util.Arrays.copyOf(good, 20)));         // truncated
        ch.writeInbound(datagram(java.util.Arrays.copyOf(good, 40)));         // oversized
        byte[] badVersion = good.clone();
        badVersion[0] = 0x21;
        ch.writeInbound(datagram(badVersion));
        byte[] badMac = good.clone();
        badMac[30] ^= 1;
        ch.writeInbound(datagram(badMac));
        byte[] forged = good.clone();
        forged[9] = 6;                                                        // class changed, MAC kept
        ch.writeInbound(datagram(forged));
        ch.writeInbound(datagram(FrameCodec.request(new PacketRequest(51, 1, DeviceClass.WATER_HEATER, 4.5, 0, 300 * S,
                ConnectionPoint.UNKNOWN), KEYS.arrayOf(1), KEYS.offsetOf(1))));       // unknown device (keys 1..50)
        byte[] reply = FrameCodec.reply(new PacketReply(3, 1, true, 0, 300 * S, DenyReason.NONE), KEYS.arrayOf(3), KEYS.offsetOf(3));
        ch.writeInbound(datagram(reply));                                     // server-to-device type
        ch.writeInbound(datagram(new byte[0]));
        assertNull(ch.readOutbound(), "nothing hostile is answered");
        ServerCounters c = core.counters();
        assertEquals(2, c.truncated.sum());          // 20 bytes and 0 bytes
        assertEquals(1, c.oversized.sum());
        assertEquals(1, c.badVersion.sum());
        assertEquals(2, c.badMac.sum());
        assertEquals(1, c.unknownDevice.sum());
        assertEquals(1, c.badType.sum());
        assertEquals(8, c.dropped());
        assertEquals(0, c.requests.sum());
        // the server still serves
        ch.writeInbound(datagram(good));
        assertTrue(ch.readOutbound() instanceof DatagramPacket);
    }

    /**
     * The authenticator checks every datagram in the same scratch array: in a burst decided together
     * at its end, each request is still answered as itself, and a short datagram after a whole one is
     * rejected by its length, never read with the earlier frame's bytes.
     */
    @Test
    void framesOfOneBurstKeepTheirOwnBytes() {
        EmbeddedChannel ch = udp();
        byte[] a = request(5, 1);
        ch.writeInbound(datagram(a), datagram(request(6, 2)), datagram(java.util.Arrays.copyOf(a, 31)),
                datagram(request(7, 3)));
        java.util.Set<String> answered = new java.util.TreeSet<>();
        DatagramPacket out;
        while ((out = ch.readOutbound()) != null) {
            byte[] f = new byte[32];
            out.content().readBytes(f);
            out.release();
            PacketReply r = FrameCodec.parseReply(f);
            assertTrue(FrameMac.verify(f, KEYS.arrayOf(r.deviceId()), KEYS.offsetOf(r.deviceId())));
            answered.add(r.deviceId() + "/" + r.seq());
        }
        assertEquals(java.util.Set.of("5/1", "6/2", "7/3"), answered);
        assertEquals(3, core.counters().requests.sum());
        assertEquals(1, core.counters().truncated.sum());
    }

    @Test
    void replayedFramesAreDropped() {
        EmbeddedChannel ch = udp();
        byte[] f = request(4, 10);
        ch.writeInbound(datagram(f));
        ((DatagramPacket) ch.readOutbound()).release();
        ch.writeInbound(datagram(f));
        ch.writeInbound(datagram(request(4, 9)));     // older but inside the window and unseen: fresh
        ch.writeInbound(datagram(request(4, 9)));     // seen now
        ((DatagramPacket) ch.readOutbound()).release();
        assertNull(ch.readOutbound());
        assertEquals(2, core.counters().replayed.sum());
    }

    @Test
    void aFloodingDeviceIsRateLimited() {
        EmbeddedChannel ch = udp();
        for (int seq = 1; seq <= 100; seq++) {
            ch.writeInbound(datagram(request(5, seq)));
        }
        int answered = 0;
        Object o;
        while ((o = ch.readOutbound()) != null) {
            ((DatagramPacket) o).release();
            answered++;
        }
        assertEquals(20, answered, "burst of 20");
        assertEquals(80, core.counters().rateLimited.sum());
        clock += 1 * S; // 10 more tokens a second later
        for (int seq = 101; seq <= 120; seq++) {
            ch.writeInbound(datagram(request(5, seq)));
        }
        answered = 0;
        while ((o = ch.readOutbound()) != null) {
            ((DatagramPacket) o).release();
            answered++;
        }
        assertEquals(10, answered);
        // other devices are unaffected
        ch.writeInbound(datagram(request(6, 1)));
        assertTrue(ch.readOutbound() instanceof DatagramPacket);
    }

    @Test
    void replayingTheLastAcceptedRequestNeverSpendsTheDevicesBudget(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        TrackingPolicy acceptAll = TrackingPolicy.builder().mode(PolicyMode.ACCEPT_ALL).estimator(new EventEstimator(0)).build();
        ServerCore c = new ServerCore(KEYS, acceptAll, 10, 20, new ServerCounters(), () -> clock);
        try (io.packetgrid.pem.journal.Journal j = new io.packetgrid.pem.journal.Journal(dir, io.packetgrid.pem.journal.SyncMode.WRITE,
                64, 64, 1 << 20, c.index(), c::recovered, b -> PacketDispatcher.durable(c, b), System::nanoTime)) {
            c.journal(j);
            EmbeddedChannel ch = new EmbeddedChannel(new FrameEncoder(), new FrameAuthenticator(c),
                    new PacketDispatcher(c));
            byte[] latest = request(11, 1);
            ch.writeInbound(datagram(latest));
            assertEquals(FrameType.ACCEPT, Frames.type(read(ch)));
            // an on-path attacker replays the device's latest frame 1000 times within the same second
            for (int i = 0; i < 1000; i++) {
                ch.writeInbound(datagram(latest));
            }
            int resent = 0;
            byte[] f;
            while ((f = read(ch)) != null) {
                assertEquals(FrameType.ACCEPT, Frames.type(f));
                resent++;
            }
            assertEquals(3, resent, "retransmissions have a budget of their own (3 in a burst)");
            assertEquals(997, c.counters().resendRateLimited.sum());
            // the device's own new requests in that same second: 19 tokens left of its burst of 20
            // (was: the replays had spent them all and 0 of 9 new requests were answered)
            for (int seq = 2; seq <= 10; seq++) {
                ch.writeInbound(datagram(request(11, seq)));
            }
            int accepted = 0;
            while ((f = read(ch)) != null) {
                assertEquals(FrameType.ACCEPT, Frames.type(f));
                accepted++;
            }
            assertEquals(9, accepted);
            assertEquals(0, c.counters().rateLimited.sum());
            clock += 1 * S; // one more retransmission a second later
            ch.writeInbound(datagram(latest));
            assertTrue(read(ch) == null, "seq 1 is no longer the last accepted: a replay, dropped");
            ch.writeInbound(datagram(request(11, 10)));
            assertEquals(FrameType.ACCEPT, Frames.type(read(ch)));
        }
    }

    /** The next frame the channel sent, or null. */
    static byte[] read(EmbeddedChannel ch) {
        DatagramPacket out = ch.readOutbound();
        if (out == null) {
            return null;
        }
        byte[] f = new byte[32];
        out.content().readBytes(f);
        out.release();
        return f;
    }

    @Test
    void eventsUpdateTheEstimateAndQueriesGetAStatus() {
        EmbeddedChannel ch = udp();
        DeviceEvent e = new DeviceEvent(8, DeviceEvent.Type.OPT_OUT_ON, 4.5, ConnectionPoint.UNKNOWN);
        ch.writeInbound(datagram(FrameCodec.event(e, 1, DeviceClass.WATER_HEATER, KEYS.arrayOf(8), KEYS.offsetOf(8))));
        assertNull(ch.readOutbound(), "events are not answered");
        assertEquals(4.5, policy.estimateKw(clock), 1e-12);
        core.index().add(io.packetgrid.pem.journal.JournalRecord.key(8, 3));
        ch.writeInbound(datagram(FrameCodec.query(8, 2, 1, KEYS.arrayOf(8), KEYS.offsetOf(8))));
        DatagramPacket out = ch.readOutbound();
        byte[] f = new byte[32];
        out.content().readBytes(f);
        out.release();
        assertEquals(FrameType.STATUS, Frames.type(f));
        assertEquals(0b100L, FrameCodec.parseStatusBits(f), "seq 3 = queried 1 + 2");
    }

    @Test
    void tcpFramesMayArriveInAnyChunks() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameEncoder(), new StreamFrameDecoder(core.counters()),
                new FrameAuthenticator(core), new PacketDispatcher(core));
        byte[] a = request(9, 1);
        byte[] b = request(9, 2);
        byte[] both = new byte[64];
        System.arraycopy(a, 0, both, 0, 32);
        System.arraycopy(b, 0, both, 32, 32);
        ch.writeInbound(Unpooled.wrappedBuffer(both, 0, 13));
        ch.writeInbound(Unpooled.wrappedBuffer(both, 13, 40));
        ch.writeInbound(Unpooled.wrappedBuffer(both, 53, 11));
        ByteBuf r1 = ch.readOutbound();
        ByteBuf r2 = ch.readOutbound();
        assertEquals(32, r1.readableBytes());
        assertEquals(32, r2.readableBytes());
        r1.release();
        r2.release();
        assertEquals(2, core.counters().requests.sum());
    }

    /**
     * A TCP connection starts with only its framing (as PacketServer builds it); the first whole frame,
     * here split over two reads and followed by a second frame in the same read, brings in the encoder,
     * authenticator and dispatcher, and both requests are answered in order.
     */
    @Test
    void tcpPipelineIsCompletedByTheFirstWholeFrame() {
        EmbeddedChannel ch = new EmbeddedChannel();
        FirstFrame first = new FirstFrame(core);
        ch.pipeline().addLast(PacketServer.FRAMES, new StreamFrameDecoder(core.counters()))
                .addLast("first-frame", first).addLast("errors", PacketServer.ErrorSink.INSTANCE);
        byte[] a = request(11, 1);
        byte[] b = request(11, 2);
        ch.writeInbound(Unpooled.wrappedBuffer(a, 0, 1));           // one byte, as the idle flood sends
        assertEquals(java.util.List.of(PacketServer.FRAMES, "first-frame", "errors"), names(ch));
        byte[] rest = new byte[63];
        System.arraycopy(a, 1, rest, 0, 31);
        System.arraycopy(b, 0, rest, 31, 32);
        ch.writeInbound(Unpooled.wrappedBuffer(rest));
        assertEquals(java.util.List.of("encoder", PacketServer.FRAMES, "auth", "dispatch", "errors"), names(ch));
        for (long seq = 1; seq <= 2; seq++) {
            ByteBuf r = ch.readOutbound();
            byte[] f = new byte[32];
            r.readBytes(f);
            r.release();
            assertTrue(FrameMac.verify(f, KEYS.arrayOf(11), KEYS.offsetOf(11)));
            assertEquals(seq, FrameCodec.parseReply(f).seq());
        }
        assertNull(ch.readOutbound());
        assertEquals(2, core.counters().requests.sum());
        EmbeddedChannel other = new EmbeddedChannel();            // the shared handler serves every connection
        other.pipeline().addLast(PacketServer.FRAMES, new StreamFrameDecoder(core.counters())).addLast("first-frame", first);
        other.writeInbound(Unpooled.wrappedBuffer(request(12, 1)));
        ByteBuf r = other.readOutbound();
        assertEquals(32, r.readableBytes());
        r.release();
    }

    private static java.util.List<String> names(EmbeddedChannel ch) {
        java.util.List<String> n = new java.util.ArrayList<>(ch.pipeline().names());
        n.removeIf(x -> x.startsWith("DefaultChannelPipeline$TailContext"));
        return n;
    }

    /**
     * Frames fed one byte per read come out whole and in order, and every read buffer is released at once:
     * a connection that sent part of a frame (the idle flood's one byte) holds no buffer of Netty's
     * allocator (a ByteToMessageDecoder kept the first read's buffer as its cumulation).
     */
    @Test
    void tcpFramerReleasesEveryReadBufferAndKeepsOnlyTheFramesBytes() {
        EmbeddedChannel ch = new EmbeddedChannel(new StreamFrameDecoder(core.counters()));
        byte[] a = request(9, 1);
        byte[] b = request(9, 2);
        byte[] both = new byte[64];
        System.arraycopy(a, 0, both, 0, 32);
        System.arraycopy(b, 0, both, 32, 32);
        java.util.List<ByteBuf> reads = new java.util.ArrayList<>();
        for (int i = 0; i < 64; i++) {
            ByteBuf one = Unpooled.directBuffer(1).writeByte(both[i]);
            reads.add(one);
            ch.writeInbound(one);
            assertEquals(0, one.refCnt(), "read " + i + " released");
        }
        assertTrue(java.util.Arrays.equals(a, ch.readInbound()));
        assertTrue(java.util.Arrays.equals(b, ch.readInbound()));
        assertNull(ch.readInbound());
        ByteBuf three = Unpooled.wrappedBuffer(both, 0, 40).retain(); // one frame and the start of the next
        ch.writeInbound(three);
        assertEquals(1, three.refCnt(), "released once by the framer");
        assertTrue(java.util.Arrays.equals(a, ch.readInbound()));
        ch.writeInbound(Unpooled.wrappedBuffer(both, 40, 24));
        assertTrue(java.util.Arrays.equals(b, ch.readInbound()));
        assertTrue(ch.isOpen());
    }

    @Test
    void tcpConnectionWithAMisalignedStreamIsClosed() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameEncoder(), new StreamFrameDecoder(core.counters()),
                new FrameAuthenticator(core), new PacketDispatcher(core));
        byte[] junk = new byte[32];
        junk[0] = 0x71;
        ch.writeInbound(Unpooled.wrappedBuffer(junk));
        assertFalse(ch.isOpen());
        assertEquals(1, core.counters().badVersion.sum());
    }
}
