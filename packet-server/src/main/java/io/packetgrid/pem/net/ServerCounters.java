package io.packetgrid.pem.net;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What the server received, decided and dropped (every hostile frame is counted, never answered). */
public final class ServerCounters {
    public final LongAdder frames = new LongAdder();
    public final LongAdder requests = new LongAdder();
    public final LongAdder accepted = new LongAdder();
    public final LongAdder denied = new LongAdder();
    public final LongAdder events = new LongAdder();
    public final LongAdder queries = new LongAdder();
    public final LongAdder resent = new LongAdder();
    public final LongAdder truncated = new LongAdder();
    public final LongAdder oversized = new LongAdder();
    public final LongAdder badVersion = new LongAdder();
    public final LongAdder badType = new LongAdder();
    public final LongAdder badField = new LongAdder();
    public final LongAdder unknownDevice = new LongAdder();
    public final LongAdder badMac = new LongAdder();
    public final LongAdder replayed = new LongAdder();
    public final LongAdder rateLimited = new LongAdder();
    public final LongAdder journalRefused = new LongAdder();
    /** Retransmitted ACCEPTs not sent: over the device's separate retransmission budget. */
    public final LongAdder resendRateLimited = new LongAdder();
    /** TCP connections: accepted, refused over the total cap, refused over the per-address cap, closed idle. */
    public final LongAdder tcpAccepted = new LongAdder();
    public final LongAdder tcpRefusedTotal = new LongAdder();
    public final LongAdder tcpRefusedPerAddress = new LongAdder();
    public final LongAdder tcpIdleClosed = new LongAdder();
    /** TCP connections open now. */
    public final java.util.concurrent.atomic.AtomicInteger tcpOpen = new java.util.concurrent.atomic.AtomicInteger();

    public long dropped() {
        return truncated.sum() + oversized.sum() + badVersion.sum() + badType.sum() + badField.sum()
                + unknownDevice.sum() + badMac.sum() + replayed.sum() + rateLimited.sum() + resendRateLimited.sum();
    }

    /** All counters by their snake_case names, in a fixed order. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("frames", frames.sum());
        m.put("requests", requests.sum());
        m.put("accepted", accepted.sum());
        m.put("denied", denied.sum());
        m.put("events", events.sum());
        m.put("queries", queries.sum());
        m.put("resent", resent.sum());
        m.put("dropped", dropped());
        m.put("truncated", truncated.sum());
        m.put("oversized", oversized.sum());
        m.put("bad_version", badVersion.sum());
        m.put("bad_type", badType.sum());
        m.put("bad_field", badField.sum());
        m.put("unknown_device", unknownDevice.sum());
        m.put("bad_mac", badMac.sum());
        m.put("replayed", replayed.sum());
        m.put("rate_limited", rateLimited.sum());
        m.put("resend_rate_limited", resendRateLimited.sum());
        m.put("journal_refused", journalRefused.sum());
        m.put("tcp_open", (long) tcpOpen.get());
        m.put("tcp_accepted", tcpAccepted.sum());
        m.put("tcp_refused_total", tcpRefusedTotal.sum());
        m.put("tcp_refused_per_address", tcpRefusedPerAddress.sum());
        m.put("tcp_idle_closed", tcpIdleClosed.sum());
        return m;
    }

    void count(io.packetgrid.pem.protocol.FrameException.Kind k) {
        switch (k) {
            case TRUNCATED -> truncated.increment();
            case OVERSIZED -> oversized.increment();
            case BAD_VERSION -> badVersion.increment();
            case BAD_TYPE -> badType.increment();
            case BAD_FIELD -> badField.increment();
            case UNKNOWN_DEVICE -> unknownDevice.increment();
            case BAD_MAC -> badMac.increment();
        }
    }
}
