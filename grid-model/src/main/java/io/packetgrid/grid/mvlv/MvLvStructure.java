package io.packetgrid.grid.mvlv;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Load;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.model.PowerDelivery;
import io.packetgrid.grid.model.Source;
import io.packetgrid.grid.model.Transformer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of an integrated MV–LV network a study needs, read from its topology and voltage bases
 * (after {@code Calcvoltagebases}): the zone-substation transformer (the one on a source bus, or the
 * one named), the MV phase nodes (voltage base from 1 kV up to below the zone transformer's primary),
 * and the LV feeders: every transformer with a winding on an LV bus (base below 1 kV) and one above
 * is a distribution transformer, and its LV feeder is what its LV bus reaches over delivery elements
 * other than transformers, with the loads connected there. Node indices are those of the network it
 * was read from; every parse of the same script numbers nodes the same way (definition order).
 *
 * @param substation     the zone transformer's element name ({@code Transformer.x})
 * @param substationKva  its rating (kVA of winding 1)
 * @param feeders        the LV feeders, in the order their transformers are defined
 * @param mvNodes        phase nodes (1..3) of the MV buses
 * @param mvBaseV        each MV node's voltage base (line to neutral, V)
 * @param nodeCount      nodes of the network it was read from
 */
public record MvLvStructure(String substation, double substationKva, List<LvFeeder> feeders, int[] mvNodes, double[] mvBaseV,
                            int nodeCount) {

    /**
     * One distribution transformer and what it feeds.
     *
     * @param transformer element name ({@code Transformer.x})
     * @param kva         its rating (kVA of winding 1)
     * @param loads       names of its loads (lower case, without {@code Load.}), definition order
     * @param buses       its LV buses (lower case)
     * @param nodes       phase nodes (1..3) of those buses
     * @param nodeBus     for each node, its bus's index in {@code buses}
     * @param mvNodes     the transformer's phase nodes on its MV side
     * @param mvBaseV     their voltage bases (line to neutral, V)
     */
    public record LvFeeder(String transformer, double kva, List<String> loads, List<String> buses, int[] nodes, int[] nodeBus,
                           int[] mvNodes, double[] mvBaseV) {
        public LvFeeder {
            loads = List.copyOf(loads);
            buses = List.copyOf(buses);
            nodes = nodes.clone();
            nodeBus = nodeBus.clone();
            mvNodes = mvNodes.clone();
            mvBaseV = mvBaseV.clone();
        }
    }

    public MvLvStructure {
        feeders = List.copyOf(feeders);
        mvNodes = mvNodes.clone();
        mvBaseV = mvBaseV.clone();
    }

    /** Below this line-to-neutral base a bus is LV (kV). */
    static final double LV_MAX_KV_LN = 1.0 / Math.sqrt(3);

    /** Reads the structure of a loaded feeder; {@code substation} as in {@link #of(Network, String, String)}. */
    public static MvLvStructure of(Feeder feeder, String substation, String where) {
        return of(feeder.network(), substation, where);
    }

    /**
     * Reads the structure of a network.
     *
     * @param substation the zone transformer's name (without {@code Transformer.}), or null for the
     *                   transformer with a terminal on a source bus
     * @param where      the scenario field naming the network, for errors
     */
    public static MvLvStructure of(Network net, String substation, String where) {
        Transformer zone = zone(net, substation, where);
        double primaryKvLn = net.busKvBase(net.bus(zone.connection().buses()[0].toLowerCase(Locale.ROOT)));
        // bus graph of the delivery elements other than transformers (an LV feeder ends at its transformer)
        int buses = net.busCount();
        List<List<Integer>> adj = new ArrayList<>();
        for (int b = 0; b < buses; b++) {
            adj.add(new ArrayList<>());
        }
        List<Transformer> transformers = new ArrayList<>();
        for (PowerDelivery d : net.deliveries()) {
            if (d instanceof Transformer t) {
                transformers.add(t);
                continue;
            }
            int[] bs = busesOf(net, d);
            for (int a : bs) {
                for (int b : bs) {
                    if (a != b) {
                        adj.get(a).add(b);
                    }
                }
            }
        }
        Map<Integer, List<String>> loadsAt = new HashMap<>();
        for (var p : net.conversions()) {
            if (p instanceof Load l) {
                int b = net.bus(l.connection().buses()[0].toLowerCase(Locale.ROOT));
                String name = l.name().substring(l.name().indexOf('.') + 1).toLowerCase(Locale.ROOT);
                loadsAt.computeIfAbsent(b, k -> new ArrayList<>()).add(name);
            }
        }
        int[] owner = new int[buses];
        Arrays.fill(owner, -1);
        List<LvFeeder> feeders = new ArrayList<>();
        for (Transformer t : transformers) {
            if (t == zone) {
                continue;
            }
            int lv = -1;
            boolean mv = false;
            for (String bus : t.connection().buses()) {
                int b = net.bus(bus.toLowerCase(Locale.ROOT));
                double kv = net.busKvBase(b);
                if (kv > 0 && kv < LV_MAX_KV_LN) {
                    lv = b;
                } else if (kv >= LV_MAX_KV_LN) {
                    mv = true;
                }
            }
            if (lv < 0 || !mv) {
                continue;     // an MV/MV transformer (SWER isolator, regulator) or an LV/LV one
            }
            int index = feeders.size();
            List<Integer> reached = new ArrayList<>();
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            if (owner[lv] < 0) {
                owner[lv] = index;
                queue.add(lv);
            }
            while (!queue.isEmpty()) {
                int u = queue.poll();
                reached.add(u);
                for (int v : adj.get(u)) {
                    if (owner[v] < 0) {
                        owner[v] = index;
                        queue.add(v);
                    }
                }
            }
            reached.sort(null);
            List<String> loads = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<Integer> nodes = new ArrayList<>();
            List<Integer> nodeBus = new ArrayList<>();
            for (int b : reached) {
                loads.addAll(loadsAt.getOrDefault(b, List.of()));
                int local = names.size();
                names.add(net.busName(b));
                for (int number : net.busNodes(b)) {     // the bus's node numbers (1, 2, 3, 4, ...)
                    if (number >= 1 && number <= 3) {
                        nodes.add(net.node(net.busName(b), number));
                        nodeBus.add(local);
                    }
                }
            }
            int[] all = net.nodesOf(t);
            int per = t.connection().conductors();
            List<Integer> mvSide = new ArrayList<>();
            for (int c = 0; c < per; c++) {
                if (all[c] >= 0 && phase(net, all[c])) {
                    mvSide.add(all[c]);
                }
            }
            int[] mvn = ints(mvSide);
            feeders.add(new LvFeeder(t.name(), t.winding(0).kva(), loads, names, ints(nodes), ints(nodeBus), mvn, bases(net, mvn)));
        }
        if (feeders.isEmpty()) {
            throw new PacketGridException(where, "the network has no distribution transformers (a transformer from an MV bus to an LV bus"
                    + " below 1 kV after Calcvoltagebases)");
        }
        List<Integer> mvNodes = new ArrayList<>();
        for (int node = 0; node < net.nodeCount(); node++) {
            double kv = net.busKvBase(net.nodeBus(node));
            if (kv >= LV_MAX_KV_LN && kv < 0.9 * primaryKvLn && phase(net, node)) {
                mvNodes.add(node);
            }
        }
        int[] mv = ints(mvNodes);
        return new MvLvStructure(zone.name(), zone.winding(0).kva(), feeders, mv, bases(net, mv), net.nodeCount());
    }

    private static boolean phase(Network net, int node) {
        int k = net.nodeNumber(node);
        return k >= 1 && k <= 3;
    }

    private static int[] ints(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] bases(Network net, int[] nodes) {
        double[] b = new double[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            b[i] = net.nodeVbase(nodes[i]);
        }
        return b;
    }

    private static Transformer zone(Network net, String name, String where) {
        List<String> names = new ArrayList<>();
        for (PowerDelivery d : net.deliveries()) {
            if (d instanceof Transformer t) {
                names.add(t.name().substring(t.name().indexOf('.') + 1));
                if (name != null && t.name().equalsIgnoreCase("transformer." + name)) {
                    return t;
                }
            }
        }
        if (name != null) {
            throw new PacketGridException(where, "no transformer '" + name + "' in the network (" + names.size() + " transformers"
                    + (names.isEmpty() ? "" : ", e.g. " + String.join(", ", names.subList(0, Math.min(3, names.size())))) + ")");
        }
        for (Source s : net.sources()) {
            int sb = net.bus(s.connection().buses()[0].toLowerCase(Locale.ROOT));
            for (PowerDelivery d : net.deliveries()) {
                if (d instanceof Transformer t) {
                    for (int b : busesOf(net, t)) {
                        if (b == sb) {
                            return t;
                        }
                    }
                }
            }
        }
        throw new PacketGridException(where, "no zone-substation transformer: none has a winding on a source bus (name it in mv.substation)");
    }

    private static int[] busesOf(Network net, CircuitElement e) {
        return Arrays.stream(net.nodesOf(e)).filter(n -> n >= 0).map(net::nodeBus).distinct().toArray();
    }

    /** Fails unless {@code feeder} has the node numbering this structure was read from (a parse of the same script). */
    public void checkReadFrom(Feeder feeder) {
        if (feeder.network().nodeCount() != nodeCount) {
            throw new IllegalStateException("the MV network's copy has " + feeder.network().nodeCount() + " nodes, its structure " + nodeCount);
        }
    }

    /** Number of loads in all LV feeders. */
    public int lvLoads() {
        int n = 0;
        for (LvFeeder f : feeders) {
            n += f.loads().size();
        }
        return n;
    }

    /** The zone transformer's present tap on winding 2 (pu) and its tap step, {tap, step}. */
    public double[] zoneTap(Feeder feeder) {
        Transformer t = transformer(feeder.network(), substation);
        return new double[] {t.tap(1), t.winding(1).tapIncrement()};
    }

    /**
     * How fast the MV side of LV feeder {@code f}'s transformer falls as its loads consume, pu of the
     * nodes' base per kW (negative on a radial network): the mean MV phase voltage re-solved with
     * {@code probeKw} more spread evenly over the given loads, against the present solution. A re-solve,
     * not the transfer impedance of the factorised network: there the other loads answer as their
     * linearisation admittances, which at MV level (hundreds of constant-power loads behind one MV node)
     * understates the fall by a quarter. The loads are then set back to their powers (as explicit
     * settings, {@link Feeder#setLoadPower}) and the network solved again; controls do not act on
     * either solution.
     *
     * @param loads names of loads of that LV feeder
     */
    public double mvRatePuPerKw(Feeder feeder, int f, List<String> loads, double probeKw) {
        List<List<String>> each = new ArrayList<>();
        double[] probe = new double[feeders.size()];
        for (int k = 0; k < feeders.size(); k++) {
            each.add(k == f ? loads : List.of());
        }
        probe[f] = probeKw;
        return mvRatesPuPerKw(feeder, each, probe)[f];
    }

    /**
     * {@link #mvRatePuPerKw} for every LV feeder at once: one solution per LV feeder with its probe (the
     * loads set back after each, without solving), measured against the present solution, then one
     * solution at the loads' own powers; controls act on none of them.
     *
     * @param loads   per LV feeder, names of its loads to probe (empty: rate 0)
     * @param probeKw per LV feeder, the probe's kW
     */
    public double[] mvRatesPuPerKw(Feeder feeder, List<List<String>> loads, double[] probeKw) {
        double[] rate = new double[feeders.size()];
        double[] before = new double[feeders.size()];
        for (int f = 0; f < feeders.size(); f++) {
            before[f] = feeders.get(f).mvNodes().length == 0 ? Double.NaN : meanMvPu(feeder, feeders.get(f));
        }
        // a probe is not the network's state: no control (a tap changer in time mode) may sample it
        boolean controls = feeder.simulation().controlsOn();
        feeder.simulation().setControlsOn(false);
        boolean probed = false;
        try {
            for (int f = 0; f < feeders.size(); f++) {
                List<String> mine = loads.get(f);
                if (Double.isNaN(before[f]) || mine.isEmpty() || !(probeKw[f] > 0)) {
                    continue;
                }
                double[][] was = new double[mine.size()][];
                double each = probeKw[f] / mine.size();
                for (int j = 0; j < mine.size(); j++) {
                    was[j] = feeder.loadPower(mine.get(j));
                    feeder.setLoadPower(mine.get(j), was[j][0] + each, was[j][1]);
                }
                feeder.solve();
                probed = true;
                rate[f] = (meanMvPu(feeder, feeders.get(f)) - before[f]) / probeKw[f];
                for (int j = 0; j < mine.size(); j++) {
                    feeder.setLoadPower(mine.get(j), was[j][0], was[j][1]);
                }
            }
            if (probed) {
                feeder.solve();
            }
        } finally {
            feeder.simulation().setControlsOn(controls);
        }
        return rate;
    }

    /** Mean voltage over an LV feeder's transformer's MV phase nodes, pu of their bases. */
    public static double meanMvPu(Feeder feeder, LvFeeder lv) {
        Network net = feeder.network();
        double[] v = new double[2];
        double sum = 0;
        for (int a = 0; a < lv.mvNodes().length; a++) {
            feeder.simulation().solver().voltage(lv.mvNodes()[a], v);
            sum += Math.hypot(v[0], v[1]) / lv.mvBaseV()[a];
        }
        return sum / lv.mvNodes().length;
    }

    private static Transformer transformer(Network net, String name) {
        for (PowerDelivery d : net.deliveries()) {
            if (d instanceof Transformer t && t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalStateException("no transformer " + name);
    }

    /** The LV feeders by transformer name (lower case), in order. */
    public Map<String, Integer> indexByTransformer() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int f = 0; f < feeders.size(); f++) {
            m.put(feeders.get(f).transformer().toLowerCase(Locale.ROOT), f);
        }
        return m;
    }
}
