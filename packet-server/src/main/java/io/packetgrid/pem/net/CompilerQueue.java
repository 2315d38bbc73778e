package io.packetgrid.pem.net;

import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * How much the JIT compilers still have to do: the compilations running and queued, as HotSpot's
 * {@code Compiler.queue} diagnostic command lists them (the same as {@code jcmd PID Compiler.queue}), and a
 * wait until there are none.
 *
 * <p>The start-up warm-up needs this because HotSpot decides to compile a method with C2 only when the method
 * runs, and while C2's queue is long it raises the number of calls a method needs first (the tiered policy's
 * load feedback, {@code -XX:Tier4LoadFeedback}, HotSpot's compilationPolicy.cpp): at the end of one warm-up
 * pass about 200 methods of the accepted-request path had not been taken by C2 and were compiled in the
 * first measured run instead (docs/protocol.md "What the first run still compiles"). So the warm-up's second
 * pass keeps its traffic going until the queue has stayed empty for a while ({@link ServerWarmup}).
 */
final class CompilerQueue {
    private CompilerQueue() {
    }

    /**
     * Compilations listed in a {@code Compiler.queue} report, running or queued: each is one line naming its
     * method ({@code 1234    4       java.lang.String::hashCode (60 bytes)}), and an empty queue reads
     * {@code Empty}, so the lines holding {@code ::} are the compilations.
     */
    static int pending(String report) {
        int n = 0;
        for (String line : report.split("\n")) {
            if (line.contains("::")) {
                n++;
            }
        }
        return n;
    }

    /** Compilations running or queued in this JVM now; −1 if the JVM does not say (not HotSpot, no diagnostic command). */
    static int pendingNow() {
        try {
            Object report = java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerQueue",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return report instanceof String s ? pending(s) : -1;
        } catch (javax.management.JMException | RuntimeException e) {
            return -1;
        }
    }

    /** Sleeps; the wait's clock and sleep are parameters so that tests need no real compiler. */
    interface Sleeper {
        void sleep(long ns) throws InterruptedException;
    }

    /**
     * Waits until {@code pending} has reported no compilation for {@code quietNs} on end, looking every {@code pollNs},
     * at most {@code capNs}. Returns the time waited; at once if the count is unknown (−1). A moment's empty queue is
     * not enough while code runs: a method compiled by C1 with profiling asks for C2 only every 1,024 calls
     * ({@code -XX:Tier3InvokeNotifyFreqLog=10}), so at a few thousand calls a second the next request may be a
     * fraction of a second away.
     */
    static long awaitIdle(IntSupplier pending, LongSupplier nanoTime, Sleeper sleeper, long pollNs, long quietNs, long capNs)
            throws InterruptedException {
        long t0 = nanoTime.getAsLong();
        long idleSince = -1;
        while (true) {
            int n = pending.getAsInt();
            long now = nanoTime.getAsLong();
            if (n < 0) {
                return now - t0;
            }
            if (n > 0) {
                idleSince = -1;
            } else if (idleSince < 0) {
                idleSince = now;
            }
            if ((idleSince >= 0 && now - idleSince >= quietNs) || now - t0 >= capNs) {
                return now - t0;
            }
            sleeper.sleep(pollNs);
        }
    }

    /** {@link #awaitIdle} on this JVM's compilers, looking every 50 ms. */
    static long awaitIdle(long quietNs, long capNs) {
        try {
            return awaitIdle(CompilerQueue::pendingNow, System::nanoTime, ns -> Thread.sleep(ns / 1_000_000L), 50_000_000L, quietNs,
                    capNs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
