package io.packetgrid.grid.convert;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.convert.MvLvWorkbook.Customer;
import io.packetgrid.grid.convert.MvLvWorkbook.DistributionTransformer;
import io.packetgrid.grid.convert.MvLvWorkbook.InlineTransformer;
import io.packetgrid.grid.convert.MvLvWorkbook.LineCode;
import io.packetgrid.grid.convert.MvLvWorkbook.LvLine;
import io.packetgrid.grid.convert.MvLvWorkbook.MvCapacitor;
import io.packetgrid.grid.convert.MvLvWorkbook.MvLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes an {@link MvLvWorkbook} as OpenDSS scripts: {@code Master.dss} (circuit, voltage bases,
 * a snapshot solve at base load) redirecting to {@code LineCodes.dss}, {@code MV.dss} (zone
 * substation, MV lines, in-line transformers, regulators, capacitors), {@code LV.dss}
 * (distribution transformers and LV lines), {@code LoadShapes.dss}, {@code Loads.dss}, and
 * {@code BusCoords.csv} (MV nodes). How each sheet becomes elements is written out in
 * docs/grid-model.md ("AusNet MV-LV networks"); the choices that are ours, not the workbook's:
 * <ul>
 * <li>66 kV source impedance R1 0.52824, X1 2.113, R0 0.59157, X0 1.7747 ohm: the values the
 *     publishers' own model builder gives the source (Team-Nando/MV-LV-Networks, backend.py);</li>
 * <li>3-phase distribution transformers connect MV phases 1.2.3 whatever the phase letters say
 *     (as the publishers' model does); single-phase ones connect the lettered phases; winding kV
 *     of a single-phase transformer is the voltage across it: the workbook's 22 kV and 0.433 kV
 *     are line-to-line values, so a phase-to-earth 22 kV winding is rated 22/sqrt(3) kV and a
 *     single-phase 0.433 kV secondary 0.433/sqrt(3) kV; SWER values (12.7 kV, 0.24 kV) are
 *     already phase-to-earth;</li>
 * <li>LV lines below a single-phase transformer carry one conductor (node 1, where all its
 *     customers are) with a one-phase copy of the workbook's line code;</li>
 * <li>regulators are three single-phase wye regulators with OpenDSS's default tap range
 *     (&plusmn;10 %, 32 steps) and the publishers' settings (1.0 pu of 12.7 kV, band 3 V on
 *     a 100 V base);</li>
 * <li>line ratings: normamps = Ampacity1 (what the publishers divide by for utilisation),
 *     emergamps = the larger of the two ampacities;</li>
 * <li>load shapes (the publishers' demand archive is not public): see {@link LoadProfiles}.</li>
 * </ul>
 */
public final class MvLvScriptWriter {
    /** Source impedance at 66 kV, ohm (publishers' model builder). */
    static final double R1 = 0.52824;
    static final double X1 = 2.113;
    static final double R0 = 0.59157;
    static final double X0 = 1.7747;
    private static final double SQRT3 = Math.sqrt(3.0);

    /**
     * @param circuitName the OpenDSS circuit name
     * @param profiles    how customers get load shapes
     */
    public record Options(String circuitName, LoadProfiles profiles) {
        public Options {
            if (circuitName == null || !circuitName.matches("[A-Za-z0-9_\\-]+")) {
                throw new PacketGridException("--name", "a circuit name has letters, digits, _ and - only, got '" + circuitName + "'");
            }
        }
    }

    private final MvLvWorkbook wb;
    private final Options options;
    private final Map<Integer, String> txNames = new HashMap<>();
    private final Set<String> usedTxNames = new HashSet<>();
    private final Map<String, Integer> lvBusOwner = new HashMap<>();   // lower-case LV bus -> transformer index
    private final Set<String> swerNodes = new HashSet<>();

    private MvLvScriptWriter(MvLvWorkbook wb, Options options) {
        this.wb = wb;
        this.options = options;
    }

    /** Writes the scripts into {@code dir} (created if needed) and reports what they hold. */
    public static ConversionReport write(MvLvWorkbook wb, Options options, Path dir) {
        return new MvLvScriptWriter(wb, options).write(dir);
    }

    private ConversionReport write(Path dir) {
        assignLvNetworks();
        for (MvLine l : wb.mvLines()) {
            if (l.phases() == 1) {
                swerNodes.add(l.fromNode());
                swerNodes.add(l.toNode());
            }
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("LineCodes.dss", lineCodes());
        files.put("MV.dss", mv());
        files.put("LV.dss", lv());
        files.put("LoadShapes.dss", options.profiles().shapes(wb.customers()));
        files.put("Loads.dss", loads());
        if (!wb.coordinates().isEmpty()) {
            files.put("BusCoords.csv", coordinates());
        }
        files.put("Master.dss", master(files.containsKey("BusCoords.csv")));
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new PacketGridException(dir.toString(), "cannot write the converted network: " + e.getMessage());
        }
        return report(new ArrayList<>(files.keySet()));
    }

    // ------------------------------------------------------------------ topology

    /** Which distribution transformer feeds each LV bus: a walk over LV lines from each busbar. */
    private void assignLvNetworks() {
        Map<String, List<String>> adj = new HashMap<>();
        for (LvLine l : wb.lvLines()) {
            String a = l.bus1().toLowerCase(Locale.ROOT);
            String b = l.bus2().toLowerCase(Locale.ROOT);
            adj.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
            adj.computeIfAbsent(b, k -> new ArrayList<>()).add(a);
        }
        for (DistributionTransformer t : wb.transformers()) {
            String start = t.lvBusbar().toLowerCase(Locale.ROOT);
            ArrayDeque<String> queue = new ArrayDeque<>();
            queue.add(start);
            lvBusOwner.put(start, t.index());
            while (!queue.isEmpty()) {
                String u = queue.poll();
                for (String v : adj.getOrDefault(u, List.of())) {
                    Integer owner = lvBusOwner.get(v);
                    if (owner == null) {
                        lvBusOwner.put(v, t.index());
                        queue.add(v);
                    } else if (owner != t.index()) {
                        throw new PacketGridException(wb.name() + " lv_lines", "LV bus " + v + " is reached from two distribution transformers ("
                                + txName(wb.transformers().get(owner)) + " and " + txName(t) + ")");
                    }
                }
            }
        }
        for (LvLine l : wb.lvLines()) {
            if (!lvBusOwner.containsKey(l.bus1().toLowerCase(Locale.ROOT))) {
                throw new PacketGridException(wb.name() + " lv_lines " + l.name(), "bus " + l.bus1()
                        + " is not reached from any distribution transformer's busbar (mv_f0_lv<row>_busbar)");
            }
        }
    }

    private boolean singlePhase(DistributionTransformer t) {
        return t.connType().length() < 3;
    }

    private DistributionTransformer ownerOf(String bus) {
        return wb.transformers().get(lvBusOwner.get(bus.toLowerCase(Locale.ROOT)));
    }

    // ------------------------------------------------------------------ files

    private String master(boolean coords) {
        StringBuilder b = new StringBuilder();
        b.append("! ").append(options.circuitName()).append(": an AusNet MV-LV network (University of Melbourne, Team-Nando/MV-LV-Networks,\n")
                .append("! BSD-3-Clause), converted from ").append(wb.name()).append(" by PacketGrid's grid convert; see SOURCES.md.\n")
                .append("Clear\nSet DefaultBaseFrequency=50\n")
                .append("New Circuit.").append(options.circuitName()).append(" bus1=").append(wb.zone().sourceBus())
                .append(" basekv=").append(num(wb.zone().kvPrimary())).append(" pu=1 phases=3")
                .append(" R1=").append(num(R1)).append(" X1=").append(num(X1)).append(" R0=").append(num(R0)).append(" X0=").append(num(X0)).append('\n')
                .append("Redirect LineCodes.dss\nRedirect MV.dss\nRedirect LV.dss\nRedirect LoadShapes.dss\nRedirect Loads.dss\n")
                .append("Set voltagebases=[").append(num(wb.zone().kvPrimary())).append(' ').append(num(mvBaseKv())).append(" 0.4]\n")
                .append("Calcvoltagebases\n");
        if (coords) {
            b.append("BusCoords BusCoords.csv\n");
        }
        b.append("! one snapshot at the loads' base power (1 kW per household); time series follow the daily shapes\n");
        b.append("Solve\n");
        return b.toString();
    }

    /** The MV voltage base: the zone transformer's nominal secondary, rounded to the 22 kV class the workbooks use. */
    private double mvBaseKv() {
        return 22.0;
    }

    /** The line codes the lines use (the workbooks carry the whole AusNet conductor library). */
    private String lineCodes() {
        StringBuilder b = new StringBuilder("! conductor types used (sheet linecodes): sequence impedances, b in microsiemens per unit length\n");
        Set<String> used = new HashSet<>();
        Set<String> oneWire = new HashSet<>();
        for (MvLine l : wb.mvLines()) {
            used.add(("lc_" + l.code()).toLowerCase(Locale.ROOT));
        }
        for (LvLine l : wb.lvLines()) {
            String code = l.code().toLowerCase(Locale.ROOT);
            if (singlePhase(ownerOf(l.bus1())) && l.phases() == 3) {
                oneWire.add(code);
            } else {
                used.add(code);
            }
        }
        for (LineCode c : wb.lineCodes()) {
            String name = "lc_" + c.id();
            if (used.contains(name.toLowerCase(Locale.ROOT))) {
                lineCode(b, name, c.phases(), c);
            }
            if (oneWire.contains(name.toLowerCase(Locale.ROOT))) {
                lineCode(b, name + "_1w", 1, c);
            }
        }
        return b.toString();
    }

    private static void lineCode(StringBuilder b, String name, int phases, LineCode c) {
        b.append("New LineCode.").append(name).append(" nphases=").append(phases)
                .append(" r1=").append(num(c.r1())).append(" x1=").append(num(c.x1())).append(" b1=").append(num(c.b1()))
                .append(" r0=").append(num(c.r0())).append(" x0=").append(num(c.x0())).append(" b0=").append(num(c.b0()))
                .append(" units=").append(c.units())
                .append(" normamps=").append(num(c.ampacity1())).append(" emergamps=").append(num(Math.max(c.ampacity1(), c.ampacity2())))
                .append('\n');
    }

    private static String mvBus(String node) {
        return "mv_f0_n" + node;
    }

    private String mv() {
        StringBuilder b = new StringBuilder();
        MvLvWorkbook.ZoneTransformer z = wb.zone();
        b.append("! zone substation (sheet mv_net_txs)\n")
                .append("New Transformer.").append(safe(z.id())).append(" phases=3 windings=2 buses=[").append(z.sourceBus()).append(' ')
                .append(mvBus(z.mvNode())).append("] conns=[").append(z.connPrimary()).append(' ').append(z.connSecondary())
                .append("] kVs=[").append(num(z.kvPrimary())).append(' ').append(num(z.kvSecondary())).append("] kVAs=[")
                .append(num(z.kva())).append(' ').append(num(z.kva())).append("] xhl=").append(num(z.xhlPct()))
                .append(" %loadloss=").append(num(z.loadLossPct())).append(" %noloadloss=").append(num(z.noLoadLossPct())).append('\n');
        b.append("! MV lines (sheet lines)\n");
        for (MvLine l : wb.mvLines()) {
            b.append("New Line.mv_f0_l").append(l.number()).append(" bus1=").append(mvBus(l.fromNode())).append('.').append(l.fromPhases())
                    .append(" bus2=").append(mvBus(l.toNode())).append('.').append(l.toPhases()).append(" phases=").append(l.phases())
                    .append(" length=").append(num(l.length())).append(" units=").append(l.units()).append(" linecode=lc_").append(l.code())
                    .append('\n');
        }
        if (!wb.inlineTransformers().isEmpty()) {
            b.append("! in-line MV transformers (sheet mvtx): SWER isolators and voltage regulators\n");
        }
        for (InlineTransformer t : wb.inlineTransformers()) {
            if (t.isRegulator()) {
                regulator(b, t);
            } else {
                isolator(b, t);
            }
        }
        if (!wb.capacitors().isEmpty()) {
            b.append("! fixed MV capacitor banks (sheet mvcaps)\n");
        }
        for (MvCapacitor c : wb.capacitors()) {
            b.append("New Capacitor.").append(safe(c.id())).append(" bus1=").append(mvBus(c.node())).append(" phases=").append(c.phases())
                    .append(" kvar=").append(num(c.kvar())).append(" kv=").append(num(c.kv())).append('\n');
        }
        return b.toString();
    }

    /** A SWER isolating transformer: a single-phase winding across two MV phases, a 12.7 kV winding to earth. */
    private void isolator(StringBuilder b, InlineTransformer t) {
        int[] p = MvLvWorkbook.phases(t.connType());
        if (p.length != 2) {
            throw new PacketGridException(wb.name() + " mvtx " + t.id(), "a SWER isolator connects two MV phases, Conn_Type is '" + t.connType() + "'");
        }
        b.append("New Transformer.").append(safe(t.id())).append(" phases=1 windings=2 buses=[").append(mvBus(t.fromNode())).append('.')
                .append(p[0]).append('.').append(p[1]).append(' ').append(mvBus(t.toNode())).append(".1] kVs=[").append(num(t.kvPrimary()))
                .append(' ').append(num(t.kvSecondary())).append("] kVAs=[").append(num(t.kva())).append(' ').append(num(t.kva()))
                .append("] xhl=").append(num(t.xhlPct())).append(" %loadloss=").append(num(t.loadLossPct())).append(" %noloadloss=")
                .append(num(t.noLoadLossPct())).append('\n');
    }

    /** A voltage regulator bank: one single-phase wye regulator per lettered phase, each with its RegControl. */
    private void regulator(StringBuilder b, InlineTransformer t) {
        double kvLn = t.kvPrimary() / SQRT3;
        double ptRatio = kvLn * 1000.0 / 100.0;
        for (int ph : MvLvWorkbook.phases(t.connType())) {
            String name = safe(t.id()) + "_" + ph;
            b.append("New Transformer.").append(name).append(" phases=1 windings=2 buses=[").append(mvBus(t.fromNode())).append('.').append(ph)
                    .append(' ').append(mvBus(t.toNode())).append('.').append(ph).append("] kVs=[").append(num(kvLn)).append(' ').append(num(kvLn))
                    .append("] kVAs=[").append(num(t.kva() / 3)).append(' ').append(num(t.kva() / 3)).append("] xhl=").append(num(t.xhlPct()))
                    .append(" %loadloss=").append(num(t.loadLossPct())).append(" %noloadloss=").append(num(t.noLoadLossPct())).append('\n');
            b.append("New RegControl.").append(name).append(" transformer=").append(name).append(" winding=2 vreg=100 band=3 ptratio=")
                    .append(num(ptRatio)).append('\n');
        }
    }

    private String lv() {
        StringBuilder b = new StringBuilder("! distribution transformers (sheet lvtx)\n");
        for (DistributionTransformer t : wb.transformers()) {
            int[] p = t.mvPhases();
            b.append("New Transformer.").append(txName(t));
            if (p.length == 3) {
                b.append(" phases=3 windings=2 buses=[").append(mvBus(t.mvNode())).append(".1.2.3 ").append(t.lvBusbar())
                        .append(".1.2.3] conns=[").append(t.connPrimary()).append(' ').append(t.connSecondary()).append("] kVs=[")
                        .append(num(t.kvPrimary())).append(' ').append(num(t.kvSecondary())).append(']');
            } else {
                boolean swer = swerNodes.contains(t.mvNode());
                double kvHigh = p.length == 2 || swer ? t.kvPrimary() : t.kvPrimary() / SQRT3;
                double kvLow = swer ? t.kvSecondary() : t.kvSecondary() / SQRT3;
                b.append(" phases=1 windings=2 buses=[").append(mvBus(t.mvNode()));
                for (int x : p) {
                    b.append('.').append(x);
                }
                b.append(' ').append(t.lvBusbar()).append(".1] kVs=[").append(num(kvHigh)).append(' ').append(num(kvLow)).append(']');
            }
            b.append(" kVAs=[").append(num(t.kva())).append(' ').append(num(t.kva())).append("] xhl=").append(num(t.xhlPct()))
                    .append(" %loadloss=").append(num(t.loadLossPct())).append(" %noloadloss=").append(num(t.noLoadLossPct()));
            if (t.tap() != 1.0) {
                b.append(" taps=[").append(num(t.tap())).append(" 1]");
            }
            b.append('\n');
        }
        b.append("! LV lines (sheet lv_lines)\n");
        for (LvLine l : wb.lvLines()) {
            boolean one = singlePhase(ownerOf(l.bus1())) || l.phases() == 1;
            String nodes = one ? ".1" : ".1.2.3";
            String code = l.code() + (one && l.phases() == 3 ? "_1w" : "");
            b.append("New Line.").append(l.name()).append(" bus1=").append(l.bus1()).append(nodes).append(" bus2=").append(l.bus2())
                    .append(nodes).append(" phases=").append(one ? 1 : 3).append(" length=").append(num(l.length())).append(" units=")
                    .append(l.units()).append(" linecode=").append(code).append('\n');
        }
        return b.toString();
    }

    private String loads() {
        StringBuilder b = new StringBuilder("! customers (sheet lv_loads): constant power over the whole voltage range, as the publishers model them\n");
        List<LoadProfiles.Assignment> shapes = options.profiles().assignments(wb.customers());
        for (int i = 0; i < wb.customers().size(); i++) {
            Customer c = wb.customers().get(i);
            DistributionTransformer t = ownerOf(c.busName());
            if (c.phases() == 3 && singlePhase(t)) {
                throw new PacketGridException(wb.name() + " lv_loads " + c.name(), "a three-phase customer below the single-phase transformer " + txName(t));
            }
            if (c.phases() == 1 && singlePhase(t) && !c.bus().endsWith(".1")) {
                throw new PacketGridException(wb.name() + " lv_loads " + c.name(), "below the single-phase transformer " + txName(t)
                        + " only phase 1 exists, the customer is on " + c.bus());
            }
            String bus = c.phases() == 3 && !c.bus().contains(".") ? c.bus() + ".1.2.3" : c.bus();
            LoadProfiles.Assignment a = shapes.get(i);
            b.append("New Load.").append(c.name()).append(" phases=").append(c.phases()).append(" bus1=").append(bus).append(" kV=")
                    .append(num(c.kv())).append(" kW=").append(num(a.kw())).append(" pf=").append(num(c.pf()))
                    .append(" model=1 vminpu=0 vmaxpu=2 daily=").append(a.shape()).append('\n');
        }
        return b.toString();
    }

    private String coordinates() {
        StringBuilder b = new StringBuilder();
        Set<String> nodes = new LinkedHashSet<>();
        for (MvLine l : wb.mvLines()) {
            nodes.add(l.fromNode());
            nodes.add(l.toNode());
        }
        for (MvLvWorkbook.NodeXy xy : wb.coordinates()) {
            if (nodes.contains(xy.node())) {
                b.append(mvBus(xy.node())).append(',').append(num(xy.x())).append(',').append(num(xy.y())).append('\n');
            }
        }
        return b.toString();
    }

    private ConversionReport report(List<String> files) {
        int res = 0;
        int com = 0;
        for (Customer c : wb.customers()) {
            if (c.phases() == 1) {
                res++;
            } else {
                com++;
            }
        }
        int swerTx = 0;
        double kva = 0;
        for (DistributionTransformer t : wb.transformers()) {
            kva += t.kva();
            if (swerNodes.contains(t.mvNode())) {
                swerTx++;
            }
        }
        double mvKm = 0;
        double swerKm = 0;
        for (MvLine l : wb.mvLines()) {
            double km = Units.toKm(l.length(), l.units());
            if (l.phases() == 1) {
                swerKm += km;
            } else {
                mvKm += km;
            }
        }
        double lvKm = 0;
        for (LvLine l : wb.lvLines()) {
            lvKm += Units.toKm(l.length(), l.units());
        }
        int regs = 0;
        int isos = 0;
        for (InlineTransformer t : wb.inlineTransformers()) {
            if (t.isRegulator()) {
                regs++;
            } else {
                isos++;
            }
        }
        return new ConversionReport(res, com, wb.transformers().size(), swerTx, kva, mvKm, swerKm, lvKm, regs, isos,
                wb.capacitors().size(), files);
    }

    // ------------------------------------------------------------------ names and numbers

    /** {@code mv_f0_lv_<Substation_ID>} (the publishers' naming), made unique if two ids differ only in unsafe characters. */
    private String txName(DistributionTransformer t) {
        return txNames.computeIfAbsent(t.index(), k -> {
            String base = "mv_f0_lv_" + safe(t.id());
            String name = base;
            for (int n = 2; !usedTxNames.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "_" + n;
            }
            return name;
        });
    }

    /** An OpenDSS-safe element name: characters other than letters, digits, _ and - become _. */
    static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9_\\-]", "_");
    }

    static String num(double d) {
        return Sheet.formatNumber(d);
    }

    /** Length units of OpenDSS, in km. */
    static final class Units {
        private Units() {
        }

        static double toKm(double length, String units) {
            return switch (units) {
                case "km" -> length;
                case "m" -> length / 1000.0;
                case "cm" -> length / 100000.0;
                case "ft" -> length * 0.3048 / 1000.0;
                case "kft" -> length * 0.3048;
                case "mi" -> length * 1.609344;
                case "in" -> length * 0.0254 / 1000.0;
                default -> throw new IllegalArgumentException(units);
            };
        }
    }
}
