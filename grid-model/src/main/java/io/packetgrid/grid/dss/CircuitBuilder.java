package io.packetgrid.grid.dss;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.control.CapControl;
import io.packetgrid.grid.control.Control;
import io.packetgrid.grid.control.InvControl;
import io.packetgrid.grid.model.InverterDer;
import io.packetgrid.grid.model.PvSystem;
import io.packetgrid.grid.model.Storage;
import io.packetgrid.grid.series.DerDriver;
import io.packetgrid.grid.series.PvDriver;
import io.packetgrid.grid.series.StorageDriver;
import io.packetgrid.grid.control.RegulatorControl;
import io.packetgrid.grid.control.RegulatorSettings;
import io.packetgrid.grid.model.CMatrix;
import io.packetgrid.grid.model.CMatrixPool;
import io.packetgrid.grid.model.Capacitor;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Connection;
import io.packetgrid.grid.model.Generator;
import io.packetgrid.grid.model.Line;
import io.packetgrid.grid.model.Load;
import io.packetgrid.grid.model.LoadModel;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.model.SourceImpedance;
import io.packetgrid.grid.model.Transformer;
import io.packetgrid.grid.model.VoltageSource;
import io.packetgrid.grid.model.Winding;
import io.packetgrid.grid.series.InjectionDriver;
import io.packetgrid.grid.series.LoadDriver;
import io.packetgrid.grid.series.LoadShape;
import io.packetgrid.grid.series.Monitor;
import io.packetgrid.grid.series.Simulation;
import io.packetgrid.grid.solve.PowerFlowSolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns definitions into model elements and a {@link Simulation}: the model layer (OpenDSS
 * element physics) sees only numbers and connections, never script syntax.
 */
final class CircuitBuilder {
    private final DssCircuit c;
    private final Map<String, CircuitElement> byName = new HashMap<>();
    private final Map<String, TransformerDef> transformerDefs = new HashMap<>();
    private final Map<Capacitor, CapacitorDef> capacitorDefs = new LinkedHashMap<>();
    private final Map<Storage, StorageDef> storageDefs = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    // one shape per definition and build: a shape is immutable and the definitions do not change during a build, so
    // the 5,500 loads of 100 copies of a feeder share its 100 shapes' arrays instead of holding 5,500 copies of them
    private final Map<ElementDef, LoadShape> shapes = new HashMap<>();
    // one matrix per distinct line impedance and admittance in a build (100 copies of a feeder: 100 equal lines of each kind)
    private final CMatrixPool matrices = new CMatrixPool();
    private boolean anyOpen;

    CircuitBuilder(DssCircuit c) {
        this.c = c;
    }

    private static EditContext at(ElementDef d, DssCircuit c) {
        return new EditContext(d.definedAt, Path.of("."), c);
    }

    /** Parses {@code bus.n1.n2} into the bus name (lower case) and node numbers. */
    static Object[] parseBus(String spec, String where, String what) {
        String s = spec.trim();
        if (s.isEmpty()) {
            throw new PacketGridException(where, what + " is not set");
        }
        String[] parts = s.split("\\.", -1);
        String bus = parts[0].trim().toLowerCase(Locale.ROOT);
        if (bus.isEmpty()) {
            throw new PacketGridException(where, what + ": empty bus name in '" + spec + "'");
        }
        int[] nodes = new int[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            try {
                nodes[i - 1] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new PacketGridException(where, what + ": bad node '" + parts[i] + "' in '" + spec + "'");
            }
            if (nodes[i - 1] < 0 || nodes[i - 1] > 1000) {
                throw new PacketGridException(where, what + ": node " + nodes[i - 1] + " out of range in '" + spec + "'");
            }
        }
        return new Object[] {bus, nodes};
    }

    /** Conductor node numbers: phases 1..n, others ground, overridden by the given nodes. */
    static int[] nodes(int[] given, int phases, int conductors) {
        int[] r = new int[conductors];
        for (int i = 0; i < conductors; i++) {
            r[i] = i < phases ? i + 1 : 0;
        }
        for (int i = 0; i < Math.min(given.length, conductors); i++) {
            r[i] = given[i];
        }
        return r;
    }

    private static Connection connection(String[] specs, int phases, int conductors, String where, String name) {
        String[] buses = new String[specs.length];
        int[][] nodes = new int[specs.length][];
        for (int t = 0; t < specs.length; t++) {
            Object[] b = parseBus(specs[t], where, name + " bus" + (t + 1));
            buses[t] = (String) b[0];
            nodes[t] = nodes((int[]) b[1], phases, conductors);
        }
        return new Connection(buses, nodes);
    }

