package io.packetgrid.studies.coupled.events;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.grid.api.ElementInfo;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.fault.FaultSpec;
import io.packetgrid.grid.fault.FaultType;
import io.packetgrid.grid.federate.SwitchInput;
import io.packetgrid.grid.island.IslandSpec;
import io.packetgrid.grid.island.Microgrid;
import io.packetgrid.grid.island.ScriptStorage;
import io.packetgrid.grid.island.StorageSpec;
import io.packetgrid.grid.island.SynchronismCheck;
import io.packetgrid.radio.network.RadioConfig;
import io.packetgrid.studies.coupled.scenario.CommunityBatterySpec;
import io.packetgrid.studies.coupled.scenario.CoupledScenario;
import io.packetgrid.studies.coupled.scenario.EventSpec;
import io.packetgrid.studies.coupled.scenario.EventSpec.Kind;
import io.packetgrid.studies.coupled.scenario.IslandSettingsSpec;
import io.packetgrid.studies.coupled.scenario.NetworkSpec;
import io.packetgrid.studies.protection.scenario.BreakerSpec;
import io.packetgrid.studies.protection.sim.ProtectionInstrument.ScheduledFault;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A coupled study's {@code events:} list checked against the feeder, the radio and the time line before
 * anything runs, and turned into what the federates need: switch inputs and their schedule, the island
 * requests, the faults, the server's outages and the radio's outages and bursts. Every error is one line
 * naming the event and field ({@code events[2].element: no Line 'LINE99' in the feeder}).
 */
public final class EventPlan {

    /** A switching at a time: {@code key} takes {@code open ? 1 : 0}. */
    public record Switching(long atNs, String key, boolean open, int event) {
    }

    /** An island (true) or reconnection (false) request at a time. */
    public record IslandRequest(long atNs, boolean island, int event) {
    }

    /** A window during which the packet server neither receives nor replies. */
    public record Window(long fromNs, long untilNs, int event) {
    }

    /** An aggregator outage. */
    public record Outage(String aggregator, long fromNs, long untilNs, long reattachNs, int event) {
    }

    /** A background burst ({@code aggregator} null: every one). */
    public record Burst(String aggregator, long fromNs, long untilNs, double rachPerS, double pusch, int event) {
    }

    /** A fault and the event it came from. */
    public record Fault(ScheduledFault fault, int event) {
    }

    /** Default radio-link-failure time before devices re-attach (T310 = 1000 ms, TS 38.331). */
    static final long DEFAULT_REATTACH_NS = SimTime.S;

    private final List<EventSpec> events;
    private final List<SwitchInput> switches = new ArrayList<>();
    private final List<Switching> switching = new ArrayList<>();
    private final List<IslandRequest> requests = new ArrayList<>();
    private final List<Window> serverOutages = new ArrayList<>();
    private final List<Outage> outages = new ArrayList<>();
    private final List<Burst> bursts = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();
    private final IslandSpec island;
    private final String requestKey;

    private EventPlan(List<EventSpec> events, IslandSpec island, String requestKey) {
        this.events = events;
        this.island = island;
        this.requestKey = requestKey;
    }

    /** The plan of a study without events, island or protection. */
    public static EventPlan none() {
        return new EventPlan(List.of(), null, null);
    }

