package io.packetgrid.studies.coupled.der;

import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.pem.policy.InverterMeasurements;
import io.packetgrid.pem.sim.ServerInputs;

/**
 * The feeder's PV inverters as the packet server sees them: the grid federate's {@code pv_available_kw} and
 * {@code pv_kw} (what the PV systems could deliver and deliver after their inverter controls, at the last solution)
 * summed into {@link InverterMeasurements}.
 */
public final class InverterInput implements ServerInputs {
    private final InverterMeasurements inverters;
    private final ValueKey<double[]> available;
    private final ValueKey<double[]> delivered;

    public InverterInput(InverterMeasurements inverters, ValueKey<double[]> available, ValueKey<double[]> delivered) {
        this.inverters = inverters;
        this.available = available;
        this.delivered = delivered;
    }

    @Override
    public void declare(Setup setup) {
        setup.subscribes(available);
        setup.subscribes(delivered);
    }

    @Override
    public void refresh(Step step) {
        double a = 0;
        for (double x : step.read(available)) {
            a += x;
        }
        double d = 0;
        for (double x : step.read(delivered)) {
            d += x;
        }
        inverters.update(a, d);
    }
}
