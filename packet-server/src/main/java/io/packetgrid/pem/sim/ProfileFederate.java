package io.packetgrid.pem.sim;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.pem.device.BaseLoad;
import io.packetgrid.pem.device.PvProfile;
import java.util.List;

/**
 * Non-dispatchable household power: PV generation and inflexible base load, one entry per
 * household, sampled every {@code stepNs}. Publishes {@code <name>/pv_kw} and {@code <name>/base_kw}
 * (arrays in household order, for a grid federate) and {@code <name>/pv_total_kw},
 * {@code <name>/base_total_kw} (for the server's site targets, see {@link SiteInput}).
 */
public final class ProfileFederate implements Federate {
    private final String name;
    private final List<PvProfile> pv;
    private final List<BaseLoad> base;
    private final long stepNs;
    private final ValueKey<double[]> pvKey;
    private final ValueKey<double[]> baseKey;
    private final ValueKey<Double> pvTotalKey;
    private final ValueKey<Double> baseTotalKey;

    /** {@code pv} and {@code base} may hold nulls (a household without PV, or without base load). */
    public ProfileFederate(String name, List<PvProfile> pv, List<BaseLoad> base, long stepNs) {
        if (pv.size() != base.size()) {
            throw new IllegalArgumentException("one PV and one base-load entry per household");
        }
        this.name = name;
        this.pv = pv;
        this.base = base;
        this.stepNs = stepNs;
        this.pvKey = ValueKey.ofArray(name + "/pv_kw", 1e-9);
        this.baseKey = ValueKey.ofArray(name + "/base_kw", 1e-9);
        this.pvTotalKey = ValueKey.ofDouble(name + "/pv_total_kw", 1e-9);
        this.baseTotalKey = ValueKey.ofDouble(name + "/base_total_kw", 1e-9);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long initialize(Setup setup) {
        setup.publishes(pvKey, new double[pv.size()]);
        setup.publishes(baseKey, new double[pv.size()]);
        setup.publishes(pvTotalKey, 0.0);
        setup.publishes(baseTotalKey, 0.0);
        return 0;
    }

    @Override
    public long step(Step step) {
        double t = step.now() / 1e9;
        double[] p = new double[pv.size()];
        double[] b = new double[pv.size()];
        double tp = 0;
        double tb = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = pv.get(i) == null ? 0 : pv.get(i).powerKw(t);
            b[i] = base.get(i) == null ? 0 : base.get(i).powerKw(t);
            tp += p[i];
            tb += b[i];
        }
        step.publish(pvKey, p);
        step.publish(baseKey, b);
        step.publish(pvTotalKey, tp);
        step.publish(baseTotalKey, tb);
        return step.now() + stepNs;
    }

    public ValueKey<double[]> pvKey() {
        return pvKey;
    }

    public ValueKey<double[]> baseKey() {
        return baseKey;
    }

    public ValueKey<Double> pvTotalKey() {
        return pvTotalKey;
    }

    public ValueKey<Double> baseTotalKey() {
        return baseTotalKey;
    }
}
