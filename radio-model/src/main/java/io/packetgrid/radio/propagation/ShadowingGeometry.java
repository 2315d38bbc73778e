package io.packetgrid.radio.propagation;

import java.util.Arrays;

/**
 * The points a {@link ShadowingField} is drawn at, in the order they were added, and what the field's
 * sequential (Vecchia) sampling needs at each: its up-to-m nearest earlier points within 8·d_cor, the
 * kriging weights w = C⁻¹c on them and the conditional standard deviation √(1 − wᵀc) (unit variance).
 * These depend only on the positions and d_cor, not on σ or the random draws, so every field over the
 * same points in the same order (a radio network's one field per aggregator) can share one geometry
 * and pay the neighbour search and the m×m Cholesky solve once per point instead of once per field.
 */
public final class ShadowingGeometry {
    static final int NEIGHBOURS = 12;
    /** Below this many points a scan of them all is cheaper than the rings of the grid (same result). */
    private static final int SCAN_ALL = 64;

    private final double corrDistanceM;
    // points and a chained hash grid of cells of size d_cor (primitive arrays: this runs once per
    // device, 10,000 times in a 10,000-device cell)
    private double[] xs = new double[16];
    private double[] ys = new double[16];
    private int[] nextInCell = new int[16];
    private int size;
    private long[] cellKey = new long[64];
    private int[] cellHead = new int[64];
    private int cells;
    // per point: how many neighbours it is conditioned on (0 when the solve failed), their indices and
    // weights (NEIGHBOURS slots a point), and the conditional standard deviation
    private int[] count = new int[16];
    private int[] nbOf = new int[16 * NEIGHBOURS];
    private double[] weightOf = new double[16 * NEIGHBOURS];
    private double[] sdOf = new double[16];
    // scratch
    private final int[] nb = new int[NEIGHBOURS];
    private final double[] nbDist = new double[NEIGHBOURS];
    private final double[][] cov = new double[NEIGHBOURS][NEIGHBOURS];
    private final double[][] chol = new double[NEIGHBOURS][NEIGHBOURS];
    private final double[] c = new double[NEIGHBOURS];
    private final double[] w = new double[NEIGHBOURS];
    private final double[] y = new double[NEIGHBOURS];

    /** @param corrDistanceM d_cor of R(Δd) = e^(−Δd/d_cor); 0 or less: uncorrelated points */
    public ShadowingGeometry(double corrDistanceM) {
        this.corrDistanceM = corrDistanceM;
        Arrays.fill(cellHead, -1);
    }

    /** Points added so far. */
    public int size() {
        return size;
    }

    double x(int i) {
        return xs[i];
    }

    double y(int i) {
        return ys[i];
    }

    /** Neighbours point {@code i} is conditioned on (0: drawn unconditionally). */
    int neighbours(int i) {
        return count[i];
    }

    /** The a-th neighbour of point i. */
    int neighbour(int i, int a) {
        return nbOf[i * NEIGHBOURS + a];
    }

    /** The kriging weight of point i's a-th neighbour. */
    double weight(int i, int a) {
        return weightOf[i * NEIGHBOURS + a];
    }

    /** Point i's conditional standard deviation (unit field). */
    double conditionalSd(int i) {
        return sdOf[i];
    }

    /** Adds {@code (px, py)} after every earlier point and computes its conditioning; returns its index. */
    int add(double px, double py) {
        int found = 0;
        double var = 1;
        if (corrDistanceM > 0) {
            found = nearest(px, py);
            if (found > 0) {
                double inv = 1 / corrDistanceM;
                for (int a = 0; a < found; a++) {
                    c[a] = Math.exp(-nbDist[a] * inv);
                    int ia = nb[a];
                    for (int b = 0; b < a; b++) {
                        int ib = nb[b];
                        double dx = xs[ia] - xs[ib];
                        double dy = ys[ia] - ys[ib];
                        double r = Math.exp(-Math.sqrt(dx * dx + dy * dy) * inv);
                        cov[a][b] = r;
                        cov[b][a] = r;
                    }
                    cov[a][a] = 1 + 1e-12; // jitter: coincident points make C singular
                }
                if (solve(found)) {
                    for (int a = 0; a < found; a++) {
                        var -= w[a] * c[a];
                    }
                } else {
                    found = 0;
                }
            }
        }
        if (size == xs.length) {
            int n = 2 * size;
            xs = Arrays.copyOf(xs, n);
            ys = Arrays.copyOf(ys, n);
            nextInCell = Arrays.copyOf(nextInCell, n);
            count = Arrays.copyOf(count, n);
            sdOf = Arrays.copyOf(sdOf, n);
            nbOf = Arrays.copyOf(nbOf, n * NEIGHBOURS);
            weightOf = Arrays.copyOf(weightOf, n * NEIGHBOURS);
        }
        int i = size++;
        xs[i] = px;
        ys[i] = py;
        count[i] = found;
        System.arraycopy(nb, 0, nbOf, i * NEIGHBOURS, found);
        System.arraycopy(w, 0, weightOf, i * NEIGHBOURS, found);
        sdOf[i] = Math.sqrt(Math.max(var, 0));
        if (corrDistanceM > 0) {
            int slot = slot(pack(cellOf(px), cellOf(py)), true);
            nextInCell[i] = cellHead[slot];
            cellHead[slot] = i;
        }
        return i;
    }

