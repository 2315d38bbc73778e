package io.packetgrid.studies.coupled.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.studies.coupled.VariantResult;
import io.packetgrid.studies.coupled.VariantRunner;
import io.packetgrid.studies.coupled.grid.FeederTemplate;
import io.packetgrid.studies.coupled.household.FeederPlan;
import io.packetgrid.studies.coupled.scenario.CoupledScenario;
import io.packetgrid.studies.coupled.scenario.FeederSpec;
import io.packetgrid.studies.protection.model.FeederLoader;
import io.packetgrid.studies.protection.model.ProtectionSystem;
import io.packetgrid.studies.protection.scenario.BreakerSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The coupled study's time line, where the study meets it: the protection's DG units added to the feeder,
 * every check before the run (events, island, protection; one feeder), and the outputs (the events'
 * objects and metrics in {@code summary.json}, the printed table's extra rows, {@code timeline.png}).
 */
public final class Timeline {
    /** Rows the printed table adds when a study has {@code events:}. */
    public static final List<String> ROWS = List.of("energy_not_served_kwh", "customer_interruption_minutes", "fault_isolation_ms",
            "island_survived");

    private Timeline() {
    }

    /** Whether the scenario has anything on a time line. */
    static boolean present(CoupledScenario s) {
        return s.events() != null || s.island() != null || s.communityBattery() != null || s.protection() != null;
    }

    /**
     * The template with the protection's DG units as generators ({@code New Generator}, as {@code protection
     * validate} adds them), or the template itself when there are none.
     */
    public static FeederTemplate withProtectionDg(CoupledScenario s, FeederTemplate template, Path dir, String source, int steps) {
        if (s.protection() == null || s.protection().dg().isEmpty()) {
            return template;
        }
        String dg;
        try {
            dg = FeederLoader.dgCommands(template.feeder(), s.protection().dg(), "protection.dg");
        } catch (PacketGridException e) {
            throw e.within(source);
        }
        FeederSpec f = s.feeder();
        List<String> commands = new ArrayList<>(f.commands());
        commands.addAll(List.of(dg.split("\n")));
        FeederSpec with = new FeederSpec(f.script(), commands, f.copies(), f.spacingM(), f.columns(), f.busCoords(),
                f.onNonconvergence(), f.mv());
        return FeederTemplate.load(with, dir, source + ": feeder", s.start().seconds() / 3600, s.gridStep().ns(), steps);
    }

    /**
     * Checks the time line before anything runs and hands the plan to the runner.
     *
     * @throws PacketGridException one line naming the field at fault
     */
    public static void check(CoupledScenario s, FeederTemplate template, List<FeederPlan> plans, VariantRunner runner, String source) {
        if (!present(s)) {
            return;
        }
        boolean busy = (s.events() != null && !s.events().isEmpty()) || s.island() != null || s.communityBattery() != null
                || s.protection() != null;
        if (busy && plans.size() != 1) {
            throw new PacketGridException(source + ": feeder.copies", "events, an island and protection run on one feeder (copies: 1)");
        }
        List<BreakerSpec> breakers = s.protection() == null ? List.of() : s.protection().breakers();
        if (s.protection() != null) {
            // bound once on a copy now, so that a wrong relay or breaker stops the study before it runs
            try {
                ProtectionSystem.bind(s.protection(), template.newFeeder(), template.coordinates(), template.originBus());
            } catch (PacketGridException e) {
                throw e.within(source + ": protection");
            }
        }
        runner.events(EventPlan.of(s, template.feeder(), breakers, plans.get(0).name(), source));
    }

    /** The variant's events metrics, for the table and the JSON. */
    public static Map<String, Object> metrics(EventResults r) {
        return new LinkedHashMap<>(r.metrics());
    }

    /** The printed table's rows with the events metrics. */
    public static List<String> table(List<String> rows) {
        List<String> out = new ArrayList<>(rows);
        out.addAll(ROWS);
        return out;
    }

    /** {@code events}: one object per event, into the variant's JSON. */
    public static void write(ObjectNode variant, EventResults r) {
        ArrayNode list = variant.putArray("events");
        for (Map<String, Object> e : r.events()) {
            ObjectNode o = list.addObject();
            e.forEach((k, v) -> put(o, k, v));
        }
    }

    private static void put(ObjectNode o, String k, Object v) {
        if (v == null) {
            o.putNull(k);
        } else if (v instanceof Boolean b) {
            o.put(k, b);
        } else if (v instanceof Double d) {
            if (Double.isFinite(d)) {
                o.put(k, d);
            } else {
                o.putNull(k);
            }
        } else if (v instanceof Long l) {
            o.put(k, l);
        } else if (v instanceof Integer i) {
            o.put(k, i);
        } else if (v instanceof List<?> list) {
            ArrayNode a = o.putArray(k);
            for (Object x : list) {
                a.add(String.valueOf(x));
            }
        } else {
            o.put(k, String.valueOf(v));
        }
    }

    /** {@code <variant>/timeline.png} for every variant with a time line. */
    public static void plots(Path dir, CoupledScenario s, Map<String, VariantResult> results) {
        for (Map.Entry<String, VariantResult> e : results.entrySet()) {
            EventResults r = e.getValue().events();
            if (r != null && r.recorder() != null) {
                TimelinePlot.draw(dir.resolve(e.getKey()).resolve("timeline.png"), s, e.getKey(), r);
            }
        }
    }

    static double hour(CoupledScenario s, long tNs) {
        return (s.start().ns() + tNs) / (double) SimTime.H;
    }
}
