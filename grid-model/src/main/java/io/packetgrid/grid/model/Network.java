package io.packetgrid.grid.model;

import io.packetgrid.cosim.error.PacketGridException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The circuit as the solver sees it: buses and their nodes (a node is one bus conductor; node 0,
 * ground, is not a system node), and the elements with the system node index of each conductor.
 * Built from elements in definition order, as OpenDSS numbers buses and nodes. Energisation is
 * checked here: every node must be connected to a source in service through delivery elements and
 * their closed terminals, unless the network is built with {@code allowDeenergised} (switching
 * studies), in which case unconnected nodes are kept out of the solve and read 0 V. A source out of
 * service ({@link Source#energises()}) keeps its buses but is not one of {@link #sources()}.
 */
public final class Network {
    private final List<String> busNames = new ArrayList<>();
    private final Map<String, Integer> busIndex = new HashMap<>();
    // a bus's nodes are numbered consecutively: bus b has system nodes busFirstNode[b] .. busFirstNode[b + 1] - 1, their
    // node numbers (in order of appearance) in nodeNumber (flat arrays instead of two small arrays per bus: 8 MB less on
    // a 272k-node network)
    private final int[] busFirstNode;
    private final double[] busKvBase;                             // LN kV base per bus (0 = unknown)
    private final int nodeCount;
    private final int[] nodeBus;
    private final int[] nodeNumber;
    private final boolean[] energised;
    private final List<Source> sources;
    private final List<PowerDelivery> deliveries;
    private final List<PowerConversion> conversions;
    private final Map<CircuitElement, int[]> elementNodes = new LinkedHashMap<>();

    /**
     * @param elements every element in definition order (sources, delivery and conversion elements)
     * @param allowDeenergised keep nodes without a path to a source (0 V) instead of failing
     */
    public Network(List<? extends CircuitElement> elements, boolean allowDeenergised) {
        List<Source> src = new ArrayList<>();
        List<PowerDelivery> pd = new ArrayList<>();
        List<PowerConversion> pc = new ArrayList<>();
        Map<String, List<Integer>> nodesOfBus = new LinkedHashMap<>();
        for (CircuitElement e : elements) {
            Connection c = e.connection();
            for (int t = 0; t < c.terminals(); t++) {
                String bus = c.buses()[t];
                List<Integer> list = nodesOfBus.computeIfAbsent(bus, b -> new ArrayList<>());
                for (int node : c.nodes()[t]) {
                    if (node != 0 && !list.contains(node)) {
                        list.add(node);
                    }
                }
            }
            if (e instanceof Source s) {
                if (s.energises()) {
                    src.add(s);   // a source out of service stays a bus of the network, nothing more
                }
            } else if (e instanceof PowerDelivery d) {
                pd.add(d);
            } else if (e instanceof PowerConversion p) {
                pc.add(p);
            }
        }
        int count = 0;
        for (List<Integer> nodes : nodesOfBus.values()) {
            count += nodes.size();
        }
        this.nodeCount = count;
        this.nodeBus = new int[count];
        this.nodeNumber = new int[count];
        this.busFirstNode = new int[nodesOfBus.size() + 1];
        int next = 0;
        for (Map.Entry<String, List<Integer>> en : nodesOfBus.entrySet()) {
            int b = busNames.size();
            busIndex.put(en.getKey(), b);
            busNames.add(en.getKey());
            busFirstNode[b] = next;
            for (int number : en.getValue()) {
                nodeBus[next] = b;
                nodeNumber[next] = number;
                next++;
            }
        }
        busFirstNode[busNames.size()] = next;
        this.busKvBase = new double[busNames.size()];
        this.sources = List.copyOf(src);
        this.deliveries = List.copyOf(pd);
        this.conversions = List.copyOf(pc);
        for (CircuitElement e : elements) {
            elementNodes.put(e, mapNodes(e.connection()));
        }
        this.energised = energisation(allowDeenergised);
    }

    private int[] mapNodes(Connection c) {
        int[] r = new int[c.order()];
        int k = 0;
        for (int t = 0; t < c.terminals(); t++) {
            for (int node : c.nodes()[t]) {
                r[k++] = node == 0 ? -1 : node(c.buses()[t], node);
            }
        }
        return r;
    }

    private boolean[] energisation(boolean allowDeenergised) {
        int[] parent = new int[nodeCount];
        for (int i = 0; i < nodeCount; i++) {
            parent[i] = i;
        }
        List<CircuitElement> links = new ArrayList<>(sources);
        links.addAll(deliveries);
        for (CircuitElement e : links) {
            int[] nodes = elementNodes.get(e);
            int perTerminal = e.connection().conductors();
            int first = -1;
            for (int k = 0; k < nodes.length; k++) {
                int n = nodes[k];
                if (n < 0 || (e instanceof Switchable s && s.terminalOpen(k / perTerminal))) {
                    continue;   // an open terminal connects its conductors to nothing
                }
                if (first < 0) {
                    first = n;
                } else {
                    union(parent, first, n);
                }
            }
        }
        boolean[] rootFed = new boolean[nodeCount];
        for (Source s : sources) {
            for (int n : elementNodes.get(s)) {
                if (n >= 0) {
                    rootFed[find(parent, n)] = true;
                }
            }
        }
        boolean[] on = new boolean[nodeCount];
        for (int i = 0; i < nodeCount; i++) {
            on[i] = rootFed[find(parent, i)];
            if (!on[i] && !allowDeenergised) {
                String bus = busNames.get(nodeBus[i]);
                throw new PacketGridException("bus " + bus, "node " + bus + "." + nodeNumber[i]
                        + " has no path to a source (only " + connectedTo(i) + " reaches it)");
            }
        }
        return on;
    }

    private String connectedTo(int node) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<CircuitElement, int[]> en : elementNodes.entrySet()) {
            for (int n : en.getValue()) {
                if (n == node) {
                    names.add(en.getKey().name());
                    break;
                }
            }
            if (names.size() >= 3) {
                break;
            }
        }
        return names.isEmpty() ? "nothing" : String.join(", ", names);
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    private static void union(int[] p, int a, int b) {
        int ra = find(p, a);
        int rb = find(p, b);
        if (ra != rb) {
            if (ra < rb) {
                p[rb] = ra;
            } else {
                p[ra] = rb;
            }
        }
    }

    public int nodeCount() {
        return nodeCount;
    }

    public int busCount() {
        return busNames.size();
    }

    public String busName(int bus) {
        return busNames.get(bus);
    }

    /** Index of a bus by (lower-case) name, or -1. */
    public int bus(String name) {
        Integer b = busIndex.get(name.toLowerCase(java.util.Locale.ROOT));
        return b == null ? -1 : b;
    }

    /** Node numbers of a bus, in order of appearance. */
    public int[] busNodes(int bus) {
        return Arrays.copyOfRange(nodeNumber, busFirstNode[bus], busFirstNode[bus + 1]);
    }

    /** System index of node {@code number} at {@code bus}, or -1. */
    public int node(String bus, int number) {
        int b = bus(bus);
        if (b < 0) {
            return -1;
        }
        for (int k = busFirstNode[b]; k < busFirstNode[b + 1]; k++) {
            if (nodeNumber[k] == number) {
                return k;
            }
        }
        return -1;
    }

    public int nodeBus(int node) {
        return nodeBus[node];
    }

    public int nodeNumber(int node) {
        return nodeNumber[node];
    }

    public String nodeLabel(int node) {
        return busNames.get(nodeBus[node]) + "." + nodeNumber[node];
    }

    public boolean energised(int node) {
        return energised[node];
    }

    /** Line-to-neutral kV base of a bus (0 if not set). */
    public double busKvBase(int bus) {
        return busKvBase[bus];
    }

    public void setBusKvBase(int bus, double kvLn) {
        busKvBase[bus] = kvLn;
    }

    /** Line-to-neutral volt base of a node (0 if not set). */
    public double nodeVbase(int node) {
        return busKvBase[nodeBus[node]] * 1000.0;
    }

    public List<Source> sources() {
        return sources;
    }

    public List<PowerDelivery> deliveries() {
        return deliveries;
    }

    public List<PowerConversion> conversions() {
        return conversions;
    }

    /** System node index of each conductor of an element (-1 for ground). */
    public int[] nodesOf(CircuitElement e) {
        int[] r = elementNodes.get(e);
        if (r == null) {
            throw new IllegalArgumentException("not in this network: " + e.name());
        }
        return r.clone();
    }

    /** Like {@link #nodesOf}, with the conductors on de-energised nodes grounded (-1): they are out of the system. */
    public int[] energisedNodesOf(CircuitElement e) {
        int[] nodes = nodesOf(e);
        for (int k = 0; k < nodes.length; k++) {
            if (nodes[k] >= 0 && !energised[nodes[k]]) {
                nodes[k] = -1;
            }
        }
        return nodes;
    }

    /** All elements in definition order. */
    public List<CircuitElement> elements() {
        return List.copyOf(elementNodes.keySet());
    }

    @Override
    public String toString() {
        return "Network[" + busNames.size() + " buses, " + nodeCount + " nodes, " + Arrays.asList(sources.size(), deliveries.size(), conversions.size()) + "]";
    }
}