    private long cellOf(double v) {
        return (long) Math.floor(v / corrDistanceM);
    }

    /** The up-to-m nearest earlier points within 8·d_cor, nearest first (ties by index). */
    private int nearest(double px, double py) {
        double cell = corrDistanceM;
        double reach = 8 * corrDistanceM;
        int found = 0;
        if (size <= SCAN_ALL) {
            // insert keeps the m smallest by (distance, index) whatever the order it is offered them in
            for (int j = 0; j < size; j++) {
                double dx = px - xs[j];
                double dy = py - ys[j];
                double d = Math.sqrt(dx * dx + dy * dy);
                if (d <= reach) {
                    found = insert(found, j, d);
                }
            }
            return found;
        }
        long cx = cellOf(px);
        long cy = cellOf(py);
        int rings = (int) Math.ceil(reach / cell);
        for (int ring = 0; ring <= rings; ring++) {
            // once m are found, a ring whose inner edge is beyond the m-th distance cannot improve
            if (found == NEIGHBOURS && (ring - 1) * cell > nbDist[found - 1]) {
                break;
            }
            for (long gx = cx - ring; gx <= cx + ring; gx++) {
                boolean edge = gx == cx - ring || gx == cx + ring;
                for (long gy = cy - ring; gy <= cy + ring; gy += edge ? 1 : 2L * Math.max(ring, 1)) {
                    int slot = slot(pack(gx, gy), false);
                    for (int j = slot < 0 ? -1 : cellHead[slot]; j >= 0; j = nextInCell[j]) {
                        double dx = px - xs[j];
                        double dy = py - ys[j];
                        double d = Math.sqrt(dx * dx + dy * dy);
                        if (d <= reach) {
                            found = insert(found, j, d);
                        }
                    }
                    if (ring == 0) {
                        break;
                    }
                }
            }
        }
        return found;
    }

    /** Open-addressing lookup of a cell key; creates it when asked. −1 if absent. */
    private int slot(long key, boolean create) {
        int mask = cellKey.length - 1;
        int h = (int) (key ^ (key >>> 32)) & mask;
        while (cellHead[h] != -1) {
            if (cellKey[h] == key) {
                return h;
            }
            h = (h + 1) & mask;
        }
        if (!create) {
            return -1;
        }
        if (2 * (cells + 1) > cellKey.length) {
            rehash();
            return slot(key, true);
        }
        cells++;
        cellKey[h] = key;
        return h;
    }

    private void rehash() {
        long[] oldKey = cellKey;
        int[] oldHead = cellHead;
        cellKey = new long[2 * oldKey.length];
        cellHead = new int[2 * oldKey.length];
        Arrays.fill(cellHead, -1);
        int mask = cellKey.length - 1;
        for (int i = 0; i < oldKey.length; i++) {
            if (oldHead[i] != -1) {
                int h = (int) (oldKey[i] ^ (oldKey[i] >>> 32)) & mask;
                while (cellHead[h] != -1) {
                    h = (h + 1) & mask;
                }
                cellKey[h] = oldKey[i];
                cellHead[h] = oldHead[i];
            }
        }
    }

    private int insert(int found, int j, double d) {
        int m = NEIGHBOURS;
        if (found == m && (d > nbDist[m - 1] || (d == nbDist[m - 1] && j > nb[m - 1]))) {
            return found;
        }
        int pos = found < m ? found : m - 1;
        while (pos > 0 && (nbDist[pos - 1] > d || (nbDist[pos - 1] == d && nb[pos - 1] > j))) {
            nbDist[pos] = nbDist[pos - 1];
            nb[pos] = nb[pos - 1];
            pos--;
        }
        nbDist[pos] = d;
        nb[pos] = j;
        return Math.min(found + 1, m);
    }

    /** Solves C·w = c for the leading k×k block by Cholesky; false if not positive definite. */
    private boolean solve(int k) {
        double[][] l = chol;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double s = cov[i][j];
                for (int q = 0; q < j; q++) {
                    s -= l[i][q] * l[j][q];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return false;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        for (int i = 0; i < k; i++) {
            double s = c[i];
            for (int q = 0; q < i; q++) {
                s -= l[i][q] * y[q];
            }
            y[i] = s / l[i][i];
        }
        for (int i = k - 1; i >= 0; i--) {
            double s = y[i];
            for (int q = i + 1; q < k; q++) {
                s -= l[q][i] * w[q];
            }
            w[i] = s / l[i][i];
        }
        return true;
    }

    /**
     * A unique key per cell, scrambled by the 64-bit finaliser of MurmurHash3 (a bijection), so that
     * the table's folding into a few bits does not collide neighbouring cells.
     */
    private static long pack(long gx, long gy) {
        long k = (gx << 32) ^ (gy & 0xffffffffL);
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
