package io.packetgrid.grid.federate;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.result.Loading;
import io.packetgrid.grid.series.SolveMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The feeder as a co-simulation federate: every period it reads the bound loads' power values,
 * solves the power flow, and publishes each bound load's voltage and the feeder summary (min/max
 * voltage in pu of nominal, largest transformer loading in %, losses in kW, number of
 * violations). Re-stepped at the same time it recomputes from the same state.
 */
public final class GridFederate implements Federate {
    private final Feeder feeder;
    private final GridFederateConfig cfg;
    private final List<ValueKey<Double>> pKeys = new ArrayList<>();
    private final List<ValueKey<Double>> qKeys = new ArrayList<>();
    private final List<ValueKey<Double>> vKeys = new ArrayList<>();
    private final ValueKey<Double> vMin;
    private final ValueKey<Double> vMax;
    private final ValueKey<Double> trLoading;
    private final ValueKey<Double> losses;
    private final ValueKey<Double> violations;
    private int lastIterations;

    public GridFederate(Feeder feeder, GridFederateConfig cfg) {
        this.feeder = feeder;
        this.cfg = cfg;
        for (LoadBinding b : cfg.loads()) {
            feeder.loadBus(b.load()); // fails early on an unknown load
            pKeys.add(b.powerKey() == null ? null : ValueKey.ofDouble(b.powerKey(), 0));
            qKeys.add(b.reactiveKey() == null ? null : ValueKey.ofDouble(b.reactiveKey(), 0));
            vKeys.add(b.voltageKey() == null ? null : ValueKey.ofDouble(b.voltageKey(), 1e-9));
        }
        String p = cfg.summaryPrefix();
        vMin = ValueKey.ofDouble(p + "/v_min_pu", 1e-9);
        vMax = ValueKey.ofDouble(p + "/v_max_pu", 1e-9);
        trLoading = ValueKey.ofDouble(p + "/transformer_loading_pct", 1e-9);
        losses = ValueKey.ofDouble(p + "/losses_kw", 1e-9);
        violations = ValueKey.ofDouble(p + "/violations", 0);
        feeder.setMode(cfg.followShapes() ? SolveMode.YEARLY : SolveMode.SNAPSHOT);
    }

    /** The feeder (for queries by other components after the run). */
    public Feeder feeder() {
        return feeder;
    }

    /** Fixed-point iterations of the last solution. */
    public int lastIterations() {
        return lastIterations;
    }

    @Override
    public String name() {
        return cfg.name();
    }

    @Override
    public long initialize(Setup setup) {
        for (int i = 0; i < cfg.loads().size(); i++) {
            if (pKeys.get(i) != null) {
                setup.subscribes(pKeys.get(i));
            }
            if (qKeys.get(i) != null) {
                setup.subscribes(qKeys.get(i));
            }
            if (vKeys.get(i) != null) {
                setup.publishes(vKeys.get(i), Double.NaN);
            }
        }
        setup.publishes(vMin, Double.NaN);
        setup.publishes(vMax, Double.NaN);
        setup.publishes(trLoading, Double.NaN);
        setup.publishes(losses, Double.NaN);
        setup.publishes(violations, 0.0);
        return 0;
    }

    @Override
    public long step(Step step) {
        // inputs: the one place the federate turns values into load powers
        for (int i = 0; i < cfg.loads().size(); i++) {
            LoadBinding b = cfg.loads().get(i);
            if (pKeys.get(i) == null) {
                continue;
            }
            Double p = step.read(pKeys.get(i));
            double kw = p == null ? 0.0 : p;
            Double q = qKeys.get(i) == null ? null : step.read(qKeys.get(i));
            if (cfg.followShapes()) {
                double kvar = q != null ? q : 0.0;
                feeder.addLoadPower(b.load(), kw, kvar);
            } else if (q != null) {
                feeder.setLoadPower(b.load(), kw, q);
            } else {
                feeder.setLoadPower(b.load(), kw);
            }
        }
        feeder.setTimeHours(step.now() / 3.6e12);
        lastIterations = feeder.solve();
        for (int i = 0; i < cfg.loads().size(); i++) {
            if (vKeys.get(i) != null) {
                step.publish(vKeys.get(i), feeder.loadVoltagePu(cfg.loads().get(i).load())[0]);
            }
        }
        double[] range = feeder.voltageRangePu();
        step.publish(vMin, range[0]);
        step.publish(vMax, range[1]);
        double worst = 0;
        for (Loading l : feeder.transformerLoadings()) {
            worst = Math.max(worst, l.loadingPu());
        }
        step.publish(trLoading, 100.0 * worst);
        step.publish(losses, feeder.lossesKw());
        step.publish(violations, (double) feeder.violations().size());
        return step.now() + cfg.periodNs();
    }
}
