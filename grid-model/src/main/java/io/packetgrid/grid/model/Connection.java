package io.packetgrid.grid.model;

import java.util.Arrays;

/**
 * How an element's conductors attach to buses: per terminal the bus name (lower case, as OpenDSS
 * prints it) and the node number of each conductor ({@code 0} is ground). Conductor order is
 * terminal by terminal, the order of every primitive matrix.
 *
 * @param buses bus of each terminal
 * @param nodes node number of each conductor of each terminal
 */
public record Connection(String[] buses, int[][] nodes) {

    public Connection {
        buses = buses.clone();
        int[][] copy = new int[nodes.length][];
        for (int t = 0; t < nodes.length; t++) {
            copy[t] = nodes[t].clone();
        }
        nodes = copy;
    }

    public int terminals() {
        return buses.length;
    }

    public int conductors() {
        return nodes.length == 0 ? 0 : nodes[0].length;
    }

    /** Total conductors over all terminals (the primitive matrix order). */
    public int order() {
        return terminals() * conductors();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Connection c && Arrays.equals(buses, c.buses) && Arrays.deepEquals(nodes, c.nodes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(buses) + Arrays.deepHashCode(nodes);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < buses.length; t++) {
            if (t > 0) {
                sb.append(' ');
            }
            sb.append(buses[t]);
            for (int n : nodes[t]) {
                sb.append('.').append(n);
            }
        }
        return sb.toString();
    }
}
