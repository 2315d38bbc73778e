package io.packetgrid.pem.protocol;

import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DenyReason;
import io.packetgrid.pem.packet.DeviceClass;
import io.packetgrid.pem.packet.DeviceEvent;
import io.packetgrid.pem.packet.PacketReply;
import io.packetgrid.pem.packet.PacketRequest;

/**
 * Encodes and decodes the 32-byte frames of docs/protocol.md. Decoding checks structure only;
 * authentication is {@link FrameMac}. Times on the wire are Unix epoch milliseconds; in the API
 * they are nanoseconds on the same epoch.
 */
public final class FrameCodec {
    private static final long MS = 1_000_000L;

    private FrameCodec() {
    }

    private static byte[] header(FrameType type, long deviceId, long seq) {
        if (deviceId < 1 || deviceId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("device id must be in [1, 2^32-1]: " + deviceId);
        }
        if (seq < 0 || seq > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("seq must fit 32 bits: " + seq);
        }
        byte[] f = new byte[Frames.FRAME_BYTES];
        f[0] = (byte) ((Frames.VERSION << 4) | type.code());
        Frames.put32(f, Frames.OFF_DEVICE, deviceId);
        Frames.put32(f, Frames.OFF_SEQ, seq);
        return f;
    }

    private static void body(byte[] f, DeviceClass c, int priority, double kw, long durationS, ConnectionPoint at) {
        f[Frames.OFF_CLASS] = (byte) c.code();
        f[Frames.OFF_PRIORITY] = (byte) Math.max(0, Math.min(255, priority));
        long p10w = Math.round(kw * 100);
        if (p10w < Short.MIN_VALUE || p10w > Short.MAX_VALUE) {
            throw new IllegalArgumentException("power out of the frame's range ±327.67 kW: " + kw);
        }
        Frames.put16(f, Frames.OFF_POWER, (int) p10w);
        Frames.put16(f, Frames.OFF_DURATION, (int) Math.max(0, Math.min(65535, durationS)));
        Frames.put24(f, Frames.OFF_BUS, at.bus());
        f[Frames.OFF_PHASE] = (byte) at.phase();
    }

    /** A signed REQUEST frame. */
    public static byte[] request(PacketRequest r, byte[] keys, int keyOffset) {
        byte[] f = header(FrameType.REQUEST, r.deviceId(), r.seq());
        long durS = Math.max(1, Math.round(r.durationNs() / 1e9));
        body(f, r.deviceClass(), r.priority(), r.ratedKw(), durS, r.at());
        FrameMac.sign(f, keys, keyOffset);
        return f;
    }

    /** A signed EVENT frame. */
    public static byte[] event(DeviceEvent e, long seq, DeviceClass c, byte[] keys, int keyOffset) {
        byte[] f = header(FrameType.EVENT, e.deviceId(), seq);
        body(f, c, 0, e.powerKw(), 0, e.at());
        f[Frames.OFF_EVENT] = (byte) e.type().code();
        FrameMac.sign(f, keys, keyOffset);
        return f;
    }

    /** A signed QUERY frame asking about {@code queriedSeq}. */
    public static byte[] query(long deviceId, long seq, long queriedSeq, byte[] keys, int keyOffset) {
        byte[] f = header(FrameType.QUERY, deviceId, seq);
        Frames.put32(f, Frames.OFF_QUERIED_SEQ, queriedSeq);
        FrameMac.sign(f, keys, keyOffset);
        return f;
    }

    /** A signed ACCEPT or DENY frame. */
    public static byte[] reply(PacketReply r, byte[] keys, int keyOffset) {
        byte[] f = header(r.accepted() ? FrameType.ACCEPT : FrameType.DENY, r.deviceId(), r.seq());
        f[Frames.OFF_REASON] = (byte) r.reason().code();
        Frames.put64(f, Frames.OFF_START_MS, Math.floorDiv(r.startNs(), MS));
        Frames.put32(f, Frames.OFF_DURATION_MS, r.accepted() ? Math.min(0xFFFF_FFFFL, r.durationNs() / MS) : 0);
        FrameMac.sign(f, keys, keyOffset);
        return f;
    }

    /** A signed STATUS frame: bit i of {@code journaledBits} says whether {@code queriedSeq + i} is journaled. */
    public static byte[] status(long deviceId, long queriedSeq, long journaledBits, byte[] keys, int keyOffset) {
        byte[] f = header(FrameType.STATUS, deviceId, queriedSeq);
        f[Frames.OFF_REASON] = (byte) (journaledBits & 1);
        Frames.put64(f, Frames.OFF_START_MS, journaledBits);
        FrameMac.sign(f, keys, keyOffset);
        return f;
    }

