package io.packetgrid.grid.result;

import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Line;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.model.PowerDelivery;
import io.packetgrid.grid.model.Source;
import io.packetgrid.grid.model.Transformer;
import io.packetgrid.grid.solve.PowerFlowSolver;
import java.util.ArrayList;
import java.util.List;

/** Results derived from a solved network: voltages, loadings, losses, violations. */
public final class GridResults {
    private GridResults() {
    }

    /** Every node voltage, bus by bus in network order. */
    public static List<NodeVoltage> voltages(PowerFlowSolver solver) {
        Network net = solver.network();
        int n = net.nodeCount();
        double[] re = new double[n];
        double[] im = new double[n];
        solver.voltages(re, im);
        List<NodeVoltage> out = new ArrayList<>(n);
        for (int b = 0; b < net.busCount(); b++) {
            String bus = net.busName(b);
            double base = net.busKvBase(b) * 1000.0;
            for (int nodeNum : net.busNodes(b)) {
                int i = net.node(bus, nodeNum);
                double mag = Math.hypot(re[i], im[i]);
                out.add(new NodeVoltage(bus, nodeNum, mag, Math.toDegrees(Math.atan2(im[i], re[i])), base > 0 ? mag / base : 0.0));
            }
        }
        return out;
    }

    /** Nominal phase voltage a node is judged against (V), 0 if none. */
    static double nominal(Network net, int bus, Limits limits) {
        double base = net.busKvBase(bus);
        if (base <= 0) {
            return 0;
        }
        return isLowVoltage(base, limits) ? limits.lvNominalV() : base * 1000.0;
    }

    /**
     * Whether a bus with this LN base (kV) belongs to a system whose nominal phase voltage is the
     * EN 50160 one: an LN base within 15 % of the nominal (230/400 V systems, e.g. the 240 V base of
     * a 416 V feeder); other LV systems (e.g. 277/480 V) are judged against their own base.
     */
    static boolean isLowVoltage(double baseKv, Limits limits) {
        return baseKv <= limits.lvMaxKv() && Math.abs(baseKv * 1000.0 / limits.lvNominalV() - 1.0) <= 0.15;
    }

    /** {min, max} phase-node voltage in pu of the nominal voltage (EN 50160 230 V for LV); NaN if none. */
    public static double[] voltageRangePu(PowerFlowSolver solver, Limits limits) {
        Network net = solver.network();
        int n = net.nodeCount();
        double[] re = new double[n];
        double[] im = new double[n];
        solver.voltages(re, im);
        double min = Double.NaN;
        double max = Double.NaN;
        for (int i = 0; i < n; i++) {
            if (net.nodeNumber(i) > 3 || !net.energised(i)) {
                continue;
            }
            double nom = nominal(net, net.nodeBus(i), limits);
            if (nom <= 0) {
                continue;
            }
            double pu = Math.hypot(re[i], im[i]) / nom;
            if (!(pu >= min)) {
                min = pu;
            }
            if (!(pu <= max)) {
                max = pu;
            }
        }
        return new double[] {min, max};
    }

    /** Line loadings (worst conductor current at either end against normamps). */
    public static List<Loading> lineLoadings(PowerFlowSolver solver) {
        List<Loading> out = new ArrayList<>();
        for (PowerDelivery d : solver.network().deliveries()) {
            if (d instanceof Line l && !l.isOpen()) {
                double[][] f = ElementFlows.solve(solver, l);
                double worst = 0;
                for (int k = 0; k < f[2].length; k++) {
                    worst = Math.max(worst, Math.hypot(f[2][k], f[3][k]));
                }
                double rating = l.normAmps();
                out.add(new Loading(l.name(), worst, rating, rating > 0 ? worst / rating : 0.0));
            }
        }
        return out;
    }

    /** Transformer loadings (largest terminal apparent power against that winding's kVA). */
    public static List<Loading> transformerLoadings(PowerFlowSolver solver) {
        List<Loading> out = new ArrayList<>();
        for (PowerDelivery d : solver.network().deliveries()) {
            if (d instanceof Transformer t) {
                double[] s = ElementFlows.terminalPowers(solver, t);
                double worstPu = 0;
                double worstKva = 0;
                double rating = t.winding(0).kva();
                for (int w = 0; w < t.windingCount(); w++) {
                    double kva = Math.hypot(s[2 * w], s[2 * w + 1]) / 1000.0;
                    double pu = kva / t.winding(w).kva();
                    if (pu > worstPu) {
                        worstPu = pu;
                        worstKva = kva;
                        rating = t.winding(w).kva();
                    }
                }
                out.add(new Loading(t.name(), worstKva, rating, worstPu));
            }
        }
        return out;
    }

    /** Total losses of the delivery elements (W, var): the power flowing into them. */
    public static double[] losses(PowerFlowSolver solver) {
        double p = 0;
        double q = 0;
        for (PowerDelivery d : solver.network().deliveries()) {
            double[] s = ElementFlows.terminalPowers(solver, d);
            for (int t = 0; t < s.length / 2; t++) {
                p += s[2 * t];
                q += s[2 * t + 1];
            }
        }
        return new double[] {p, q};
    }

    /** Power delivered by the sources into the network (W, var). */
    public static double[] sourcePower(PowerFlowSolver solver) {
        double p = 0;
        double q = 0;
        for (Source s : solver.network().sources()) {
            double[] t = ElementFlows.terminalPowers(solver, s);
            for (int k = 0; k < t.length / 2; k++) {
                p -= t[2 * k];
                q -= t[2 * k + 1];
            }
        }
        return new double[] {p, q};
    }

    /** All violations of the present solution. */
    public static List<Violation> violations(PowerFlowSolver solver, Limits limits) {
        Network net = solver.network();
        List<Violation> out = new ArrayList<>();
        int n = net.nodeCount();
        double[] re = new double[n];
        double[] im = new double[n];
        solver.voltages(re, im);
        for (int i = 0; i < n; i++) {
            if (net.nodeNumber(i) > 3 || !net.energised(i)) {
                continue;
            }
            double nom = nominal(net, net.nodeBus(i), limits);
            if (nom <= 0) {
                continue;
            }
            double pu = Math.hypot(re[i], im[i]) / nom;
            if (pu < limits.minPu()) {
                out.add(new Violation(Violation.Kind.UNDERVOLTAGE, net.nodeLabel(i), pu, limits.minPu()));
            } else if (pu > limits.maxPu()) {
                out.add(new Violation(Violation.Kind.OVERVOLTAGE, net.nodeLabel(i), pu, limits.maxPu()));
            }
        }
        for (Loading l : lineLoadings(solver)) {
            if (l.rating() > 0 && l.loadingPu() > limits.lineMaxPu()) {
                out.add(new Violation(Violation.Kind.LINE_OVERLOAD, l.element(), l.loadingPu(), limits.lineMaxPu()));
            }
        }
        for (Loading l : transformerLoadings(solver)) {
            if (l.loadingPu() > limits.transformerMaxPu()) {
                out.add(new Violation(Violation.Kind.TRANSFORMER_OVERLOAD, l.element(), l.loadingPu(), limits.transformerMaxPu()));
            }
        }
        return out;
    }

    /** The element with this full name ({@code Class.name}, case-insensitive), or null. */
    public static CircuitElement element(Network net, String fullName) {
        for (CircuitElement e : net.elements()) {
            if (e.name().equalsIgnoreCase(fullName)) {
                return e;
            }
        }
        return null;
    }
}
