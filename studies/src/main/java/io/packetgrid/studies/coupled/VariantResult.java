package io.packetgrid.studies.coupled;

import io.packetgrid.cosim.kernel.RunReport;
import io.packetgrid.radio.network.RadioStatistics;
import io.packetgrid.studies.coupled.scenario.VariantSpec;
import io.packetgrid.studies.coupled.sim.TrafficMeter;
import java.util.List;

/**
 * One variant's run: per feeder, the traffic (null under local control), the radio's own statistics
 * (null unless the radio model carried the traffic) and the kernel's report (counts, wall-time profile).
 */
public record VariantResult(VariantSpec spec, List<FeederRun> feeders, TrafficMeter traffic, RadioStatistics radio,
                            RunReport report) {

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
