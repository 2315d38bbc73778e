package io.packetgrid.grid.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The power flow's flat load arrays against the loads themselves: for loads of every model and
 * connection, at voltages in every range of the models (below vlowpu, between vlowpu and vminpu,
 * nominal, above vmaxpu), with loads sharing nodes, out of service, and after their nominal
 * power and their linearisation changed, {@link LoadBank#addCompensation} gives the same
 * currents to the last bit as adding each {@link Load#compensation} in turn (what the solver did
 * before the bank), and {@link LoadBank#addTerminalPower} the same power as summing each load's
 * {@link Load#terminalCurrent} in turn (what the flow accounting did before).
 */
class LoadBankTest {

    private static final int NODES = 7;

    @Test
    void flatArraysGiveEachLoadsCompensationBitForBit() {
        Random rnd = new Random(3);
        List<Load> loads = new ArrayList<>();
        List<int[]> index = new ArrayList<>();
        double[] zipv = {0.2, 0.3, 0.5, 0.1, 0.1, 0.8, 0.4};
        for (LoadModel model : LoadModel.values()) {
            // 1-phase wye (grounded neutral), 2-phase wye on a floating neutral node, 3-phase delta, 3-phase wye
            loads.add(load(model, 1, false, new int[] {1, 0}, 0.24, zipv, -1));
            index.add(new int[] {rnd.nextInt(NODES), -1});
            loads.add(load(model, 2, false, new int[] {1, 2, 0}, 0.208, zipv, 5.0));
            index.add(new int[] {rnd.nextInt(NODES), rnd.nextInt(NODES), -1});
            loads.add(load(model, 3, true, new int[] {1, 2, 3}, 0.416, zipv, -1));
            index.add(new int[] {0, 1, 2});
            loads.add(load(model, 3, false, new int[] {1, 2, 3, 4}, 0.416, zipv, 0.0));
            index.add(new int[] {3, 4, 5, 6});
        }
        Load[] all = loads.toArray(new Load[0]);
        int[][] idx = index.toArray(new int[0][]);
        for (Load l : all) {
            l.setNominal(2 + 10 * rnd.nextDouble(), 1 + 3 * rnd.nextDouble());
            l.setLinearisationBase(5, 2);
            l.relinearise();
        }
        LoadBank bank = new LoadBank(all, idx);
        double[] levels = {0.3, 0.85, 1.0, 1.2};   // per unit of 240 V: below vlow 0.5, below vmin 0.9, nominal, above vmax 1.1
        for (int round = 0; round < 12; round++) {
            if (round == 4) {
                // new nominal powers, some loads out of service
                for (int k = 0; k < all.length; k++) {
                    all[k].setNominal(1 + 20 * rnd.nextDouble(), -2 + 4 * rnd.nextDouble());
                    all[k].setEnabled(k % 5 != 0);
                }
            }
            if (round == 8) {
                // a new linearisation (after a re-factorisation)
                for (Load l : all) {
                    l.setEnabled(true);
                    l.setLinearisationBase(7, 3);
                    l.relinearise();
                }
            }
            bank.refresh();
            double[] vr = new double[NODES];
            double[] vi = new double[NODES];
            for (int i = 0; i < NODES; i++) {
                double mag = 240 * levels[(round + i) % levels.length] * (1 + 0.01 * rnd.nextGaussian());
                double ang = 2 * Math.PI * rnd.nextDouble();
                vr[i] = mag * Math.cos(ang);
                vi[i] = mag * Math.sin(ang);
            }
            double[] er = new double[NODES];
            double[] ei = new double[NODES];
            for (int k = 0; k < all.length; k++) {
                int m = idx[k].length;
                double[] lvr = new double[m];
                double[] lvi = new double[m];
                double[] lir = new double[m];
                double[] lii = new double[m];
                for (int c = 0; c < m; c++) {
                    lvr[c] = idx[k][c] >= 0 ? vr[idx[k][c]] : 0.0;
                    lvi[c] = idx[k][c] >= 0 ? vi[idx[k][c]] : 0.0;
                }
                all[k].compensation(lvr, lvi, lir, lii);
                for (int c = 0; c < m; c++) {
                    if (idx[k][c] >= 0) {
                        er[idx[k][c]] += lir[c];
                        ei[idx[k][c]] += lii[c];
                    }
                }
            }
            double[] br = new double[NODES];
            double[] bi = new double[NODES];
            // in two runs, as the solver calls it around other conversion elements
            bank.addCompensation(0, 9, vr, vi, br, bi);
            bank.addCompensation(9, bank.size(), vr, vi, br, bi);
            for (int i = 0; i < NODES; i++) {
                assertEquals(Double.doubleToRawLongBits(er[i]), Double.doubleToRawLongBits(br[i]), "round " + round + " node " + i);
                assertEquals(Double.doubleToRawLongBits(ei[i]), Double.doubleToRawLongBits(bi[i]), "round " + round + " node " + i);
            }
            // the power drawn, as a result pass sums it load by load from each load's terminal currents
            // (after some other element's power: the sums continue from there)
            double p = 123.456;
            double q = -7.89;
            for (int k = 0; k < all.length; k++) {
                int m = idx[k].length;
                double[] lvr = new double[m];
                double[] lvi = new double[m];
                double[] lir = new double[m];
                double[] lii = new double[m];
                for (int c = 0; c < m; c++) {
                    lvr[c] = idx[k][c] >= 0 ? vr[idx[k][c]] : 0.0;
                    lvi[c] = idx[k][c] >= 0 ? vi[idx[k][c]] : 0.0;
                }
                all[k].terminalCurrent(lvr, lvi, lir, lii);
                for (int c = 0; c < m; c++) {
                    p += lvr[c] * lir[c] + lvi[c] * lii[c];
                    q += lvi[c] * lir[c] - lvr[c] * lii[c];
                }
            }
            double[] pq = {123.456, -7.89};
            bank.addTerminalPower(0, 9, vr, vi, pq);
            bank.addTerminalPower(9, bank.size(), vr, vi, pq);
            assertEquals(Double.doubleToRawLongBits(p), Double.doubleToRawLongBits(pq[0]), "round " + round + " W");
            assertEquals(Double.doubleToRawLongBits(q), Double.doubleToRawLongBits(pq[1]), "round " + round + " var");
        }
    }

    private static Load load(LoadModel model, int phases, boolean delta, int[] nodes, double kv, double[] zipv, double rneut) {
        Connection c = new Connection(new String[] {"b"}, new int[][] {nodes});
        return new Load(model + "-" + phases + (delta ? "d" : "y"), c, phases, delta, model, kv, 0.9, 1.1, 0.5, zipv, 0.8, 2.5,
                rneut, 0.0, 3.0);
    }
}