    /** Builds the network and the simulation from the present definitions. */
    Simulation build() {
        List<CircuitElement> elements = new ArrayList<>();
        Map<CircuitElement, ElementDef> defs = new LinkedHashMap<>();
        for (ElementDef d : c.elementOrder) {
            if (!d.enabled) {
                continue;
            }
            CircuitElement e = element(d);
            if (e != null) {
                elements.add(e);
                defs.put(e, d);
                byName.put(d.fullName().toLowerCase(Locale.ROOT), e);
                if (d instanceof StorageDef sd && sd.gridForming) {
                    elements.add(gridForming((Storage) e, sd));
                }
            }
        }
        if (c.source == null || !c.source.enabled) {
            throw new PacketGridException("circuit " + c.name, "no voltage source (New Circuit.name creates Vsource.source)");
        }
        Network net = new Network(elements, anyOpen);
        for (int b = 0; b < net.busCount(); b++) {
            Double kv = c.busKvBase.get(net.busName(b));
            if (kv != null) {
                net.setBusKvBase(b, kv);
            }
        }
        PowerFlowSolver solver = new PowerFlowSolver(net, c.solverOptions);
        List<LoadDriver> loads = new ArrayList<>();
        List<InjectionDriver> injections = new ArrayList<>();
        List<DerDriver> ders = new ArrayList<>();
        for (Map.Entry<CircuitElement, ElementDef> en : defs.entrySet()) {
            if (en.getKey() instanceof PvSystem pv) {
                PvSystemDef pd = (PvSystemDef) en.getValue();
                ders.add(new PvDriver(pv, shape(pd.yearly, pd), shape(pd.daily, pd), shape(pd.duty, pd), tShape(pd.tYearly, pd),
                        tShape(pd.tDaily, pd), tShape(pd.tDuty, pd), pd.temperature, pd.dutyStart));
                continue;
            }
            if (en.getKey() instanceof Storage st) {
                StorageDef sd = (StorageDef) en.getValue();
                ders.add(new StorageDriver(st, shape(sd.yearly, sd), shape(sd.daily, sd), shape(sd.duty, sd)));
                storageDefs.put(st, sd);
                continue;
            }
            if (en.getKey() instanceof Load l) {
                LoadDef ld = (LoadDef) en.getValue();
                loads.add(new LoadDriver(l, ld.kw, ld.kvar, ld.pfSpecified, ld.pf, shape(ld.yearly, ld), shape(ld.daily, ld),
                        shape(ld.duty, ld), ld.status));
            } else if (en.getKey() instanceof Generator g) {
                GeneratorDef gd = (GeneratorDef) en.getValue();
                InjectionDriver drv = new InjectionDriver(g, gd::power, shape(gd.yearly, gd), shape(gd.daily, gd), shape(gd.duty, gd),
                        gd.fixed);
                drv.setDutyStart(gd.dutyStart);
                injections.add(drv);
            }
        }
        List<Control> controls = new ArrayList<>();
        for (ElementDef d : c.controlOrder) {
            if (!d.enabled) {
                continue;
            }
            if (d instanceof RegControlDef r) {
                controls.add(regulator(r, net));
            } else if (d instanceof CapControlDef cc) {
                controls.add(capControl(cc, net));
            } else if (d instanceof InvControlDef ic) {
                InvControl inv = invControl(ic, net);
                if (inv != null) {
                    controls.add(inv);
                }
            }
        }
        Simulation sim = new Simulation(net, solver, loads, injections, ders, controls);
        bindMonitors(sim);
        return sim;
    }

    /** Binds every enabled monitor definition to its element in this build. */
    void bindMonitors(Simulation sim) {
        List<Monitor> ms = new ArrayList<>();
        for (ElementDef d : c.of("monitor").values()) {
            if (!d.enabled) {
                continue;
            }
            MonitorDef md = (MonitorDef) d;
            Monitor m = c.monitors.get(md.name);
            CircuitElement target = md.element == null ? null : byName.get(fullName(md.element));
            if (target == null) {
                throw new PacketGridException(md.definedAt, "Monitor." + md.name + ": element '" + md.element + "' is not in the circuit");
            }
            if (md.terminal > target.connection().terminals()) {
                throw new PacketGridException(md.definedAt, "Monitor." + md.name + ": " + target.name() + " has no terminal " + md.terminal);
            }
            String why = m.bind(target);
            if (why != null) {
                throw new PacketGridException(md.definedAt, "Monitor." + md.name + ": " + why + ", not " + target.name());
            }
            ms.add(m);
        }
        sim.replaceMonitors(ms);
    }

