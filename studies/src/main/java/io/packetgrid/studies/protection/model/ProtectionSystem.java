package io.packetgrid.studies.protection.model;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.api.Nodes;
import io.packetgrid.grid.api.Topology;
import io.packetgrid.grid.fault.PreFaultState;
import io.packetgrid.grid.protection.ElementTerminal;
import io.packetgrid.grid.protection.Measurements;
import io.packetgrid.grid.protection.OvercurrentElement;
import io.packetgrid.grid.protection.VoltageRelay;
import io.packetgrid.grid.protection.VoltageStage;
import io.packetgrid.studies.protection.scenario.BreakerSpec;
import io.packetgrid.studies.protection.scenario.DgSpec;
import io.packetgrid.studies.protection.scenario.FaultSection;
import io.packetgrid.studies.protection.scenario.PlacementSpec;
import io.packetgrid.studies.protection.scenario.ProtectionScenario;
import io.packetgrid.studies.protection.scenario.ProtectionSection;
import io.packetgrid.studies.protection.scenario.RelaySpec;
import io.packetgrid.studies.protection.scenario.SchemeSpec;
import io.packetgrid.studies.protection.scenario.StageSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A feeder's protection ({@link ProtectionSection}) bound to the feeder: relays, breakers and DG units on
 * the feeder's elements, the schemes between them, the candidate fault buses, every device's radio endpoint
 * and map position, and the pre-fault state. The one binding for {@code protection validate} ({@link #build}:
 * the scenario's own feeder) and for a coupled study ({@link #bind}: the study's feeder). Immutable once built;
 * shared by the validator's worker threads (each makes its own fault analysis of {@link #preFault()}).
 */
public final class ProtectionSystem {
    /** Radio endpoints of protection devices are {@code protection/<device>}. */
    public static final String ENDPOINT_PREFIX = "protection/";

    /** A relay on its element's terminal. */
    public record BoundRelay(int index, String name, ElementTerminal terminal, int breaker,
                             List<OvercurrentElement> phaseFast, List<OvercurrentElement> phaseSlow,
                             List<OvercurrentElement> groundFast, List<OvercurrentElement> groundSlow, double startS,
                             String endpoint, double[] xy) {
    }

    /** A breaker on its element ({@code Class.name}), with the island it leaves behind when it opens. */
    public record BoundBreaker(int index, String name, String elementName, double operatingS, List<Double> deadTimesS,
                               String endpoint, double[] xy, double islandLoadKw, double islandDgKw, int[] islandDgs) {
    }

    /** A DG unit (PV inverter; its generator {@code Generator.name}) with its interface protection. */
    public record BoundDg(int index, String name, String elementName, int[] nodes, VoltageRelay passive,
                          double disconnectS, double startPu, double startS, double kw, String endpoint, double[] xy) {
    }

    /** A scheme: endpoints are device indices in {@link #endpoints()}. */
    public record BoundScheme(int index, String name, SchemeSpec.Kind kind, int triggerBreaker, int sender,
                              int[] targets, int upstreamRelay, int[] downstreamRelays, int bytes) {
    }

    /** A candidate fault bus and the phase nodes it has. */
    public record FaultBus(String bus, int[] phases) {
    }

    private final ProtectionScenario scenario;
    private final ProtectionSection section;
    private final PlacementSpec placement;
    private final Feeder feeder;
    private final Nodes nodes;
    private final PreFaultState preFault;
    private final List<BoundRelay> relays = new ArrayList<>();
    private final List<BoundBreaker> breakers = new ArrayList<>();
    private final List<BoundDg> dgs = new ArrayList<>();
    private final List<BoundScheme> schemes = new ArrayList<>();
    private final List<FaultBus> faultBuses = new ArrayList<>();
    private final List<String> endpoints = new ArrayList<>();   // device index → endpoint
    private final List<double[]> positions = new ArrayList<>(); // device index → base position (m)
    private final Map<String, Integer> deviceIndex = new HashMap<>();
    private final List<double[]> homes = new ArrayList<>();

    private ProtectionSystem(ProtectionScenario scenario, ProtectionSection s, Feeder feeder, Map<String, double[]> coords,
                             String originBus, PlacementSpec placement, FaultSection faults) {
        this.scenario = scenario;
        this.section = s;
        this.placement = placement;
        this.feeder = feeder;
        this.nodes = feeder.nodes();
        // protection validate's pre-fault state (the feeder was solved as loaded); a study's feeder is left as it is
        this.preFault = scenario != null ? PreFaultState.of(feeder) : null;
        Topology topo = Topology.of(feeder);

        // breakers first (relays refer to them)
        Map<String, Integer> breakerByName = new HashMap<>();
        List<ElementTerminal> breakerElements = new ArrayList<>();
        for (int i = 0; i < s.breakers().size(); i++) {
            BreakerSpec b = s.breakers().get(i);
            ElementTerminal e = ElementTerminal.of(feeder, "breakers[" + i + "].element", b.element(), 1);
            breakerElements.add(e);
            breakerByName.put(b.name(), i);
        }
        String origin = originBus;
        if (origin == null) {
            ElementTerminal first = ElementTerminal.of(feeder, "relays[0].element", s.relays().get(0).element(),
                    s.relays().get(0).terminal());
            origin = first.elementBuses().get(0);
        } else if (nodes.bus(origin) < 0) {
            throw new PacketGridException("feeder.origin_bus", "bus " + origin + " is not in this feeder");
        }
        double[] o = coords.get(origin.toLowerCase(Locale.ROOT));

        // DG units
        List<String> dgBuses = new ArrayList<>();
        for (int i = 0; i < s.dg().size(); i++) {
            DgSpec d = s.dg().get(i);
            ElementTerminal e = ElementTerminal.of(feeder, "dg[" + i + "]", "Generator." + d.name(), 1);
            String bus = e.bus();
            dgBuses.add(bus);
            int[] phaseNodes = Measurements.phaseNodes(feeder, "dg[" + i + "]", bus);
            int node = e.nodes(feeder)[0];
            VoltageRelay passive = d.voltage() == null ? VoltageRelay.ieee1547CategoryII() : new VoltageRelay(d.voltage().stream()
                    .map(v -> new VoltageStage(v.over(), v.pu(), v.delay().seconds())).toList());
            double[] xy = position("dg[" + i + "]", bus, d.xM(), d.yM(), coords, o);
            int dev = addDevice(d.name(), xy);
            dgs.add(new BoundDg(i, d.name(), e.elementName(), node >= 0 ? new int[] {node} : phaseNodes, passive,
                    d.disconnectTime().seconds(), d.startPu(), d.startTime().seconds(), d.kw(), endpoints.get(dev), xy));
        }
        for (int i = 0; i < s.relays().size(); i++) {
            RelaySpec r = s.relays().get(i);
            ElementTerminal e = ElementTerminal.of(feeder, "relays[" + i + "].element", r.element(), r.terminal());
            Integer b = breakerByName.get(r.breaker());
            if (b == null) {
                throw new PacketGridException("relays[" + i + "].breaker", "no breaker named '" + r.breaker() + "'");
            }
            double[] xy = position("relays[" + i + "]", e.bus(), r.xM(), r.yM(), coords, o);
            int dev = addDevice(r.name(), xy);
            relays.add(new BoundRelay(i, r.name(), e, b, stages(r.phase(), true), stages(r.phase(), false),
                    stages(r.ground(), true), stages(r.ground(), false), r.startTime().seconds(), endpoints.get(dev), xy));
        }
        for (int i = 0; i < s.breakers().size(); i++) {
            BreakerSpec b = s.breakers().get(i);
            ElementTerminal e = breakerElements.get(i);
            BitSet down = topo.downstream(e.elementName());
            double loadKw = 0;
            for (String load : feeder.loadNames()) {
                if (down.get(nodes.bus(feeder.loadBus(load)))) {
                    loadKw += feeder.loadNominalKw(load);
                }
            }
            List<Integer> island = new ArrayList<>();
            double dgKw = 0;
            for (BoundDg d : dgs) {
                if (down.get(nodes.bus(dgBuses.get(d.index())))) {
                    island.add(d.index());
                    dgKw += d.kw();
                }
            }
            // a breaker shares the radio of the relay that trips it (one IED per bay), unless placed apart
            Integer shared = null;
            for (BoundRelay r : relays) {
                if (r.breaker() == i && shared == null) {
                    shared = deviceIndex.get(r.name());
                }
            }
            double[] xy;
            int dev;
            if (shared != null && b.xM() == null) {
                dev = shared;
                xy = positions.get(dev);
                deviceIndex.put(b.name(), dev);
            } else {
                xy = position("breakers[" + i + "]", e.elementBuses().get(0), b.xM(), b.yM(), coords, o);
                dev = addDevice(b.name(), xy);
            }
            breakers.add(new BoundBreaker(i, b.name(), e.elementName(), b.operatingTime().seconds(),
                    b.deadTimes().stream().map(t -> t.seconds()).toList(), endpoints.get(dev), xy, loadKw, dgKw,
                    island.stream().mapToInt(Integer::intValue).toArray()));
        }
        bindSchemes(s);
        if (faults != null) {
            faultBuses(faults, topo);
        }
        if (o != null) {
            for (String load : feeder.loadNames()) {
                double[] xy = coords.get(feeder.loadBus(load));
                if (xy != null) {
                    homes.add(new double[] {xy[0] - o[0] + placement.xM(), xy[1] - o[1] + placement.yM()});
                }
            }
        }
    }

    /** Loads the scenario's feeder and binds its devices (errors name the scenario field). */
    public static ProtectionSystem build(ProtectionScenario s, Path scenarioDir) {
        FeederLoader.Loaded loaded = FeederLoader.load(s.feeder(), s.dg(), scenarioDir);
        return new ProtectionSystem(s, s.protection(), loaded.feeder(), loaded.coordinates(), s.feeder().originBus(), s.placement(),
                s.faults());
    }

    /**
     * Binds a protection section to a feeder a study already loaded (its DG units added with
     * {@link FeederLoader#dgCommands}), with the study's bus coordinates and map origin; errors name the
     * section's fields (the caller adds its own prefix).
     */
    public static ProtectionSystem bind(ProtectionSection p, Feeder feeder, Map<String, double[]> coords, String originBus) {
        return new ProtectionSystem(null, p, feeder, coords, originBus, PlacementSpec.defaults(), null);
    }

    private static List<OvercurrentElement> stages(List<StageSpec> specs, boolean blockable) {
        List<OvercurrentElement> out = new ArrayList<>();
        for (StageSpec st : specs) {
            if (st.blockable() == blockable) {
                out.add(st.toElement());
            }
        }
        return out;
    }

    private int addDevice(String name, double[] xy) {
        int i = endpoints.size();
        endpoints.add(ENDPOINT_PREFIX + name);
        positions.add(xy);
        deviceIndex.put(name, i);
        return i;
    }

    private double[] position(String where, String bus, Double x, Double y, Map<String, double[]> coords, double[] origin) {
        if (x != null && y != null) {
            return new double[] {x, y};
        }
        double[] c = coords.get(bus.toLowerCase(Locale.ROOT));
        if (c == null || origin == null) {
            throw new PacketGridException(where, "no position: bus " + bus + " has no coordinates (give x_m and y_m, or feeder.bus_coords)");
        }
        return new double[] {c[0] - origin[0] + placement.xM(), c[1] - origin[1] + placement.yM()};
    }

    private int device(String name, String where) {
        Integer i = deviceIndex.get(name);
        if (i == null) {
            throw new PacketGridException(where, "no device named '" + name + "' (relays, breakers, dg)");
        }
        return i;
    }

    private int relayIndex(String name, String where) {
        for (BoundRelay r : relays) {
            if (r.name().equals(name)) {
                return r.index();
            }
        }
        throw new PacketGridException(where, "no relay named '" + name + "'");
    }

    private void bindSchemes(ProtectionSection s) {
        for (int i = 0; i < s.schemes().size(); i++) {
            SchemeSpec sc = s.schemes().get(i);
            String at = "schemes[" + i + "]";
            int bytes = sc.bytes() != null ? sc.bytes() : s.messages().bytes();
            switch (sc.kindValue()) {
                case TRANSFER_TRIP -> {
                    int trig = -1;
                    for (BoundBreaker b : breakers) {
                        if (b.name().equals(sc.trigger())) {
                            trig = b.index();
                        }
                    }
                    if (trig < 0) {
                        throw new PacketGridException(at + ".trigger", "no breaker named '" + sc.trigger() + "'");
                    }
                    int[] to = targets(sc.to(), at + ".to", true);
                    schemes.add(new BoundScheme(i, sc.name(), sc.kindValue(), trig, device(sc.from(), at + ".from"), to, -1, new int[0], bytes));
                }
                case BLOCKING -> {
                    int up = relayIndex(sc.upstream(), at + ".upstream");
                    int[] down = new int[sc.downstream().size()];
                    for (int k = 0; k < down.length; k++) {
                        down[k] = relayIndex(sc.downstream().get(k), at + ".downstream[" + k + "]");
                    }
                    BoundRelay u = relays.get(up);
                    if (u.phaseFast().isEmpty() && u.groundFast().isEmpty()) {
                        throw new PacketGridException(at + ".upstream", "relay " + u.name() + " has no blockable stage");
                    }
                    schemes.add(new BoundScheme(i, sc.name(), sc.kindValue(), -1, -1, new int[0], up, down, bytes));
                }
                case PERMISSIVE -> {
                    int from = relayIndex(sc.from(), at + ".from");
                    int[] to = targets(sc.to(), at + ".to", false);
                    schemes.add(new BoundScheme(i, sc.name(), sc.kindValue(), -1, device(sc.from(), at + ".from"), to, from, new int[0], bytes));
                }
            }
        }
    }

    /** Target DG indices (encoded ≥ 0) or breaker indices (encoded −1 − index) for transfer trips. */
    private int[] targets(List<String> names, String where, boolean breakersAllowed) {
        int[] out = new int[names.size()];
        for (int k = 0; k < out.length; k++) {
            String n = names.get(k);
            int found = Integer.MIN_VALUE;
            for (BoundDg d : dgs) {
                if (d.name().equals(n)) {
                    found = d.index();
                }
            }
            if (found == Integer.MIN_VALUE && breakersAllowed) {
                for (BoundBreaker b : breakers) {
                    if (b.name().equals(n)) {
                        found = -1 - b.index();
                    }
                }
            }
            if (found == Integer.MIN_VALUE) {
                throw new PacketGridException(where + "[" + k + "]", "no " + (breakersAllowed ? "DG unit or breaker" : "DG unit")
                        + " named '" + n + "'");
            }
            out[k] = found;
        }
        return out;
    }

    private void faultBuses(FaultSection f, Topology topo) {
        if (!f.buses().isEmpty()) {
            for (int i = 0; i < f.buses().size(); i++) {
                String b = f.buses().get(i);
                if (nodes.bus(b) < 0) {
                    throw new PacketGridException("faults.buses[" + i + "]", "bus " + b + " is not in this feeder");
                }
                faultBuses.add(new FaultBus(b.toLowerCase(Locale.ROOT), phasesOf(b)));
            }
            return;
        }
        String zone = relays.get(0).terminal().elementName();
        BitSet down = topo.downstream(zone);
        for (int b = down.nextSetBit(0); b >= 0; b = down.nextSetBit(b + 1)) {
            int[] ph = phasesOf(nodes.busName(b));
            if (ph.length == 3) {
                faultBuses.add(new FaultBus(nodes.busName(b), ph));
            }
        }
        if (faultBuses.isEmpty()) {
            throw new PacketGridException("faults.buses", "no three-phase bus downstream of " + zone);
        }
    }

    private int[] phasesOf(String bus) {
        List<Integer> ph = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            if (nodes.node(bus, p) >= 0) {
                ph.add(p);
            }
        }
        return ph.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The {@code protection validate} scenario it was built from (null when bound to a study's feeder). */
    public ProtectionScenario scenario() {
        return scenario;
    }

    /** The protection it binds. */
    public ProtectionSection section() {
        return section;
    }

    public Feeder feeder() {
        return feeder;
    }

    /** {@link #build}'s feeder as solved when loaded, for fault analyses (null for a system bound to a study's feeder). */
    public PreFaultState preFault() {
        return preFault;
    }

    public List<BoundRelay> relays() {
        return relays;
    }

    public List<BoundBreaker> breakers() {
        return breakers;
    }

    public List<BoundDg> dgs() {
        return dgs;
    }

    public List<BoundScheme> schemes() {
        return schemes;
    }

    public List<FaultBus> faultBuses() {
        return faultBuses;
    }

    /** Radio endpoint of device {@code i}. */
    public List<String> endpoints() {
        return endpoints;
    }

    /** Base map position of device {@code i} (metres). */
    public double[] position(int device) {
        return positions.get(device).clone();
    }

    /** Map positions of the feeder's loads (homes), metres; empty without coordinates. */
    public List<double[]> homePositions() {
        return homes.stream().map(double[]::clone).toList();
    }

    /** Device index of a DG unit. */
    public int deviceOfDg(int dg) {
        return deviceIndex.get(dgs.get(dg).name());
    }

    /** Device index of a breaker. */
    public int deviceOfBreaker(int breaker) {
        return deviceIndex.get(breakers.get(breaker).name());
    }

    /** Device index of a relay. */
    public int deviceOfRelay(int relay) {
        return deviceIndex.get(relays.get(relay).name());
    }
}
