package io.packetgrid.pem.policy;

import io.packetgrid.pem.packet.DenyReason;

/** Counters of a policy's decisions. Mutated only by the policy's thread. */
public final class PolicyStats {
    private long accepted;
    private final long[] denied = new long[DenyReason.values().length];
    private long events;

    void accept() {
        accepted++;
    }

    void deny(DenyReason r) {
        denied[r.ordinal()]++;
    }

    void event() {
        events++;
    }

    public long accepted() {
        return accepted;
    }

    public long denied(DenyReason r) {
        return denied[r.ordinal()];
    }

    public long deniedTotal() {
        long s = 0;
        for (long d : denied) {
            s += d;
        }
        return s;
    }

    public long events() {
        return events;
    }
}
