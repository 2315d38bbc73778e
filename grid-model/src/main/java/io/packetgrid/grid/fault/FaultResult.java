package io.packetgrid.grid.fault;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.result.ElementFlows;

/**
 * One solved fault: the currents into the fault (out of the network at each fault node, amperes) and
 * the post-fault voltage of any node, {@code V = V_pre - Z[:,F] I_F}, computed on demand; the terminal
 * currents of any element follow from its primitive matrix (or current law) at those voltages.
 */
public final class FaultResult {
    private final FaultAnalysis analysis;
    private final FaultSpec spec;
    private final int[] nodes;
    private final double[][][] cols;
    private final double[] ifr;
    private final double[] ifi;

    FaultResult(FaultAnalysis analysis, FaultSpec spec, int[] nodes, double[][][] cols, double[] ifr, double[] ifi) {
        this.analysis = analysis;
        this.spec = spec;
        this.nodes = nodes;
        this.cols = cols;
        this.ifr = ifr;
        this.ifi = ifi;
    }

    /** The network it was solved on (its node numbering). */
    public Network network() {
        return analysis.network();
    }

    public FaultSpec spec() {
        return spec;
    }

    /** System nodes of the fault phases, in {@code spec().phases()} order. */
    public int[] faultNodes() {
        return nodes.clone();
    }

    /** Current from the network into the fault at fault phase {@code i} (in spec order): {re, im} amperes. */
    public double[] faultCurrent(int i) {
        return new double[] {ifr[i], ifi[i]};
    }

    /** |I| at fault phase {@code i}, amperes. */
    public double faultCurrentA(int i) {
        return Math.hypot(ifr[i], ifi[i]);
    }

    /** The largest fault phase current, amperes. */
    public double maxFaultCurrentA() {
        double m = 0;
        for (int i = 0; i < ifr.length; i++) {
            m = Math.max(m, faultCurrentA(i));
        }
        return m;
    }

    /** Post-fault voltage of a system node into {@code out} (re, im), volts. */
    public void voltage(int node, double[] out) {
        analysis.preFaultVoltage(node, out);
        if (!analysis.network().energised(node)) {
            out[0] = 0;
            out[1] = 0;
            return;
        }
        for (int f = 0; f < nodes.length; f++) {
            double zr = cols[f][0][node];
            double zi = cols[f][1][node];
            out[0] -= zr * ifr[f] - zi * ifi[f];
            out[1] -= zr * ifi[f] + zi * ifr[f];
        }
    }

    /** Post-fault voltage at node {@code number} of {@code bus}: {re, im}. */
    public double[] voltage(String bus, int number) {
        Network net = analysis.network();
        int node = net.node(bus, number);
        if (node < 0) {
            throw new PacketGridException("bus " + bus, "has no node " + number);
        }
        double[] v = new double[2];
        voltage(node, v);
        return v;
    }

    /**
     * Post-fault terminal currents of an element (into the element at each conductor, OpenDSS
     * convention; conductor order): {re[], im[]}.
     */
    public double[][] elementCurrents(CircuitElement e) {
        int[] en = analysis.network().nodesOf(e);
        int m = en.length;
        double[] vr = new double[m];
        double[] vi = new double[m];
        double[] v = new double[2];
        for (int k = 0; k < m; k++) {
            if (en[k] >= 0) {
                voltage(en[k], v);
                vr[k] = v[0];
                vi[k] = v[1];
            }
        }
        double[] ir = new double[m];
        double[] ii = new double[m];
        ElementFlows.currents(e, vr, vi, ir, ii);
        return new double[][] {ir, ii};
    }
}
