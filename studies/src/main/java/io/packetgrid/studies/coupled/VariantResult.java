package io.packetgrid.studies.coupled;

import io.packetgrid.cosim.kernel.RunReport;
import io.packetgrid.radio.network.RadioStatistics;
import io.packetgrid.studies.coupled.events.EventResults;
import io.packetgrid.studies.coupled.grid.MvSeries;
import io.packetgrid.studies.coupled.scenario.VariantSpec;
import io.packetgrid.studies.coupled.sim.TrafficMeter;
import java.util.List;

/**
 * One variant's run: per feeder, the traffic (null under local control), the radio's own statistics
 * (null unless the radio model carried the traffic), the kernel's report (counts, wall-time profile), what
 * followed the study's events (null without {@code events:}) and on an MV network its MV series (null otherwise).
 */
public record VariantResult(VariantSpec spec, List<FeederRun> feeders, TrafficMeter traffic, RadioStatistics radio,
                            RunReport report, EventResults events, MvSeries mv) {

    /** A run without a time line of events, on LV feeders. */
    public VariantResult(VariantSpec spec, List<FeederRun> feeders, TrafficMeter traffic, RadioStatistics radio, RunReport report) {
        this(spec, feeders, traffic, radio, report, null, null);
    }

    /** The sum over feeders of a per-device-step series. */
    public double[] flexKw() {
        return sum(FeederRunSeries.FLEX);
    }

    public double[] targetKw() {
        return sum(FeederRunSeries.TARGET);
    }

    double[] sum(FeederRunSeries which) {
        double[] out = null;
        for (FeederRun f : feeders) {
            double[] x = which == FeederRunSeries.FLEX ? f.fleet().flexKw() : f.targetKw();
            if (out == null) {
                out = new double[x.length];
            }
            for (int i = 0; i < x.length; i++) {
                out[i] += x[i];
            }
        }
        return out == null ? new double[0] : out;
    }

    enum FeederRunSeries { FLEX, TARGET }
}
