package io.packetgrid.studies.coupled.grid;

import io.packetgrid.grid.model.Load;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.model.PowerDelivery;
import io.packetgrid.grid.model.Source;
import io.packetgrid.grid.solve.PowerFlowSolver;
import java.util.List;

/**
 * The three sides of a feeder's active-power balance at a solved state, each computed on its own from
 * the node voltages: what the sources deliver (their Thevenin branch), what the loads draw (each
 * load's own voltage law at its terminal voltages) and what the delivery elements lose
 * ({@code Re Σ V·conj(Yprim V)} over lines and transformers). Source = loads + losses holds only if the
 * power flow satisfies Kirchhoff's current law, which makes it a check of the whole coupling.
 *
 * <p>Primitive matrices are cached (refreshed when an element's version changes), so a balance costs
 * one pass over the elements without allocation.
 */
public final class PowerBalance {
    private final Network net;
    private final PowerDelivery[] deliveries;
    private final int[][] deliveryNodes;
    private final double[][] yr;
    private final double[][] yi;
    private final long[] versions;
    /** Conductors per terminal when the primitive matrix is [[Y, −Y], [−Y, Y]] (a series branch), else 0. */
    private final int[] series;
    private final Load[] loads;
    private final int[][] loadNodes;
    private final Source[] sources;
    private final int[][] sourceNodes;
    private final double[] vr = new double[64];
    private final double[] vi = new double[64];
    private final double[] ir = new double[64];
    private final double[] ii = new double[64];

    public PowerBalance(Network net, List<Load> loadList) {
        this.net = net;
        List<PowerDelivery> pd = net.deliveries();
        deliveries = pd.toArray(new PowerDelivery[0]);
        deliveryNodes = new int[deliveries.length][];
        yr = new double[deliveries.length][];
        yi = new double[deliveries.length][];
        versions = new long[deliveries.length];
        series = new int[deliveries.length];
        for (int k = 0; k < deliveries.length; k++) {
            deliveryNodes[k] = net.nodesOf(deliveries[k]);
            load(k);
        }
        loads = loadList.toArray(new Load[0]);
        loadNodes = new int[loads.length][];
        for (int k = 0; k < loads.length; k++) {
            loadNodes[k] = net.nodesOf(loads[k]);
        }
        sources = net.sources().toArray(new Source[0]);
        sourceNodes = new int[sources.length][];
        for (int k = 0; k < sources.length; k++) {
            sourceNodes[k] = net.nodesOf(sources[k]);
        }
    }

    /**
     * Reads element k's primitive matrix. A two-terminal series branch (a line without shunt admittance:
     * {@code [[Y, −Y], [−Y, Y]]}) keeps only Y, whose losses are {@code Re(ΔVᴴ·conj(Y)·ΔV)} with
     * {@code ΔV = V1 − V2}: a quarter of the memory and arithmetic (the balance of 100 feeders is
     * otherwise bound by memory traffic).
     */
    private void load(int k) {
        PowerDelivery d = deliveries[k];
        int m = d.connection().order();
        double[] ar = new double[m * m];
        double[] ai = new double[m * m];
        d.primitiveY(ar, ai);
        versions[k] = d.version();
        int c = d.connection().conductors();
        if (d.connection().terminals() == 2 && 2 * c == m && isSeries(ar, c) && isSeries(ai, c)) {
            double[] br = new double[c * c];
            double[] bi = new double[c * c];
            for (int a = 0; a < c; a++) {
                for (int b = 0; b < c; b++) {
                    br[a * c + b] = ar[a * m + b];
                    bi[a * c + b] = ai[a * m + b];
                }
            }
            yr[k] = br;
            yi[k] = bi;
            series[k] = c;
        } else {
            yr[k] = ar;
            yi[k] = ai;
            series[k] = 0;
        }
    }