    /**
     * What is structurally wrong with a frame (size, version, type), or null when nothing is: the
     * server's first and cheapest check of every datagram. It throws nothing, so a flood of broken
     * frames costs a few comparisons each, not an exception with its stack trace and message.
     */
    public static FrameException.Kind structuralFault(byte[] f, int length) {
        if (length < Frames.FRAME_BYTES) {
            return FrameException.Kind.TRUNCATED;
        }
        if (length > Frames.FRAME_BYTES) {
            return FrameException.Kind.OVERSIZED;
        }
        if (Frames.version(f) != Frames.VERSION) {
            return FrameException.Kind.BAD_VERSION;
        }
        return Frames.type(f) == null ? FrameException.Kind.BAD_TYPE : null;
    }

    /** Structural checks shared by every frame: size, version, type (as {@link #structuralFault}, with the offset and a message). */
    public static FrameType check(byte[] f, int length) {
        if (length < Frames.FRAME_BYTES) {
            throw new FrameException(FrameException.Kind.TRUNCATED, length, "frame ends after " + length + " of 32 bytes");
        }
        if (length > Frames.FRAME_BYTES) {
            throw new FrameException(FrameException.Kind.OVERSIZED, Frames.FRAME_BYTES, "frame has " + length + " bytes, expected 32");
        }
        if (Frames.version(f) != Frames.VERSION) {
            throw new FrameException(FrameException.Kind.BAD_VERSION, 0, "protocol version " + Frames.version(f) + ", expected 1");
        }
        FrameType t = Frames.type(f);
        if (t == null) {
            throw new FrameException(FrameException.Kind.BAD_TYPE, 0, "unknown frame type " + (f[0] & 0x0F));
        }
        return t;
    }

    /** The request in a REQUEST frame (structure checked; MAC not). */
    public static PacketRequest parseRequest(byte[] f) {
        int durS = Frames.u16(f, Frames.OFF_DURATION);
        if (durS == 0) {
            throw new FrameException(FrameException.Kind.BAD_FIELD, Frames.OFF_DURATION, "packet duration 0 s");
        }
        int phase = Frames.u8(f, Frames.OFF_PHASE);
        if (phase > 3) {
            throw new FrameException(FrameException.Kind.BAD_FIELD, Frames.OFF_PHASE, "phase " + phase + " (expected 0..3)");
        }
        for (int o = Frames.OFF_EVENT; o < Frames.MAC_OFFSET; o++) {
            if (f[o] != 0) {
                throw new FrameException(FrameException.Kind.BAD_FIELD, o, "reserved byte is not 0");
            }
        }
        return new PacketRequest(Frames.deviceId(f), Frames.seq(f), DeviceClass.ofCode(Frames.u8(f, Frames.OFF_CLASS)),
                Frames.s16(f, Frames.OFF_POWER) / 100.0, Frames.u8(f, Frames.OFF_PRIORITY), durS * 1_000_000_000L,
                new ConnectionPoint(Frames.u24(f, Frames.OFF_BUS), phase));
    }

    /** The event in an EVENT frame. */
    public static DeviceEvent parseEvent(byte[] f) {
        DeviceEvent.Type t = DeviceEvent.Type.ofCode(Frames.u8(f, Frames.OFF_EVENT));
        if (t == null) {
            throw new FrameException(FrameException.Kind.BAD_FIELD, Frames.OFF_EVENT, "unknown event code " + Frames.u8(f, Frames.OFF_EVENT));
        }
        int phase = Frames.u8(f, Frames.OFF_PHASE);
        if (phase > 3) {
            throw new FrameException(FrameException.Kind.BAD_FIELD, Frames.OFF_PHASE, "phase " + phase + " (expected 0..3)");
        }
        return new DeviceEvent(Frames.deviceId(f), t, Math.abs(Frames.s16(f, Frames.OFF_POWER) / 100.0),
                new ConnectionPoint(Frames.u24(f, Frames.OFF_BUS), phase));
    }

    public static long parseQueriedSeq(byte[] f) {
        return Frames.u32(f, Frames.OFF_QUERIED_SEQ);
    }

    /** The reply in an ACCEPT or DENY frame. */
    public static PacketReply parseReply(byte[] f) {
        FrameType t = Frames.type(f);
        boolean accepted = t == FrameType.ACCEPT;
        long startNs = Frames.s64(f, Frames.OFF_START_MS) * MS;
        long durNs = Frames.u32(f, Frames.OFF_DURATION_MS) * MS;
        return new PacketReply(Frames.deviceId(f), Frames.seq(f), accepted, startNs, durNs,
                DenyReason.ofCode(Frames.u8(f, Frames.OFF_REASON)));
    }

    /** For STATUS frames: bit i set if {@code seq + i} is journaled. */
    public static long parseStatusBits(byte[] f) {
        return Frames.s64(f, Frames.OFF_START_MS);
    }
}
