package io.packetgrid.cosim.record;

/** One time series: a row of numbers per time. Owned and written by one federate. */
public interface SeriesWriter {
    /** Appends a row at {@code timeNs}; {@code values} match the series' columns. */
    void row(long timeNs, double... values);
}