    private static String fullName(String element) {
        String s = element.toLowerCase(Locale.ROOT);
        return s;
    }

    /** The element built for a definition's full name in the last build. */
    CircuitElement element(String fullName) {
        return byName.get(fullName.toLowerCase(Locale.ROOT));
    }

    TransformerDef transformerDef(String name) {
        return transformerDefs.get(name);
    }

    private LoadShape shape(String name, ElementDef owner) {
        if (name == null) {
            return null;
        }
        LoadShapeDef s = (LoadShapeDef) c.find("loadshape", name);
        if (s == null) {
            throw new PacketGridException(owner.definedAt, owner.fullName() + ": LoadShape '" + name + "' is not defined");
        }
        LoadShape shape = shapes.get(s);
        if (shape == null) {
            shape = s.toShape(at(s, c));
            shapes.put(s, shape);
        }
        return shape;
    }

    /** Storage energy and state after a solution go back into the definitions (a rebuild starts from them). */
    void writeBackStorage() {
        for (Map.Entry<Storage, StorageDef> e : storageDefs.entrySet()) {
            e.getValue().kwhStored = e.getKey().kwhStored();
            e.getValue().state = e.getKey().state();
            e.getValue().kwhBeforeUpdate = e.getKey().kwhBeforeUpdate();
        }
    }

    /** Capacitor steps and open terminals switched by controls go back into the definitions. */
    void writeBackCapacitors() {
        for (Map.Entry<Capacitor, CapacitorDef> e : capacitorDefs.entrySet()) {
            Capacitor cap = e.getKey();
            CapacitorDef d = e.getValue();
            for (int i = 0; i < Math.min(d.states.length, cap.numSteps()); i++) {
                d.states[i] = cap.state(i);
            }
            d.open = !cap.isClosed();
        }
    }

    private CapControl capControl(CapControlDef d, Network net) {
        CircuitElement e = byName.get("capacitor." + d.capacitor);
        if (!(e instanceof Capacitor cap)) {
            throw new PacketGridException(d.definedAt, "CapControl." + d.name + ": capacitor '" + d.capacitor + "' is not in the circuit");
        }
        CircuitElement monitored = null;
        CapControl.Settings s = d.settings();
        if (s.type() != CapControl.Type.TIME && s.type() != CapControl.Type.FOLLOW) {
            monitored = byName.get(d.element);
            if (monitored == null) {
                throw new PacketGridException(d.definedAt, "CapControl." + d.name + ": element '" + d.element + "' is not in the circuit");
            }
        }
        int phases = cap.phases();
        if ((s.ctPhase() > phases) || (s.ptPhase() > phases)) {
            throw new PacketGridException(d.definedAt, "CapControl." + d.name + ": monitored phase must be at most the "
                    + phases + " phase(s) of the capacitor");
        }
        int[] busNodes = null;
        if (d.vBus != null) {
            String bus = DssValues.busName(d.vBus);
            int b = net.bus(bus);
            if (b < 0) {
                throw new PacketGridException(d.definedAt, "CapControl." + d.name + ": voltage override bus '" + d.vBus
                        + "' is not in the circuit");
            }
            int[] numbers = net.busNodes(b);
            busNodes = new int[numbers.length];
            for (int k = 0; k < numbers.length; k++) {
                busNodes[k] = net.node(bus, numbers[k]);
            }
        }
        LoadShape signal = d.controlSignal == null ? null : shape(d.controlSignal, d);
        return new CapControl(d.name, cap, monitored, busNodes, signal, s, true);
    }

    /** Warnings of the last build (controls that do nothing, ...). */
    List<String> warnings() {
        return warnings;
    }

