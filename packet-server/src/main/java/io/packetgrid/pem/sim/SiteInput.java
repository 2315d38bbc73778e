package io.packetgrid.pem.sim;

import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.pem.policy.SiteMeasurements;

/** Feeds PV and base-load totals (e.g. from a {@link ProfileFederate}) to the policy's {@link SiteMeasurements}. */
public final class SiteInput implements ServerInputs {
    private final SiteMeasurements site;
    private final ValueKey<Double> pvKw;
    private final ValueKey<Double> baseKw;

    public SiteInput(SiteMeasurements site, ValueKey<Double> pvKw, ValueKey<Double> baseKw) {
        this.site = site;
        this.pvKw = pvKw;
        this.baseKw = baseKw;
    }

    @Override
    public void declare(Setup setup) {
        setup.subscribes(pvKw);
        setup.subscribes(baseKw);
    }

    @Override
    public void refresh(Step step) {
        site.update(step.read(pvKw), step.read(baseKw), step.now());
    }
}
