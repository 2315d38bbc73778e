package io.packetgrid.studies.coupled.events;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.studies.coupled.scenario.EventSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A feeder's time line: at each event's time it publishes the values that make the grid act (the switches
 * it opens and closes, the island request) and writes the event into the run's event log ({@code event},
 * {@code events[i] <kind> ...}); the grid, the protection and the radio log what followed. Faults, outages and
 * bursts act through the protection instrument, the network and the radio, which hold their own schedules.
 */
public final class EventFederate implements Federate {
    private final String name;
    private final EventPlan plan;
    private final Map<String, ValueKey<Double>> keys = new LinkedHashMap<>();
    private final ValueKey<Double> request;
    private final TreeMap<Long, List<Runnable>> due = new TreeMap<>();
    private Step step;

    public EventFederate(String name, EventPlan plan) {
        this.name = name;
        this.plan = plan;
        for (var s : plan.switches()) {
            keys.put(s.key(), ValueKey.ofDouble(s.key(), 0.5));
        }
        this.request = plan.requestKey() == null ? null : ValueKey.ofDouble(plan.requestKey(), 0.5);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long initialize(Setup setup) {
        for (ValueKey<Double> k : keys.values()) {
            setup.publishes(k, 0.0);
        }
        if (request != null) {
            setup.publishes(request, 0.0);
        }
        due.clear();
        List<EventSpec> evs = plan.events();
        for (int i = 0; i < evs.size(); i++) {
            int index = i;
            EventSpec e = evs.get(i);
            at(e.at().ns(), () -> step.event("event", describe(index, e)));
            if (e.until() != null) {
                at(e.until().ns(), () -> step.event("event_end", "index=" + index + " kind=" + e.kind().label()));
            }
        }
        for (EventPlan.Switching s : plan.switching()) {
            at(s.atNs(), () -> step.publish(keys.get(s.key()), s.open() ? 1.0 : 0.0));
        }
        for (EventPlan.IslandRequest r : plan.requests()) {
            at(r.atNs(), () -> step.publish(request, r.island() ? 1.0 : 0.0));
        }
        return due.isEmpty() ? SimTime.NEVER : due.firstKey();
    }

    private void at(long t, Runnable r) {
        due.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
    }

    @Override
    public long step(Step s) {
        this.step = s;
        if (s.iteration() == 0) {
            while (!due.isEmpty() && due.firstKey() <= s.now()) {
                for (Runnable r : due.pollFirstEntry().getValue()) {
                    r.run();
                }
            }
        }
        this.step = null;
        return due.isEmpty() ? SimTime.NEVER : due.firstKey();
    }

    /** One line for the event log, as key=value words (the event table's columns). */
    static String describe(int i, EventSpec e) {
        StringBuilder b = new StringBuilder("index=").append(i).append(" kind=").append(e.kind().label());
        if (e.element() != null) {
            b.append(" element=").append(e.element());
        }
        if (e.terminal() != null) {
            b.append(" terminal=").append(e.terminal());
        }
        if (e.bus() != null) {
            b.append(" bus=").append(e.bus());
        }
        if (e.type() != null) {
            b.append(" type=").append(e.type());
        }
        if (e.resistanceOhm() != null) {
            b.append(String.format(Locale.ROOT, " resistance_ohm=%s", e.resistanceOhm()));
        }
        if (e.temporary() != null) {
            b.append(" temporary=").append(e.temporary());
        }
        if (e.aggregator() != null) {
            b.append(" aggregator=").append(e.aggregator());
        }
        if (e.until() != null) {
            b.append(" until=").append(e.until());
        }
        return b.toString();
    }
}
