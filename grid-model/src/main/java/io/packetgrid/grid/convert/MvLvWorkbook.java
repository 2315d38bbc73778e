package io.packetgrid.grid.convert;

import io.packetgrid.cosim.error.PacketGridException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An integrated MV–LV network as the University of Melbourne's AusNet workbooks describe it
 * (GitHub Team-Nando/MV-LV-Networks, BSD-3-Clause; one workbook per network). What each sheet
 * means, learnt from that repository's README, notebook and model builder:
 * <ul>
 * <li>{@code mv_net_txs}: the zone-substation transformer, from the 66 kV source bus to the MV node
 *     that heads the 22 kV feeder;</li>
 * <li>{@code linecodes}: conductor types by {@code <code>-<n>ph}, sequence impedances in ohm per
 *     {@code Units}, susceptances in microsiemens per unit length, two ampacities;</li>
 * <li>{@code lines}: MV conductors between numbered MV nodes (3-phase 22 kV, or 1-phase 12.7 kV SWER
 *     on node 1); rows named {@code delete} are not part of the network;</li>
 * <li>{@code mvtx}: in-line MV transformers: SWER isolating transformers (22 kV phase-to-phase to a
 *     12.7 kV single wire) and voltage regulators (equal primary and secondary kV);</li>
 * <li>{@code mvcaps}: fixed MV capacitor banks;</li>
 * <li>{@code lvtx}: distribution transformers, one per LV network; the LV network of the i-th row
 *     (0-based) is the set of buses named {@code mv_f0_lv<i>_...}, its busbar {@code mv_f0_lv<i>_busbar};
 *     {@code Conn_Type} names the MV phases (R, W, B = 1, 2, 3): three letters a 3-phase
 *     transformer, two a single-phase one across two phases, one a single-phase one to earth (SWER);</li>
 * <li>{@code lv_lines}: LV conductors between named LV buses;</li>
 * <li>{@code lv_loads}: customers: single-phase residential ones, three-phase C&amp;I ones;</li>
 * <li>{@code buscoords}: MV node coordinates.</li>
 * </ul>
 * The {@code connections} sheet repeats the MV topology for plotting and is not needed.
 */
