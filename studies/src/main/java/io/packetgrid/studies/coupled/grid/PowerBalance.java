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
        for (int k = 0; k < deliveries.length; k++) {
            deliveryNodes[k] = net.nodesOf(deliveries[k]);
            int m = deliveries[k].connection().order();
            yr[k] = new double[m * m];
            yi[k] = new double[m * m];
            deliveries[k].primitiveY(yr[k], yi[k]);
            versions[k] = deliveries[k].version();
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

    /** Losses in lines and transformers, W, for node voltages {@code re}/{@code im}. */
    public double lossesW(double[] re, double[] im) {
        double p = 0;
        for (int k = 0; k < deliveries.length; k++) {
            PowerDelivery d = deliveries[k];
            if (d.version() != versions[k]) {
                java.util.Arrays.fill(yr[k], 0);
                java.util.Arrays.fill(yi[k], 0);
                d.primitiveY(yr[k], yi[k]);
                versions[k] = d.version();
            }
            int[] nodes = deliveryNodes[k];
            int m = nodes.length;
            for (int c = 0; c < m; c++) {
                vr[c] = nodes[c] >= 0 ? re[nodes[c]] : 0;
                vi[c] = nodes[c] >= 0 ? im[nodes[c]] : 0;
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