    /** OpenDSS InvControl: its units (the DER list, or every enabled PV system and storage), curves and settings. */
    private InvControl invControl(InvControlDef d, Network net) {
        InvControl.Mode mode = d.controlMode();
        if (mode == null) {
            warnings.add(d.definedAt + ": InvControl." + d.name + " has no control mode it acts in (Mode, or CombiMode=VV_VW with no "
                    + "Mode); it does nothing, as in OpenDSS");
            return null;
        }
        List<String> names = new ArrayList<>(d.ders);
        if (names.isEmpty()) {
            for (ElementDef e : c.of("pvsystem").values()) {
                names.add("pvsystem." + e.name);
            }
            for (ElementDef e : c.of("storage").values()) {
                names.add("storage." + e.name);
            }
        }
        List<InverterDer> ders = new ArrayList<>();
        List<int[]> nodes = new ArrayList<>();
        for (String n : names) {
            CircuitElement e = byName.get(n);
            if (e == null) {
                continue;   // disabled units are left out (MakeDERList)
            }
            InverterDer der = (InverterDer) e;
            ders.add(der);
            int[] all = net.nodesOf(der);
            nodes.add(java.util.Arrays.copyOf(all, der.phases()));
        }
        io.packetgrid.grid.model.XyCurve vv = d.vvCurve == null ? null : curve(d.vvCurve);
        io.packetgrid.grid.model.XyCurve vw = d.vwCurve == null ? null : curve(d.vwCurve);
        io.packetgrid.grid.model.XyCurve vwCh = d.vwChCurve == null ? null : curve(d.vwChCurve);
        if ((mode == InvControl.Mode.VOLTVAR || mode == InvControl.Mode.VV_VW) && vv == null) {
            throw new PacketGridException(d.definedAt, "InvControl." + d.name + ": vvc_curve1 (the volt-var XYCurve) is not set");
        }
        if (mode != InvControl.Mode.VOLTVAR && vw == null) {
            boolean storageOnly = !ders.isEmpty() && ders.stream().allMatch(x -> x instanceof Storage);
            if (!(storageOnly && vwCh != null)) {
                throw new PacketGridException(d.definedAt, "InvControl." + d.name + ": voltwatt_curve (the volt-watt XYCurve) is not set");
            }
        }
        if (mode != InvControl.Mode.VOLTVAR && vw != null) {
            for (int i = 0; i < vw.points(); i++) {
                double y = vw.y()[i];
                if (y < 0.0 || y > 1.0) {
                    throw new PacketGridException(d.definedAt, "InvControl." + d.name + ": XYCurve." + vw.name()
                            + " has active power values outside 0..1 pu, not allowed for volt-watt");
                }
            }
        }
        List<InvControl.MonitoredBus> buses = new ArrayList<>();
        if (!d.monBuses.isEmpty() && d.monBusesVbase.length != d.monBuses.size()) {
            throw new PacketGridException(d.definedAt, "InvControl." + d.name + ": monBus needs MonBusesVbase (one voltage base per bus)");
        }
        for (int j = 0; j < d.monBuses.size(); j++) {
            Object[] b = parseBus(d.monBuses.get(j), d.definedAt, "monBus");
            String bus = (String) b[0];
            int[] given = (int[]) b[1];
            int n1 = net.node(bus, given.length > 0 ? given[0] : 1);
            int n2 = given.length > 1 ? net.node(bus, given[1]) : -1;
            if (n1 < 0 || (given.length > 1 && n2 < 0)) {
                throw new PacketGridException(d.definedAt, "InvControl." + d.name + ": monitored bus '" + d.monBuses.get(j)
                        + "' is not in the circuit");
            }
            buses.add(new InvControl.MonitoredBus(n1, n2, d.monBusesVbase[j]));
        }
        InvControl.Settings s = new InvControl.Settings(mode, vv, vw, vwCh, d.curveXRef, d.avgWindowS, d.deltaQ, d.deltaP, d.vTol,
                d.varTol, d.pTol, d.vwYAxis, d.roc, d.lpfTau, d.riseFall, d.varMax, d.monPhase);
        return new InvControl(d.name, s, ders, nodes.toArray(new int[0][]), buses);
    }

    private LoadShape tShape(String name, ElementDef owner) {
        if (name == null) {
            return null;
        }
        TShapeDef t = (TShapeDef) c.find("tshape", name);
        LoadShape shape = shapes.get(t);
        if (shape == null) {
            shape = t.toShape(at(t, c));
            shapes.put(t, shape);
        }
        return shape;
    }

