package io.packetgrid.studies.coupled.sim;

import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.pem.sim.ServerInputs;
import java.util.List;

/**
 * Orders the server after the federates it reads at equal times (the fleet's meter, the grid's power
 * flow), so that at a device step it decides with the values of that step.
 */
public record StepAfter(List<String> federates) implements ServerInputs {
    @Override
    public void declare(Setup setup) {
        for (String f : federates) {
            setup.after(f);
        }
    }

    @Override
    public void refresh(Step step) {
    }
}
