package io.packetgrid.studies.sweep.spec;

/**
 * A metric to collect from each run's {@code summary.json}: {@code variant.metric} (one column) or a bare
 * {@code metric} (one column per variant that reports it). {@code location} names the sweep-file entry.
 */
public record MetricRequest(String variant, String metric, String location) {

    /** As written in the sweep file. */
    public String text() {
        return variant == null ? metric : variant + "." + metric;
    }
}
