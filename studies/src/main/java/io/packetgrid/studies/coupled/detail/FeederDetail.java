package io.packetgrid.studies.coupled.detail;

import io.packetgrid.studies.coupled.scenario.OutputSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * One feeder's part of a variant's detailed tables ({@code outputs.detail}): per household and per node,
 * every {@code stride}-th grid step, tidy. Each feeder writes its own gzip parts (feeders step in parallel);
 * {@link #join} puts them together in feeder order.
 */
public final class FeederDetail implements AutoCloseable {
    public static final List<String> HOUSEHOLDS = List.of("time_s", "feeder", "household", "load", "p_kw", "v_pu");
    public static final List<String> NODES = List.of("time_s", "feeder", "bus", "node", "v_pu", "v_v");
    public static final List<String> FEEDERS = List.of("time_s", "feeder", "base_kw", "devices_kw", "households_kw", "loads_kw",
            "source_kw", "losses_kw");

    private final String feeder;
    private final OutputSpec.Detail spec;
    private final GzipTable households;
    private final GzipTable nodes;
    private final GzipTable feeders;

    /**
     * @param parts  the folder of the parts ({@code <variant>/detail/parts})
     * @param first  whether this is the first feeder (its parts carry the header)
     */
    public FeederDetail(Path parts, String feeder, boolean first, OutputSpec.Detail spec) {
        this.feeder = feeder;
        this.spec = spec;
        this.households = spec.households() ? new GzipTable(parts.resolve("households-" + feeder + ".csv.gz"), HOUSEHOLDS, first) : null;
        this.nodes = spec.anyNodes() ? new GzipTable(parts.resolve("node_voltages-" + feeder + ".csv.gz"), NODES, first) : null;
        this.feeders = spec.households() ? new GzipTable(parts.resolve("feeders-" + feeder + ".csv.gz"), FEEDERS, first) : null;
    }

    public OutputSpec.Detail spec() {
        return spec;
    }

    /** Whether grid step k is written. */
    public boolean due(int k) {
        return k % spec.stride() == 0;
    }

    public boolean households() {
        return households != null;
    }

    public boolean nodes() {
        return nodes != null;
    }

    public void household(double timeS, String household, String load, double pKw, double vPu) {
        households.row(timeS, feeder, household, load, pKw, vPu);
    }

    /** The feeder's totals at the step (full precision; the households' rows add up to households_kw). */
    public void feeder(double timeS, double baseKw, double devicesKw, double loadsKw, double sourceKw, double lossesKw) {
        feeders.row(timeS, feeder, baseKw, devicesKw, baseKw + devicesKw, loadsKw, sourceKw, lossesKw);
    }

    public void node(double timeS, String bus, int node, double vPu, double vV) {
        nodes.row(timeS, feeder, bus, node, vPu, vV);
    }

    @Override
    public void close() {
        if (households != null) {
            households.close();
        }
        if (nodes != null) {
            nodes.close();
        }
        if (feeders != null) {
            feeders.close();
        }
    }

    /** Joins the feeders' parts into {@code <dir>/households.csv.gz}, {@code feeders.csv.gz} and {@code node_voltages.csv.gz}, in feeder order. */
    public static void join(Path dir, Path parts, List<String> feeders, OutputSpec.Detail spec) {
        if (spec.households()) {
            GzipTable.concatenate(feeders.stream().map(f -> parts.resolve("households-" + f + ".csv.gz")).toList(),
                    dir.resolve("households.csv.gz"));
            GzipTable.concatenate(feeders.stream().map(f -> parts.resolve("feeders-" + f + ".csv.gz")).toList(),
                    dir.resolve("feeders.csv.gz"));
        }
        if (spec.anyNodes()) {
            GzipTable.concatenate(feeders.stream().map(f -> parts.resolve("node_voltages-" + f + ".csv.gz")).toList(),
                    dir.resolve("node_voltages.csv.gz"));
        }
        try {
            java.nio.file.Files.deleteIfExists(parts);
        } catch (java.io.IOException e) {
            // an empty folder left behind is harmless
        }
    }
}
