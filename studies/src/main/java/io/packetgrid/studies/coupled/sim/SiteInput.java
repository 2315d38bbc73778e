package io.packetgrid.studies.coupled.sim;

import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.pem.policy.SiteMeasurements;
import io.packetgrid.pem.sim.ServerInputs;
import java.util.function.LongToDoubleFunction;

/**
 * Site measurements for PV-surplus and self-sufficiency targets: the PV output from the fleet's meter
 * and the feeder's inflexible (base) load at the present time.
 */
public final class SiteInput implements ServerInputs {
    private final SiteMeasurements site;
    private final ValueKey<double[]> meter;
    private final LongToDoubleFunction baseKw;

    public SiteInput(SiteMeasurements site, ValueKey<double[]> meter, LongToDoubleFunction baseKwAt) {
        this.site = site;
        this.meter = meter;
        this.baseKw = baseKwAt;
    }

    @Override
    public void declare(Setup setup) {
        setup.subscribes(meter);
    }

    @Override
    public void refresh(Step step) {
        double[] m = step.read(meter);
        site.update(m.length > 2 ? m[2] : 0, baseKw.applyAsDouble(step.now()), step.now());
    }
}
