package io.packetgrid.grid.solve;

import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.model.PowerDelivery;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Which nodes the sparse power flow eliminates last, so that each fixed-point iteration, whose
 * right-hand side is nonzero only at the injection nodes, works on a small trailing part of the
 * factor instead of the whole network.
 *
 * <p>Why it works. Ordering a set K of nodes after all others, the solution of {@code Y x = b} with b
 * zero outside K needs, on K, only the rows of the factor that belong to K (the forward
 * substitution is zero on the others, and the back substitution of a row needs only later rows).
 * K must hold the injection nodes, but it must not be only them: eliminating every other node first
 * would join all injection nodes of a feeder into one dense block (a tree's leaves become a clique
 * once its inner nodes are gone). On the bus graph of the delivery elements, the buses that keep
 * the tree a tree are kept too: after repeatedly removing leaf buses without injections (dead
 * ends), a bus with three or more neighbours is a branch point and stays in K; a bus with two is a
 * link of a chain, whose elimination only joins its two neighbours, like the line it replaces. So K
 * is the injection buses plus the branch points between them, about twice the number of
 * households on a radial LV feeder, and the ordering keeps the fill of plain minimum degree. Of a
 * kept leaf bus (a customer at the end of its service line) only the injection and tracked nodes
 * are kept.
 */
final class InjectionOrdering {
    private InjectionOrdering() {
    }

    /**
     * Group of every node: 1 for the injection and tracked nodes and the nodes of the other kept buses
     * (branch points of the bus graph once dead ends are pruned, injection buses that are not leaves),
     * 0 for the rest.
     */
    static int[] groups(Network net, int[] injectionNodes, int[] trackedNodes) {
        int buses = net.busCount();
        // bus adjacency from the delivery elements (each element joins its buses pairwise)
        int[][] adj = new int[buses][];
        int[] deg = new int[buses];
        for (PowerDelivery d : net.deliveries()) {
            int[] bs = busesOf(net, d);
            for (int a : bs) {
                for (int b : bs) {
                    if (a != b) {
                        if (adj[a] == null) {
                            adj[a] = new int[4];
                        } else if (deg[a] == adj[a].length) {
                            adj[a] = Arrays.copyOf(adj[a], 2 * deg[a]);
                        }
                        adj[a][deg[a]++] = b;
                    }
                }
            }
        }
        for (int b = 0; b < buses; b++) {
            if (adj[b] != null) {
                int[] row = Arrays.copyOf(adj[b], deg[b]);
                Arrays.sort(row);
                int u = 0;
                for (int i = 0; i < row.length; i++) {
                    if (u == 0 || row[u - 1] != row[i]) {
                        row[u++] = row[i];
                    }
                }
                adj[b] = Arrays.copyOf(row, u);
                deg[b] = u;
            } else {
                adj[b] = new int[0];
            }
        }
        boolean[] kept = new boolean[buses];
        boolean[] seed = new boolean[net.nodeCount()];
        for (int node : injectionNodes) {
            kept[net.nodeBus(node)] = true;
            seed[node] = true;
        }
        for (int node : trackedNodes) {
            if (node >= 0) {
                kept[net.nodeBus(node)] = true;
                seed[node] = true;
            }
        }
        // prune dead ends: leaf buses without injections, repeatedly
        boolean[] pruned = new boolean[buses];
        int[] live = deg.clone();
        ArrayDeque<Integer> leaves = new ArrayDeque<>();
        for (int b = 0; b < buses; b++) {
            if (!kept[b] && live[b] <= 1) {
                leaves.add(b);
            }
        }
        while (!leaves.isEmpty()) {
            int b = leaves.poll();
            if (pruned[b]) {
                continue;
            }
            pruned[b] = true;
            for (int c : adj[b]) {
                if (!pruned[c]) {
                    live[c]--;
                    if (!kept[c] && live[c] <= 1) {
                        leaves.add(c);
                    }
                }
            }
        }
        for (int b = 0; b < buses; b++) {
            if (!pruned[b] && live[b] >= 3) {
                kept[b] = true;
            }
        }
        int[] group = new int[net.nodeCount()];
        for (int node = 0; node < group.length; node++) {
            int b = net.nodeBus(node);
            // a kept leaf bus (a customer at the end of its service line) keeps only its injection and
            // tracked nodes: its other conductors touch nothing but their own bus and the one above, so
            // eliminating them first joins nodes that are joined already
            boolean leaf = !pruned[b] && live[b] <= 1;
            group[node] = seed[node] || (kept[b] && !leaf) ? 1 : 0;
        }
        return group;
    }

    private static int[] busesOf(Network net, PowerDelivery d) {
        int[] nodes = net.energisedNodesOf(d);
        int[] bs = new int[nodes.length];
        int m = 0;
        for (int node : nodes) {
            if (node >= 0) {
                bs[m++] = net.nodeBus(node);
            }
        }
        bs = Arrays.copyOf(bs, m);
        return Arrays.stream(bs).distinct().toArray();
    }
}
