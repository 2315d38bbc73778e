package io.packetgrid.grid.api;

import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Fault;
import io.packetgrid.grid.model.Line;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.model.PowerDelivery;
import io.packetgrid.grid.result.GridResults;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * A feeder's buses joined by its delivery elements (lines, transformers, switches; not faults, not open lines),
 * as its present network has them: what lies downstream of an element. Bus indexes are those of
 * {@link Feeder#nodes()} ({@link Nodes#busName}).
 */
public final class Topology {
    private final Network net;
    private final List<List<Integer>> adjacent = new ArrayList<>();

    private Topology(Network net) {
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

    /** The feeder's topology as its network stands now. */
    public static Topology of(Feeder feeder) {
        return new Topology(feeder.network());
    }

    /**
     * The buses on the far side of a two-terminal element ({@code Class.name}, any case): those reached from its
     * terminal 2 without passing its terminal 1; empty for an element with one terminal, both terminals on one
     * bus, or no such element.
     */
    public BitSet downstream(String element) {
        BitSet seen = new BitSet(net.busCount());
        CircuitElement e = GridResults.element(net, element);
        if (e == null) {
            return seen;
        }
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
