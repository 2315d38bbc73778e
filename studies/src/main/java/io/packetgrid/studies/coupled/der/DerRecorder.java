package io.packetgrid.studies.coupled.der;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.grid.federate.DerInstrument;

/**
 * What a feeder's inverter-based resources did, from the grid federate's DER values ({@link DerInstrument}) after each
 * solution, over the observed grid steps (each solution's power held over its step): the PV systems' available,
 * delivered and curtailed energy and the reactive energy they absorbed; the storage units' energy in and out and
 * their state of charge.
 */
public final class DerRecorder implements Federate {
    private final String name;
    private final String gridName;
    private final ValueKey<double[]> pvKw;
    private final ValueKey<double[]> pvKvar;
    private final ValueKey<double[]> pvAvailable;
    private final ValueKey<double[]> stKw;
    private final ValueKey<double[]> stSoc;
    private final long stepNs;
    private final int steps;
    private final int observeStep;
    final DerResults results;

    public DerRecorder(String name, String gridName, DerInstrument instrument, int pvSystems, int storageUnits, long stepNs, int steps,
                       int observeStep) {
        this.name = name;
        this.gridName = gridName;
        this.pvKw = instrument.key("pv_kw");
        this.pvKvar = instrument.key("pv_kvar");
        this.pvAvailable = instrument.key("pv_available_kw");
        this.stKw = instrument.key("storage_kw");
        this.stSoc = instrument.key("storage_soc_pct");
        this.stepNs = stepNs;
        this.steps = steps;
        this.observeStep = observeStep;
        this.results = new DerResults(pvSystems, storageUnits);
    }

    public DerResults results() {
        return results;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long initialize(Setup setup) {
        setup.after(gridName);
        for (ValueKey<double[]> k : new ValueKey[] {pvKw, pvKvar, pvAvailable, stKw, stSoc}) {
            setup.subscribes(k);
        }
        results.clear();
        return 0;
    }

    @Override
    public long step(Step step) {
        int k = (int) (step.now() / stepNs);
        if (k >= steps) {
            return SimTime.NEVER;
        }
        if (k >= observeStep && step.now() % stepNs == 0) {
            results.add(stepNs / 3.6e12, step.read(pvAvailable), step.read(pvKw), step.read(pvKvar), step.read(stKw), step.read(stSoc));
        }
        return (k + 1) * stepNs;
    }
}
