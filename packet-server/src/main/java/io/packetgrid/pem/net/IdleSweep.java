package io.packetgrid.pem.net;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The idle timeout of every TCP connection on one event loop, kept by one timer: each connection's
 * {@link IdleGuard} holds a slot of this table, and one task looks over the table when the earliest
 * connection could be due (at most once a tick) and closes those that sent no authentic frame for the
 * timeout. A connection is closed between the timeout and the timeout plus one tick after its last
 * authentic frame (a tick is 1/64 of the timeout, 1 ms to 1 s: at most 1 s late for the default 60 s).
 *
 * <p>One task per connection (a scheduled task, a lambda and a place in the loop's timer queue) was
 * what an idle flood's thousands of held connections cost the garbage collector most beside Netty's
 * own channel (docs/protocol.md "What the collector copies"). Only the event loop's thread uses it.
 */
final class IdleSweep implements Runnable {
    private final EventExecutor loop;
    private final long timeoutNs;
    private final long tickNs;
    private final LongSupplier clock;
    private final ServerCounters counters;
    private IdleGuard[] guards = new IdleGuard[64];
    private int open; // guards[0 .. open) are the connections, densely
    private boolean scheduled;

    IdleSweep(EventExecutor loop, long timeoutNs, LongSupplier clock, ServerCounters counters) {
        this.loop = loop;
        this.timeoutNs = timeoutNs;
        this.tickNs = tick(timeoutNs);
        this.clock = clock;
        this.counters = counters;
    }

    /** The sweep's granularity: 1/64 of the timeout, within [1 ms, 1 s]. */
    static long tick(long timeoutNs) {
        return Math.max(1_000_000L, Math.min(1_000_000_000L, timeoutNs / 64));
    }

    long now() {
        return clock.getAsLong();
    }

    /** Connections in the table. */
    int open() {
        return open;
    }

    /** A connection became active: it is idle from now on until it sends an authentic frame. */
    void add(IdleGuard g) {
        if (open == guards.length) {
            guards = java.util.Arrays.copyOf(guards, 2 * open);
        }
        g.lastNs = now();
        g.slot = open;
        guards[open++] = g;
        if (!scheduled) {
            schedule(timeoutNs);
        }
    }

    /** A connection closed (or is being closed here): its slot goes to the table's last connection. */
    void remove(IdleGuard g) {
        int s = g.slot;
        if (s < 0) {
            return;
        }
        IdleGuard last = guards[--open];
        guards[s] = last;
        last.slot = s;
        guards[open] = null;
        g.slot = -1;
    }

    /**
     * Closes every connection idle for the timeout at {@code nowNs}; returns the time until the next one
     * could be (Long.MAX_VALUE: none open).
     */
    long sweep(long nowNs) {
        long next = Long.MAX_VALUE;
        for (int i = 0; i < open; ) {
            IdleGuard g = guards[i];
            long idle = nowNs - g.lastNs;
            if (idle >= timeoutNs) {
                remove(g); // slot i now holds another connection: look at it next
                counters.tcpIdleClosed.increment();
                g.close();
            } else {
                next = Math.min(next, timeoutNs - idle);
                i++;
            }
        }
        return next;
    }

    @Override
    public void run() {
        scheduled = false;
        long next = sweep(now());
        if (open > 0) {
            schedule(Math.max(next, tickNs));
        }
    }

    private void schedule(long delayNs) {
        scheduled = true;
        loop.schedule(this, delayNs, TimeUnit.NANOSECONDS);
    }
}