public record MvLvWorkbook(
        String name,
        ZoneTransformer zone,
        List<LineCode> lineCodes,
        List<MvLine> mvLines,
        List<InlineTransformer> inlineTransformers,
        List<MvCapacitor> capacitors,
        List<DistributionTransformer> transformers,
        List<LvLine> lvLines,
        List<Customer> customers,
        List<NodeXy> coordinates) {

    /** The zone-substation transformer (sheet mv_net_txs). */
    public record ZoneTransformer(String id, String sourceBus, String mvNode, String connPrimary, String connSecondary,
                                  double kvPrimary, double kvSecondary, double kva, double xhlPct, double loadLossPct,
                                  double noLoadLossPct) {
    }

    /** A conductor type (sheet linecodes); impedances in ohm per unit, b in microsiemens per unit. */
    public record LineCode(String id, int phases, double r1, double x1, double b1, double r0, double x0, double b0,
                           String units, double ampacity1, double ampacity2) {
    }

    /** An MV line (sheet lines); {@code code} is the line-code id ({@code <code>-<n>ph}). */
    public record MvLine(String number, String fromNode, String toNode, int phases, String fromPhases, String toPhases,
                         double length, String units, String code) {
    }

    /** An in-line MV transformer (sheet mvtx): a SWER isolator or a regulator. */
    public record InlineTransformer(String id, String fromNode, String toNode, double kvPrimary, double kvSecondary,
                                    double kva, double xhlPct, double loadLossPct, double noLoadLossPct, int numTaps,
                                    String connType) {
        /** Equal primary and secondary voltage: a voltage regulator, not a transformer between levels. */
        public boolean isRegulator() {
            return kvPrimary == kvSecondary;
        }
    }

    /** A fixed MV capacitor bank (sheet mvcaps). */
    public record MvCapacitor(String id, String node, int phases, double kv, double kvar) {
    }

    /** A distribution transformer (sheet lvtx); {@code index} is its 0-based row, which names its LV network. */
    public record DistributionTransformer(int index, String id, String mvNode, String connPrimary, String connSecondary,
                                          double kvPrimary, double kvSecondary, double kva, double xhlPct,
                                          double loadLossPct, double noLoadLossPct, double tap, String connType,
                                          String type, int customers) {
        /** The LV busbar the workbook's LV lines start from. */
        public String lvBusbar() {
            return "mv_f0_lv" + index + "_busbar";
        }

        /** MV phases (1, 2, 3) in {@code Conn_Type} order. */
        public int[] mvPhases() {
            return phases(connType);
        }
    }

    /** An LV line (sheet lv_lines); buses are full names. */
    public record LvLine(String name, String bus1, String bus2, int phases, double length, String units, String code) {
    }

    /** A customer (sheet lv_loads): {@code bus} with its node suffix, {@code txKva} the rating of its transformer. */
    public record Customer(String name, int phases, String bus, double pf, double kv, double txKva) {
        /** The bus name without node suffix. */
        public String busName() {
            int dot = bus.indexOf('.');
            return dot < 0 ? bus : bus.substring(0, dot);
        }
    }

    /** An MV node's coordinates (sheet buscoords). */
    public record NodeXy(String node, double x, double y) {
    }

    public MvLvWorkbook {
        lineCodes = List.copyOf(lineCodes);
        mvLines = List.copyOf(mvLines);
        inlineTransformers = List.copyOf(inlineTransformers);
        capacitors = List.copyOf(capacitors);
        transformers = List.copyOf(transformers);
        lvLines = List.copyOf(lvLines);
        customers = List.copyOf(customers);
        coordinates = List.copyOf(coordinates);
    }

    /** Phases R, W, B as OpenDSS nodes 1, 2, 3. */
    static int[] phases(String connType) {
        int[] p = new int[connType.length()];
        for (int i = 0; i < p.length; i++) {
            p[i] = switch (Character.toUpperCase(connType.charAt(i))) {
                case 'R' -> 1;
                case 'W' -> 2;
                case 'B' -> 3;
                default -> -1;
            };
        }
        return p;
    }

    static final List<String> REQUIRED = List.of("mv_net_txs", "linecodes", "lines", "lvtx", "lv_lines", "lv_loads");

    /** Reads the sheets of one workbook into the network, checking every reference. */
    public static MvLvWorkbook of(String name, Map<String, Sheet> sheets) {
        String file = sheets.isEmpty() ? name : sheets.values().iterator().next().file();
        for (String s : REQUIRED) {
            if (!sheets.containsKey(s)) {
                throw new PacketGridException(file, "missing sheet '" + s + "' (an AusNet MV-LV workbook has " + String.join(", ", REQUIRED)
                        + " and optionally mvtx, mvcaps, buscoords)");
            }
        }
        ZoneTransformer zone = zone(sheets.get("mv_net_txs"));
        List<LineCode> codes = lineCodes(sheets.get("linecodes"));
        Set<String> codeIds = new HashSet<>();
        for (LineCode c : codes) {
            codeIds.add(c.id().toLowerCase(Locale.ROOT));
        }
        List<MvLine> mv = mvLines(sheets.get("lines"), codeIds);
        List<InlineTransformer> inline = sheets.containsKey("mvtx") ? inline(sheets.get("mvtx")) : List.of();
        List<MvCapacitor> caps = sheets.containsKey("mvcaps") ? capacitors(sheets.get("mvcaps")) : List.of();
        List<DistributionTransformer> tx = transformers(sheets.get("lvtx"));
        List<LvLine> lv = lvLines(sheets.get("lv_lines"));
        List<Customer> cust = customers(sheets.get("lv_loads"));
        List<NodeXy> xy = sheets.containsKey("buscoords") ? coordinates(sheets.get("buscoords")) : List.of();
        MvLvWorkbook wb = new MvLvWorkbook(name, zone, codes, mv, inline, caps, tx, lv, cust, xy);
        wb.checkReferences(file, sheets);
        return wb;
    }

    private static ZoneTransformer zone(Sheet s) {
        if (s.rows().size() != 1) {
            throw new PacketGridException(s.file() + " sheet " + s.name(), "expected one zone-substation transformer, found " + s.rows().size());
        }
        Sheet.Row r = s.rows().get(0);
        return new ZoneTransformer(s.text(r, "Substation_ID"), s.text(r, "Bus1"), s.text(r, "Bus2"), conn(s, r, "Connection_Primary"),
                conn(s, r, "Connection_Secondary"), positive(s, r, "kvs_primary"), positive(s, r, "kvs_secondary"),
                positive(s, r, "kvas_primary"), nonNegative(s, r, "xhl"), nonNegative(s, r, "loadloss"), nonNegative(s, r, "noloadloss"));
    }

    private static List<LineCode> lineCodes(Sheet s) {
        List<LineCode> out = new ArrayList<>();
        for (Sheet.Row r : s.rows()) {
            int ph = s.integer(r, "Phases");
            if (ph != 1 && ph != 3) {
                throw new PacketGridException(s.at(r, "Phases"), "line codes have 1 or 3 phases, got " + ph);
            }
            out.add(new LineCode(s.text(r, "Linecode_ID"), ph, nonNegative(s, r, "r1"), s.number(r, "x1"), nonNegative(s, r, "b1"),
                    nonNegative(s, r, "r0"), s.number(r, "x0"), nonNegative(s, r, "b0"), units(s, r, "Units"),
                    nonNegative(s, r, "Ampacity1"), nonNegative(s, r, "Ampacity2")));
        }
        return out;
    }

    private static List<MvLine> mvLines(Sheet s, Set<String> codes) {
        List<MvLine> out = new ArrayList<>();
        for (Sheet.Row r : s.rows()) {
            if (s.textOr(r, "Element_Name", "").equalsIgnoreCase("delete")) {
                continue;
            }
            int ph = s.integer(r, "Phases");
            if (ph != 1 && ph != 3) {
                throw new PacketGridException(s.at(r, "Phases"), "MV lines have 1 or 3 phases, got " + ph);
            }
            String code = s.text(r, "Linecode") + "-" + ph + "ph";
            if (!codes.contains(code.toLowerCase(Locale.ROOT))) {
                throw new PacketGridException(s.at(r, "Linecode"), "no line code " + code + " in sheet linecodes");
            }
            String fromPh = s.text(r, "Start_Node_Phase");
            String toPh = s.text(r, "End_Node_Phase");
            checkNodes(s, r, "Start_Node_Phase", fromPh, ph);
            checkNodes(s, r, "End_Node_Phase", toPh, ph);
            out.add(new MvLine(s.text(r, "Line_Number"), s.text(r, "Start_Node"), s.text(r, "End_Node"), ph, fromPh, toPh,
                    positive(s, r, "Length"), units(s, r, "Units"), code));
        }
        return out;
    }

    private static void checkNodes(Sheet s, Sheet.Row r, String col, String nodes, int phases) {
        String[] parts = nodes.split("\\.");
        if (parts.length != phases) {
            throw new PacketGridException(s.at(r, col), "'" + nodes + "' names " + parts.length + " nodes for a " + phases + "-phase line");
        }
        for (String p : parts) {
            if (!p.matches("[1-3]")) {
                throw new PacketGridException(s.at(r, col), "'" + nodes + "': nodes are 1, 2 or 3 separated by dots");
            }
        }
    }

    private static List<InlineTransformer> inline(Sheet s) {
        List<InlineTransformer> out = new ArrayList<>();
        for (Sheet.Row r : s.rows()) {
            String ct = connType(s, r);
            out.add(new InlineTransformer(s.text(r, "Substation_ID"), s.text(r, "Bus1"), s.text(r, "Bus2"), positive(s, r, "kvs_primary"),
                    positive(s, r, "kvs_secondary"), positive(s, r, "kvas_primary"), nonNegative(s, r, "xhl"),
                    nonNegative(s, r, "loadloss"), nonNegative(s, r, "noloadloss"), s.integer(r, "wdg1_numtaps"), ct));
        }
        return out;
    }

    private static List<MvCapacitor> capacitors(Sheet s) {
        List<MvCapacitor> out = new ArrayList<>();
        for (Sheet.Row r : s.rows()) {
            int ph = s.integer(r, "phases");
            if (ph != 3) {
                throw new PacketGridException(s.at(r, "phases"), "MV capacitor banks are 3-phase, got " + ph);
            }
            out.add(new MvCapacitor(s.textOr(r, "Name", s.text(r, "Element_ID")), s.text(r, "Bus1"), ph, positive(s, r, "kvs"),
                    positive(s, r, "kvar")));
        }
        return out;
    }

    private static List<DistributionTransformer> transformers(Sheet s) {
        List<DistributionTransformer> out = new ArrayList<>();
        for (Sheet.Row r : s.rows()) {
            String ct = connType(s, r);
            String type = s.text(r, "Type").toUpperCase(Locale.ROOT);
            if (!type.equals("RES") && !type.equals("COM")) {
                throw new PacketGridException(s.at(r, "Type"), "expected RES or COM, got '" + type + "'");
            }
            out.add(new DistributionTransformer(out.size(), s.text(r, "Substation_ID"), s.text(r, "Bus1"), conn(s, r, "Connection_Primary"),
                    conn(s, r, "Connection_Secondary"), positive(s, r, "kvs_primary"), positive(s, r, "kvs_secondary"),
                    positive(s, r, "kvas_primary"), nonNegative(s, r, "xhl"), nonNegative(s, r, "loadloss"),
                    nonNegative(s, r, "noloadloss"), positive(s, r, "wdg1_tap"), ct, type, s.integer(r, "Customers")));
        }
        return out;
    }

    private static List<LvLine> lvLines(Sheet s) {
        List<LvLine> out = new ArrayList<>();
        for (Sheet.Row r : s.rows()) {
            int ph = s.integer(r, "phases");
            if (ph != 1 && ph != 3) {
                throw new PacketGridException(s.at(r, "phases"), "LV lines have 1 or 3 phases, got " + ph);
            }
            out.add(new LvLine(name(s, r, "line_name"), name(s, r, "bus1"), name(s, r, "bus2"), ph, positive(s, r, "length"),
                    units(s, r, "units"), s.text(r, "linecode")));
        }
        return out;
    }

    private static List<Customer> customers(Sheet s) {
        List<Customer> out = new ArrayList<>();
        for (Sheet.Row r : s.rows()) {
            int ph = s.integer(r, "phases");
            if (ph != 1 && ph != 3) {
                throw new PacketGridException(s.at(r, "phases"), "customers have 1 or 3 phases, got " + ph);
            }
            String bus = s.text(r, "bus1");
            if (ph == 1 && !bus.matches("[^.\\s]+\\.[1-3]")) {
                throw new PacketGridException(s.at(r, "bus1"), "a single-phase customer is connected as bus.phase (1, 2 or 3), got '" + bus + "'");
            }
            double pf = s.number(r, "pf");
            if (!(pf > 0 && pf <= 1)) {
                throw new PacketGridException(s.at(r, "pf"), "power factor must be in (0, 1], got " + pf);
            }
            out.add(new Customer(name(s, r, "load_name"), ph, bus, pf, positive(s, r, "kv"), positive(s, r, "tx_cap")));
        }
        return out;
    }

    private static List<NodeXy> coordinates(Sheet s) {
        List<NodeXy> out = new ArrayList<>();
        for (Sheet.Row r : s.rows()) {
            out.add(new NodeXy(s.text(r, "Node_ID"), s.number(r, "NodeStartX"), s.number(r, "NodeStartY")));
        }
        return out;
    }

    // ------------------------------------------------------------------ cell rules

    private static String connType(Sheet s, Sheet.Row r) {
        String ct = s.text(r, "Conn_Type").toUpperCase(Locale.ROOT);
        int[] p = phases(ct);
        Set<Integer> seen = new HashSet<>();
        for (int x : p) {
            if (x < 0 || !seen.add(x)) {
                throw new PacketGridException(s.at(r, "Conn_Type"), "expected one to three distinct phase letters of R, W, B, got '" + ct + "'");
            }
        }
        if (p.length == 0 || p.length > 3) {
            throw new PacketGridException(s.at(r, "Conn_Type"), "expected one to three phase letters of R, W, B, got '" + ct + "'");
        }
        return ct;
    }

    private static String conn(Sheet s, Sheet.Row r, String col) {
        String c = s.text(r, col).toLowerCase(Locale.ROOT);
        if (!c.equals("delta") && !c.equals("wye")) {
            throw new PacketGridException(s.at(r, col), "expected delta or wye, got '" + c + "'");
        }
        return c;
    }

    private static String units(Sheet s, Sheet.Row r, String col) {
        String u = s.text(r, col).toLowerCase(Locale.ROOT);
        if (!Set.of("km", "m", "ft", "mi", "kft", "cm", "in").contains(u)) {
            throw new PacketGridException(s.at(r, col), "unknown length unit '" + u + "'");
        }
        return u;
    }

    /** A name usable in OpenDSS: no blanks, dots, brackets, quotes or equals signs. */
    private static String name(Sheet s, Sheet.Row r, String col) {
        String n = s.text(r, col);
        if (!n.matches("[A-Za-z0-9_\\-]+")) {
            throw new PacketGridException(s.at(r, col), "'" + n + "' is not usable as an OpenDSS name (letters, digits, _ and - only)");
        }
        return n;
    }

    private static double positive(Sheet s, Sheet.Row r, String col) {
        double d = s.number(r, col);
        if (!(d > 0)) {
            throw new PacketGridException(s.at(r, col), "must be > 0, got " + Sheet.formatNumber(d));
        }
        return d;
    }

    private static double nonNegative(Sheet s, Sheet.Row r, String col) {
        double d = s.number(r, col);
        if (d < 0) {
            throw new PacketGridException(s.at(r, col), "must be >= 0, got " + Sheet.formatNumber(d));
        }
        return d;
    }

    // ------------------------------------------------------------------ cross-sheet checks

    private void checkReferences(String file, Map<String, Sheet> sheets) {
        Set<String> mvNodes = new HashSet<>();
        for (MvLine l : mvLines) {
            mvNodes.add(l.fromNode());
            mvNodes.add(l.toNode());
        }
        for (InlineTransformer t : inlineTransformers) {
            mvNodes.add(t.fromNode());
            mvNodes.add(t.toNode());
        }
        mvNodes.add(zone.mvNode());
        for (DistributionTransformer t : transformers) {
            if (!mvNodes.contains(t.mvNode())) {
                throw new PacketGridException(file + " lvtx!" + (t.index() + 2) + " Bus1", "MV node " + t.mvNode() + " is on no MV line");
            }
        }
        for (MvCapacitor c : capacitors) {
            if (!mvNodes.contains(c.node())) {
                throw new PacketGridException(file + " mvcaps " + c.id(), "MV node " + c.node() + " is on no MV line");
            }
        }
        Set<String> lvBuses = new HashSet<>();
        Map<String, String> lineNames = new HashMap<>();
        Sheet lvSheet = sheets.get("lv_lines");
        for (int i = 0; i < lvLines.size(); i++) {
            LvLine l = lvLines.get(i);
            lvBuses.add(l.bus1().toLowerCase(Locale.ROOT));
            lvBuses.add(l.bus2().toLowerCase(Locale.ROOT));
            String prev = lineNames.put(l.name().toLowerCase(Locale.ROOT), l.name());
            if (prev != null) {
                throw new PacketGridException(lvSheet.at(lvSheet.rows().get(i), "line_name"), "duplicate LV line name " + l.name());
            }
        }
        Set<String> codes = new HashSet<>();
        for (LineCode c : lineCodes) {
            codes.add(("lc_" + c.id()).toLowerCase(Locale.ROOT));
        }
        for (int i = 0; i < lvLines.size(); i++) {
            LvLine l = lvLines.get(i);
            if (!codes.contains(l.code().toLowerCase(Locale.ROOT))) {
                throw new PacketGridException(lvSheet.at(lvSheet.rows().get(i), "linecode"), "no line code " + l.code()
                        + " (LV lines name codes as lc_<Linecode_ID>)");
            }
        }
        Sheet loadSheet = sheets.get("lv_loads");
        Set<String> loadNames = new HashSet<>();
        for (int i = 0; i < customers.size(); i++) {
            Customer c = customers.get(i);
            if (!lvBuses.contains(c.busName().toLowerCase(Locale.ROOT))) {
                throw new PacketGridException(loadSheet.at(loadSheet.rows().get(i), "bus1"), "bus " + c.busName() + " is on no LV line");
            }
            if (!loadNames.add(c.name().toLowerCase(Locale.ROOT))) {
                throw new PacketGridException(loadSheet.at(loadSheet.rows().get(i), "load_name"), "duplicate customer name " + c.name());
            }
        }
    }
}
