package io.packetgrid.cosim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.time.SimTime;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The kernel's heaps against java.util.PriorityQueue on random operation sequences. */
class QueuesTest {

    @Test
    void timeQueueOrdersByTimeThenIndexUnderRandomUpdates() {
        Random r = new Random(1);
        int n = 200;
        TimeQueue q = new TimeQueue(n);
        long[] t = new long[n];
        java.util.Arrays.fill(t, SimTime.NEVER);
        for (int op = 0; op < 20_000; op++) {
            int f = r.nextInt(n);
            long v = r.nextInt(10) == 0 ? SimTime.NEVER : r.nextInt(50);
            q.set(f, v);
            t[f] = v;
            if (r.nextInt(4) == 0 && !q.isEmpty()) {
                int best = -1;
                for (int i = 0; i < n; i++) {
                    if (t[i] != SimTime.NEVER && (best < 0 || t[i] < t[best])) {
                        best = i;
                    }
                }
                assertEquals(t[best], q.peekTime());
                assertEquals(best, q.poll());
                t[best] = SimTime.NEVER;
            }
        }
    }

    record Entry(long at, long seq) {
    }

    @Test
    void messageQueueIsStableAtEqualTimes() {
        Random r = new Random(2);
        MessageQueue q = new MessageQueue();
        PriorityQueue<Entry> ref = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
        long seq = 0;
        for (int op = 0; op < 50_000; op++) {
            if (r.nextInt(3) > 0 || ref.isEmpty()) {
                long at = r.nextInt(30);
                q.add(new Message(seq, "a", "b", 0, 1, "k", null), (int) (seq % 7), at);
                ref.add(new Entry(at, seq++));
            } else {
                Entry e = ref.poll();
                assertEquals(e.at, q.peekTime());
                assertEquals((int) (e.seq % 7), q.peekDestination());
                assertEquals(e.seq, q.poll().id());
            }
        }
        assertEquals(ref.size(), q.size());
    }
}
