package io.packetgrid.pem.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The shared idle timer: connections on Netty's EmbeddedChannel, a clock set by hand, sweeps called
 * at chosen times. The oracle is the rule itself worked out by hand (or, for many connections, by a
 * brute-force reference): a connection is closed at the first sweep at or after its last authentic
 * frame plus the timeout, never before.
 */
class IdleSweepTest {
    static final long MS = 1_000_000L;
    long now;

    @Test
    void closesAConnectionAtTheFirstSweepAfterItsTimeoutAndTellsWhenTheNextIsDue() {
        ServerCounters c = new ServerCounters();
        EmbeddedChannel loop = new EmbeddedChannel();
        IdleSweep sweep = new IdleSweep(loop.eventLoop(), 64 * MS, () -> now, c);
        now = 0;
        EmbeddedChannel a = connection(sweep);
        now = 10 * MS;
        EmbeddedChannel b = connection(sweep);
        now = 30 * MS;
        a.pipeline().get(IdleGuard.class).touch(); // an authentic frame on a
        // at 63 ms: a idle 33 ms (due in 31), b idle 53 ms (due in 11)
        assertEquals(11 * MS, sweep.sweep(63 * MS));
        assertTrue(a.isOpen() && b.isOpen());
        // at 74 ms b has been idle exactly the timeout: closed; a is due at 94 ms
        assertEquals(20 * MS, sweep.sweep(74 * MS));
        assertTrue(a.isOpen());
        assertFalse(b.isOpen());
        assertEquals(1, c.tcpIdleClosed.sum());
        assertEquals(1, sweep.open());
        b.runPendingTasks(); // channelInactive: already out of the table, nothing happens twice
        assertEquals(1, sweep.open());
        assertEquals(Long.MAX_VALUE, sweep.sweep(94 * MS));
        assertFalse(a.isOpen());
        assertEquals(2, c.tcpIdleClosed.sum());
        assertEquals(0, sweep.open());
    }

    @Test
    void aConnectionClosedByItsPeerLeavesTheTableAndIsNotCounted() {
        ServerCounters c = new ServerCounters();
        IdleSweep sweep = new IdleSweep(new EmbeddedChannel().eventLoop(), 64 * MS, () -> now, c);
        now = 0;
        EmbeddedChannel a = connection(sweep);
        EmbeddedChannel b = connection(sweep);
        a.close();
        assertEquals(1, sweep.open());
        assertEquals(Long.MAX_VALUE, sweep.sweep(64 * MS));
        assertFalse(b.isOpen());
        assertEquals(1, c.tcpIdleClosed.sum(), "only b timed out");
    }

    /** Many connections opening, sending, closing and timing out, against a brute-force reference. */
    @Test
    void manyConnectionsAgainstABruteForceReference() {
        ServerCounters c = new ServerCounters();
        long timeout = 500 * MS;
        IdleSweep sweep = new IdleSweep(new EmbeddedChannel().eventLoop(), timeout, () -> now, c);
        SplittableRandom rnd = new SplittableRandom(7);
        List<EmbeddedChannel> chans = new ArrayList<>();
        List<long[]> last = new ArrayList<>(); // reference: time of last authentic frame, or -1 once closed
        long closedByUs = 0;
        now = 0;
        for (int step = 0; step < 4000; step++) {
            now += rnd.nextLong(5 * MS);
            int what = rnd.nextInt(10);
            if (what < 3 || chans.isEmpty()) {
                chans.add(connection(sweep));
                last.add(new long[] {now});
            } else if (what < 7) {
                int i = rnd.nextInt(chans.size());
                if (chans.get(i).isOpen()) {
                    chans.get(i).pipeline().get(IdleGuard.class).touch();
                    last.get(i)[0] = now;
                }
            } else if (what < 8) {
                int i = rnd.nextInt(chans.size());
                if (chans.get(i).isOpen()) {
                    chans.get(i).close(); // the peer went away
                    last.get(i)[0] = -1;
                }
            } else {
                long next = sweep.sweep(now);
                long expectNext = Long.MAX_VALUE;
                int open = 0;
                for (int i = 0; i < chans.size(); i++) {
                    long t = last.get(i)[0];
                    if (t < 0) {
                        assertFalse(chans.get(i).isOpen());
                        continue;
                    }
                    boolean due = now - t >= timeout;
                    assertEquals(!due, chans.get(i).isOpen(), "connection " + i + " at " + now);
                    if (due) {
                        last.get(i)[0] = -1;
                        closedByUs++;
                    } else {
                        open++;
                        expectNext = Math.min(expectNext, timeout - (now - t));
                    }
                }
                assertEquals(expectNext, next);
                assertEquals(open, sweep.open());
            }
        }
        assertEquals(closedByUs, c.tcpIdleClosed.sum());
        assertTrue(closedByUs > 100, "the test exercised time-outs: " + closedByUs);
    }

    @Test
    void tickIsASixtyFourthOfTheTimeoutWithinOneMillisecondAndOneSecond() {
        assertEquals(937_500_000L, IdleSweep.tick(60_000 * MS));
        assertEquals(1_000 * MS, IdleSweep.tick(3_600_000 * MS));
        assertEquals(1 * MS, IdleSweep.tick(10 * MS));
        assertEquals(2 * MS, IdleSweep.tick(128 * MS));
    }

    private static EmbeddedChannel connection(IdleSweep sweep) {
        return new EmbeddedChannel(new IdleGuard(sweep)); // active at once: the guard joins the sweep
    }
}
