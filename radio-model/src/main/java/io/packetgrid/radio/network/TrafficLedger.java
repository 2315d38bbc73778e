package io.packetgrid.radio.network;

import io.packetgrid.cosim.message.Message;
import java.util.Arrays;

/**
 * Per-message bookkeeping of {@link RadioNetwork} for its per-device and per-cell statistics: which device a
 * message belongs to, which cell carried its first radio hop, and how it ended (delivery time and latency, or
 * loss reason). It draws nothing and decides nothing, so keeping it changes no outcome. Outcomes are kept as
 * records, so that the statistics can be taken as of any end time (a delivery after it is still in flight).
 */
final class TrafficLedger {
    private static final int UP = 0;
    private static final int DOWN = 1;

    /**
     * Messages on their way, by id: an open-addressing table (linear probing, deletion by backward shift) with
     * each message's device, direction, receiver and cell in parallel arrays. Per message it allocates nothing
     * (a boxed id, a map node and a record each before) and ids that differ only in their high bits (the
     * federate's index) spread well. Only counts are taken over it, so its order does not matter.
     */
    private long[] openId = new long[1024];
    private boolean[] openUsed = new boolean[1024];
    private int[] openDevice = new int[1024];
    private int[] openReceiver = new int[1024];
    private int[] openCell = new int[1024];
    private byte[] openDirection = new byte[1024];
    private int openCount;
    private int openShift = 64 - 10;

    // delivered messages, in decision order
    private int delivered;
    private int[] dDevice = new int[256];
    private int[] dReceiver = new int[256];
    private int[] dCell = new int[256];
    private byte[] dDirection = new byte[256];
    private long[] dAtNs = new long[256];
    private long[] dLatencyNs = new long[256];
    private int[] dAttempts = new int[256];
    // lost messages
    private int lost;
    private int[] lDevice = new int[64];
    private int[] lCell = new int[64];
    private byte[] lDirection = new byte[64];
    private byte[] lReason = new byte[64];
    private int[] lAttempts = new int[64];

    /**
     * A message enters the radio network.
     *
     * @param owner    the device it belongs to (its sender, or its receiver when the sender is wired)
     * @param uplink   whether the owner sends it
     * @param receiver the receiving device of a device-to-device message, else −1
     */
    void open(Message m, int owner, boolean uplink, int receiver) {
        if (2 * (openCount + 1) > openId.length) {
            grow();
        }
        int i = slot(m.id());
        while (openUsed[i] && openId[i] != m.id()) {
            i = (i + 1) & (openId.length - 1);
        }
        if (!openUsed[i]) {
            openUsed[i] = true;
            openId[i] = m.id();
            openCount++;
        }
        openDevice[i] = owner;
        openDirection[i] = (byte) (uplink ? UP : DOWN);
        openReceiver[i] = receiver;
        openCell[i] = -1;
    }

    private int slot(long id) {
        return (int) ((id * 0x9E37_79B9_7F4A_7C15L) >>> openShift);
    }

    /** The table entry of message {@code id}, −1 if it is not open. */
    private int find(long id) {
        int mask = openId.length - 1;
        for (int i = slot(id); openUsed[i]; i = (i + 1) & mask) {
            if (openId[i] == id) {
                return i;
            }
        }
        return -1;
    }

    /** Empties entry {@code i}, moving later entries of its probe run back so that every entry stays reachable. */
    private void removeAt(int i) {
        int mask = openId.length - 1;
        openUsed[i] = false;
        openCount--;
        for (int j = (i + 1) & mask; openUsed[j]; j = (j + 1) & mask) {
            int home = slot(openId[j]);
            // the entry at j may move to the hole at i unless its home lies cyclically in (i, j]
            boolean stays = i <= j ? i < home && home <= j : i < home || home <= j;
            if (!stays) {
                openUsed[i] = true;
                openId[i] = openId[j];
                openDevice[i] = openDevice[j];
                openDirection[i] = openDirection[j];
                openReceiver[i] = openReceiver[j];
                openCell[i] = openCell[j];
                openUsed[j] = false;
                i = j;
            }
        }
    }

    private void grow() {
        long[] id = openId;
        boolean[] used = openUsed;
        int[] device = openDevice;
        int[] receiver = openReceiver;
        int[] cell = openCell;
        byte[] direction = openDirection;
        int n = 2 * id.length;
        openId = new long[n];
        openUsed = new boolean[n];
        openDevice = new int[n];
        openReceiver = new int[n];
        openCell = new int[n];
        openDirection = new byte[n];
        openShift--;
        int mask = n - 1;
        for (int k = 0; k < id.length; k++) {
            if (used[k]) {
                int i = slot(id[k]);
                while (openUsed[i]) {
                    i = (i + 1) & mask;
                }
                openUsed[i] = true;
                openId[i] = id[k];
                openDevice[i] = device[k];
                openReceiver[i] = receiver[k];
                openCell[i] = cell[k];
                openDirection[i] = direction[k];
            }
        }
    }

    /** The cell of a message's first radio hop (later hops do not change it). */
    void route(Message m, int cell) {
        int t = find(m.id());
        if (t >= 0 && openCell[t] < 0 && cell >= 0) {
            openCell[t] = cell;
        }
    }

