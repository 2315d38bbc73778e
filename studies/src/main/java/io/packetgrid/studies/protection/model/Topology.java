package io.packetgrid.studies.protection.model;

import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Fault;
import io.packetgrid.grid.model.Line;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.model.PowerDelivery;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/** Buses joined by delivery elements (lines, transformers; not faults, not open lines). */
final class Topology {
    private final Network net;
    private final List<List<Integer>> adjacent = new ArrayList<>();

    Topology(Network net) {
        this.net = net;
        for (int b = 0; b < net.busCount(); b++) {
            adjacent.add(new ArrayList<>());
        }
        for (PowerDelivery d : net.deliveries()) {
            if (d instanceof Fault || (d instanceof Line l && l.isOpen())) {
                continue;
            }
            String[] buses = d.connection().buses();
            for (int i = 0; i < buses.length; i++) {
                for (int j = i + 1; j < buses.length; j++) {
                    int a = net.bus(buses[i]);
                    int b = net.bus(buses[j]);
                    if (a != b && a >= 0 && b >= 0) {
                        adjacent.get(a).add(b);
                        adjacent.get(b).add(a);
                    }
                }
            }
        }
    }

    /** Buses on the far side of a two-terminal element (reached from terminal 2 without passing terminal 1). */
    BitSet downstream(CircuitElement e) {
        BitSet seen = new BitSet(net.busCount());
        String[] buses = e.connection().buses();
        if (buses.length < 2) {
            return seen;
        }
        int from = net.bus(buses[0]);
        int start = net.bus(buses[1]);
        if (start < 0 || start == from) {
            return seen;
        }
        Deque<Integer> q = new ArrayDeque<>();
        q.add(start);
        seen.set(start);
        while (!q.isEmpty()) {
            int b = q.poll();
            for (int n : adjacent.get(b)) {
                if (n != from && !seen.get(n)) {
                    seen.set(n);
                    q.add(n);
                }
            }
        }
        return seen;
    }
}
