package io.packetgrid.grid.solve;

import java.lang.ref.SoftReference;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Sparse LDU factorisation {@code P A P^T = L D U} of a complex matrix with a symmetric
 * nonzero pattern (every nodal admittance matrix has one), without numerical pivoting.
 *
 * <p>Algorithm: the "up-looking" row-by-row factorisation with the elimination tree of
 * T. A. Davis, "Algorithm 849: A concise sparse Cholesky factorization package", ACM TOMS 31(4),
 * 2005 (the LDL package), extended from {@code L D L^T} to {@code L D U} by solving for the row
 * of L and the column of U in the same pass: both share the pattern of the etree reach. The
 * ordering is {@link MinimumDegree}. The symbolic part (ordering, tree, column counts) is done
 * once per topology; {@link #refactor} recomputes the numbers for new values on the same pattern
 * (a tap change), and {@link #solve} is the hot path (no allocation).
 *
 * <p>Complex numbers are kept as separate real and imaginary {@code double} arrays.
 */
public final class SparseLu {
    private final int n;
    private final int[] ap;     // CSC pattern of A (full, both triangles), sorted rows
    private final int[] ai;
    private final int[] perm;   // new -> old
    private final int[] pinv;   // old -> new
    private final int[] parent;
    private final int[] lp;
    private final int[] li;
    private final double[] lxr;
    private final double[] lxi;
    private final double[] uxr;
    private final double[] uxi;
    private final double[] dr;
    private final double[] di;
    private final double[] dinvr;   // 1 / D, so substitutions multiply instead of dividing
    private final double[] dinvi;
    // work space
    private final double[] ycr;
    private final double[] yci;
    private final double[] yrr;
    private final double[] yri;
    private final int[] pattern;
    private final int[] flag;
    private final int[] lnz;
    private final double[] xr;
    private final double[] xi;

    /** Thrown when a pivot vanishes; carries the original index of the offending row. */
    public static final class SingularException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int index;

        SingularException(int index) {
            super("zero pivot at index " + index);
            this.index = index;
        }

        /** The row/column (original numbering) whose pivot vanished. */
        public int index() {
            return index;
        }
    }

    /**
     * Orders and analyses the pattern, then factorises the values.
     *
     * @param n   order
     * @param ap  column pointers (length n+1)
     * @param ai  row indices, sorted within each column, pattern symmetric, diagonal present
     * @param axr real parts of A in the same positions
     * @param axi imaginary parts
     * @param atr real parts of A transposed, in the same positions (A^T(i,j) at the position of (i,j))
     * @param ati imaginary parts of A transposed
     */
    public SparseLu(int n, int[] ap, int[] ai, double[] axr, double[] axi, double[] atr, double[] ati) throws SingularException {
        this(n, ap, ai, axr, axi, atr, ati, null);
    }

    /**
     * As above, with the ordering constrained: rows of group 0 are eliminated before rows of group 1
     * ({@link MinimumDegree#order(int, int[], int[], int[])}); null: unconstrained.
     */
    public SparseLu(int n, int[] ap, int[] ai, double[] axr, double[] axi, double[] atr, double[] ati, int[] group)
            throws SingularException {
        this.n = n;
        this.ap = ap;
        this.ai = ai;
        int[] known = Orderings.find(n, ap, ai, group);
        this.perm = known != null ? known : MinimumDegree.order(n, ap, ai, group);
        this.pinv = new int[n];
        this.parent = new int[n];
        this.flag = new int[n];
        this.lnz = new int[n];
        this.lp = new int[n + 1];
        if (known == null) {
            for (int k = 0; k < n; k++) {
                pinv[perm[k]] = k;
            }
            symbolic();
            // renumber in a postorder of the elimination tree: same fill, but every subtree (a
            // feeder, a lateral) becomes a contiguous block, so substitutions walk memory in order
            int[] post = postorder(parent, n);
            int[] p2 = new int[n];
            for (int k = 0; k < n; k++) {
                p2[k] = perm[post[k]];
            }
            if (group != null) {
                // group 1 as one block at the end (still children before parents: no node of group 0 is an
                // ancestor of one of group 1), so the trailing solves touch a compact part of memory
                int[] q = new int[n];
                int m = 0;
                for (int g = 0; g <= 1; g++) {
                    for (int k = 0; k < n; k++) {
                        if ((group[p2[k]] == 0) == (g == 0)) {
                            q[m++] = p2[k];
                        }
                    }
                }
                p2 = q;
            }
            System.arraycopy(p2, 0, perm, 0, n);
            Orderings.add(n, ap, ai, group, perm);
        }
        for (int k = 0; k < n; k++) {
            pinv[perm[k]] = k;
        }
        symbolic();
        int nnz = lp[n];
        this.li = new int[nnz];
        this.lxr = new double[nnz];
        this.lxi = new double[nnz];
        this.uxr = new double[nnz];
        this.uxi = new double[nnz];
        this.dr = new double[n];
        this.di = new double[n];
        this.dinvr = new double[n];
        this.dinvi = new double[n];
        this.ycr = new double[n];
        this.yci = new double[n];
        this.yrr = new double[n];
        this.yri = new double[n];
        this.pattern = new int[n];
        this.xr = new double[n];
        this.xi = new double[n];
        refactor(axr, axi, atr, ati);
    }

    /** Order of the matrix. */
    public int size() {
        return n;
    }

    /** Nonzeros in L (strictly lower; U has as many). */
    public int factorNonzeros() {
        return lp[n];
    }

    /** A depth-first postorder of a forest given by parent pointers (children visited in index order). */
    static int[] postorder(int[] parent, int n) {
        int[] head = new int[n];
        int[] next = new int[n];
        java.util.Arrays.fill(head, -1);
        for (int j = n - 1; j >= 0; j--) {
            if (parent[j] >= 0) {
                next[j] = head[parent[j]];
                head[parent[j]] = j;
            }
        }
        int[] post = new int[n];
        int[] stack = new int[n];
        int k = 0;
        for (int root = 0; root < n; root++) {
            if (parent[root] != -1) {
                continue;
            }
            int top = 0;
            stack[0] = root;
            while (top >= 0) {
                int p = stack[top];
                int child = head[p];
                if (child == -1) {
                    top--;
                    post[k++] = p;
                } else {
                    head[p] = next[child];
                    stack[++top] = child;
                }
            }
        }
        return post;
    }

    // LDL's symbolic analysis on the permuted pattern: elimination tree and column counts.
    private void symbolic() {
        for (int k = 0; k < n; k++) {
            parent[k] = -1;
            flag[k] = k;
            lnz[k] = 0;
            int kk = perm[k];
            for (int p = ap[kk]; p < ap[kk + 1]; p++) {
                int i = pinv[ai[p]];
                if (i < k) {
                    for (; flag[i] != k; i = parent[i]) {
                        if (parent[i] == -1) {
                            parent[i] = k;
                        }
                        lnz[i]++;
                        flag[i] = k;
                    }
                }
            }
        }
        lp[0] = 0;
        for (int k = 0; k < n; k++) {
            lp[k + 1] = lp[k] + lnz[k];
        }
    }

    /** Numeric factorisation of new values on the same pattern. */
    public void refactor(double[] axr, double[] axi, double[] atr, double[] ati) throws SingularException {
        numeric(axr, axi, atr, ati, null);
    }

    /**
     * Numeric re-factorisation after the values of A changed only in the rows and columns of
     * {@code changedNodes} (original numbering): only the rows of the factor that depend on them
     * are recomputed, the changed rows and their ancestors in the elimination tree (row k of L
     * depends on the rows of its etree descendants only). Each recomputed row sees the same entries
     * in the same order as a full {@link #refactor}, so the factor is identical to the last bit.
     */
    public void refactor(double[] axr, double[] axi, double[] atr, double[] ati, int[] changedNodes) throws SingularException {
        boolean[] rows = new boolean[n];
        int count = 0;
        for (int node : changedNodes) {
            for (int k = pinv[node]; k != -1 && !rows[k]; k = parent[k]) {
                rows[k] = true;
                count++;
            }
        }
        partialRows = count;
        numeric(axr, axi, atr, ati, rows);
    }

    private int partialRows;
    private long numericVersion;   // numeric factorisations so far: a Restriction copies the values again when it changes

    /** Rows recomputed by the last partial re-factorisation (benchmarks and tests). */
    public int lastRefactoredRows() {
        return partialRows;
    }

    private void numeric(double[] axr, double[] axi, double[] atr, double[] ati, boolean[] only) throws SingularException {
        numericVersion++;
        if (only == null) {
            partialRows = n;
        } else {
            // a skipped row leaves its descendants' marks from the last factorisation; one of them may
            // equal a recomputed row's index and cut its traversal short
            java.util.Arrays.fill(flag, -1);
        }
        double scale = 0;
        for (int p = 0; p < axr.length; p++) {
            scale = Math.max(scale, Math.abs(axr[p]) + Math.abs(axi[p]));
        }
        for (int k = 0; k < n; k++) {
            if (only != null && !only[k]) {
                continue;
            }
            ycr[k] = 0;
            yci[k] = 0;
            yrr[k] = 0;
            yri[k] = 0;
            int top = n;
            flag[k] = k;
            lnz[k] = 0;
            int kk = perm[k];
            double akkr = 0;
            double akki = 0;
            for (int p = ap[kk]; p < ap[kk + 1]; p++) {
                int i = pinv[ai[p]];
                if (i < k) {
                    ycr[i] += axr[p];   // A(i,k) with i<k: column k above the diagonal
                    yci[i] += axi[p];
                    yrr[i] += atr[p];   // A(k,i): row k left of the diagonal
                    yri[i] += ati[p];
                    int len = 0;
                    for (; flag[i] != k; i = parent[i]) {
                        pattern[len++] = i;
                        flag[i] = k;
                    }
                    while (len > 0) {
                        pattern[--top] = pattern[--len];
                    }
                } else if (i == k) {
                    akkr += axr[p];
                    akki += axi[p];
                }
            }
            double dkr = akkr;
            double dki = akki;
            for (; top < n; top++) {
                int i = pattern[top];
                double wr = ycr[i];
                double wi = yci[i];
                double zr = yrr[i];
                double zi = yri[i];
                ycr[i] = 0;
                yci[i] = 0;
                yrr[i] = 0;
                yri[i] = 0;
                // column i's entries of rows < k: a full factorisation has appended exactly those so far;
                // a partial one finds them (and row k's own slot) in the complete, row-sorted column
                int p2 = only == null ? lp[i] + lnz[i] : rowSlot(i, k);
                for (int p = lp[i]; p < p2; p++) {
                    int j = li[p];
                    // c_j -= L(j,i) w_i ; r_j -= U(i,j) z_i
                    ycr[j] -= lxr[p] * wr - lxi[p] * wi;
                    yci[j] -= lxr[p] * wi + lxi[p] * wr;
                    yrr[j] -= uxr[p] * zr - uxi[p] * zi;
                    yri[j] -= uxr[p] * zi + uxi[p] * zr;
                }
                // 1 / D_i
                double ddr = dr[i];
                double ddi = di[i];
                double den = ddr * ddr + ddi * ddi;
                double invr = ddr / den;
                double invi = -ddi / den;
                double lkr = zr * invr - zi * invi;   // L(k,i) = z_i / D_i
                double lki = zr * invi + zi * invr;
                double uir = wr * invr - wi * invi;   // U(i,k) = w_i / D_i
                double uii = wr * invi + wi * invr;
                dkr -= lkr * wr - lki * wi;           // D_k -= L(k,i) w_i
                dki -= lkr * wi + lki * wr;
                li[p2] = k;
                lxr[p2] = lkr;
                lxi[p2] = lki;
                uxr[p2] = uir;
                uxi[p2] = uii;
                if (only == null) {
                    lnz[i]++;
                }
            }
            if (!(Math.abs(dkr) + Math.abs(dki) > 1e-13 * scale) || !Double.isFinite(dkr) || !Double.isFinite(dki)) {
                throw new SingularException(perm[k]);
            }
            dr[k] = dkr;
            di[k] = dki;
            double den = dkr * dkr + dki * dki;
            dinvr[k] = dkr / den;
            dinvi[k] = -dki / den;
        }
    }

    /** Position of row k in column i of L (its rows are stored in increasing order). */
    private int rowSlot(int i, int k) {
        int lo = lp[i];
        int hi = lp[i + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int r = li[mid];
            if (r < k) {
                lo = mid + 1;
            } else if (r > k) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        throw new IllegalStateException("row " + k + " missing from column " + i + " of the factor");
    }

    /**
     * The positions (in elimination order, ascending) of the given nodes and all their ancestors in
     * the elimination tree: a right-hand side that is zero outside these nodes has a forward
     * substitution that touches only them, and the solution on them needs only them
     * ({@link #solveRestricted}).
     */
    public int[] closure(int[] nodes) {
        boolean[] in = new boolean[n];
        int count = 0;
        for (int node : nodes) {
            for (int k = pinv[node]; k != -1 && !in[k]; k = parent[k]) {
                in[k] = true;
                count++;
            }
        }
        int[] out = new int[count];
        int m = 0;
        for (int k = 0; k < n; k++) {
            if (in[k]) {
                out[m++] = k;
            }
        }
        return out;
    }

    /** Nonzeros of L in the columns of {@code positions}: the work of a restricted solve is about twice this. */
    public long nonzerosIn(int[] positions) {
        long nz = 0;
        for (int k : positions) {
            nz += lp[k + 1] - lp[k];
        }
        return nz;
    }

    /** The original node at an elimination position. */
    public int nodeAt(int position) {
        return perm[position];
    }

    /** The elimination position of an original node. */
    public int positionOf(int node) {
        return pinv[node];
    }

    /** Forward step of column j: y_j eliminated from the rows below it (L unit lower), then z_j = D^-1 y_j. */
    private void forwardColumn(int j, double[] wr, double[] wi) {
        double yr = wr[j];
        double yi = wi[j];
        if (yr == 0 && yi == 0) {
            return;
        }
        for (int p = lp[j], p2 = lp[j + 1]; p < p2; p++) {
            int r = li[p];
            wr[r] -= lxr[p] * yr - lxi[p] * yi;
            wi[r] -= lxr[p] * yi + lxi[p] * yr;
        }
        double ddr = dinvr[j];
        double ddi = dinvi[j];
        wr[j] = yr * ddr - yi * ddi;
        wi[j] = yr * ddi + yi * ddr;
    }

    /** Backward step of row i: x_i = z_i - sum over k > i of U(i,k) x_k (U unit upper, stored in column i). */
    private void backwardRow(int i, double[] wr, double[] wi) {
        double sr = wr[i];
        double si = wi[i];
        for (int p = lp[i], p2 = lp[i + 1]; p < p2; p++) {
            int k = li[p];
            sr -= uxr[p] * wr[k] - uxi[p] * wi[k];
            si -= uxr[p] * wi[k] + uxi[p] * wr[k];
        }
        wr[i] = sr;
        wi[i] = si;
    }

    /**
     * Solves {@code A x = b} for a b that is zero outside {@code positions} (from {@link #closure}),
     * computing x only there, in place and in elimination order: on entry (wr, wi) holds b at those
     * positions (other entries are neither read nor written), on exit x. The same operations, in the
     * same order, as {@link #solve} performs for those entries, hence the same values to the last
     * bit; the cost is that of the closure, not of the network.
     */
    public void solveRestricted(int[] positions, double[] wr, double[] wi) {
        int m = positions.length;
        for (int t = 0; t < m; t++) {
            forwardColumn(positions[t], wr, wi);
        }
        for (int t = m - 1; t >= 0; t--) {
            backwardRow(positions[t], wr, wi);
        }
    }

    /**
     * The rows of {@code positions} (from {@link #closure}) as a compact factor of their own, for
     * solves repeated many times on the same closure (the power flow's iterations): its columns
     * are renumbered 0..m-1 in the same order, so its entries, its right-hand side and its
     * solution lie contiguously in memory, and every complex number is stored as an adjacent
     * (real, imaginary) pair. {@link Restriction#solve} performs the operations of
     * {@link #solveRestricted} in the same order, hence the same values to the last bit; it takes
     * the factor's values again after every numeric (re-)factorisation.
     */
    public Restriction restriction(int[] positions) {
        return new Restriction(positions);
    }

    /** A compact copy of the closure rows of this factor; see {@link #restriction}. */
    public final class Restriction {
        private final int[] positions;
        private final int m;
        private final int[] cp;       // local column pointers
        private final int[] ci;       // local row indices (the closure holds every row of its columns: etree ancestors)
        private final int[] source;   // entry of L each local entry copies
        private final double[] l;     // L(r, t) as (re, im) pairs
        private final double[] u;     // U(t, r)
        private final double[] dinv;  // 1 / D_t
        private final double[] w;     // right-hand side on entry, solution on exit, (re, im) pairs
        private long version = -1;

        private Restriction(int[] positions) {
            this.positions = positions.clone();
            this.m = positions.length;
            int[] local = new int[n];
            Arrays.fill(local, -1);
            int nz = 0;
            for (int t = 0; t < m; t++) {
                local[positions[t]] = t;
                nz += lp[positions[t] + 1] - lp[positions[t]];
            }
            this.cp = new int[m + 1];
            this.ci = new int[nz];
            this.source = new int[nz];
            int q = 0;
            for (int t = 0; t < m; t++) {
                int j = positions[t];
                for (int p = lp[j]; p < lp[j + 1]; p++) {
                    int r = local[li[p]];
                    if (r < 0) {
                        throw new IllegalArgumentException("positions are not closed under the elimination tree");
                    }
                    ci[q] = r;
                    source[q++] = p;
                }
                cp[t + 1] = q;
            }
            this.l = new double[2 * nz];
            this.u = new double[2 * nz];
            this.dinv = new double[2 * m];
            this.w = new double[2 * m];
        }

        /** Rows in the restriction. */
        public int size() {
            return m;
        }

        /** The elimination position of local row t. */
        public int position(int t) {
            return positions[t];
        }

        /** Sets every entry of the right-hand side to zero. */
        public void clear() {
            Arrays.fill(w, 0.0);
        }

        /** Sets entry t of the right-hand side. */
        public void set(int t, double re, double im) {
            w[2 * t] = re;
            w[2 * t + 1] = im;
        }

        /** Real part of entry t of the last solution. */
        public double re(int t) {
            return w[2 * t];
        }

        /** Imaginary part of entry t of the last solution. */
        public double im(int t) {
            return w[2 * t + 1];
        }

        /** Writes the last solution at its elimination positions (as {@link #solveRestricted} leaves it). */
        public void exportTo(double[] wr, double[] wi) {
            for (int t = 0; t < m; t++) {
                wr[positions[t]] = w[2 * t];
                wi[positions[t]] = w[2 * t + 1];
            }
        }

        private void refresh() {
            for (int q = 0; q < source.length; q++) {
                int p = source[q];
                l[2 * q] = lxr[p];
                l[2 * q + 1] = lxi[p];
                u[2 * q] = uxr[p];
                u[2 * q + 1] = uxi[p];
            }
            for (int t = 0; t < m; t++) {
                dinv[2 * t] = dinvr[positions[t]];
                dinv[2 * t + 1] = dinvi[positions[t]];
            }
            version = numericVersion;
        }

        /** Solves in place: the forward and backward steps of {@link #forwardColumn} and {@link #backwardRow}, same order. */
        public void solve() {
            if (version != numericVersion) {
                refresh();
            }
            forward();
            backward();
        }

        private void forward() {
            final double[] w = this.w;
            final double[] l = this.l;
            final int[] ci = this.ci;
            for (int t = 0; t < m; t++) {
                double yr = w[2 * t];
                double yi = w[2 * t + 1];
                if (yr == 0 && yi == 0) {
                    continue;
                }
                for (int p = cp[t], p2 = cp[t + 1]; p < p2; p++) {
                    int r = 2 * ci[p];
                    double a = l[2 * p];
                    double b = l[2 * p + 1];
                    w[r] -= a * yr - b * yi;
                    w[r + 1] -= a * yi + b * yr;
                }
                double ddr = dinv[2 * t];
                double ddi = dinv[2 * t + 1];
                w[2 * t] = yr * ddr - yi * ddi;
                w[2 * t + 1] = yr * ddi + yi * ddr;
            }
        }

        private void backward() {
            final double[] w = this.w;
            final double[] u = this.u;
            final int[] ci = this.ci;
            for (int t = m - 1; t >= 0; t--) {
                double sr = w[2 * t];
                double si = w[2 * t + 1];
                for (int p = cp[t], p2 = cp[t + 1]; p < p2; p++) {
                    int k = 2 * ci[p];
                    double a = u[2 * p];
                    double b = u[2 * p + 1];
                    double xr = w[k];
                    double xi = w[k + 1];
                    sr -= a * xr - b * xi;
                    si -= a * xi + b * xr;
                }
                w[2 * t] = sr;
                w[2 * t + 1] = si;
            }
        }
    }

    /**
     * Completes a {@link #solveRestricted} solution to every entry: on entry (wr, wi) holds x at
     * {@code positions} as that solve left it (for a b zero elsewhere), on exit x everywhere, in
     * elimination order. Outside the closure the forward substitution of {@link #solve} leaves zeros
     * (a column of L reaches only etree ancestors, and the closure holds every ancestor of its
     * entries), and a closure row's backward step reads only closure entries; so only the backward
     * steps of the other rows remain, done here with the same operations in the same order as
     * {@link #solve}: the same values to the last bit, at the cost of the rows outside the closure.
     */
    public void completeRestricted(int[] positions, double[] wr, double[] wi) {
        int t = positions.length - 1;
        for (int i = n - 1; i >= 0; i--) {
            if (t >= 0 && positions[t] == i) {
                t--;
                continue;
            }
            wr[i] = 0;
            wi[i] = 0;
            backwardRow(i, wr, wi);
        }
    }

    /**
     * Solves {@code A x = b} in place: on entry (br, bi) holds b in the original numbering, on exit x.
     */
    public void solve(double[] br, double[] bi) {
        double[] wr = xr;
        double[] wi = xi;
        for (int k = 0; k < n; k++) {
            wr[k] = br[perm[k]];
            wi[k] = bi[perm[k]];
        }
        // L y = b (unit lower, by columns), then z = D^-1 y as each y_j becomes final
        for (int j = 0; j < n; j++) {
            forwardColumn(j, wr, wi);
        }
        // U x = z (unit upper; U(i,k) stored in column i at row k > i)
        for (int i = n - 1; i >= 0; i--) {
            backwardRow(i, wr, wi);
        }
        for (int k = 0; k < n; k++) {
            br[perm[k]] = wr[k];
            bi[perm[k]] = wi[k];
        }
    }

    /**
     * The final elimination orders of the last few patterns factorised in this process. Copies of one
     * network (a study's variants each solve their own) have the same pattern and the same groups, and
     * the minimum-degree ordering is a deterministic function of them: the copy reuses the order
     * instead of computing it again (seconds on a network of 270,000 elements), and so gets the same
     * factor to the last bit. Patterns are compared in full, never by a hash; entries are soft, so
     * memory pressure drops them.
     */
    private static final class Orderings {
        private static final int KEEP = 4;
        private static final ArrayDeque<SoftReference<Entry>> ENTRIES = new ArrayDeque<>();

        private record Entry(int n, int[] ap, int[] ai, int[] group, int[] perm) {
        }

        static synchronized int[] find(int n, int[] ap, int[] ai, int[] group) {
            for (SoftReference<Entry> r : ENTRIES) {
                Entry e = r.get();
                if (e != null && e.n == n && Arrays.equals(e.ap, ap) && Arrays.equals(e.ai, ai)
                        && Arrays.equals(e.group, group)) {
                    return e.perm.clone();
                }
            }
            return null;
        }

        static synchronized void add(int n, int[] ap, int[] ai, int[] group, int[] perm) {
            ENTRIES.removeIf(r -> r.get() == null);
            if (ENTRIES.size() >= KEEP) {
                ENTRIES.removeLast();
            }
            ENTRIES.addFirst(new SoftReference<>(new Entry(n, ap.clone(), ai.clone(), group == null ? null : group.clone(), perm.clone())));
        }
    }
}