    void delivered(Message m, long atNs, long latencyNs, int attempts, int homeCellOfOwner) {
        int t = find(m.id());
        if (t < 0) {
            return;
        }
        int device = openDevice[t];
        int direction = openDirection[t];
        int receiver = openReceiver[t];
        int cell = openCell[t];
        removeAt(t);
        if (delivered == dDevice.length) {
            int n = 2 * delivered;
            dDevice = Arrays.copyOf(dDevice, n);
            dReceiver = Arrays.copyOf(dReceiver, n);
            dCell = Arrays.copyOf(dCell, n);
            dDirection = Arrays.copyOf(dDirection, n);
            dAtNs = Arrays.copyOf(dAtNs, n);
            dLatencyNs = Arrays.copyOf(dLatencyNs, n);
            dAttempts = Arrays.copyOf(dAttempts, n);
        }
        dDevice[delivered] = device;
        dReceiver[delivered] = receiver;
        dCell[delivered] = cell >= 0 ? cell : homeCellOfOwner;
        dDirection[delivered] = (byte) direction;
        dAtNs[delivered] = atNs;
        dLatencyNs[delivered] = latencyNs;
        dAttempts[delivered] = attempts;
        delivered++;
    }

    void lost(Message m, String reason, int attempts, int homeCellOfOwner) {
        int t = find(m.id());
        if (t < 0) {
            return;
        }
        int device = openDevice[t];
        int direction = openDirection[t];
        int cell = openCell[t];
        removeAt(t);
        if (lost == lDevice.length) {
            int n = 2 * lost;
            lDevice = Arrays.copyOf(lDevice, n);
            lCell = Arrays.copyOf(lCell, n);
            lDirection = Arrays.copyOf(lDirection, n);
            lReason = Arrays.copyOf(lReason, n);
            lAttempts = Arrays.copyOf(lAttempts, n);
        }
        lDevice[lost] = device;
        lCell[lost] = cell >= 0 ? cell : homeCellOfOwner;
        lDirection[lost] = (byte) direction;
        lReason[lost] = (byte) reasonIndex(reason);
        lAttempts[lost] = attempts;
        lost++;
    }

    /** The device a message in flight belongs to (−1 if unknown). */
    int owner(Message m) {
        int t = find(m.id());
        return t < 0 ? -1 : openDevice[t];
    }

    private static int reasonIndex(String reason) {
        int i = RadioNetwork.LOSS_REASONS.indexOf(reason);
        if (i < 0) {
            throw new IllegalStateException("loss reason '" + reason + "' is not in RadioNetwork.LOSS_REASONS");
        }
        return i;
    }

    /**
     * Per device (index order) as of {@code endNs}: {@code [upSent, upDelivered, upLost, downSent, downDelivered,
     * downLost, d2dReceived, attempts]}, and each device's delivered latencies (ns, unsorted).
     */
    long[][] perDevice(int devices, long endNs, long[][] latenciesOut) {
        long[][] c = new long[devices][8];
        int[] nLat = new int[devices];
        for (int i = 0; i < delivered; i++) {
            int d = dDevice[i];
            int base = dDirection[i] == UP ? 0 : 3;
            c[d][base]++;
            if (dAtNs[i] <= endNs) {
                c[d][base + 1]++;
                c[d][7] += dAttempts[i];
                nLat[d]++;
                if (dReceiver[i] >= 0) {
                    c[dReceiver[i]][6]++;
                }
            }
        }
        for (int d = 0; d < devices; d++) {
            latenciesOut[d] = new long[nLat[d]];
            nLat[d] = 0;
        }
        for (int i = 0; i < delivered; i++) {
            if (dAtNs[i] <= endNs) {
                int d = dDevice[i];
                latenciesOut[d][nLat[d]++] = dLatencyNs[i];
            }
        }
        for (int i = 0; i < lost; i++) {
            int d = lDevice[i];
            int base = lDirection[i] == UP ? 0 : 3;
            c[d][base]++;
            c[d][base + 2]++;
            c[d][7] += lAttempts[i];
        }
        for (int t = 0; t < openId.length; t++) {
            if (openUsed[t]) {
                c[openDevice[t]][openDirection[t] == UP ? 0 : 3]++;
            }
        }
        return c;
    }

    /**
     * Per cell as of {@code endNs}: {@code [upMessages, upDelivered, upLost, downMessages, downDelivered, downLost]}
     * and the losses by reason ({@code lostByReason[cell][reason index]}); a message in flight with no cell yet
     * counts at its device's own cell ({@code home}).
     */
    long[][] perCell(int cells, long endNs, long[][] lostByReason, int[] home) {
        long[][] c = new long[cells][6];
        for (int a = 0; a < cells; a++) {
            lostByReason[a] = new long[RadioNetwork.LOSS_REASONS.size()];
        }
        for (int i = 0; i < delivered; i++) {
            int base = dDirection[i] == UP ? 0 : 3;
            c[dCell[i]][base]++;
            if (dAtNs[i] <= endNs) {
                c[dCell[i]][base + 1]++;
            }
        }
        for (int i = 0; i < lost; i++) {
            int base = lDirection[i] == UP ? 0 : 3;
            c[lCell[i]][base]++;
            c[lCell[i]][base + 2]++;
            lostByReason[lCell[i]][lReason[i]]++;
        }
        for (int t = 0; t < openId.length; t++) {
            if (openUsed[t]) {
                c[openCell[t] >= 0 ? openCell[t] : home[openDevice[t]]][openDirection[t] == UP ? 0 : 3]++;
            }
        }
        return c;
    }
}
