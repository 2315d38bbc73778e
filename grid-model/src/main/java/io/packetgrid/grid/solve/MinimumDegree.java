package io.packetgrid.grid.solve;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Fill-reducing ordering by the minimum degree heuristic on an explicit elimination graph
 * (Tinney and Walker, "Direct solutions of sparse network equations by optimally ordered
 * triangular factorization", Proc. IEEE 55(11), 1967, scheme 2). Radial feeders are trees, for
 * which eliminating the lowest-degree node first (a leaf) creates no fill at all; the few meshes
 * and the multi-winding transformers fill a little. Ties are broken by the lower index so the
 * ordering, and hence every result, is deterministic.
 */
public final class MinimumDegree {
    private MinimumDegree() {
    }

    /**
     * @param n     number of vertices
     * @param adjP  adjacency in compressed form: neighbours of v are adjI[adjP[v] .. adjP[v+1])
     *              (self loops are ignored, duplicates allowed)
     * @param adjI  neighbour indices
     * @return the elimination order: {@code order[k]} is the vertex eliminated k-th
     */
    public static int[] order(int n, int[] adjP, int[] adjI) {
        int[][] adj = new int[n][];
        int[] deg = new int[n];
        for (int v = 0; v < n; v++) {
            int[] row = new int[Math.max(4, adjP[v + 1] - adjP[v])];
            int m = 0;
            for (int p = adjP[v]; p < adjP[v + 1]; p++) {
                int w = adjI[p];
                if (w != v) {
                    row[m++] = w;
                }
            }
            Arrays.sort(row, 0, m);
            int u = 0;
            for (int i = 0; i < m; i++) {
                if (u == 0 || row[u - 1] != row[i]) {
                    row[u++] = row[i];
                }
            }
            adj[v] = row;
            deg[v] = u;
        }
        boolean[] gone = new boolean[n];
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        PriorityQueue<long[]> heap = new PriorityQueue<>(Math.max(1, n), (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        for (int v = 0; v < n; v++) {
            heap.add(new long[] {deg[v], v});
        }
        int[] order = new int[n];
        int k = 0;
        int[] nb = new int[16];
        while (k < n) {
            long[] top = heap.poll();
            int v = (int) top[1];
            if (gone[v] || top[0] != deg[v]) {
                continue; // stale entry
            }
            gone[v] = true;
            order[k++] = v;
            // live neighbours of v
            int m = 0;
            for (int i = 0; i < deg[v]; i++) {
                int w = adj[v][i];
                if (!gone[w]) {
                    if (m == nb.length) {
                        nb = Arrays.copyOf(nb, 2 * m);
                    }
                    nb[m++] = w;
                }
            }
            // connect the neighbours pairwise (the fill of eliminating v) and drop v from their lists
            for (int a = 0; a < m; a++) {
                int wa = nb[a];
                int[] row = adj[wa];
                int d = 0;
                for (int i = 0; i < deg[wa]; i++) {
                    int x = row[i];
                    if (x != v && !gone[x]) {
                        row[d++] = x;
                        mark[x] = wa;
                    }
                }
                for (int b = 0; b < m; b++) {
                    int wb = nb[b];
                    if (wb != wa && mark[wb] != wa) {
                        if (d == row.length) {
                            row = Arrays.copyOf(row, 2 * d + 4);
                        }
                        row[d++] = wb;
                        mark[wb] = wa;
                    }
                }
                adj[wa] = row;
                if (d != deg[wa]) {
                    deg[wa] = d;
                    heap.add(new long[] {d, wa});
                } else {
                    deg[wa] = d;
                }
            }
            adj[v] = null;
        }
        return order;
    }
}
