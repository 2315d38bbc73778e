package io.packetgrid.grid.solve;

import io.packetgrid.grid.model.CMatrix;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.model.PowerConversion;
import io.packetgrid.grid.model.PowerDelivery;
import io.packetgrid.grid.model.Source;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The voltages of the nodes without injections, after a reduced solution, by a backward/forward
 * sweep over the radial part of the network instead of a sparse substitution through the whole
 * factor (the ladder method of Kersting, Distribution System Modeling and Analysis, 3rd ed.,
 * section 10.1, used here only to fill in voltages the fixed point has already determined).
 *
 * <p>Where it applies. Series-only two-terminal elements (lines and switches given without shunt
 * capacitance: {@code Y12 = Y21}, {@code Y11 + Y12 = 0}, {@code Y22 + Y21 = 0}) form a forest hanging
 * from <em>root</em> nodes, the nodes of every other element (sources, transformers, capacitors,
 * lines with shunt capacitance); every node is reached from exactly one root through exactly one
 * such element; every node is energised. Otherwise {@link #plan} returns null and the solver
 * substitutes as before.
 *
 * <p>Why it is exact. The solution satisfies {@code Y V = Isrc + Icomp}. At a node that is not a root,
 * only series elements and conversion elements meet, so the current the node draws from the series
 * elements is {@code J = Ylin V - Icomp} (the conversion elements' linearisation admittances times
 * their solved voltages, less the compensation current the solution was computed with); by
 * Kirchhoff's current law each series element carries the sum of {@code J} below it (backward
 * sweep) and drops {@code Z I} across it, {@code Z = Ys^-1} (forward sweep from the roots, whose
 * voltages come from the reduced operator's tracked rows). The same linear equations as the
 * substitution, solved in the tree's order: results agree to rounding.
 */
final class RadialFill {
    private final int[] roots;
    private final int edges;
    private final int[] width;          // conductors per edge
    private final int[] offset;         // into parent/child (per conductor) and z (per entry)
    private final int[] zOffset;
    private final int[] parent;         // node on the side towards the root, per conductor
    private final int[] child;
    private final double[] zr;          // Ys^-1, row major per edge
    private final double[] zi;
    // Z = d on the diagonal and o elsewhere (sequence-impedance cables): (d - o, o) per edge, as re, im, re, im
    private final boolean[] balanced;
    private final double[] zb;
    // the conversion elements' linearisation admittances, per element, on its injection indexes
    private final int[][] pcIndex;
    private final double[][] linR;
    private final double[][] linI;
    private final int[] sNodes;
    private final double[] accR;
    private final double[] accI;
    private final double[] curR;
    private final double[] curI;

    private RadialFill(int n, int[] roots, List<int[]> p, List<int[]> c, List<CMatrix> z, int[][] pcIndex, double[][] linR,
                       double[][] linI, int[] sNodes) {
        this.roots = roots;
        this.edges = p.size();
        this.width = new int[edges];
        this.offset = new int[edges];
        this.zOffset = new int[edges];
        int conductors = 0;
        int entries = 0;
        for (int e = 0; e < edges; e++) {
            width[e] = p.get(e).length;
            offset[e] = conductors;
            zOffset[e] = entries;
            conductors += width[e];
            entries += width[e] * width[e];
        }
        this.parent = new int[conductors];
        this.child = new int[conductors];
        this.zr = new double[entries];
        this.zi = new double[entries];
        this.balanced = new boolean[edges];
        this.zb = new double[4 * edges];
        for (int e = 0; e < edges; e++) {
            System.arraycopy(p.get(e), 0, parent, offset[e], width[e]);
            System.arraycopy(c.get(e), 0, child, offset[e], width[e]);
            System.arraycopy(z.get(e).re, 0, zr, zOffset[e], width[e] * width[e]);
            System.arraycopy(z.get(e).im, 0, zi, zOffset[e], width[e] * width[e]);
            balance(e, z.get(e));
        }
        this.pcIndex = pcIndex;
        this.linR = linR;
        this.linI = linI;
        this.sNodes = sNodes;
        this.accR = new double[n];
        this.accI = new double[n];
        int widest = 1;
        for (int e = 0; e < edges; e++) {
            widest = Math.max(widest, width[e]);
        }
        this.curR = new double[widest];
        this.curI = new double[widest];
    }

    /**
     * Marks edge e balanced when its Z has equal diagonal and equal off-diagonal entries (to 1e-12 of
     * its largest entry: they come from numerical inverses), so {@code Z I = (d - o) I + o sum(I)}.
     */
    private void balance(int e, CMatrix z) {
        balanced[e] = CMatrix.balancedForm(z.re, z.im, 0, z.n, 1e-12, zb, 4 * e);
    }

    /** Nodes whose voltages {@link #fill} needs before it runs (the solver tracks them). */
    int[] roots() {
        return roots;
    }

    /**
     * The radial plan for the present element values, or null when the network is not of that form.
     *
     * @param pcs     conversion elements in the solver's order
     * @param pcIndex their conductors' injection indexes (-1: ground)
     * @param sNodes  system node of each injection index
     */
    static RadialFill plan(Network net, PowerConversion[] pcs, int[][] pcIndex, int[] sNodes) {
        int n = net.nodeCount();
        for (int i = 0; i < n; i++) {
            if (!net.energised(i)) {
                return null;
            }
        }
        boolean[] isRoot = new boolean[n];
        for (Source s : net.sources()) {
            for (int node : net.nodesOf(s)) {
                if (node >= 0) {
                    isRoot[node] = true;
                }
            }
        }
        List<PowerDelivery> pd = net.deliveries();
        List<int[]> series = new ArrayList<>();       // nodes of each series-only element
        List<CMatrix> ys = new ArrayList<>();
        for (PowerDelivery d : pd) {
            int[] nodes = net.nodesOf(d);
            CMatrix y = seriesAdmittance(d, nodes);
            if (y == null) {
                for (int node : nodes) {
                    if (node >= 0) {
                        isRoot[node] = true;
                    }
                }
            } else {
                series.add(nodes);
                ys.add(y);
            }
        }
        // node -> series elements touching it
        int[] count = new int[n + 1];
        for (int[] nodes : series) {
            for (int node : nodes) {
                count[node + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            count[i + 1] += count[i];
        }
        int[] at = Arrays.copyOf(count, n + 1);
        int[] touching = new int[count[n]];
        for (int e = 0; e < series.size(); e++) {
            for (int node : series.get(e)) {
                touching[at[node]++] = e;
            }
        }
        boolean[] known = isRoot.clone();
        boolean[] used = new boolean[series.size()];
        Deque<Integer> queue = new ArrayDeque<>();
        List<Integer> rootList = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (isRoot[i]) {
                queue.add(i);
                rootList.add(i);
            }
        }
        List<int[]> parents = new ArrayList<>();
        List<int[]> children = new ArrayList<>();
        List<CMatrix> zs = new ArrayList<>();
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int t = count[node]; t < count[node + 1]; t++) {
                int e = touching[t];
                if (used[e]) {
                    continue;
                }
                int[] nodes = series.get(e);
                int nc = nodes.length / 2;
                int side1 = knownCount(known, nodes, 0, nc);
                int side2 = knownCount(known, nodes, nc, nc);
                if (side1 == nc && side2 == nc) {
                    if (allRoots(isRoot, nodes)) {
                        used[e] = true;          // between two roots: its current is not a subtree's
                        continue;
                    }
                    return null;                 // a loop: both ends already reached
                }
                int from;
                if (side1 == nc && side2 == 0) {
                    from = 0;
                } else if (side2 == nc && side1 == 0) {
                    from = nc;
                } else {
                    continue;                    // partly reached: perhaps later, else no plan
                }
                CMatrix z = ys.get(e).inverse();
                if (z == null) {
                    return null;                 // an open element: not a tree edge
                }
                int to = nc - from;
                int[] p = Arrays.copyOfRange(nodes, from, from + nc);
                int[] c = Arrays.copyOfRange(nodes, to, to + nc);
                used[e] = true;
                parents.add(p);
                children.add(c);
                zs.add(z);
                for (int node2 : c) {
                    known[node2] = true;
                    queue.add(node2);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!known[i]) {
                return null;
            }
        }
        for (boolean u : used) {
            if (!u) {
                return null;
            }
        }
        double[][] lr = new double[pcs.length][];
        double[][] li = new double[pcs.length][];
        for (int k = 0; k < pcs.length; k++) {
            int m = pcs[k].connection().order();
            lr[k] = new double[m * m];
            li[k] = new double[m * m];
            pcs[k].linearY(lr[k], li[k]);
        }
        int[] rootArray = rootList.stream().mapToInt(Integer::intValue).toArray();
        return new RadialFill(n, rootArray, parents, children, zs, pcIndex, lr, li, sNodes);
    }

    private static boolean allRoots(boolean[] isRoot, int[] nodes) {
        for (int node : nodes) {
            if (!isRoot[node]) {
                return false;
            }
        }
        return true;
    }

    private static int knownCount(boolean[] known, int[] nodes, int from, int len) {
        int k = 0;
        for (int c = from; c < from + len; c++) {
            if (known[nodes[c]]) {
                k++;
            }
        }
        return k;
    }

    /**
     * The series admittance {@code Ys = -Y12} of a two-terminal element whose primitive matrix is
     * {@code [Ys, -Ys; -Ys, Ys]}, all of whose conductors are distinct nodes; null otherwise.
     */
    private static CMatrix seriesAdmittance(PowerDelivery d, int[] nodes) {
        if (d.connection().terminals() != 2) {
            return null;
        }
        int m = nodes.length;
        int nc = m / 2;
        for (int a = 0; a < m; a++) {
            if (nodes[a] < 0) {
                return null;
            }
            for (int b = a + 1; b < m; b++) {
                if (nodes[a] == nodes[b]) {
                    return null;
                }
            }
        }
        double[] re = new double[m * m];
        double[] im = new double[m * m];
        d.primitiveY(re, im);
        CMatrix y = new CMatrix(nc);
        for (int a = 0; a < nc; a++) {
            for (int b = 0; b < nc; b++) {
                int y11 = a * m + b;
                int y12 = a * m + nc + b;
                int y21 = (nc + a) * m + b;
                int y22 = (nc + a) * m + nc + b;
                if (re[y12] != re[y21] || im[y12] != im[y21] || re[y11] + re[y12] != 0 || im[y11] + im[y12] != 0
                        || re[y22] + re[y21] != 0 || im[y22] + im[y21] != 0) {
                    return null;
                }
                y.set(a, b, -re[y12], -im[y12]);
            }
        }
        return y;
    }

    /**
     * Fills {@code vr}/{@code vi} (system nodes): on entry the roots' and the injection nodes'
     * voltages are set; {@code icr}/{@code ici} are the compensation currents the solution was
     * computed with and {@code vsr}/{@code vsi} the injection nodes' voltages (injection index order).
     */
    void fill(double[] vr, double[] vi, double[] vsr, double[] vsi, double[] icr, double[] ici) {
        Arrays.fill(accR, 0.0);
        Arrays.fill(accI, 0.0);
        // J = Ylin V - Icomp at the injection nodes
        for (int s = 0; s < sNodes.length; s++) {
            accR[sNodes[s]] = -icr[s];
            accI[sNodes[s]] = -ici[s];
        }
        for (int k = 0; k < pcIndex.length; k++) {
            int[] idx = pcIndex[k];
            int m = idx.length;
            double[] gr = linR[k];
            double[] gi = linI[k];
            for (int a = 0; a < m; a++) {
                int sa = idx[a];
                if (sa < 0) {
                    continue;
                }
                double sr = 0;
                double si = 0;
                for (int b = 0; b < m; b++) {
                    int sb = idx[b];
                    if (sb < 0) {
                        continue;
                    }
                    double g = gr[a * m + b];
                    double h = gi[a * m + b];
                    sr += g * vsr[sb] - h * vsi[sb];
                    si += g * vsi[sb] + h * vsr[sb];
                }
                accR[sNodes[sa]] += sr;
                accI[sNodes[sa]] += si;
            }
        }
        // backward: each element carries what its child side draws, which the parent side then draws
        for (int e = edges - 1; e >= 0; e--) {
            int o = offset[e];
            for (int c = o; c < o + width[e]; c++) {
                accR[parent[c]] += accR[child[c]];
                accI[parent[c]] += accI[child[c]];
            }
        }
        // forward: V_child = V_parent - Z I
        for (int e = 0; e < edges; e++) {
            int o = offset[e];
            int w = width[e];
            if (w == 3 && balanced[e]) {
                balancedThree(e, o, vr, vi);
                continue;
            }
            int z = zOffset[e];
            for (int b = 0; b < w; b++) {
                curR[b] = accR[child[o + b]];
                curI[b] = accI[child[o + b]];
            }
            for (int a = 0; a < w; a++) {
                double dr = 0;
                double di = 0;
                int row = z + a * w;
                for (int b = 0; b < w; b++) {
                    double g = zr[row + b];
                    double h = zi[row + b];
                    dr += g * curR[b] - h * curI[b];
                    di += g * curI[b] + h * curR[b];
                }
                vr[child[o + a]] = vr[parent[o + a]] - dr;
                vi[child[o + a]] = vi[parent[o + a]] - di;
            }
        }
    }

    /** The forward step of a three-conductor balanced edge, written out. */
    private void balancedThree(int e, int o, double[] vr, double[] vi) {
        int ca = child[o];
        int cb = child[o + 1];
        int cc = child[o + 2];
        double iar = accR[ca];
        double iai = accI[ca];
        double ibr = accR[cb];
        double ibi = accI[cb];
        double icr = accR[cc];
        double ici = accI[cc];
        double ar = zb[4 * e];
        double ai = zb[4 * e + 1];
        double br = zb[4 * e + 2];
        double bi = zb[4 * e + 3];
        double sr = iar + ibr + icr;
        double si = iai + ibi + ici;
        double tr = br * sr - bi * si;
        double ti = br * si + bi * sr;
        vr[ca] = vr[parent[o]] - (ar * iar - ai * iai + tr);
        vi[ca] = vi[parent[o]] - (ar * iai + ai * iar + ti);
        vr[cb] = vr[parent[o + 1]] - (ar * ibr - ai * ibi + tr);
        vi[cb] = vi[parent[o + 1]] - (ar * ibi + ai * ibr + ti);
        vr[cc] = vr[parent[o + 2]] - (ar * icr - ai * ici + tr);
        vi[cc] = vi[parent[o + 2]] - (ar * ici + ai * icr + ti);
    }
}
