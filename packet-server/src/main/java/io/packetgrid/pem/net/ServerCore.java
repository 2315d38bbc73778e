package io.packetgrid.pem.net;

import io.packetgrid.pem.journal.Journal;
import io.packetgrid.pem.journal.JournalRecord;
import io.packetgrid.pem.journal.JournaledIndex;
import io.packetgrid.pem.packet.DeviceEvent;
import io.packetgrid.pem.packet.PacketReply;
import io.packetgrid.pem.packet.PacketRequest;
import io.packetgrid.pem.policy.PacketPolicy;
import io.packetgrid.pem.protocol.DeviceKeys;
import io.packetgrid.pem.protocol.FrameCodec;
import io.packetgrid.pem.protocol.FrameException;
import io.packetgrid.pem.protocol.FrameMac;
import io.packetgrid.pem.protocol.FrameType;
import io.packetgrid.pem.protocol.Frames;
import io.packetgrid.pem.protocol.ReplayWindow;
import io.packetgrid.pem.protocol.TokenBuckets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The server's state and decisions, free of Netty: device keys, replay windows, rate limits, the
 * policy (one lock), the journal and the index of journaled packets. Handlers call it from any
 * I/O thread; per-device state (indexed by the device's slot, {@link DeviceKeys#slot}) is guarded
 * by lock stripes.
 */
public final class ServerCore {
    private static final int STRIPES = 4096;

    /** What the authenticator should do with a frame. */
    public enum Verdict { DROP, PROCESS, RESEND }

    private final DeviceKeys keys;
    private final ReplayWindow replay;
    private final TokenBuckets buckets;
    private final TokenBuckets resendBuckets;
    private final PacketPolicy policy;
    private final ServerCounters counters;
    private final LongSupplier clockNs;
    private final Object[] stripes = new Object[STRIPES];
    private final long[] lastAcceptedSeq;
    private final long[] lastAcceptedStartMs;
    private final int[] lastAcceptedDurationMs;
    private final JournaledIndex index = new JournaledIndex();
    private Journal journal;

    public ServerCore(DeviceKeys keys, PacketPolicy policy, double ratePerS, double burst, ServerCounters counters,
                      LongSupplier clockNs) {
        this(keys, policy, ratePerS, burst, ServerConfig.DEFAULT_RESEND_PER_S, ServerConfig.DEFAULT_RESEND_BURST, counters, clockNs);
    }

    /**
     * @param resendPerS  retransmitted ACCEPTs a device may be sent per second (its own bucket, apart from
     *                    {@code ratePerS}: a replayed last request never costs the device its budget)
     */
    public ServerCore(DeviceKeys keys, PacketPolicy policy, double ratePerS, double burst, double resendPerS, double resendBurst,
                      ServerCounters counters, LongSupplier clockNs) {
        this.keys = keys;
        this.policy = policy;
        this.counters = counters;
        this.clockNs = clockNs;
        int n = keys.count();
        this.replay = new ReplayWindow(n);
        this.buckets = new TokenBuckets(n, ratePerS, burst);
        this.resendBuckets = new TokenBuckets(n, resendPerS, resendBurst);
        this.lastAcceptedSeq = new long[n];
        this.lastAcceptedStartMs = new long[n];
        this.lastAcceptedDurationMs = new int[n];
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /** Attaches the journal (opened with {@link #recovered} and {@link #durable} as its callbacks). */
    public void journal(Journal journal) {
        this.journal = journal;
    }

    public long nowNs() {
        return clockNs.getAsLong();
    }

    public ServerCounters counters() {
        return counters;
    }

    public PacketPolicy policy() {
        return policy;
    }

    public JournaledIndex index() {
        return index;
    }

    private Object stripe(int slot) {
        return stripes[slot & (STRIPES - 1)];
    }

    /**
     * Structural check, MAC, replay window and rate limit, in that order (docs/protocol.md);
     * failures are counted and dropped. The replay window is checked before any token is spent, and
     * the retransmitted ACCEPT of the device's last accepted request is paid from a bucket of its own:
     * whoever replays a device's latest frame cannot use up the device's budget for new requests.
     */
    public Verdict authenticate(byte[] f, int length) {
        counters.frames.increment();
        FrameException.Kind fault = FrameCodec.structuralFault(f, length);
        if (fault != null) {
            counters.count(fault); // hostile frames are counted, never logged one by one or thrown
            return Verdict.DROP;
        }
        FrameType type = Frames.type(f);
        if (!type.fromDevice()) {
            counters.badType.increment();
            return Verdict.DROP;
        }
        long id = Frames.deviceId(f);
        int d = keys.slot(id);
        if (d < 0) {
            counters.unknownDevice.increment();
            return Verdict.DROP;
        }
        if (!FrameMac.verify(f, keys.keyArray(d), keys.keyOffset(d))) {
            counters.badMac.increment();
            return Verdict.DROP;
        }
        long seq = Frames.seq(f);
        synchronized (stripe(d)) {
            ReplayWindow.Verdict v = replay.check(d, seq);
            if (v != ReplayWindow.Verdict.FRESH) {
                if (type == FrameType.REQUEST && seq == lastAcceptedSeq[d] && seq != 0) {
                    // a retransmission whose ACCEPT was lost: answer again, no second packet
                    if (!resendBuckets.take(d, nowNs())) {
                        counters.resendRateLimited.increment();
                        return Verdict.DROP;
                    }
                    counters.resent.increment();
                    return Verdict.RESEND;
                }
                counters.replayed.increment();
                return Verdict.DROP;
            }
            if (!buckets.take(d, nowNs())) {
                counters.rateLimited.increment();
                return Verdict.DROP;
            }
            replay.mark(d, seq);
        }
        return Verdict.PROCESS;
    }

    /** The ACCEPT frame for a retransmitted, already accepted request. */
    public byte[] resendFrame(byte[] f) {
        long id = Frames.deviceId(f);
        int d = keys.slot(id);
        long start;
        long dur;
        long seq;
        synchronized (stripe(d)) {
            seq = lastAcceptedSeq[d];
            start = lastAcceptedStartMs[d];
            dur = lastAcceptedDurationMs[d];
        }
        PacketReply r = new PacketReply(id, seq, true, start * 1_000_000L, dur * 1_000_000L,
                io.packetgrid.pem.packet.DenyReason.NONE);
        return FrameCodec.reply(r, keys.keyArray(d), keys.keyOffset(d));
    }

    /** Parses authenticated REQUEST frames; malformed bodies are counted and left out. */
    public PacketRequest parseRequest(byte[] f) {
        try {
            return FrameCodec.parseRequest(f);
        } catch (FrameException e) {
            counters.count(e.kind());
            return null;
        }
    }

    /** Decides a batch with the policy (under its lock). */
    public List<PacketReply> decide(List<PacketRequest> batch) {
        counters.requests.add(batch.size());
        synchronized (policy) {
            return policy.decide(batch, nowNs());
        }
    }

    /** An authenticated EVENT frame. */
    public void event(byte[] f) {
        DeviceEvent e;
        try {
            e = FrameCodec.parseEvent(f);
        } catch (FrameException ex) {
            counters.count(ex.kind());
            return;
        }
        counters.events.increment();
        synchronized (policy) {
            policy.onEvent(e, nowNs());
        }
    }

    /** The STATUS answer to an authenticated QUERY frame. */
    public byte[] status(byte[] f) {
        counters.queries.increment();
        long id = Frames.deviceId(f);
        long first = FrameCodec.parseQueriedSeq(f);
        long bits = 0;
        for (int i = 0; i < 64; i++) {
            if (index.contains(JournalRecord.key(id, first + i))) {
                bits |= 1L << i;
            }
        }
        return FrameCodec.status(id, first, bits, keys.arrayOf(id), keys.offsetOf(id));
    }

    /** The signed reply frame. */
    public byte[] replyFrame(PacketReply r) {
        return FrameCodec.reply(r, keys.arrayOf(r.deviceId()), keys.offsetOf(r.deviceId()));
    }

    /**
     * Queues an accepted packet for the journal; {@code token} comes back through
     * {@link #durable} once it is durable. False if the journal refused (do not acknowledge).
     */
    public boolean journal(PacketRequest r, PacketReply reply, Object token) {
        JournalRecord rec = record(r, reply);
        boolean ok = journal != null && journal.append(rec, token);
        if (!ok) {
            counters.journalRefused.increment();
        }
        return ok;
    }

    /** Whether acceptances are journaled inline (WRITE mode) rather than by the group-commit thread. */
    public boolean inlineJournal() {
        return journal != null && journal.inline();
    }

    /** The journal record of an accepted packet. */
    public static JournalRecord record(PacketRequest r, PacketReply reply) {
        return new JournalRecord(r.deviceId(), r.seq(), Math.floorDiv(reply.startNs(), 1_000_000L),
                reply.durationNs() / 1_000_000L, (int) Math.round(r.ratedKw() * 1000), r.deviceClass(), r.priority());
    }

    /** Writes accepted packets at once (WRITE mode); true when they are in the journal. */
    public boolean journalNow(List<JournalRecord> records) {
        boolean ok = journal != null && journal.appendNow(records);
        if (!ok) {
            counters.journalRefused.add(records.size());
            return false;
        }
        for (int i = 0, n = records.size(); i < n; i++) {
            markDurable(records.get(i));
        }
        return true;
    }

    /** Bookkeeping of one durable record: the STATUS index and the device's last accepted packet. */
    private void markDurable(JournalRecord r) {
        index.add(r.key());
        int d = keys.slot(r.deviceId());
        synchronized (stripe(d)) {
            if (r.seq() >= lastAcceptedSeq[d]) {
                lastAcceptedSeq[d] = r.seq();
                lastAcceptedStartMs[d] = r.startMs();
                lastAcceptedDurationMs[d] = (int) r.durationMs();
            }
        }
        counters.accepted.increment();
    }

    /**
     * Journal recovery: restore replay windows, last accepted packets, running packets (the journal
     * fills {@link #index()} itself). Records of devices without a key here are only indexed.
     */
    public void recovered(JournalRecord r) {
        int d = keys.slot(r.deviceId());
        if (d < 0) {
            return;
        }
        replay.mark(d, r.seq());
        if (r.seq() >= lastAcceptedSeq[d]) {
            lastAcceptedSeq[d] = r.seq();
            lastAcceptedStartMs[d] = r.startMs();
            lastAcceptedDurationMs[d] = (int) r.durationMs();
        }
        long now = nowNs();
        long endNs = r.endMs() * 1_000_000L;
        if (endNs > now) {
            synchronized (policy) {
                if (policy instanceof io.packetgrid.pem.policy.TrackingPolicy tp) {
                    tp.estimator().onAccepted(r.deviceId(), r.powerW() / 1000.0, r.startMs() * 1_000_000L, endNs);
                }
            }
        }
    }

    /** Called by the journal's writer with each durable batch: bookkeeping, then the tokens. */
    public List<Object> durable(List<Journal.Pending> batch) {
        List<Object> tokens = new ArrayList<>(batch.size());
        for (Journal.Pending p : batch) {
            markDurable(p.record());
            tokens.add(p.token());
        }
        return tokens;
    }
}
