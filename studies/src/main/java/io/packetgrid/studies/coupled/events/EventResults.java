package io.packetgrid.studies.coupled.events;

import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.pem.policy.EmergencyMode;
import io.packetgrid.studies.coupled.scenario.EventSpec;
import io.packetgrid.studies.coupled.scenario.EventSpec.Kind;
import io.packetgrid.studies.protection.sim.ProtectionCoSimulation;
import io.packetgrid.studies.protection.sim.ProtectionInstrument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What followed each event of one variant's run, and the variant's events metrics (CLI.md, "Output"): per
 * event {@code kind}, {@code at_s} and its consequences — a fault's {@code isolation_ms} (inception to the
 * moment no source reached it, i.e. the last breaker that cleared it), {@code breakers_opened},
 * {@code messages} and {@code messages_lost} (the protection messages sent from its inception until the next
 * fault); an island's {@code island_survived}, {@code island_duration_s} (energised, from the PCC opening to
 * its reconnection, its collapse or the end), {@code min_soc} (%), {@code emergency_minutes}; a reconnection's
 * closing time, synchronisation wait and rebound peak — and the metrics {@code energy_not_served_kwh},
 * {@code customer_interruption_minutes}, {@code fault_isolation_ms} (the worst) and {@code island_survived}
 * (every island). Numbers that do not exist are null: a fault never isolated (and then the worst too), a fault
 * on a part that had no supply at its inception ({@code energised_at_inception: false}: nothing to isolate).
 */
public final class EventResults {
    private final List<Map<String, Object>> events = new ArrayList<>();
    private final Map<String, Object> metrics = new LinkedHashMap<>();
    private final TimelineRecorder recorder;
    private ProtectionCoSimulation.Outcome protection;
    private List<EventNetwork.Sent> messages = List.of();
    private final List<long[]> faultTimes = new ArrayList<>();

    private EventResults(TimelineRecorder recorder) {
        this.recorder = recorder;
    }

