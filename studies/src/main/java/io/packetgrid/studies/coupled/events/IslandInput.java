package io.packetgrid.studies.coupled.events;

import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.pem.policy.EmergencyMode;
import io.packetgrid.pem.policy.StorageMeasurements;
import io.packetgrid.pem.sim.ServerInputs;

/**
 * The server's view of the micro-grid, from the grid federate's values: islanded or not, the community
 * battery's state of charge, power and rating (packet-server's {@link StorageMeasurements}); with an
 * emergency mode, its state follows at every server step (not only when requests come).
 */
public final class IslandInput implements ServerInputs {
    private final StorageMeasurements storage;
    private final ValueKey<Double> islanded;
    private final ValueKey<Double> soc;
    private final ValueKey<Double> batteryKw;
    private final ValueKey<Double> limit;
    private final EmergencyMode emergency;

    /** @param emergency the server's emergency mode, or null */
    public IslandInput(StorageMeasurements storage, ValueKey<Double> islanded, ValueKey<Double> soc, ValueKey<Double> batteryKw,
                       ValueKey<Double> limit, EmergencyMode emergency) {
        this.storage = storage;
        this.emergency = emergency;
        this.islanded = islanded;
        this.soc = soc;
        this.batteryKw = batteryKw;
        this.limit = limit;
    }

    @Override
    public void declare(Setup setup) {
        setup.subscribes(islanded);
        setup.subscribes(soc);
        setup.subscribes(batteryKw);
        setup.subscribes(limit);
    }

    @Override
    public void refresh(Step step) {
        storage.update(step.read(islanded) > 0.5, step.read(soc), step.read(batteryKw), step.read(limit), step.now());
        if (emergency != null) {
            emergency.update(storage, step.now());
        }
    }
}
