package io.packetgrid.studies.sweep.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.studies.sweep.spec.Assignment;
import io.packetgrid.studies.sweep.spec.Dimension;
import io.packetgrid.studies.sweep.spec.Overrides;
import io.packetgrid.studies.sweep.spec.SweepField;
import io.packetgrid.studies.sweep.spec.SweepSpec;
import io.packetgrid.studies.sweep.spec.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of a sweep in canonical order, each with its stable id, and the scenario tree of each run.
 * Building the plan applies every override of every run, so an override the base tree cannot hold
 * (a path through a value that is not a section, past the end of a list) is reported before anything runs.
 * The order: points in odometer order over the dimensions as written (axes, then zipped groups; the
 * last one varies fastest), and for each point its seeds in the order given.
 */
public final class SweepPlan {
    private final SweepSpec spec;
    private final List<SweepField> columns;
    private final List<Run> runs;

    private SweepPlan(SweepSpec spec, List<SweepField> columns, List<Run> runs) {
        this.spec = spec;
        this.columns = columns;
        this.runs = runs;
    }

    public static SweepPlan of(SweepSpec spec) {
        List<SweepField> columns = spec.sweptFields();
        List<Run> runs = new ArrayList<>();
        int points = Math.toIntExact(spec.pointCount());
        Map<String, Run> byId = new HashMap<>();
        for (int p = 0; p < points; p++) {
            List<JsonNode> params = params(spec.dimensions(), p);
            for (long seed : spec.seeds()) {
                ObjectNode scenario = scenario(spec, params, seed);
                Run r = new Run(runs.size(), p, seed, RunIds.of(scenario), params);
                Run clash = byId.putIfAbsent(r.id(), r);
                if (clash != null) {
                    if (Values.canonical(scenario(spec, clash.params(), clash.seed())).equals(Values.canonical(scenario))) {
                        throw new PacketGridException(spec.file(), "points p" + clash.point() + " and p" + p
                                + " run the same scenario: a later field overrides what an earlier one varies ("
                                + describe(columns, clash.params()) + " vs " + describe(columns, params) + ")");
                    }
                    // two distinct scenarios with one 64-bit id: astronomically unlikely, but never merge them
                    throw new IllegalStateException("run id collision between " + clash.label() + " and " + r.label());
                }
                runs.add(r);
            }
        }
        return new SweepPlan(spec, columns, Collections.unmodifiableList(runs));
    }

    private static String describe(List<SweepField> columns, List<JsonNode> params) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(columns.get(i).column()).append('=').append(Values.display(params.get(i)));
        }
        return b.toString();
    }

    /** The values of point {@code p}, one per swept field in column order. */
    static List<JsonNode> params(List<Dimension> dims, int p) {
        List<List<JsonNode>> chosen = new ArrayList<>(Collections.nCopies(dims.size(), null));
        int rest = p;
        for (int d = dims.size() - 1; d >= 0; d--) {
            int n = dims.get(d).size();
            chosen.set(d, dims.get(d).tuples().get(rest % n));
            rest /= n;
        }
        List<JsonNode> params = new ArrayList<>();
        chosen.forEach(params::addAll);
        return params;
    }

    static ObjectNode scenario(SweepSpec spec, List<JsonNode> params, long seed) {
        ObjectNode tree = spec.baseTree().deepCopy();
        for (Assignment a : spec.fixed()) {
            Overrides.apply(tree, a.field(), a.value());
        }
        List<SweepField> fields = spec.sweptFields();
        for (int i = 0; i < fields.size(); i++) {
            Overrides.apply(tree, fields.get(i), params.get(i));
        }
        tree.put("seed", seed);
        return tree;
    }

    /** The exact scenario tree of a run (a fresh copy the study may keep). */
    public ObjectNode scenario(Run run) {
        return scenario(spec, run.params(), run.seed());
    }

    public SweepSpec spec() {
        return spec;
    }

    /** The swept fields, in column order. */
    public List<SweepField> columns() {
        return columns;
    }

    public List<Run> runs() {
        return runs;
    }

    public int pointCount() {
        return runs.isEmpty() ? 0 : runs.get(runs.size() - 1).point() + 1;
    }
}
