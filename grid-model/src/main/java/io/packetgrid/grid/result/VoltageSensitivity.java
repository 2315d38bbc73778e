package io.packetgrid.grid.result;

import io.packetgrid.grid.solve.PowerFlowSolver;

/**
 * Linear estimates of how node voltage magnitudes move when active power is injected, from the
 * factorised network of the last solution (loads present as their linearisation admittances).
 * One kilowatt at unity power factor injected at node j is the current {@code dI_j = 1000 / conj(V_j)};
 * it changes node i's voltage by {@code dV_i = Z_ij dI_j}, whose component along {@code V_i} is the
 * magnitude change {@code Re(dV_i conj(V_i)) / |V_i|} (first-order perturbation of |V|; Z_ij is the
 * transfer impedance of the bus impedance matrix, Grainger and Stevenson, Power System Analysis,
 * 1994, ch. 8).
 * It is an estimate (the other loads answer as impedances, not by their own laws), good to a few
 * per cent for kilowatt-sized changes on an LV feeder.
 */
public final class VoltageSensitivity {
    private VoltageSensitivity() {
    }

    /**
     * Volts of magnitude change at node i per kW injected at node j, from the transfer impedance
     * {@code Z_ij = zr + j zi} and the node voltages {@code V_i}, {@code V_j}; 0 when either voltage is 0.
     */
    public static double voltsPerKw(double zr, double zi, double vir, double vii, double vjr, double vji) {
        double den = vjr * vjr + vji * vji;
        double mi = Math.sqrt(vir * vir + vii * vii);
        if (den == 0 || mi == 0) {
            return 0.0;
        }
        // dI = 1000 / conj(Vj) = 1000 Vj / |Vj|^2
        double dir = 1000.0 * vjr / den;
        double dii = 1000.0 * vji / den;
        double dvr = zr * dir - zi * dii;
        double dvi = zr * dii + zi * dir;
        return (dvr * vir + dvi * vii) / mi;
    }

    /**
     * The matrix {@code out[i n + j] = dV_i / dP_j} (volts per kW injected, row major) among
     * {@code nodes}: reads the dense reduced operator when every node is an injection node of a
     * reduced solver, else the transfer impedances among the nodes by restricted substitutions
     * ({@link PowerFlowSolver#transferBlock}; {@code colRe}/{@code colIm} are not needed then and may
     * be null).
     */
    public static void matrix(PowerFlowSolver solver, int[] nodes, double[] out, double[] colRe, double[] colIm) {
        int n = nodes.length;
        boolean lookup = solver.isReduced();
        for (int node : nodes) {
            lookup &= node >= 0 && solver.injectionIndex(node) >= 0;
        }
        double[] v = new double[2 * n];
        double[] t = new double[2];
        for (int i = 0; i < n; i++) {
            if (nodes[i] >= 0) {
                solver.voltage(nodes[i], t);
                v[2 * i] = t[0];
                v[2 * i + 1] = t[1];
            }
        }
        double[] zr = null;
        double[] zi = null;
        if (!lookup) {
            zr = new double[n * n];
            zi = new double[n * n];
            solver.transferBlock(nodes, zr, zi);
        }
        for (int j = 0; j < n; j++) {
            if (nodes[j] < 0 || !solver.network().energised(nodes[j])) {
                for (int i = 0; i < n; i++) {
                    out[i * n + j] = 0.0;
                }
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (nodes[i] < 0) {
                    out[i * n + j] = 0.0;
                    continue;
                }
                double r;
                double x;
                if (lookup) {
                    solver.transferImpedance(nodes[i], nodes[j], t);
                    r = t[0];
                    x = t[1];
                } else {
                    r = zr[i * n + j];
                    x = zi[i * n + j];
                }
                out[i * n + j] = voltsPerKw(r, x, v[2 * i], v[2 * i + 1], v[2 * j], v[2 * j + 1]);
            }
        }
    }
}