    private static boolean isSeries(double[] y, int c) {
        int m = 2 * c;
        for (int a = 0; a < c; a++) {
            for (int b = 0; b < c; b++) {
                double v = y[a * m + b];
                if (y[(a + c) * m + b + c] != v || y[a * m + b + c] != -v || y[(a + c) * m + b] != -v) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Losses in lines and transformers, W, for node voltages {@code re}/{@code im}. */
    public double lossesW(double[] re, double[] im) {
        double p = 0;
        for (int k = 0; k < deliveries.length; k++) {
            PowerDelivery d = deliveries[k];
            if (d.version() != versions[k]) {
                load(k);
            }
            int[] nodes = deliveryNodes[k];
            int c = series[k];
            if (c > 0) {
                for (int a = 0; a < c; a++) {
                    int n1 = nodes[a];
                    int n2 = nodes[a + c];
                    vr[a] = (n1 >= 0 ? re[n1] : 0) - (n2 >= 0 ? re[n2] : 0);
                    vi[a] = (n1 >= 0 ? im[n1] : 0) - (n2 >= 0 ? im[n2] : 0);
                }
                double[] ar = yr[k];
                double[] ai = yi[k];
                for (int a = 0; a < c; a++) {
                    double sr = 0;
                    double si = 0;
                    int row = a * c;
                    for (int b = 0; b < c; b++) {
                        sr += ar[row + b] * vr[b] - ai[row + b] * vi[b];
                        si += ar[row + b] * vi[b] + ai[row + b] * vr[b];
                    }
                    p += vr[a] * sr + vi[a] * si;
                }
                continue;
            }
            int m = nodes.length;
            for (int q = 0; q < m; q++) {
                vr[q] = nodes[q] >= 0 ? re[nodes[q]] : 0;
                vi[q] = nodes[q] >= 0 ? im[nodes[q]] : 0;
            }
            double[] ar = yr[k];
            double[] ai = yi[k];
            for (int a = 0; a < m; a++) {
                double sr = 0;
                double si = 0;
                int row = a * m;
                for (int b = 0; b < m; b++) {
                    sr += ar[row + b] * vr[b] - ai[row + b] * vi[b];
                    si += ar[row + b] * vi[b] + ai[row + b] * vr[b];
                }
                // S = V conj(I): P = vr·ir + vi·ii
                p += vr[a] * sr + vi[a] * si;
            }
        }
        return p;
    }

    /** Active power drawn by the loads at their terminal voltages, W. */
    public double loadsW(double[] re, double[] im) {
        double p = 0;
        for (int k = 0; k < loads.length; k++) {
            int[] nodes = loadNodes[k];
            int m = nodes.length;
            for (int c = 0; c < m; c++) {
                vr[c] = nodes[c] >= 0 ? re[nodes[c]] : 0;
                vi[c] = nodes[c] >= 0 ? im[nodes[c]] : 0;
            }
            loads[k].terminalCurrent(vr, vi, ir, ii);
            for (int c = 0; c < m; c++) {
                p += vr[c] * ir[c] + vi[c] * ii[c];
            }
        }
        return p;
    }

    /** Active power the sources deliver into the network, W ({@code −V·conj(Yprim V − I_norton)} at their terminals). */
    public double sourcesW(double[] re, double[] im) {
        double p = 0;
        for (int k = 0; k < sources.length; k++) {
            Source s = sources[k];
            int[] nodes = sourceNodes[k];
            int m = nodes.length;
            double[] ar = new double[m * m];
            double[] ai = new double[m * m];
            s.primitiveY(ar, ai);
            double[] nr = new double[m];
            double[] ni = new double[m];
            s.injection(nr, ni);
            for (int c = 0; c < m; c++) {
                vr[c] = nodes[c] >= 0 ? re[nodes[c]] : 0;
                vi[c] = nodes[c] >= 0 ? im[nodes[c]] : 0;
            }
            for (int a = 0; a < m; a++) {
                double sr = -nr[a];
                double si = -ni[a];
                for (int b = 0; b < m; b++) {
                    sr += ar[a * m + b] * vr[b] - ai[a * m + b] * vi[b];
                    si += ar[a * m + b] * vi[b] + ai[a * m + b] * vr[b];
                }
                p -= vr[a] * sr + vi[a] * si;
            }
        }
        return p;
    }

    public Network network() {
        return net;
    }

    /** Solved node voltages into the arrays (one sparse substitution). */
    public static void voltages(PowerFlowSolver solver, double[] re, double[] im) {
        solver.voltages(re, im);
    }
}
