package io.packetgrid.grid.solve;

import java.util.Arrays;
import java.util.List;

/**
 * The nodal admittance matrix assembled from primitive admittance matrices ("stamps"), in
 * compressed sparse column form with a symmetric pattern. Each stamp keeps the positions its
 * entries were added to, so that new values on the same topology (a tap change) are re-stamped
 * without rebuilding the pattern.
 */
public final class SystemMatrix {

    /** A primitive admittance matrix between some nodes (index -1 = ground, dropped). */
    public interface Stamp {
        /** System node index of each conductor (-1 for ground). */
        int[] nodes();

        /** Adds the current primitive values, row-major order {@code nodes().length}^2, into the sinks. */
        void values(double[] re, double[] im);

        /** A stamp between {@code nodes} whose values {@code fill} adds. */
        static Stamp of(int[] nodes, Fill fill) {
            return new Stamp() {
                public int[] nodes() {
                    return nodes;
                }

                public void values(double[] re, double[] im) {
                    fill.into(re, im);
                }
            };
        }

        /** A constant admittance from one node to ground (e.g. what keeps a de-energised node's row regular). */
        static Stamp toGround(int node, double g, double b) {
            return of(new int[] {node}, (re, im) -> {
                re[0] += g;
                im[0] += b;
            });
        }
    }

    /** Adds an element's primitive values (row-major) into the sinks, as its primitive-matrix methods do. */
    @FunctionalInterface
    public interface Fill {
        void into(double[] re, double[] im);
    }

    private final int n;
    private final int[] ap;
    private final int[] ai;
    private final double[] axr;
    private final double[] axi;
    private final double[] atr;
    private final double[] ati;
    private final List<? extends Stamp> stamps;
    // per stamp: CSC position of entry (a,b), or -1; the transpose's position of (a,b) is that of (b,a), pos[b * m + a]
    // (no second table: on a 272k-node network it was 15 MB per copy)
    private final int[][] positions;