    /**
     * @param protection  what the IED and DG federates saw (null without protection)
     * @param instrument  the protection instrument (fault isolation times), or null
     * @param network     the protection messages' fates, or null (no network)
     * @param emergency   the server's emergency mode, or null
     */
    public static EventResults of(EventPlan plan, TimelineRecorder recorder, ProtectionCoSimulation.Outcome protection,
                                  ProtectionInstrument instrument, EventNetwork network, EmergencyMode emergency, long endNs) {
        EventResults r = new EventResults(recorder);
        r.protection = protection;
        r.messages = network == null ? List.of() : network.protectionMessages();
        List<EventSpec> evs = plan.events();
        // faults in time order ↔ the instrument's faults
        List<Integer> faultEvents = new ArrayList<>();
        for (EventPlan.Fault f : plan.faults()) {
            faultEvents.add(f.event());
        }
        faultEvents.sort((a, b) -> Long.compare(evs.get(a).at().ns(), evs.get(b).at().ns()));
        List<Integer> islandEvents = new ArrayList<>();
        List<Integer> reconnectEvents = new ArrayList<>();
        for (EventPlan.IslandRequest q : plan.requests()) {
            (q.island() ? islandEvents : reconnectEvents).add(q.event());
        }
        List<TimelineRecorder.Island> islands = recorder.islands();
        double worstIsolation = Double.NaN;
        boolean anyFault = false;
        boolean neverIsolated = false;
        Boolean allSurvived = islandEvents.isEmpty() ? null : Boolean.TRUE;
        for (int i = 0; i < evs.size(); i++) {
            EventSpec e = evs.get(i);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("kind", e.kind().label());
            o.put("at_s", e.at().seconds());
            if (e.until() != null) {
                o.put("until_s", e.until().seconds());
            }
            if (e.element() != null) {
                o.put("element", e.element());
            }
            if (e.aggregator() != null) {
                o.put("aggregator", e.aggregator());
            }
            switch (e.kind()) {
                case FAULT -> {
                    anyFault = true;
                    int k = faultEvents.indexOf(i);
                    long at = e.at().ns();
                    long next = k + 1 < faultEvents.size() ? evs.get(faultEvents.get(k + 1)).at().ns() : Long.MAX_VALUE;
                    long iso = instrument == null ? SimTime.NEVER : instrument.isolatedNs(k);
                    r.faultTimes.add(new long[] {at, iso});
                    boolean energised = iso != at;
                    // a fault on a part without supply draws nothing: no isolation to time (null), not counted in the worst
                    Double ms = iso == SimTime.NEVER || !energised ? null : (iso - at) / 1e6;
                    o.put("energised_at_inception", energised);
                    o.put("bus", instrument == null ? e.bus() : instrument.faults().get(k).spec().bus());
                    o.put("type", instrument == null ? e.type() : instrument.faults().get(k).spec().type().label());
                    o.put("isolation_ms", ms);
                    if (ms == null) {
                        neverIsolated |= energised;
                    } else {
                        worstIsolation = Double.isNaN(worstIsolation) ? ms : Math.max(worstIsolation, ms);
                    }
                    List<String> opened = new ArrayList<>();
                    List<String> reclosed = new ArrayList<>();
                    List<String> locked = new ArrayList<>();
                    if (protection != null) {
                        List<long[]> order = new ArrayList<>();
                        List<String> names = new ArrayList<>(protection.opensNs().keySet());
                        for (int b = 0; b < names.size(); b++) {
                            for (long t : protection.opensNs().get(names.get(b))) {
                                if (t >= at && t < next) {
                                    order.add(new long[] {t, b});
                                }
                            }
                            for (long t : protection.closesNs().get(names.get(b))) {
                                if (t >= at && t < next) {
                                    reclosed.add(names.get(b));
                                }
                            }
                            if (protection.lockedOut().get(names.get(b)) && !protection.opensNs().get(names.get(b)).isEmpty()
                                    && protection.opensNs().get(names.get(b)).get(0) >= at && protection.opensNs().get(names.get(b)).get(0) < next) {
                                locked.add(names.get(b));
                            }
                        }
                        order.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
                        for (long[] x : order) {
                            opened.add(names.get((int) x[1]));
                        }
                    }
                    o.put("breakers_opened", opened.size());
                    o.put("breakers", opened);
                    o.put("reclosed", reclosed);
                    o.put("locked_out", locked);
                    List<String> dgs = new ArrayList<>();
                    if (protection != null) {
                        protection.dgStopNs().forEach((d, t) -> {
                            if (t != SimTime.NEVER && t >= at && t < next) {
                                dgs.add(d);
                            }
                        });
                    }
                    o.put("dg_tripped", dgs);
                    long sent = 0;
                    long lost = 0;
                    long worst = -1;
                    if (network != null) {
                        for (EventNetwork.Sent m : network.protectionMessages()) {
                            if (m.sentNs() >= at && m.sentNs() < next) {
                                sent++;
                                if (!m.delivered()) {
                                    lost++;
                                } else {
                                    worst = Math.max(worst, m.latencyNs());
                                }
                            }
                        }
                    }
                    o.put("messages", sent);
                    o.put("messages_lost", lost);
                    o.put("message_latency_max_ms", worst < 0 ? null : worst / 1e6);
                }
                case ISLAND -> {
                    int k = islandEvents.indexOf(i);
                    TimelineRecorder.Island is = k < islands.size() ? islands.get(k) : null;
                    if (is == null) {
                        o.put("island_survived", null);
                        break;
                    }
                    long endIsland = is.collapseNs != SimTime.NEVER ? is.collapseNs : is.closeNs != SimTime.NEVER ? is.closeNs : endNs;
                    boolean survived = is.collapseNs == SimTime.NEVER;
                    allSurvived = allSurvived && survived;
                    o.put("island_survived", survived);
                    o.put("island_duration_s", (endIsland - is.openNs) / 1e9);
                    o.put("min_soc", Double.isFinite(is.minSocPct) ? is.minSocPct : null);
                    o.put("start_soc", is.startSocPct);
                    o.put("emergency_minutes", emergency == null ? 0.0 : overlapMinutes(emergency.spans(endNs), is.openNs, endIsland));
                    o.put("collapse_at_s", is.collapseNs == SimTime.NEVER ? null : is.collapseNs / 1e9);
                    o.put("energy_not_served_kwh", is.unservedKwh);
                }
                case RECONNECT -> {
                    int k = reconnectEvents.indexOf(i);
                    TimelineRecorder.Island is = k < islands.size() ? islands.get(k) : null;
                    Double closed = is == null || is.closeNs == SimTime.NEVER ? null : is.closeNs / 1e9;
                    o.put("reconnected_at_s", closed);
                    o.put("sync_wait_s", closed == null ? null : closed - e.at().seconds());
                    o.put("dead_island", is != null && is.collapseNs != SimTime.NEVER);
                    o.put("rebound_peak_kw", is == null || Double.isNaN(is.reboundPeakKw) ? null : is.reboundPeakKw);
                }
                default -> {
                }
            }
            r.events.add(o);
        }
        r.metrics.put("energy_not_served_kwh", recorder.unservedKwh());
        r.metrics.put("customer_interruption_minutes", recorder.customerInterruptionMinutes());
        r.metrics.put("fault_isolation_ms", !anyFault || neverIsolated || Double.isNaN(worstIsolation) ? null : worstIsolation);
        r.metrics.put("island_survived", allSurvived);
        return r;
    }

    /** A study with an empty {@code events:} list: nothing happened. */
    public static EventResults empty() {
        EventResults r = new EventResults(null);
        r.metrics.put("energy_not_served_kwh", 0.0);
        r.metrics.put("customer_interruption_minutes", 0.0);
        r.metrics.put("fault_isolation_ms", null);
        r.metrics.put("island_survived", null);
        return r;
    }

    private static double overlapMinutes(List<long[]> spans, long from, long until) {
        double ns = 0;
        for (long[] s : spans) {
            long a = Math.max(s[0], from);
            long b = Math.min(s[1], until);
            if (b > a) {
                ns += b - a;
            }
        }
        return ns / 6e10;
    }

    /** One object per event, in the scenario's order. */
    public List<Map<String, Object>> events() {
        return events;
    }

    /** The variant's events metrics (values may be null). */
    public Map<String, Object> metrics() {
        return metrics;
    }

    /** The time-line rows (null for an empty time line). */
    public TimelineRecorder recorder() {
        return recorder;
    }

    /** What the protection's federates saw, or null. */
    public ProtectionCoSimulation.Outcome protection() {
        return protection;
    }

    /** The protection messages and their fates. */
    public List<EventNetwork.Sent> messages() {
        return messages;
    }

    /** Each fault's {inception, isolation} (ns; NEVER when never isolated), in time order. */
    public List<long[]> faultTimes() {
        return faultTimes;
    }
}
