package io.packetgrid.grid.result;

import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.PowerConversion;
import io.packetgrid.grid.model.PowerDelivery;
import io.packetgrid.grid.model.Source;
import io.packetgrid.grid.solve.PowerFlowSolver;

/**
 * Terminal voltages, currents and powers of one element from the solved node voltages:
 * delivery elements {@code I = Yprim V}; sources {@code I = Yprim V - Inorton}; conversion
 * elements their own current law. Currents flow into the element at each conductor (OpenDSS
 * convention), powers are {@code V conj(I)} into the element.
 */
public final class ElementFlows {
    private ElementFlows() {
    }

    /** Terminal voltages (conductor order) into vr/vi. */
    public static void voltages(PowerFlowSolver solver, CircuitElement e, double[] vr, double[] vi) {
        int[] nodes = solver.network().nodesOf(e);
        double[] v = new double[2];
        for (int k = 0; k < nodes.length; k++) {
            if (nodes[k] < 0) {
                vr[k] = 0;
                vi[k] = 0;
            } else {
                solver.voltage(nodes[k], v);
                vr[k] = v[0];
                vi[k] = v[1];
            }
        }
    }

    /** Terminal currents into the element (conductor order), from given terminal voltages. */
    public static void currents(CircuitElement e, double[] vr, double[] vi, double[] ir, double[] ii) {
        int m = e.connection().order();
        if (e instanceof PowerConversion pc) {
            pc.terminalCurrent(vr, vi, ir, ii);
            return;
        }
        double[] yr = new double[m * m];
        double[] yi = new double[m * m];
        ((PowerDelivery) e).primitiveY(yr, yi);
        for (int a = 0; a < m; a++) {
            double sr = 0;
            double si = 0;
            for (int b = 0; b < m; b++) {
                sr += yr[a * m + b] * vr[b] - yi[a * m + b] * vi[b];
                si += yr[a * m + b] * vi[b] + yi[a * m + b] * vr[b];
            }
            ir[a] = sr;
            ii[a] = si;
        }
        if (e instanceof Source s) {
            double[] nr = new double[m];
            double[] ni = new double[m];
            s.injection(nr, ni);
            for (int a = 0; a < m; a++) {
                ir[a] -= nr[a];
                ii[a] -= ni[a];
            }
        }
    }

    /** Voltages and currents of all conductors: {vr, vi, ir, ii}. */
    public static double[][] solve(PowerFlowSolver solver, CircuitElement e) {
        int m = e.connection().order();
        double[] vr = new double[m];
        double[] vi = new double[m];
        double[] ir = new double[m];
        double[] ii = new double[m];
        voltages(solver, e, vr, vi);
        currents(e, vr, vi, ir, ii);
        return new double[][] {vr, vi, ir, ii};
    }

    /** Complex power into each terminal (sum over its conductors), watts and vars: {P1, Q1, P2, Q2, ...}. */
    public static double[] terminalPowers(PowerFlowSolver solver, CircuitElement e) {
        double[][] f = solve(solver, e);
        int nt = e.connection().terminals();
        int nc = e.connection().conductors();
        double[] out = new double[2 * nt];
        for (int t = 0; t < nt; t++) {
            for (int c = 0; c < nc; c++) {
                int k = t * nc + c;
                out[2 * t] += f[0][k] * f[2][k] + f[1][k] * f[3][k];
                out[2 * t + 1] += f[1][k] * f[2][k] - f[0][k] * f[3][k];
            }
        }
        return out;
    }
}