    private CircuitElement pvSystem(PvSystemDef pv, String full, String where) {
        int n = pv.phases;
        int nc = pv.delta ? ((n == 1 || n == 2) ? n + 1 : n) : n + 1;
        if (pv.bus1.isBlank()) {
            throw new PacketGridException(where, full + ": bus1 is not set");
        }
        if (pv.gridForming) {
            throw new PacketGridException(where, full + ": ControlMode=GFM (grid-forming) is not implemented");
        }
        Connection conn = connection(new String[] {pv.bus1}, n, nc, where, full);
        PvSystem.Settings s = new PvSystem.Settings(pv.kv, pv.vminpu, pv.vmaxpu, pv.pmpp, pv.puPmpp, pv.kva, pv.pctCutIn, pv.pctCutOut,
                pv.kvarMax, pv.kvarMaxAbs, pv.pctPminNoVars, pv.pctPminKvarMax, pv.wattPriority, pv.pfPriority, pv.varFollowInverter,
                pv.effCurve == null ? null : curve(pv.effCurve), pv.ptCurve == null ? null : curve(pv.ptCurve), pv.kvDc);
        return new PvSystem(full, conn, n, pv.delta, s, pv.irradiance, pv.temperature, pv.pf, pv.kvarMode, pv.kvar);
    }

    /**
     * The grid-forming face of a {@code ControlMode=GFM} storage unit (Storage.pas, InvDynamics.pas): a
     * {@link io.packetgrid.grid.model.GridFormingSource} at its bus, out of service until the island logic
     * makes it the island's source ({@code grid.island}); grid-connected the unit follows its dispatch.
     */
    private CircuitElement gridForming(Storage s, StorageDef d) {
        String bus = DssValues.busName(d.bus1);
        warnings.add(d.definedAt + ": Storage." + d.name + " ControlMode=GFM forms the voltage only while islanded (island logic); "
                + "connected to the grid it follows its dispatch");
        return io.packetgrid.grid.model.GridFormingSource.of(s, bus.toLowerCase(Locale.ROOT), d.kv,
                io.packetgrid.grid.model.GridFormingSource.DEFAULT_R_PU, io.packetgrid.grid.model.GridFormingSource.DEFAULT_X_PU);
    }

    /** Storage (and, for ControlMode=GFM, its grid-forming source: {@link #gridForming}). */
    private CircuitElement storage(StorageDef st, String full, String where) {
        int n = st.phases;
        int nc = st.delta ? ((n == 1 || n == 2) ? n + 1 : n) : n + 1;
        if (st.bus1.isBlank()) {
            throw new PacketGridException(where, full + ": bus1 is not set");
        }
        if (st.gridForming && n != 3) {
            throw new PacketGridException(where, full + ": ControlMode=GFM (grid-forming) needs a three-phase unit");
        }
        Connection conn = connection(new String[] {st.bus1}, n, nc, where, full);
        Storage unit = new Storage(full, conn, n, st.delta, st.settings(st.effCurve == null ? null : curve(st.effCurve)), st.state,
                st.kwhStored, st.pctDischarge, st.pctCharge, st.pf, st.kvarMode, st.kvar);
        if (!Double.isNaN(st.kwhBeforeUpdate)) {
            unit.continueFrom(st.kwhBeforeUpdate);
        }
        return unit;
    }

    private RegulatorControl regulator(RegControlDef d, Network net) {
        if (d.transformer == null) {
            throw new PacketGridException(d.definedAt, "RegControl." + d.name + ": transformer is not set");
        }
        CircuitElement e = byName.get("transformer." + d.transformer);
        if (!(e instanceof Transformer t)) {
            throw new PacketGridException(d.definedAt, "RegControl." + d.name + ": transformer '" + d.transformer + "' is not in the circuit");
        }
        if (d.winding > t.windingCount() || d.tapWinding > t.windingCount()) {
            throw new PacketGridException(d.definedAt, "RegControl." + d.name + ": winding does not exist on " + t.name());
        }
        int regNode = -1;
        if (d.bus != null && !d.bus.isBlank()) {
            Object[] b = parseBus(d.bus, d.definedAt, "RegControl bus");
            int[] given = (int[]) b[1];
            regNode = net.node((String) b[0], given.length > 0 ? given[0] : 1);
            if (regNode < 0) {
                throw new PacketGridException(d.definedAt, "RegControl." + d.name + ": regulated bus '" + d.bus + "' is not in the circuit");
            }
        }
        if (d.tapNum != null) {
            int w = d.tapWinding - 1;
            t.setTap(w, 1.0 + d.tapNum * t.winding(w).tapIncrement());
        }
        RegulatorSettings s = new RegulatorSettings(d.winding, d.tapWinding, d.vreg, d.band, d.ptRatio, d.remotePtRatio, d.ctPrim,
                d.r, d.x, d.ldcZ, d.delay, d.tapDelay, d.maxTapChange, d.inverseTime, d.vlimit, d.ptPhase);
        return new RegulatorControl(d.name, t, s, regNode);
    }

