package io.packetgrid.studies.sweep.results;

/** A metric column of results.csv: one metric of one variant of the study, named {@code variant.metric}. */
public record MetricColumn(String variant, String metric) {
    public String name() {
        return variant + "." + metric;
    }
}
