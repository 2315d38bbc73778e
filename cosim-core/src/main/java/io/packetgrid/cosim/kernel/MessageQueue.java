package io.packetgrid.cosim.kernel;

import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.time.SimTime;
import java.util.Arrays;

/**
 * Messages in flight, a binary min-heap on (delivery time, hand-over sequence): messages due at the
 * same time come out in the order the network delivered them.
 */
final class MessageQueue {
    private long[] at = new long[64];
    private long[] seq = new long[64];
    private Message[] msg = new Message[64];
    private int[] dest = new int[64];
    private int size;
    private long nextSeq;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    long peekTime() {
        return size == 0 ? SimTime.NEVER : at[0];
    }

    void add(Message m, int destination, long atNs) {
        if (size == at.length) {
            int n = size * 2;
            at = Arrays.copyOf(at, n);
            seq = Arrays.copyOf(seq, n);
            msg = Arrays.copyOf(msg, n);
            dest = Arrays.copyOf(dest, n);
        }
        int p = size++;
        long s = nextSeq++;
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            if (at[parent] < atNs || (at[parent] == atNs && seq[parent] < s)) {
                break;
            }
            move(parent, p);
            p = parent;
        }
        at[p] = atNs;
        seq[p] = s;
        msg[p] = m;
        dest[p] = destination;
    }

    /** Destination federate of the head message. */
    int peekDestination() {
        return dest[0];
    }

    Message poll() {
        Message head = msg[0];
        size--;
        long lastAt = at[size];
        long lastSeq = seq[size];
        Message lastMsg = msg[size];
        int lastDest = dest[size];
        msg[size] = null;
        int p = 0;
        int half = size >>> 1;
        while (p < half) {
            int c = 2 * p + 1;
            int r = c + 1;
            if (r < size && (at[r] < at[c] || (at[r] == at[c] && seq[r] < seq[c]))) {
                c = r;
            }
            if (lastAt < at[c] || (lastAt == at[c] && lastSeq < seq[c])) {
                break;
            }
            move(c, p);
            p = c;
        }
        if (size > 0) {
            at[p] = lastAt;
            seq[p] = lastSeq;
            msg[p] = lastMsg;
            dest[p] = lastDest;
        }
        return head;
    }

    private void move(int from, int to) {
        at[to] = at[from];
        seq[to] = seq[from];
        msg[to] = msg[from];
        dest[to] = dest[from];
    }
}
