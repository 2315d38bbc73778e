package io.packetgrid.grid.model;

import java.util.Arrays;

/**
 * The loads of a power flow as flat arrays, for its iterations: each iteration evaluates every
 * load's compensation current ({@link Load#compensation}), and walking thousands of load objects,
 * their connections and their scratch arrays scattered over the heap cost more than the
 * arithmetic (and varied from run to run with where the objects lay). Here the parameters and
 * the nominal state of all loads are one array ({@link LoadCurrents}' layout), the linearisation
 * matrices another, the conductors' injection indices a third; the currents are computed by the
 * same code ({@link LoadCurrents}) with the same operations in the same order as
 * {@link Load#compensation}, so the results are the same to the last bit.
 *
 * <p>The state is taken from the loads by {@link #refresh} before each solution.
 */
public final class LoadBank {
    private static final int W = LoadCurrents.WIDTH;
    private final Load[] loads;
    private final int[] idx;        // per conductor: injection index, -1 for ground (flattened)
    private final int[] conductorAt;
    private final int[] matrixAt;
    private final int[] orders;
    private final int[] phases;
    private final int[] conductors;
    private final boolean[] delta;
    private final LoadModel[] models;
    private final boolean[] enabled;
    private final double[] prm;     // W per load
    private final double[] ylr;     // linearisation matrices, row major, order^2 per load
    private final double[] yli;
    private final double[] linR;    // the linearisation the matrices were made from
    private final double[] linI;
    private final double[] evr;
    private final double[] evi;
    private final double[] eir;
    private final double[] eii;
    private final double[] cur = new double[2];

    /**
     * @param loads           the loads, in the order their currents are to be added
     * @param conductorIndex  per load, per conductor: the index into the voltage and current vectors, -1 for ground
     */
    public LoadBank(Load[] loads, int[][] conductorIndex) {
        int m = loads.length;
        this.loads = loads.clone();
        this.conductorAt = new int[m + 1];
        this.matrixAt = new int[m + 1];
        this.orders = new int[m];
        this.phases = new int[m];
        this.conductors = new int[m];
        this.delta = new boolean[m];
        this.models = new LoadModel[m];
        this.enabled = new boolean[m];
        this.prm = new double[m * W];
        this.linR = new double[m];
        this.linI = new double[m];
        int maxOrder = 1;
        for (int k = 0; k < m; k++) {
            Load l = loads[k];
            int o = l.order();
            if (conductorIndex[k].length != o) {
                throw new IllegalArgumentException(l.name() + ": " + conductorIndex[k].length + " conductor indices for order " + o);
            }
            orders[k] = o;
            phases[k] = l.phases();
            conductors[k] = l.conductors();
            delta[k] = l.delta();
            models[k] = l.model();
            conductorAt[k + 1] = conductorAt[k] + o;
            matrixAt[k + 1] = matrixAt[k] + o * o;
            maxOrder = Math.max(maxOrder, o);
            System.arraycopy(l.prm, 0, prm, k * W, W);
        }
        this.idx = new int[conductorAt[m]];
        for (int k = 0; k < m; k++) {
            System.arraycopy(conductorIndex[k], 0, idx, conductorAt[k], orders[k]);
        }
        this.ylr = new double[matrixAt[m]];
        this.yli = new double[matrixAt[m]];
        Arrays.fill(linR, Double.NaN);
        Arrays.fill(linI, Double.NaN);
        this.evr = new double[maxOrder];
        this.evi = new double[maxOrder];
        this.eir = new double[maxOrder];
        this.eii = new double[maxOrder];
        refresh();
    }

    /** Number of loads. */
    public int size() {
        return orders.length;
    }

    /** Takes each load's nominal state, in-service flag and linearisation (before a solution). */
    public void refresh() {
        for (int k = 0; k < loads.length; k++) {
            Load l = loads[k];
            System.arraycopy(l.prm, LoadCurrents.STATE, prm, k * W + LoadCurrents.STATE, LoadCurrents.STATE_LENGTH);
            enabled[k] = l.enabled();
            if (l.linR() != linR[k] || l.linI() != linI[k]) {
                int o = orders[k];
                System.arraycopy(l.linearMatrixR(), 0, ylr, matrixAt[k], o * o);
                System.arraycopy(l.linearMatrixI(), 0, yli, matrixAt[k], o * o);
                linR[k] = l.linR();
                linI[k] = l.linI();
            }
        }
    }

    /**
     * Adds the compensation currents ({@link Load#compensation}) of loads {@code from} to {@code to - 1}
     * at the voltages {@code vr}/{@code vi} into {@code icr}/{@code ici}, load by load in index order.
     */
    public void addCompensation(int from, int to, double[] vr, double[] vi, double[] icr, double[] ici) {
        final double[] evr = this.evr;
        final double[] evi = this.evi;
        final double[] eir = this.eir;
        final double[] eii = this.eii;
        for (int k = from; k < to; k++) {
            int o = orders[k];
            int c0 = conductorAt[k];
            gather(k, vr, vi);
            LoadCurrents.linearProduct(ylr, yli, matrixAt[k], o, evr, evi, eir, eii);
            if (enabled[k]) {
                LoadCurrents.draw(models[k], prm, k * W, phases[k], delta[k], conductors[k], evr, evi, eir, eii, -1.0, cur);
            }
            for (int c = 0; c < o; c++) {
                int s = idx[c0 + c];
                if (s >= 0) {
                    icr[s] += eir[c];
                    ici[s] += eii[c];
                }
            }
        }
    }

    /** Load {@code k}'s conductor voltages into the scratch {@code evr}/{@code evi} (0 V for ground). */
    private void gather(int k, double[] vr, double[] vi) {
        int o = orders[k];
        int c0 = conductorAt[k];
        for (int c = 0; c < o; c++) {
            int s = idx[c0 + c];
            evr[c] = s >= 0 ? vr[s] : 0.0;
            evi[c] = s >= 0 ? vi[s] : 0.0;
        }
    }

    /**
     * The power the loads {@code from} to {@code to - 1} draw at the voltages {@code vr}/{@code vi} (W and var),
     * added load by load in index order to {@code pq[0]} and {@code pq[1]}: each load's terminal currents
     * ({@link Load#terminalCurrent}) and then, conductor by conductor, {@code V conj(I)}, the sums a caller
     * walking the loads one by one forms (FlowAccounting), to the last bit. The conductor indices given to
     * the constructor index {@code vr}/{@code vi} here.
     */
    public void addTerminalPower(int from, int to, double[] vr, double[] vi, double[] pq) {
        final double[] evr = this.evr;
        final double[] evi = this.evi;
        final double[] eir = this.eir;
        final double[] eii = this.eii;
        double p = pq[0];
        double q = pq[1];
        for (int k = from; k < to; k++) {
            int o = orders[k];
            gather(k, vr, vi);
            java.util.Arrays.fill(eir, 0, o, 0.0);
            java.util.Arrays.fill(eii, 0, o, 0.0);
            if (enabled[k]) {
                LoadCurrents.draw(models[k], prm, k * W, phases[k], delta[k], conductors[k], evr, evi, eir, eii, 1.0, cur);
            }
            for (int c = 0; c < o; c++) {
                p += evr[c] * eir[c] + evi[c] * eii[c];
                q += evi[c] * eir[c] - evr[c] * eii[c];
            }
        }
        pq[0] = p;
        pq[1] = q;
    }
}