    /**
     * Checks the scenario's events, island and battery against the feeder's network and the radio.
     *
     * @param feeder   the feeder as the study loaded it (its elements and buses)
     * @param breakers the protection's breakers (their elements are switched by the protection, not by events)
     * @param prefix   the federates' prefix of the feeder ({@code f1}): value names
     * @param where    the scenario file, for errors
     * @throws PacketGridException one line naming the event and field
     */
    public static EventPlan of(CoupledScenario s, Feeder feeder, List<BreakerSpec> breakers, String prefix, String where) {
        List<EventSpec> evs = s.events() == null ? List.of() : s.events();
        IslandSpec island = island(s, feeder, where);
        String requestKey = prefix + "/events/island";
        EventPlan p = new EventPlan(evs, island, island == null ? null : requestKey);
        long end = s.duration().ns();
        // in time order (stable: equal times keep the file's order), the island state followed along
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < evs.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong(i -> evs.get(i).at().ns()));
        boolean islanded = false;
        Map<String, String> switchKeys = new LinkedHashMap<>();
        for (int i : order) {
            EventSpec e = evs.get(i);
            String at = where + ": events[" + i + "]";
            long t = e.at().ns();
            if (t >= end) {
                throw new PacketGridException(at + ".at", e.at() + " is not before the end of the study (" + s.duration() + ")");
            }
            allowed(e, at);
            switch (e.kind()) {
                case FAULT -> p.faults.add(new Fault(new ScheduledFault(fault(e, feeder, at), t, e.temporary() != null && e.temporary()), i));
                case OPEN, CLOSE -> {
                    ElementInfo sw = switchable(feeder, e.element(), at + ".element");
                    for (BreakerSpec b : breakers) {
                        if (b.element().equalsIgnoreCase(sw.name()) || ("Line." + b.element()).equalsIgnoreCase(sw.name())) {
                            throw new PacketGridException(at + ".element", sw.name() + " is breaker " + b.name()
                                    + "'s element: its relay opens it");
                        }
                    }
                    if (island != null && sw.name().equalsIgnoreCase(island.settings().pcc())) {
                        throw new PacketGridException(at + ".element", sw.name() + " is the PCC: use island and reconnect");
                    }
                    // OpenDSS's Open/Close switch one terminal, terminal 1 when none is given (ExecHelper.pas
                    // DoOpenCmd/DoCloseCmd: a missing terminal parses as 0, which CktElement.Set_ActiveTerminal
                    // ignores, leaving a fresh element's active terminal 1), every phase conductor of it
                    int term = e.terminal() == null ? 1 : e.terminal();
                    if (term < 1 || term > sw.terminals()) {
                        throw new PacketGridException(at + ".terminal", sw.name() + " has terminals 1.." + sw.terminals()
                                + " (one terminal per event, default 1 as OpenDSS's Open/Close)");
                    }
                    String id = sw.name() + "/" + term;
                    String key = switchKeys.get(id);
                    if (key == null) {
                        key = prefix + "/events/switch/" + id.toLowerCase(Locale.ROOT);
                        switchKeys.put(id, key);
                        p.switches.add(new SwitchInput(sw.name(), term, key));
                    }
                    p.switching.add(new Switching(t, key, e.kind() == Kind.OPEN, i));
                }
                case ISLAND -> {
                    if (island == null) {
                        throw new PacketGridException(at + ".kind", "island needs the scenario's island: and community_battery: sections");
                    }
                    if (islanded) {
                        throw new PacketGridException(at + ".kind", "island at " + e.at() + ": the feeder is already islanded");
                    }
                    islanded = true;
                    p.requests.add(new IslandRequest(t, true, i));
                }
                case RECONNECT -> {
                    if (!islanded) {
                        throw new PacketGridException(at + ".kind", "reconnect at " + e.at() + " without an island before it");
                    }
                    islanded = false;
                    p.requests.add(new IslandRequest(t, false, i));
                }
                case SERVER_OUTAGE -> p.serverOutages.add(new Window(t, until(e, s, at), i));
                case AGGREGATOR_OUTAGE -> {
                    radio(s, at);
                    String a = aggregator(s.radio(), e.aggregator(), at, false);
                    long re = e.reattach() == null ? DEFAULT_REATTACH_NS : e.reattach().ns();
                    p.outages.add(new Outage(a, t, until(e, s, at), re, i));
                }
                case BACKGROUND_BURST -> {
                    radio(s, at);
                    String a = aggregator(s.radio(), e.aggregator(), at, true);
                    double rach = e.rachAttemptsPerS() == null ? 0 : e.rachAttemptsPerS();
                    double pusch = e.puschUtilization() == null ? 0 : e.puschUtilization();
                    if (!(rach >= 0) || Double.isInfinite(rach)) {
                        throw new PacketGridException(at + ".rach_attempts_per_s", "must be a number ≥ 0");
                    }
                    if (!(pusch >= 0 && pusch <= 1)) {
                        throw new PacketGridException(at + ".pusch_utilization", "must be a share in [0, 1]");
                    }
                    if (rach == 0 && pusch == 0) {
                        throw new PacketGridException(at, "a background burst needs rach_attempts_per_s or pusch_utilization");
                    }
                    p.bursts.add(new Burst(a, t, until(e, s, at), rach, pusch, i));
                }
            }
        }
        if (!p.faults.isEmpty() && s.protection() == null) {
            throw new PacketGridException(where + ": events[" + p.faults.get(0).event() + "].kind",
                    "a fault needs the scenario's protection: section (relays and breakers that clear it)");
        }
        return p;
    }

    /** The grid-model island of the scenario's island: and community_battery: sections (both or neither). */
    private static IslandSpec island(CoupledScenario s, Feeder feeder, String where) {
        CommunityBatterySpec b = s.communityBattery();
        IslandSettingsSpec is = s.island();
        if (b == null && is == null) {
            return null;
        }
        if (b == null && (is == null || is.unit() == null)) {
            throw new PacketGridException(where + ": island", "needs community_battery: or unit: (the unit that forms the island)");
        }
        if (is == null) {
            throw new PacketGridException(where + ": community_battery", "needs island: (its point of common coupling)");
        }
        if (b != null && is.unit() != null) {
            throw new PacketGridException(where + ": island.unit", "the island is formed either by community_battery: or by the "
                    + "script's Storage unit:, not both");
        }
        double kva;
        if (b != null) {
            if (feeder.nodes().bus(b.bus()) < 0) {
                throw new PacketGridException(where + ": community_battery.bus", "no bus '" + b.bus() + "' in the feeder");
            }
            kva = b.kva();
        } else {
            try {
                kva = ScriptStorage.kva(feeder, is.unit());
            } catch (PacketGridException e) {
                throw e.within(where + ": island.unit");
            }
        }
        ElementInfo pcc = switchable(feeder, is.pcc(), where + ": island.pcc");
        if (is.pccTerminal() > pcc.terminals()) {
            throw new PacketGridException(where + ": island.pcc_terminal", pcc.name() + " has terminals 1.." + pcc.terminals());
        }
        SynchronismCheck.Window ieee = SynchronismCheck.ieee1547(kva);
        SynchronismCheck.Window w = new SynchronismCheck.Window(
                is.syncFrequencyHz() == null ? ieee.frequencyHz() : is.syncFrequencyHz(),
                is.syncVoltagePct() == null ? ieee.voltagePct() : is.syncVoltagePct(),
                is.syncAngleDeg() == null ? ieee.angleDeg() : is.syncAngleDeg());
        Microgrid.Settings settings = new Microgrid.Settings(pcc.name(), is.pccTerminal(), is.vSetPu(), is.droopPct(), 50.0,
                is.syncSlipHz(), is.maxEmfPu(), w);
        if (b == null) {
            return IslandSpec.ofScriptStorage(is.unit(), settings, "(set per feeder)");
        }
        StorageSpec storage = new StorageSpec(b.name(), b.kw(), b.kva(), b.kwh(), b.socPct(), b.reservePct(), b.chargeEfficiency(),
                b.dischargeEfficiency());
        return new IslandSpec(storage, b.bus(), b.kv(), b.rPu(), b.xPu(), settings, "(set per feeder)");
    }

    /** Which fields each kind takes: a field of another kind is a mistake worth one clear line. */
    private static void allowed(EventSpec e, String at) {
        Kind k = e.kind();
        boolean fault = k == Kind.FAULT;
        boolean sw = k == Kind.OPEN || k == Kind.CLOSE;
        boolean windowed = k == Kind.SERVER_OUTAGE || k == Kind.AGGREGATOR_OUTAGE || k == Kind.BACKGROUND_BURST;
        check(e.element() == null || fault || sw, at, "element", k);
        check(e.bus() == null || fault, at, "bus", k);
        check(e.type() == null || fault, at, "type", k);
        check(e.phases() == null || fault, at, "phases", k);
        check(e.resistanceOhm() == null || fault, at, "resistance_ohm", k);
        check(e.temporary() == null || fault, at, "temporary", k);
        check(e.terminal() == null || sw, at, "terminal", k);
        check(e.until() == null || windowed, at, "until", k);
        check(e.aggregator() == null || k == Kind.AGGREGATOR_OUTAGE || k == Kind.BACKGROUND_BURST, at, "aggregator", k);
        check(e.reattach() == null || k == Kind.AGGREGATOR_OUTAGE, at, "reattach", k);
        check(e.rachAttemptsPerS() == null || k == Kind.BACKGROUND_BURST, at, "rach_attempts_per_s", k);
        check(e.puschUtilization() == null || k == Kind.BACKGROUND_BURST, at, "pusch_utilization", k);
        if (sw && e.element() == null) {
            throw new PacketGridException(at + ".element", k.label() + " needs the element to switch");
        }
        if (windowed && e.until() == null) {
            throw new PacketGridException(at + ".until", k.label() + " needs until: (its end)");
        }
    }

    private static void check(boolean ok, String at, String field, Kind k) {
        if (!ok) {
            throw new PacketGridException(at + "." + field, "does not apply to a " + k.label() + " event");
        }
    }

    private static long until(EventSpec e, CoupledScenario s, String at) {
        long u = e.until().ns();
        if (u <= e.at().ns()) {
            throw new PacketGridException(at + ".until", e.until() + " is not after the event's time " + e.at());
        }
        if (u > s.duration().ns()) {
            throw new PacketGridException(at + ".until", e.until() + " is after the end of the study (" + s.duration() + ")");
        }
        return u;
    }

    private static void radio(CoupledScenario s, String at) {
        if (s.network().model() != NetworkSpec.Model.RADIO) {
            throw new PacketGridException(at + ".kind", "a radio event needs network: {model: radio}");
        }
    }

    private static String aggregator(RadioConfig r, String name, String at, boolean optional) {
        if (name == null) {
            if (optional) {
                return null;
            }
            throw new PacketGridException(at + ".aggregator", "name the aggregator (one of " + names(r) + ")");
        }
        for (RadioConfig.AggregatorConfig a : r.aggregators()) {
            if (a.name().equals(name)) {
                return name;
            }
        }
        throw new PacketGridException(at + ".aggregator", "no aggregator '" + name + "' in radio.aggregators (" + names(r) + ")");
    }

    private static String names(RadioConfig r) {
        return String.join(", ", r.aggregators().stream().map(RadioConfig.AggregatorConfig::name).toList());
    }

    /** A switchable element by name ({@code Class.name}; a bare name is a line), or an error naming it as written. */
    static ElementInfo switchable(Feeder feeder, String name, String where) {
        if (name == null || name.isBlank()) {
            throw new PacketGridException(where, "name the element (Line.X, Transformer.X)");
        }
        String full = name.contains(".") ? name : "Line." + name;
        String cls = full.substring(0, full.indexOf('.'));
        String bare = full.substring(full.indexOf('.') + 1);
        ElementInfo e = feeder.element(full);
        if (e == null) {
            throw new PacketGridException(where, "no " + cls + " '" + bare + "' in the feeder");
        }
        if (!e.switchable()) {
            throw new PacketGridException(where, e.name() + " cannot be opened or closed (a line, switch or transformer can)");
        }
        return e;
    }

    /** The fault of an event: at its bus, or at the far end (terminal 2) of its line. */
    private static FaultSpec fault(EventSpec e, Feeder feeder, String at) {
        if ((e.bus() == null) == (e.element() == null)) {
            throw new PacketGridException(at + ".bus", "a fault needs either bus: or element:");
        }
        String bus;
        if (e.bus() != null) {
            bus = e.bus();
            if (feeder.nodes().bus(bus) < 0) {
                throw new PacketGridException(at + ".bus", "no bus '" + bus + "' in the feeder");
            }
        } else {
            ElementInfo sw = switchable(feeder, e.element(), at + ".element");
            bus = sw.buses().get(sw.buses().size() - 1);
        }
        FaultType type = e.type() == null ? FaultType.LINE_TO_GROUND : FaultType.byLabel(e.type());
        if (type == null) {
            throw new PacketGridException(at + ".type", "unknown fault type '" + e.type() + "' (slg, ll, dlg, 3ph, 3phg)");
        }
        double r = e.resistanceOhm() == null ? 0.0 : e.resistanceOhm();
        FaultSpec f;
        try {
            f = e.phases() == null ? FaultSpec.of(bus, type, r)
                    : new FaultSpec(bus, type, e.phases().stream().mapToInt(Integer::intValue).toArray(), r);
        } catch (IllegalArgumentException x) {
            throw new PacketGridException(at + (e.phases() != null ? ".phases" : ".resistance_ohm"), x.getMessage());
        }
        for (int ph : f.phases()) {
            if (feeder.nodes().node(bus, ph) < 0) {
                throw new PacketGridException(at + (e.phases() != null ? ".phases" : ".bus"), "bus " + bus + " has no phase " + ph);
            }
        }
        return f;
    }

    public List<EventSpec> events() {
        return events;
    }

    public boolean empty() {
        return events.isEmpty() && island == null;
    }

    public List<SwitchInput> switches() {
        return switches;
    }

    public List<Switching> switching() {
        return switching;
    }

    public List<IslandRequest> requests() {
        return requests;
    }

    /** The grid-model island with its request value named for feeder {@code prefix}, or null. */
    public IslandSpec island() {
        return island == null ? null : island.withRequestKey(requestKey);
    }

    public String requestKey() {
        return requestKey;
    }

    public List<Window> serverOutages() {
        return serverOutages;
    }

    public List<Outage> outages() {
        return outages;
    }

    public List<Burst> bursts() {
        return bursts;
    }

    public List<Fault> faults() {
        return faults;
    }
}
