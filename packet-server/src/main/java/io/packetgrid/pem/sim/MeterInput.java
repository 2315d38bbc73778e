package io.packetgrid.pem.sim;

import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.pem.policy.MeasuredEstimator;

/**
 * Feeds a fleet's meter reading ({@code {time_ns, kW}}, see {@link DeviceFleetFederate#meterKey})
 * to a {@link MeasuredEstimator}; several fleets' meters are summed.
 */
public final class MeterInput implements ServerInputs {
    private final MeasuredEstimator estimator;
    private final ValueKey<double[]>[] keys;
    private double lastTime = Double.NaN;

    @SafeVarargs
    public MeterInput(MeasuredEstimator estimator, ValueKey<double[]>... meterKeys) {
        this.estimator = estimator;
        this.keys = meterKeys.clone();
    }

    @Override
    public void declare(Setup setup) {
        for (ValueKey<double[]> k : keys) {
            setup.subscribes(k);
        }
    }

    @Override
    public void refresh(Step step) {
        double kw = 0;
        double t = Double.NEGATIVE_INFINITY;
        for (ValueKey<double[]> k : keys) {
            double[] m = step.read(k);
            kw += m[1];
            t = Math.max(t, m[0]);
        }
        if (t != lastTime) {
            lastTime = t;
            estimator.measure(kw, (long) t);
        }
    }
}
