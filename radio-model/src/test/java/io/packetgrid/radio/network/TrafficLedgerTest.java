package io.packetgrid.radio.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.packetgrid.cosim.message.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The ledger's table of messages in flight against a plain map of the same operations: every owner asked and the
 * per-device and per-cell counts at the end are the same, through growth, many deletions and ids that differ only
 * in their high bits (the kernel's ids: the federate's index above bit 40, its own count below).
 */
class TrafficLedgerTest {

    private record Track(int device, boolean up, int receiver, int[] cell) {
    }

    @Test
    void countsAndOwnersMatchAPlainMapOfTheSameMessages() {
        for (long seed = 1; seed <= 5; seed++) {
            UniformRandomProvider r = RandomSource.SPLIT_MIX_64.create(seed);
            int devices = 50;
            int cells = 4;
            TrafficLedger ledger = new TrafficLedger();
            Map<Long, Track> open = new HashMap<>();
            List<Message> inFlight = new ArrayList<>();
            long[][] counts = new long[devices][8];
            long[][] cellCounts = new long[cells][6];
            long[] sent = new long[8];
            for (int op = 0; op < 60_000; op++) {
                int what = r.nextInt(10);
                if (what < 5 || inFlight.isEmpty()) { // a message enters (at times 3,000 in flight: the table grows)
                    int federate = r.nextInt(8);
                    long id = ((long) federate << 40) | sent[federate]++;
                    Message m = new Message(id, "a", "b", 0, 32, "mmtc", null);
                    int device = r.nextInt(devices);
                    boolean up = r.nextBoolean();
                    int receiver = r.nextInt(5) == 0 ? r.nextInt(devices) : -1;
                    ledger.open(m, device, up, receiver);
                    open.put(id, new Track(device, up, receiver, new int[] {-1}));
                    inFlight.add(m);
                } else {
                    Message m = inFlight.remove(r.nextInt(inFlight.size()));
                    Track t = open.get(m.id());
                    assertEquals(t.device(), ledger.owner(m));
                    if (what < 7) {
                        int cell = r.nextInt(cells);
                        ledger.route(m, cell);
                        if (t.cell()[0] < 0) {
                            t.cell()[0] = cell;
                        }
                        inFlight.add(m); // still on its way
                    } else {
                        int home = t.device() % cells;
                        int cell = t.cell()[0] >= 0 ? t.cell()[0] : home;
                        int base = t.up() ? 0 : 3;
                        counts[t.device()][base]++;
                        cellCounts[cell][base]++;
                        if (what < 9) {
                            ledger.delivered(m, 10, 5, 1, home);
                            counts[t.device()][base + 1]++;
                            counts[t.device()][7]++;
                            cellCounts[cell][base + 1]++;
                            if (t.receiver() >= 0) {
                                counts[t.receiver()][6]++;
                            }
                        } else {
                            ledger.lost(m, RadioNetwork.LOSS_REASONS.get(0), 2, home);
                            counts[t.device()][base + 2]++;
                            counts[t.device()][7] += 2;
                            cellCounts[cell][base + 2]++;
                        }
                        open.remove(m.id());
                        assertEquals(-1, ledger.owner(m));
                    }
                }
            }
            int[] home = new int[devices];
            for (int d = 0; d < devices; d++) {
                home[d] = d % cells;
            }
            for (Track t : open.values()) { // in flight at the end: sent, not yet delivered or lost
                counts[t.device()][t.up() ? 0 : 3]++;
                cellCounts[t.cell()[0] >= 0 ? t.cell()[0] : home[t.device()]][t.up() ? 0 : 3]++;
            }
            long[][] got = ledger.perDevice(devices, 100, new long[devices][]);
            for (int d = 0; d < devices; d++) {
                assertArrayEquals(counts[d], got[d], "seed " + seed + " device " + d);
            }
            long[][] gotCells = ledger.perCell(cells, 100, new long[cells][], home);
            for (int c = 0; c < cells; c++) {
                assertArrayEquals(cellCounts[c], gotCells[c], "seed " + seed + " cell " + c);
            }
        }
    }
}
