package io.packetgrid.studies.coupled.internet;

import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.pem.sim.ServerInputs;

/**
 * What the Energy-Internet server measures of its feeder's fleet at each of its steps: the PEM devices'
 * draw (the fleet's per-device powers, the flexible agents before the deadline devices), kept as its mean
 * over the last hour for the persistence forecast, and the households' present generation (the fleet's
 * meter).
 */
final class FleetPowers implements ServerInputs {
    private final ValueKey<double[]> devicePowers;
    private final ValueKey<double[]> meter;
    private final int agents;
    private final double[] window;
    private int filled;
    private int next;
    private double generationKw;
    private final long sampleNs;
    private long lastSampleNs = Long.MIN_VALUE;

    /**
     * @param agents   how many of the fleet's devices are PEM (flexible) agents, listed first
     * @param sampleNs the persistence window's sample spacing (the server's allocation step)
     * @param samples  samples in the window (an hour)
     */
    FleetPowers(ValueKey<double[]> devicePowers, ValueKey<double[]> meter, int agents, long sampleNs, int samples) {
        this.devicePowers = devicePowers;
        this.meter = meter;
        this.agents = agents;
        this.sampleNs = sampleNs;
        this.window = new double[Math.max(1, samples)];
    }

    @Override
    public void declare(Setup setup) {
        setup.subscribes(devicePowers);
        setup.subscribes(meter);
    }

    @Override
    public void refresh(Step step) {
        double[] m = step.read(meter);
        generationKw = m.length > 2 ? m[2] : 0;
        if (lastSampleNs != Long.MIN_VALUE && step.now() < lastSampleNs + sampleNs) {
            return; // one sample per allocation step, however often the server steps
        }
        lastSampleNs = step.now();
        double[] p = step.read(devicePowers);
        double s = 0;
        for (int i = 0; i < agents && i < p.length; i++) {
            s += p[i];
        }
        window[next] = s;
        next = (next + 1) % window.length;
        filled = Math.min(window.length, filled + 1);
    }

    /** The PEM devices' mean draw over the window, kW. */
    double pemMeanKw() {
        double s = 0;
        for (int i = 0; i < filled; i++) {
            s += window[i];
        }
        return filled == 0 ? 0 : s / filled;
    }

    /** The households' generation at the last refresh, kW. */
    double generationKw() {
        return generationKw;
    }
}
