package io.packetgrid.grid.protection;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.fault.FaultResult;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.result.ElementFlows;
import io.packetgrid.grid.solve.PowerFlowSolver;
import java.util.Locale;

/**
 * What protection devices measure: the phase and residual current magnitudes through one terminal of an
 * element, and the phase voltages of a bus in per unit of its base, either in a solved power flow or in
 * a solved fault.
 */
public final class Measurements {
    private Measurements() {
    }

    /** Phase current magnitudes (A) and the residual |Ia + Ib + Ic| (A). */
    public record Currents(double[] phaseA, double residualA) {
        public Currents {
            phaseA = phaseA.clone();
        }

        public double maxPhaseA() {
            double m = 0;
            for (double a : phaseA) {
                m = Math.max(m, a);
            }
            return m;
        }
    }

    /** Currents through a terminal in a solved fault. */
    public static Currents currents(FaultResult fault, ElementTerminal at) {
        double[][] i = fault.elementCurrents(at.element());
        return of(at.element(), at.terminal(), i[0], i[1]);
    }

    /** Currents through a terminal in the feeder's last power flow solution. */
    public static Currents currents(Feeder feeder, ElementTerminal at) {
        double[][] f = ElementFlows.solve(feeder.simulation().solver(), at.element());
        return of(at.element(), at.terminal(), f[2], f[3]);
    }

    private static Currents of(CircuitElement e, int terminal, double[] ir, double[] ii) {
        int nc = e.connection().conductors();
        int[] nodes = e.connection().nodes()[terminal - 1];
        int phases = 0;
        for (int k = 0; k < nc; k++) {
            if (nodes[k] != 0) {
                phases++;
            }
        }
        double[] mag = new double[phases];
        double rr = 0;
        double ri = 0;
        int p = 0;
        for (int k = 0; k < nc; k++) {
            if (nodes[k] == 0) {
                continue;
            }
            int c = (terminal - 1) * nc + k;
            mag[p++] = Math.hypot(ir[c], ii[c]);
            rr += ir[c];
            ri += ii[c];
        }
        return new Currents(mag, Math.hypot(rr, ri));
    }

    /** System nodes of phases 1..3 present at a bus (a one-line error if the bus is missing). */
    public static int[] phaseNodes(Feeder feeder, String owner, String bus) {
        Network net = feeder.network();
        int b = net.bus(bus);
        if (b < 0) {
            throw new PacketGridException(owner, "bus " + bus.toLowerCase(Locale.ROOT) + " is not in this feeder");
        }
        int count = 0;
        int[] tmp = new int[3];
        for (int ph = 1; ph <= 3; ph++) {
            int node = net.node(bus, ph);
            if (node >= 0) {
                tmp[count++] = node;
            }
        }
        if (count == 0) {
            throw new PacketGridException(owner, "bus " + bus + " has no phase nodes");
        }
        return java.util.Arrays.copyOf(tmp, count);
    }

    /** Phase-to-ground voltages (pu of the bus base; 0 V for de-energised nodes) in a solved fault. */
    public static double[] voltagesPu(FaultResult fault, int[] nodes) {
        Network net = fault.network();
        double[] out = new double[nodes.length];
        double[] v = new double[2];
        for (int k = 0; k < nodes.length; k++) {
            fault.voltage(nodes[k], v);
            out[k] = Math.hypot(v[0], v[1]) / base(net, nodes[k]);
        }
        return out;
    }

    /** Phase-to-ground voltages (pu) in the feeder's last power flow solution. */
    public static double[] voltagesPu(Feeder feeder, int[] nodes) {
        PowerFlowSolver solver = feeder.simulation().solver();
        Network net = solver.network();
        double[] out = new double[nodes.length];
        double[] v = new double[2];
        for (int k = 0; k < nodes.length; k++) {
            solver.voltage(nodes[k], v);
            out[k] = Math.hypot(v[0], v[1]) / base(net, nodes[k]);
        }
        return out;
    }

    private static double base(Network net, int node) {
        double b = net.nodeVbase(node);
        if (!(b > 0)) {
            throw new PacketGridException("bus " + net.busName(net.nodeBus(node)), "has no voltage base (Set voltagebases / Calcvoltagebases)");
        }
        return b;
    }
}