    public SystemMatrix(int n, List<? extends Stamp> stamps) {
        this.n = n;
        this.stamps = stamps;
        // pattern: every stamp couples all its nodes with one another (its node set times itself is
        // symmetric, so both triangles come with it), plus the diagonal; bucketed by column, then each
        // column's rows sorted and made unique (a sort of every (row, col) pair at once cost seconds
        // on a network of 270,000 elements)
        this.ap = new int[n + 1];
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1]++;
        }
        for (Stamp s : stamps) {
            int[] nodes = s.nodes();
            int m = 0;
            for (int a : nodes) {
                m += a >= 0 ? 1 : 0;
            }
            for (int b : nodes) {
                if (b >= 0) {
                    start[b + 1] += m;
                }
            }
        }
        for (int c = 0; c < n; c++) {
            start[c + 1] += start[c];
        }
        int[] rows = new int[start[n]];
        int[] fill = Arrays.copyOf(start, n);
        for (int i = 0; i < n; i++) {
            rows[fill[i]++] = i;
        }
        for (Stamp s : stamps) {
            int[] nodes = s.nodes();
            for (int b : nodes) {
                if (b < 0) {
                    continue;
                }
                for (int a : nodes) {
                    if (a >= 0) {
                        rows[fill[b]++] = a;           // column b, row a
                    }
                }
            }
        }
        int u = 0;
        for (int c = 0; c < n; c++) {
            Arrays.sort(rows, start[c], start[c + 1]);
            int first = u;
            for (int p = start[c]; p < start[c + 1]; p++) {
                if (u == first || rows[u - 1] != rows[p]) {
                    rows[u++] = rows[p];
                }
            }
            ap[c + 1] = u;
        }
        this.ai = Arrays.copyOf(rows, u);
        this.axr = new double[u];
        this.axi = new double[u];
        this.atr = new double[u];
        this.ati = new double[u];
        this.positions = new int[stamps.size()][];
        for (int s = 0; s < stamps.size(); s++) {
            int[] nodes = stamps.get(s).nodes();
            int m = nodes.length;
            int[] pos = new int[m * m];
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    pos[a * m + b] = nodes[a] < 0 || nodes[b] < 0 ? -1 : find(nodes[a], nodes[b]);
                }
            }
            positions[s] = pos;
        }
        restamp();
    }

    private int find(int row, int col) {
        int p = Arrays.binarySearch(ai, ap[col], ap[col + 1], row);
        if (p < 0) {
            throw new IllegalStateException("entry missing from the pattern");
        }
        return p;
    }

    /** Recomputes all values from the stamps (after element values changed). */
    public void restamp() {
        Arrays.fill(axr, 0);
        Arrays.fill(axi, 0);
        Arrays.fill(atr, 0);
        Arrays.fill(ati, 0);
        for (int s = 0; s < stamps.size(); s++) {
            Stamp st = stamps.get(s);
            int m = st.nodes().length;
            double[] re = new double[m * m];
            double[] im = new double[m * m];
            st.values(re, im);
            int[] pos = positions[s];
            for (int a = 0, e = 0; a < m; a++) {
                for (int b = 0; b < m; b++, e++) {   // e = a * m + b, in order
                    if (pos[e] >= 0) {
                        int t = pos[b * m + a];
                        axr[pos[e]] += re[e];
                        axi[pos[e]] += im[e];
                        atr[t] += re[e];
                        ati[t] += im[e];
                    }
                }
            }
        }
    }

    private int[] stampsP;   // node -> stamps touching it, compressed (built on the first partial restamp)
    private int[] stampsI;
    private boolean[] marked;

    /**
     * Recomputes the values of the listed stamps (indices into the stamp list, after their element
     * values changed) and returns the nodes whose rows and columns changed. Every entry those stamps
     * touch is summed again from all stamps that touch it, in stamp order, as {@link #restamp()}
     * sums it: the matrix is the same to the last bit, at the cost of the changed elements'
     * neighbourhood instead of the whole network.
     */
    public int[] restamp(int[] changed) {
        if (stampsP == null) {
            indexStamps();
        }
        java.util.BitSet nodeSet = new java.util.BitSet(n);
        for (int s : changed) {
            for (int a : stamps.get(s).nodes()) {
                if (a >= 0) {
                    nodeSet.set(a);
                }
            }
        }
        for (int s : changed) {
            for (int p : positions[s]) {
                if (p >= 0) {
                    marked[p] = true;
                    axr[p] = 0;
                    axi[p] = 0;
                    atr[p] = 0;
                    ati[p] = 0;
                }
            }
        }
        java.util.BitSet cand = new java.util.BitSet(stamps.size());
        for (int a = nodeSet.nextSetBit(0); a >= 0; a = nodeSet.nextSetBit(a + 1)) {
            for (int q = stampsP[a]; q < stampsP[a + 1]; q++) {
                cand.set(stampsI[q]);
            }
        }
        for (int s = cand.nextSetBit(0); s >= 0; s = cand.nextSetBit(s + 1)) {
            Stamp st = stamps.get(s);
            int m = st.nodes().length;
            double[] re = new double[m * m];
            double[] im = new double[m * m];
            st.values(re, im);
            int[] pos = positions[s];
            for (int a = 0, e = 0; a < m; a++) {
                for (int b = 0; b < m; b++, e++) {   // e = a * m + b, in order
                    if (pos[e] >= 0 && marked[pos[e]]) {
                        axr[pos[e]] += re[e];
                        axi[pos[e]] += im[e];
                    }
                    int t = pos[b * m + a];
                    if (t >= 0 && marked[t]) {
                        atr[t] += re[e];
                        ati[t] += im[e];
                    }
                }
            }
        }
        for (int s : changed) {
            for (int p : positions[s]) {
                if (p >= 0) {
                    marked[p] = false;
                }
            }
        }
        return nodeSet.stream().toArray();
    }

    private void indexStamps() {
        int[] count = new int[n + 1];
        for (Stamp st : stamps) {
            for (int a : distinct(st.nodes())) {
                count[a + 1]++;
            }
        }
        for (int a = 0; a < n; a++) {
            count[a + 1] += count[a];
        }
        int[] idx = new int[count[n]];
        int[] fill = java.util.Arrays.copyOf(count, n);
        for (int s = 0; s < stamps.size(); s++) {
            for (int a : distinct(stamps.get(s).nodes())) {
                idx[fill[a]++] = s;
            }
        }
        stampsP = count;
        stampsI = idx;
        marked = new boolean[ai.length];
    }

    private static int[] distinct(int[] nodes) {
        return java.util.Arrays.stream(nodes).filter(a -> a >= 0).distinct().toArray();
    }

    public int size() {
        return n;
    }

    public int nonzeros() {
        return ai.length;
    }

    /** Factorises the current values (ordering and symbolic analysis included). */
    public SparseLu factorize() throws SparseLu.SingularException {
        return new SparseLu(n, ap, ai, axr, axi, atr, ati);
    }

    /** Factorises with the nodes of group 0 eliminated before those of group 1 ({@link MinimumDegree}). */
    public SparseLu factorize(int[] group) throws SparseLu.SingularException {
        return new SparseLu(n, ap, ai, axr, axi, atr, ati, group);
    }

    /** Re-factorises the current values with an existing analysis of this pattern. */
    public void refactor(SparseLu lu) throws SparseLu.SingularException {
        lu.refactor(axr, axi, atr, ati);
    }

    /** Re-factorises after only the rows and columns of {@code changedNodes} changed ({@link #restamp(int[])}). */
    public void refactor(SparseLu lu, int[] changedNodes) throws SparseLu.SingularException {
        lu.refactor(axr, axi, atr, ati, changedNodes);
    }

    /** y = A x (used by checks: Kirchhoff residuals). */
    public void multiply(double[] xr, double[] xi, double[] yr, double[] yi) {
        Arrays.fill(yr, 0);
        Arrays.fill(yi, 0);
        for (int c = 0; c < n; c++) {
            for (int p = ap[c]; p < ap[c + 1]; p++) {
                int r = ai[p];
                yr[r] += axr[p] * xr[c] - axi[p] * xi[c];
                yi[r] += axr[p] * xi[c] + axi[p] * xr[c];
            }
        }
    }
}
