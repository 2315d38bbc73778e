package io.packetgrid.radio.network;

import io.packetgrid.cosim.message.Message;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-message bookkeeping of {@link RadioNetwork} for its per-device and per-cell statistics: which device a
 * message belongs to, which cell carried its first radio hop, and how it ended (delivery time and latency, or
 * loss reason). It draws nothing and decides nothing, so keeping it changes no outcome. Outcomes are kept as
 * records, so that the statistics can be taken as of any end time (a delivery after it is still in flight).
 */
final class TrafficLedger {
    private static final int UP = 0;
    private static final int DOWN = 1;

    /** A message on its way: its device, direction, the receiving device of a device-to-device message, its cell. */
    private static final class Track {
        final int device;
        final int direction;
        final int receiver;
        int cell = -1;

        Track(int device, int direction, int receiver) {
            this.device = device;
            this.direction = direction;
            this.receiver = receiver;
        }
    }

    private final Map<Long, Track> open = new HashMap<>();
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
        open.put(m.id(), new Track(owner, uplink ? UP : DOWN, receiver));
    }

    /** The cell of a message's first radio hop (later hops do not change it). */
    void route(Message m, int cell) {
        Track t = open.get(m.id());
        if (t != null && t.cell < 0 && cell >= 0) {
            t.cell = cell;
        }
    }

    void delivered(Message m, long atNs, long latencyNs, int attempts, int homeCellOfOwner) {
        Track t = open.remove(m.id());
        if (t == null) {
            return;
        }
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
        dDevice[delivered] = t.device;
        dReceiver[delivered] = t.receiver;
        dCell[delivered] = t.cell >= 0 ? t.cell : homeCellOfOwner;
        dDirection[delivered] = (byte) t.direction;
        dAtNs[delivered] = atNs;
        dLatencyNs[delivered] = latencyNs;
        dAttempts[delivered] = attempts;
        delivered++;
    }

    void lost(Message m, String reason, int attempts, int homeCellOfOwner) {
        Track t = open.remove(m.id());
        if (t == null) {
            return;
        }
        if (lost == lDevice.length) {
            int n = 2 * lost;
            lDevice = Arrays.copyOf(lDevice, n);
            lCell = Arrays.copyOf(lCell, n);
            lDirection = Arrays.copyOf(lDirection, n);
            lReason = Arrays.copyOf(lReason, n);
            lAttempts = Arrays.copyOf(lAttempts, n);
        }
        lDevice[lost] = t.device;
        lCell[lost] = t.cell >= 0 ? t.cell : homeCellOfOwner;
        lDirection[lost] = (byte) t.direction;
        lReason[lost] = (byte) reasonIndex(reason);
        lAttempts[lost] = attempts;
        lost++;
    }

    /** The device a message in flight belongs to (−1 if unknown). */
    int owner(Message m) {
        Track t = open.get(m.id());
        return t == null ? -1 : t.device;
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
        for (Track t : open.values()) {
            c[t.device][t.direction == UP ? 0 : 3]++;
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
        for (Track t : open.values()) {
            c[t.cell >= 0 ? t.cell : home[t.device]][t.direction == UP ? 0 : 3]++;
        }
        return c;
    }
}
