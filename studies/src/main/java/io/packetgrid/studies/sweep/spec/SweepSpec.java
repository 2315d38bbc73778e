package io.packetgrid.studies.sweep.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * A parsed sweep file: the base scenario (its tree, kind and folder), fixed overrides, the dimensions
 * of the cartesian product, the seeds of each point, the metrics and plots to produce, and Slurm settings.
 *
 * @param file       the sweep file's name, for messages
 * @param path       the sweep file (absolute)
 * @param name       the sweep's name (from {@code name:} or the file name)
 * @param base       the base scenario file (absolute), or null for the built-in default scenario
 * @param baseSource the base scenario's file name (or {@code built-in default scenario}), the source the
 *                   study names in its errors
 * @param metrics    metrics to collect, or null for every metric of every variant
 */
public record SweepSpec(String file, Path path, String name, Path base, String baseSource, ObjectNode baseTree,
                        String kind, List<Assignment> fixed, List<Dimension> dimensions, List<Long> seeds,
                        List<MetricRequest> metrics, List<PlotSpec> plots, boolean keepOutputs, SlurmSettings slurm) {
    public SweepSpec {
        fixed = List.copyOf(fixed);
        dimensions = List.copyOf(dimensions);
        seeds = List.copyOf(seeds);
        metrics = metrics == null ? null : List.copyOf(metrics);
        plots = List.copyOf(plots);
    }

    /** The folder against which relative paths in the base scenario resolve (null for the built-in one). */
    public Path baseDir() {
        return base == null ? null : base.getParent();
    }

    /** The swept fields in column order: the axes in file order, then the zipped groups. */
    public List<SweepField> sweptFields() {
        return dimensions.stream().flatMap(d -> d.fields().stream()).toList();
    }

    /** The number of points of the cartesian product (1 for a sweep of seeds only). */
    public long pointCount() {
        long n = 1;
        for (Dimension d : dimensions) {
            n = Math.multiplyExact(n, d.size());
        }
        return n;
    }
}
