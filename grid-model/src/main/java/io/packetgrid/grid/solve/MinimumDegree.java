package io.packetgrid.grid.solve;

import java.util.Arrays;

/**
 * Fill-reducing ordering by the minimum degree heuristic on an explicit elimination graph
 * (Tinney and Walker, "Direct solutions of sparse network equations by optimally ordered
 * triangular factorization", Proc. IEEE 55(11), 1967, scheme 2). Radial feeders are trees, for
 * which eliminating the lowest-degree node first (a leaf) creates no fill at all; the few meshes
 * and the multi-winding transformers fill a little. Ties are broken by the lower index so the
 * ordering, and hence every result, is deterministic.
 *
 * <p>Optionally constrained (as CAMD's constraint sets do: Davis, "Direct Methods for Sparse Linear
 * Systems", SIAM 2006, section 7.3): every vertex of group 0 is eliminated before any vertex of
 * group 1, each group by minimum degree on the graph the earlier eliminations left.
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
        return order(n, adjP, adjI, null);
    }

    /**
     * @param group per vertex 0 (eliminated first) or 1 (eliminated after every vertex of group 0);
     *              null: one group
     */
    public static int[] order(int n, int[] adjP, int[] adjI, int[] group) {
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
        LongHeap heap = new LongHeap(Math.max(16, n + n / 2));
        for (int v = 0; v < n; v++) {
            heap.add(key(group, v, deg[v]));
        }
        int[] order = new int[n];
        int k = 0;
        int[] nb = new int[16];
        while (k < n) {
            long top = heap.poll();
            int v = (int) (top & VERTEX);
            if (gone[v] || ((top >>> 31) & VERTEX) != deg[v]) {
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
                    heap.add(key(group, wa, d));
                } else {
                    deg[wa] = d;
                }
            }
            adj[v] = null;
        }
        return order;
    }

    private static final long VERTEX = 0x7fffffffL;

    /** Heap key: group, then degree, then vertex (the lower first), in one long. */
    private static long key(int[] group, int v, int degree) {
        long g = group == null ? 0 : group[v];
        return (g << 62) | ((long) degree << 31) | v;
    }

    /** A binary min-heap of longs (no boxing: the ordering of a million-node network keeps millions of entries). */
    static final class LongHeap {
        private long[] a;
        private int size;

        LongHeap(int capacity) {
            a = new long[capacity];
        }

        void add(long x) {
            if (size == a.length) {
                a = Arrays.copyOf(a, 2 * size);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                long p = a[parent];
                if (p <= x) {
                    break;
                }
                a[i] = p;
                i = parent;
            }
            a[i] = x;
        }

        long poll() {
            long top = a[0];
            long last = a[--size];
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int c = 2 * i + 1;
                long cv = a[c];
                int r = c + 1;
                if (r < size && a[r] < cv) {
                    c = r;
                    cv = a[r];
                }
                if (last <= cv) {
                    break;
                }
                a[i] = cv;
                i = c;
            }
            a[i] = last;
            return top;
        }
    }
}
