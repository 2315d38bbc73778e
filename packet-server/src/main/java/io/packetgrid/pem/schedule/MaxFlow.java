package io.packetgrid.pem.schedule;

import java.util.Arrays;

/**
 * Maximum flow by Dinic's algorithm (blocking flows on BFS level graphs; Dinic, Soviet Math. Doklady
 * 11, 1970), with real capacities. Augmenting from a flow already there keeps it: the scheduler opens
 * sinks one after another and augments each time. Adjacency in flat arrays (no object per arc).
 */
final class MaxFlow {
    /** Flows below this are zero (energies in kWh: a microwatt-hour). */
    static final double EPS = 1e-9;

    private int n;
    private int m;
    private int[] head;
    private int[] next = new int[16];
    private int[] to = new int[16];
    private double[] cap = new double[16];
    private int[] level;
    private int[] it;
    private int[] queue;

    MaxFlow(int nodes) {
        n = nodes;
        head = new int[nodes];
        Arrays.fill(head, -1);
    }

    /** Adds an arc u→v of capacity c (and its residual twin); returns its index. */
    int arc(int u, int v, double c) {
        if (m + 2 > to.length) {
            int k = to.length * 2;
            next = Arrays.copyOf(next, k);
            to = Arrays.copyOf(to, k);
            cap = Arrays.copyOf(cap, k);
        }
        to[m] = v;
        cap[m] = c;
        next[m] = head[u];
        head[u] = m++;
        to[m] = u;
        cap[m] = 0;
        next[m] = head[v];
        head[v] = m++;
        return m - 2;
    }

    /** The flow on arc {@code a} (its twin's residual). */
    double flow(int a) {
        return cap[a ^ 1];
    }

    /** Pushes as much more as possible from s to t; returns the amount added. */
    double augment(int s, int t) {
        if (level == null || level.length != n) {
            level = new int[n];
            it = new int[n];
            queue = new int[n];
        }
        double total = 0;
        while (bfs(s, t)) {
            System.arraycopy(head, 0, it, 0, n);
            double f;
            while ((f = dfs(s, t, Double.POSITIVE_INFINITY)) > EPS) {
                total += f;
            }
        }
        return total;
    }

    private boolean bfs(int s, int t) {
        Arrays.fill(level, -1);
        int qh = 0;
        int qt = 0;
        queue[qt++] = s;
        level[s] = 0;
        while (qh < qt) {
            int u = queue[qh++];
            for (int a = head[u]; a >= 0; a = next[a]) {
                if (cap[a] > EPS && level[to[a]] < 0) {
                    level[to[a]] = level[u] + 1;
                    queue[qt++] = to[a];
                }
            }
        }
        return level[t] >= 0;
    }

    // iterative would avoid deep stacks, but level graphs here are 4-5 arcs deep (source, job, slot, tier, sink)
    private double dfs(int u, int t, double f) {
        if (u == t) {
            return f;
        }
        for (; it[u] >= 0; it[u] = next[it[u]]) {
            int a = it[u];
            int v = to[a];
            if (cap[a] > EPS && level[v] == level[u] + 1) {
                double d = dfs(v, t, Math.min(f, cap[a]));
                if (d > EPS) {
                    cap[a] -= d;
                    cap[a ^ 1] += d;
                    return d;
                }
            }
        }
        return 0;
    }
}
