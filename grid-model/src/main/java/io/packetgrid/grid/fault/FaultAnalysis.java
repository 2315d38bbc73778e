package io.packetgrid.grid.fault;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.model.PowerConversion;
import io.packetgrid.grid.model.PowerDelivery;
import io.packetgrid.grid.model.Source;
import io.packetgrid.grid.series.Simulation;
import io.packetgrid.grid.solve.SparseLu;
import io.packetgrid.grid.solve.SystemMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shunt faults on the solved, unbalanced network by superposition (the compensation method used by
 * short-circuit programs: e.g. Anderson, Analysis of Faulted Power Systems, ch. 4 on phase-frame fault
 * calculation; IEC 60909-0 uses the same superposition with pre-fault voltages).
 *
 * <p>The network is the one the power flow solves: every delivery element's primitive matrix, the
 * sources' Norton admittances and the loads' linearisation admittances, factorised once. Loads keep
 * the compensation current they had before the fault (a load is its linearisation admittance plus a
 * constant current), injection-only elements (generators, PV) keep their pre-fault current: the
 * controlled-current behaviour of inverters during a fault. Then, for a fault with nodal conductance
 * {@code Yf} among the fault nodes F, the fault currents (out of the network) and the voltages are
 * <pre>
 *   (I + Yf Z_FF) I_F = Yf V_F,pre        V = V_pre - Z[:,F] I_F
 * </pre>
 * with {@code Z = Y^-1} (one sparse substitution per fault node). Exact for that linear network,
 * any fault type, any phases, any resistance (also zero: OpenDSS's 10 000 S). The same fault given to
 * the script reader as {@code New Fault...} is solved by the normal power flow instead (loads on their
 * own voltage laws); both agree when there are no loads.
 *
 * <p>Not thread-safe (one per thread, e.g. from one {@link PreFaultState}); columns of Z are cached per bus.
 */
public final class FaultAnalysis {
    private final Network net;
    private final int n;
    private final SparseLu lu;
    private final double[] preRe;
    private final double[] preIm;
    private final Map<Integer, double[][]> columns = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, double[][]> e) {
            return size() > 512;
        }
    };

    /**
     * @param net   the network (its present element states: open lines, taps, applied faults)
     * @param preRe pre-fault node voltages, real parts (volts, system node order)
     * @param preIm imaginary parts
     */
    FaultAnalysis(Network net, double[] preRe, double[] preIm) {
        this.net = net;
        this.n = net.nodeCount();
        if (preRe.length != n || preIm.length != n) {
            throw new IllegalArgumentException("need one pre-fault voltage per node: " + n);
        }
        this.preRe = preRe.clone();
        this.preIm = preIm.clone();
        List<SystemMatrix.Stamp> st = new ArrayList<>();
        for (Source s : net.sources()) {
            st.add(stamp(s, s::primitiveY));
        }
        for (PowerDelivery d : net.deliveries()) {
            st.add(stamp(d, d::primitiveY));
        }
        for (PowerConversion p : net.conversions()) {
            st.add(stamp(p, p::linearY));
        }
        for (int i = 0; i < n; i++) {
            if (!net.energised(i)) {
                st.add(SystemMatrix.Stamp.toGround(i, 1.0, 0.0));
            }
        }
        try {
            this.lu = new SystemMatrix(n, st).factorize();
        } catch (SparseLu.SingularException e) {
            throw new PacketGridException("bus " + net.busName(net.nodeBus(e.index())),
                    "singular network at node " + net.nodeLabel(e.index()) + " (no impedance path to a source or ground)");
        }
    }

    /** Faults on a solved simulation's present state (solve it first); {@link PreFaultState} keeps a state for later. */
    public static FaultAnalysis of(Simulation sim) {
        return PreFaultState.of(sim).analysis();
    }

    private SystemMatrix.Stamp stamp(CircuitElement e, SystemMatrix.Fill f) {
        return SystemMatrix.Stamp.of(net.energisedNodesOf(e), f);
    }

    public Network network() {
        return net;
    }

    /** Pre-fault voltage of a system node into {@code out} (re, im). */
    public void preFaultVoltage(int node, double[] out) {
        out[0] = preRe[node];
        out[1] = preIm[node];
    }

    /** System nodes of the fault's phases (a one-line error for a missing bus or phase). */
    public int[] faultNodes(FaultSpec f) {
        int b = net.bus(f.bus());
        if (b < 0) {
            throw new PacketGridException("bus " + f.bus(), "no such bus in this feeder (fault " + f + ")");
        }
        int[] ph = f.phases();
        int[] nodes = new int[ph.length];
        for (int i = 0; i < ph.length; i++) {
            nodes[i] = net.node(f.bus(), ph[i]);
            if (nodes[i] < 0) {
                throw new PacketGridException("bus " + f.bus(), "has no node " + ph[i] + " (fault " + f + ")");
            }
            if (!net.energised(nodes[i])) {
                throw new PacketGridException("bus " + f.bus(), "node " + ph[i] + " is de-energised (fault " + f + ")");
            }
        }
        return nodes;
    }

    /** Column {@code Z[:, node]} = Y^-1 e_node: {re, im}, cached. */
    double[][] column(int node) {
        double[][] c = columns.get(node);
        if (c == null) {
            double[] re = new double[n];
            double[] im = new double[n];
            re[node] = 1.0;
            lu.solve(re, im);
            c = new double[][] {re, im};
            columns.put(node, c);
        }
        return c;
    }

    /** Solves one fault. */
    public FaultResult solve(FaultSpec f) {
        int[] nodes = faultNodes(f);
        int k = nodes.length;
        double[] g = f.conductance();
        double[][][] cols = new double[k][][];
        for (int i = 0; i < k; i++) {
            cols[i] = column(nodes[i]);
        }
        // A = I + Yf Z_FF (Yf real), b = Yf V_F,pre
        double[] ar = new double[k * k];
        double[] ai = new double[k * k];
        double[] br = new double[k];
        double[] bi = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double sr = i == j ? 1.0 : 0.0;
                double si = 0;
                for (int m = 0; m < k; m++) {
                    double gim = g[i * k + m];
                    if (gim != 0) {
                        // Z_FF(m, j) = column j at node m
                        sr += gim * cols[j][0][nodes[m]];
                        si += gim * cols[j][1][nodes[m]];
                    }
                }
                ar[i * k + j] = sr;
                ai[i * k + j] = si;
            }
            for (int m = 0; m < k; m++) {
                br[i] += g[i * k + m] * preRe[nodes[m]];
                bi[i] += g[i * k + m] * preIm[nodes[m]];
            }
        }
        double[][] x = SmallComplex.solve(k, ar, ai, br, bi);
        return new FaultResult(this, f, nodes, cols, x[0], x[1]);
    }
}
