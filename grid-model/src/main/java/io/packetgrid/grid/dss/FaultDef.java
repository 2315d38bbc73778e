package io.packetgrid.grid.dss;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.model.Connection;
import io.packetgrid.grid.model.Fault;
import java.util.List;
import java.util.Set;

/**
 * OpenDSS Fault (Fault.pas, properties and defaults re-derived): {@code bus1}, {@code bus2} (defaults to
 * {@code bus1}'s name with nodes {@code .0.0.0}, i.e. ground, until a bus2 on another bus is given),
 * {@code phases} (default 1), {@code r} (ohm per phase, default 0.0001; {@code r=0} means 0.0001),
 * {@code Gmatrix} (nodal conductance among the phases, lower triangle, siemens), {@code ONtime}
 * (seconds: a fault with a positive ON time is off in snapshot solutions, as OpenDSS leaves it in static
 * control mode). {@code temporary}/{@code MinAmps} (time-driven clearing) and the Monte Carlo
 * {@code %stddev} only act in solution modes that are not implemented; they are accepted with a warning.
 */
final class FaultDef extends ElementDef {
    static final PropertyTable TABLE = new PropertyTable("bus1", "bus2", "phases", "r", "%stddev", "Gmatrix", "ONtime",
            "temporary", "MinAmps", "normamps", "emergamps", "faultrate", "pctperm", "repair", "basefreq", "enabled", "like");
    private static final Set<String> NO_EFFECT = Set.of("%stddev", "temporary", "minamps", "normamps", "emergamps",
            "faultrate", "pctperm", "repair", "basefreq");

    String bus1 = "";
    String bus2;
    boolean bus2Defined;
    int phases = 1;
    double g = Fault.ZERO_RESISTANCE_SIEMENS;   // r = 0.0001 ohm
    double[] gmatrix;                            // lower triangle expanded, null = use g
    double onTimeS;

    FaultDef(String name, String at) {
        super("Fault", name, at);
    }

    @Override
    int terminals() {
        return 2;
    }

    @Override
    PropertyTable table() {
        return TABLE;
    }

    @Override
    Set<String> noEffect() {
        return NO_EFFECT;
    }

    @Override
    boolean set(String key, DssTokenizer.Param p, EditContext ctx) {
        switch (key) {
            case "bus1" -> {
                bus1 = p.value();
                if (!bus2Defined) {
                    bus2 = DssValues.busName(bus1) + ".0.0.0";
                }
            }
            case "bus2" -> {
                bus2 = p.value();
                bus2Defined = !DssValues.busName(bus1).equalsIgnoreCase(DssValues.busName(bus2));
            }
            case "phases" -> {
                int n = ctx.count(p, key, 1, 50);
                if (n != phases) {
                    gmatrix = null;
                }
                phases = n;
            }
            case "r" -> {
                double r = ctx.dbl(p, key);
                if (r < 0) {
                    throw ctx.error("r must be >= 0, got " + p.value());
                }
                g = Fault.conductance(r);
                gmatrix = null;
            }
            case "gmatrix" -> gmatrix = symmetric(p, key, ctx);
            case "ontime" -> onTimeS = ctx.dbl(p, key);
            default -> {
                return false;
            }
        }
        return true;
    }

    private double[] symmetric(DssTokenizer.Param p, String key, EditContext ctx) {
        List<double[]> rows = DssValues.toRows(p.value(), ctx.where(), key);
        if (rows.size() != phases) {
            throw ctx.error("Gmatrix: " + rows.size() + " rows for " + phases + " phases (set phases first)");
        }
        double[] m = new double[phases * phases];
        for (int i = 0; i < phases; i++) {
            double[] row = rows.get(i);
            if (row.length < i + 1 || row.length > phases) {
                throw ctx.error("Gmatrix: row " + (i + 1) + " needs " + (i + 1) + " values (lower triangle), got " + row.length);
            }
            for (int j = 0; j < row.length; j++) {
                m[i * phases + j] = row[j];
                m[j * phases + i] = row[j];
            }
        }
        return m;
    }

    /** The model element for the present definition. */
    Fault toElement(String full, String where) {
        if (bus1.isBlank()) {
            throw new PacketGridException(where, full + ": bus1 is not set");
        }
        String[] specs = {bus1, bus2 == null ? DssValues.busName(bus1) + ".0.0.0" : bus2};
        String[] buses = new String[2];
        int[][] nodes = new int[2][];
        for (int t = 0; t < 2; t++) {
            Object[] b = CircuitBuilder.parseBus(specs[t], where, full + " bus" + (t + 1));
            buses[t] = (String) b[0];
            nodes[t] = CircuitBuilder.nodes((int[]) b[1], phases, phases);
        }
        double[] m = gmatrix != null ? gmatrix : Fault.diagonal(phases, g);
        return new Fault(full, new Connection(buses, nodes), m, onTimeS <= 0);
    }
}