    private CircuitElement element(ElementDef d) {
        String full = d.className + "." + d.name;
        String where = d.definedAt;
        try {
            if (d instanceof VsourceDef v) {
                return vsource(v, full, where);
            } else if (d instanceof LineDef l) {
                return line(l, full, where);
            } else if (d instanceof TransformerDef t) {
                return transformer(t, full, where);
            } else if (d instanceof CapacitorDef cap) {
                return capacitor(cap, full, where);
            } else if (d instanceof LoadDef ld) {
                return load(ld, full, where);
            } else if (d instanceof GeneratorDef g) {
                return generator(g, full, where);
            } else if (d instanceof FaultDef f) {
                return f.toElement(full, where);
            } else if (d instanceof ReactorDef r) {
                return reactor(r, full, where);
            } else if (d instanceof PvSystemDef pv) {
                return pvSystem(pv, full, where);
            } else if (d instanceof StorageDef st) {
                return storage(st, full, where);
            }
            return null;
        } catch (IllegalArgumentException e) {
            throw new PacketGridException(where, full + ": " + e.getMessage());
        }
    }

    private CircuitElement vsource(VsourceDef v, String full, String where) {
        int n = v.phases;
        String b1 = v.bus1;
        String b2 = v.bus2;
        if (b2 == null) {
            b2 = DssValues.busName(b1) + ".0".repeat(n);
        }
        Connection conn = connection(new String[] {b1, b2}, n, n, where, full);
        double r1;
        double x1;
        double r0;
        double x0;
        double r2;
        double x2;
        if (v.zSpec == 1 || v.zSpec == 2) {
            double mva3 = v.mvaSc3;
            double mva1 = v.mvaSc1;
            if (v.zSpec == 2) {
                double[] m = SourceImpedance.mvaFromCurrents(v.kv, n, v.isc3, v.isc1);
                mva3 = m[0];
                mva1 = m[1];
            }
            double[] z = SourceImpedance.fromShortCircuit(v.kv, n, mva3, mva1, v.x1r1, v.x0r0);
            if (z == null || !Double.isFinite(z[2])) {
                throw new PacketGridException(where, full + ": cannot calculate a real-valued R0 from the short-circuit data");
            }
            r1 = z[0];
            x1 = z[1];
            r0 = z[2];
            x0 = z[3];
            r2 = r1;
            x2 = x1;
        } else {
            r1 = v.r1;
            x1 = v.x1;
            r2 = v.r2;
            x2 = v.x2;
            r0 = v.r0;
            x0 = v.x0;
            if (v.puZ) {
                double zb = v.kv * v.kv / v.baseMva;
                if (v.puZ1 != null) {
                    r1 = v.puZ1[0] * zb;
                    x1 = v.puZ1[1] * zb;
                    r2 = r1;
                    x2 = x1;
                }
                if (v.puZ2 != null) {
                    r2 = v.puZ2[0] * zb;
                    x2 = v.puZ2[1] * zb;
                }
                if (v.puZ0 != null) {
                    r0 = v.puZ0[0] * zb;
                    x0 = v.puZ0[1] * zb;
                }
            }
            if (r1 == 0 && x1 == 0) {
                throw new PacketGridException(where, full + ": Z1 cannot be zero");
            }
            if (n == 1) {
                r0 = r1;
                x0 = x1;
                r2 = r1;
                x2 = x1;
            }
        }
        CMatrix z = SourceImpedance.phaseMatrix(n, r1, x1, r2, x2, r0, x0);
        double vmag = n == 1 ? v.kv * v.pu * 1000.0 : v.kv * v.pu * 1000.0 / 2.0 / Math.sin(Math.toRadians(180.0 / n));
        return new VoltageSource(full, conn, z, vmag, v.angle, v.sequence);
    }

