package io.packetgrid.pem.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compilers' queue as {@code jcmd PID Compiler.queue} prints it (reports written here in HotSpot 17's layout:
 * compilerThread.cpp / compileBroker.cpp print one line per running task under "Current compiles", then each
 * queue, "Empty" when it is), and the wait for it to drain, on a clock of the test's own.
 */
class CompilerQueueTest {

    static final String IDLE = "Current compiles: \n\nC1 compile queue:\nEmpty\n\nC2 compile queue:\nEmpty\n\n";
    static final String BUSY = """
            Current compiles:\s
            C2 CompilerThread0    8123    4       io.packetgrid.pem.net.ServerCore::decide (212 bytes)
            C1 CompilerThread0    8130    3       java.util.HashMap::get (23 bytes)

            C1 compile queue:
            8131    3       java.util.ArrayList::add (25 bytes)

            C2 compile queue:
            8124 %  4       io.packetgrid.pem.journal.Journal::drain @ 40 (180 bytes)
            8125    4       io.packetgrid.pem.protocol.FrameMac::verify (77 bytes)

            """;

    @Test
    void countsRunningAndQueuedCompilations() {
        assertEquals(0, CompilerQueue.pending(IDLE));
        assertEquals(5, CompilerQueue.pending(BUSY), "2 running, 1 in C1's queue, 2 in C2's (one on-stack replacement)");
    }

    @Test
    void thisJvmAnswers() {
        int n = CompilerQueue.pendingNow();
        assertTrue(n >= 0, "HotSpot has the Compiler.queue diagnostic command: " + n);
    }

    /** A fake clock that advances by each sleep, and a queue that reports the counts given, then the last one forever. */
    static final class Fake {
        long now;
        final List<Long> sleeps = new ArrayList<>();
        int look;

        long awaitIdle(int[] counts, long pollNs, long quietNs, long capNs) throws InterruptedException {
            return CompilerQueue.awaitIdle(() -> counts[Math.min(look++, counts.length - 1)], () -> now, ns -> {
                sleeps.add(ns);
                now += ns;
            }, pollNs, quietNs, capNs);
        }
    }

    @Test
    void waitsUntilTheQueueHasBeenEmptyForTheQuietTime() throws Exception {
        Fake f = new Fake();
        // looks at 0, 50, 100, ...: busy, busy, idle at 100 and 150, busy again at 200 (a method asked for C2), then idle from 250
        long waited = f.awaitIdle(new int[] {7, 3, 0, 0, 1, 0}, 50, 200, 10_000);
        assertEquals(250 + 200, waited, "empty from 250 on, quiet for 200 at 450");
        assertEquals(10, f.look);
    }

    @Test
    void givesUpAtTheCap() throws Exception {
        Fake f = new Fake();
        long waited = f.awaitIdle(new int[] {4}, 50, 200, 1_000);
        assertEquals(1_000, waited, "never idle: stops once the cap has passed");
        assertEquals(20, f.sleeps.size());
    }

    @Test
    void doesNotWaitWhenTheJvmCannotSay() throws Exception {
        Fake f = new Fake();
        assertEquals(0, f.awaitIdle(new int[] {-1}, 50, 200, 1_000));
        assertTrue(f.sleeps.isEmpty());
    }
}
