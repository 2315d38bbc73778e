package io.packetgrid.studies.coupled.grid;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.grid.federate.GridFederate;

/**
 * Every grid step, the power of every load of the feeder script for grid-model's
 * {@link GridFederate} (inputs that replace the loads' power): the load's base load — the load shape
 * it follows at that time of day, kW and kvar from the {@link FeederTemplate} — plus, for a household,
 * its devices' power minus its PV output from the fleet's value (at unity power factor: resistive
 * elements, inverters at pf 1; an assumption). It steps after the fleet, so the power flow at t sees
 * the devices' state decided at t.
 */
public final class LoadPublisher implements Federate {
    private final String name;
    private final String fleetName;
    private final ValueKey<double[]> household;
    private final FeederTemplate template;
    private final int[] householdLoad;
    private final int[] loadShape;
    private final int[] householdOf;
    private final long stepNs;
    private final GridSeries series;
    private final ValueKey<double[]> kwKey;
    private final ValueKey<double[]> kvarKey;
    private double[] lastKw = new double[0];

    /**
     * @param household      the fleet's per-household device power (kW, households order)
     * @param householdLoad  the load index of each household
     * @param loadShape      for every load, the load whose base shape it follows
     * @param series         where the feeder's base and device totals are recorded
     */
    public LoadPublisher(String name, String fleetName, ValueKey<double[]> household, FeederTemplate template,
                         int[] householdLoad, int[] loadShape, long stepNs, GridSeries series) {
        this.name = name;
        this.fleetName = fleetName;
        this.household = household;
        this.template = template;
        this.householdLoad = householdLoad.clone();
        this.loadShape = loadShape.clone();
        this.householdOf = new int[loadShape.length];
        java.util.Arrays.fill(householdOf, -1);
        for (int h = 0; h < householdLoad.length; h++) {
            householdOf[householdLoad[h]] = h;
        }
        this.stepNs = stepNs;
        this.series = series;
        this.kwKey = GridFederate.powerKey(kwName(name));
        this.kvarKey = GridFederate.powerKey(kvarName(name));
    }

    /** Each load's power published at the last step (base load plus its household's devices), kW; do not modify. */
    public double[] lastKw() {
        return lastKw;
    }

    public static String kwName(String publisher) {
        return publisher + "/kw";
    }

    public static String kvarName(String publisher) {
        return publisher + "/kvar";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long initialize(Setup setup) {
        setup.subscribes(household);
        setup.after(fleetName);
        setup.publishes(kwKey, new double[0]);
        setup.publishes(kvarKey, new double[0]);
        return 0;
    }

    @Override
    public long step(Step step) {
        int k = (int) (step.now() / stepNs);
        if (k >= template.steps()) {
            return SimTime.NEVER;
        }
        double[] dev = step.read(household);
        int n = loadShape.length;
        double[] kw = new double[n];
        double[] kvar = new double[n];
        double base = 0;
        double devices = 0;
        for (int l = 0; l < n; l++) {
            int s = loadShape[l];
            kw[l] = template.baseKw(s, k);
            kvar[l] = template.baseKvar(s, k);
            int h = householdOf[l];
            if (h >= 0) {
                base += kw[l];
                if (dev.length == householdLoad.length) {
                    kw[l] += dev[h];
                    devices += dev[h];
                }
            }
        }
        lastKw = kw;
        series.baseKw[k] = base;
        series.devicesKw[k] = devices;
        step.publish(kwKey, kw);
        step.publish(kvarKey, kvar);
        return step.now() + stepNs;
    }
}