    private CircuitElement line(LineDef l, String full, String where) {
        EditContext ctx = new EditContext(where, Path.of("."), c);
        CMatrix[] zy = l.totals(c, ctx);
        int n = zy[0].n;
        if (l.bus2 == null || l.bus2.isBlank()) {
            throw new PacketGridException(where, full + ": bus2 is not set");
        }
        Connection conn = connection(new String[] {l.bus1, l.bus2}, n, n, where, full);
        CMatrix zinv = matrices.inverse(zy[0]);
        if (zinv == null) {
            throw new PacketGridException(where, full + ": singular impedance matrix (zero length or zero impedance?)");
        }
        Line line = Line.withSeriesAdmittance(full, conn, zinv, matrices.share(zy[1]), l.normAmps, l.emergAmps, l.isSwitch);
        line.setTerminalOpen(0, l.open1);
        line.setTerminalOpen(1, l.open2);
        anyOpen |= l.open1 || l.open2;
        return line;
    }

    private CircuitElement transformer(TransformerDef t, String full, String where) {
        if (t.code) {
            return null;
        }
        int nw = t.w.length;
        String[] specs = new String[nw];
        for (int i = 0; i < nw; i++) {
            if (t.w[i].bus == null || t.w[i].bus.isBlank()) {
                throw new PacketGridException(where, full + ": bus of winding " + (i + 1) + " is not set");
            }
            specs[i] = t.w[i].bus;
        }
        Connection conn = connection(specs, t.phases, t.phases + 1, where, full);
        Winding[] ws = new Winding[nw];
        for (int i = 0; i < nw; i++) {
            TransformerDef.W w = t.w[i];
            ws[i] = new Winding(w.delta, w.kv, w.kva, w.rpu, w.tap, w.rneut, w.xneut, w.minTap, w.maxTap, w.numTaps);
        }
        transformerDefs.put(t.name, t);
        return new Transformer(full, conn, t.phases, ws, t.xsc, t.pctNoLoadLoss, t.pctImag, t.ppm, t.hvLeadsLv, t.normHkva, t.emergHkva);
    }

    private CircuitElement capacitor(CapacitorDef cap, String full, String where) {
        int n = cap.phases;
        Connection conn;
        if (cap.delta) {
            int nc = (n == 1 || n == 2) ? n + 1 : n;
            conn = connection(new String[] {cap.bus1}, n, nc, where, full);
        } else {
            conn = connection(new String[] {cap.bus1, cap.bus2Spec()}, n, n, where, full);
        }
        double w = 2 * Math.PI * c.baseFrequency;
        double phaseKv = cap.delta ? cap.kv : ((n == 2 || n == 3) ? cap.kv / Math.sqrt(3.0) : cap.kv);
        double[] farads = new double[cap.steps];
        double totalKvar = 0;
        for (int i = 0; i < cap.steps; i++) {
            if (cap.cuf != null) {
                farads[i] = cap.cuf[i] * 1e-6;
                totalKvar += w * farads[i] * phaseKv * phaseKv * 1000.0;
            } else {
                // OpenDSS uses the first step's kvar for every step's capacitance (Capacitor.pas RecalcElementData)
                farads[i] = 1.0 / (w * phaseKv * phaseKv * 1000.0 / (cap.kvar[0] / n));
                totalKvar += cap.kvar[i];
            }
        }
        double normAmps = cap.normAmps != null ? cap.normAmps : totalKvar / n / phaseKv * 1.35;
        double emergAmps = cap.emergAmps != null ? cap.emergAmps : normAmps * 1.8 / 1.35;
        if (cap.delta) {
            for (int i = 0; i < cap.steps; i++) {
                if (cap.r[i] != 0 || cap.xl[i] != 0) {
                    throw new PacketGridException(where, full + ": filter reactors on delta capacitors are not implemented");
                }
            }
        }
        Capacitor built = new Capacitor(full, conn, n, cap.delta, farads, cap.r, cap.xl, cap.states, c.baseFrequency, normAmps,
                emergAmps, totalKvar);
        built.setClosed(!cap.open);
        capacitorDefs.put(built, cap);
        return built;
    }

    /** OpenDSS Reactor (Reactor.pas RecalcElementData, CalcYPrim): the admittance of the last-given form. */
    private CircuitElement reactor(ReactorDef r, String full, String where) {
        int n = r.phases;
        if (r.bus1.isBlank()) {
            throw new PacketGridException(where, full + ": bus1 is not set");
        }
        Connection conn;
        if (r.delta) {
            int nc = (n == 1 || n == 2) ? n + 1 : n;
            conn = connection(new String[] {r.bus1}, n, nc, where, full);
        } else {
            conn = connection(new String[] {r.bus1, r.bus2Spec()}, n, n, where, full);
        }
        double f = c.baseFrequency;
        double kvarPerPhase = r.kvar / n;
        double phaseKv = io.packetgrid.grid.model.ReactorImpedance.phaseKv(r.kv, n, r.delta);
        double normAmps;
        double emergAmps;
        CMatrix y;
        switch (r.spec) {
            case KVAR, RX -> {
                double x = r.spec == ReactorDef.Spec.KVAR
                        ? io.packetgrid.grid.model.ReactorImpedance.reactanceFromKvar(r.kvar, r.kv, n, r.delta) : r.x;
                double rr = r.r;
                if (r.rCurve != null) {
                    rr *= curve(r.rCurve).yAt(f);
                }
                if (r.lCurve != null) {
                    x *= curve(r.lCurve).yAt(f);
                }
                if (rr == 0 && x == 0) {
                    throw new PacketGridException(where, full + ": R and X are both zero (give X, Z, kvar or LmH)");
                }
                y = io.packetgrid.grid.model.ReactorImpedance.scalar(n, rr, x, r.rpSet ? r.rp : 0.0);
            }
            case MATRIX -> {
                if (r.rmatrix == null || r.xmatrix == null || r.rmatrix.length != n * n || r.xmatrix.length != n * n) {
                    throw new PacketGridException(where, full + ": Rmatrix and Xmatrix must both be given for " + n + " phases");
                }
                if (r.delta) {
                    throw new PacketGridException(where, full + ": R/X matrices of a delta reactor are not implemented");
                }
                y = io.packetgrid.grid.model.ReactorImpedance.matrices(n, r.rmatrix, r.xmatrix, r.parallel);
            }
            default -> {
                if (r.delta) {
                    throw new PacketGridException(where, full + ": sequence impedances of a delta reactor are not implemented");
                }
                y = io.packetgrid.grid.model.ReactorImpedance.sequence(n, r.z1[0], r.z1[1], r.z2[0], r.z2[1], r.z0[0], r.z0[1]);
            }
        }
        // ratings: from kvar at kV for the kvar form (RecalcElementData); the other forms keep what the
        // constructor's own RecalcElementData left (100 kvar, 3 phases, 12.47 kV)
        if (r.spec == ReactorDef.Spec.KVAR) {
            normAmps = kvarPerPhase / phaseKv;
        } else {
            normAmps = (100.0 / 3.0) / (12.47 / Math.sqrt(3.0));
        }
        emergAmps = normAmps * 1.35;
        if (r.normAmps != null) {
            normAmps = r.normAmps;
        }
        if (r.emergAmps != null) {
            emergAmps = r.emergAmps;
        }
        return new io.packetgrid.grid.model.Reactor(full, conn, n, r.delta, !r.bus2Defined, y, normAmps, emergAmps);
    }

    private io.packetgrid.grid.model.XyCurve curve(String name) {
        XyCurveDef d = (XyCurveDef) c.find("xycurve", name);
        return d.toCurve();
    }

    private CircuitElement load(LoadDef ld, String full, String where) {
        int n = ld.phases;
        int nc = ld.delta ? ((n == 1 || n == 2) ? n + 1 : n) : n + 1;
        Connection conn = connection(new String[] {ld.bus1}, n, nc, where, full);
        LoadModel m = LoadModel.of(ld.model);
        if (m == LoadModel.ZIPV && ld.zipv == null) {
            throw new PacketGridException(where, full + ": model=8 needs ZIPV (7 coefficients)");
        }
        Load load = new Load(full, conn, n, ld.delta, m, ld.kv, ld.vminpu, ld.vmaxpu, ld.vlowpu, ld.zipv, ld.cvrWatts, ld.cvrVars,
                ld.rneut, ld.xneut, ld.kvar);
        load.setNominal(ld.kw * c.loadMult, ld.kvar * c.loadMult);
        load.setLinearisationBase(ld.kw * c.loadMult, ld.kvar * c.loadMult);
        return load;
    }

    private CircuitElement generator(GeneratorDef g, String full, String where) {
        int n = g.phases;
        int nc = g.delta ? ((n == 1 || n == 2) ? n + 1 : n) : n + 1;
        Connection conn = connection(new String[] {g.bus1}, n, nc, where, full);
        Generator gen = new Generator(full, conn, n, g.delta, g.kv, g.vminpu, g.vmaxpu);
        gen.setBaseFrequency(c.baseFrequency);
        double[] pq = g.power(null, false);
        gen.setNominal(pq[0], pq[1]);
        return gen;
    }
}
