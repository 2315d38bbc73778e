package io.packetgrid.studies.coupled.grid;

import java.util.List;
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
 * its devices' power minus its PV output from its fleet's value (at unity power factor: resistive
 * elements, inverters at pf 1; an assumption). It steps after the fleets, so the power flow at t sees
 * the devices' state decided at t. One fleet for an LV feeder; on an MV network one fleet per LV
 * feeder, all feeding the one power flow.
 */
public final class LoadPublisher implements Federate {

    /**
     * A fleet whose households are loads of the script.
     *
     * @param fleetName     the fleet federate (stepped before the publisher)
     * @param household     its per-household device power (kW, households order)
     * @param householdLoad the load index of each household
     * @param series        where the base and device totals of these households are recorded
     */
    public record Fleet(String fleetName, ValueKey<double[]> household, int[] householdLoad, GridSeries series) {
        public Fleet {
            householdLoad = householdLoad.clone();
        }
    }

    private final String name;
    private final List<Fleet> fleets;
    private final FeederTemplate template;
    private final int[] loadShape;
    private final int[] fleetOf;
    private final int[] householdOf;
    private final long stepNs;
    private final ValueKey<double[]> kwKey;
    private final ValueKey<double[]> kvarKey;
    private final double[] base;
    private final double[] devices;
    private final double[][] dev;
    private double[] lastKw = new double[0];

    /** One fleet (an LV feeder's households). */
    public LoadPublisher(String name, String fleetName, ValueKey<double[]> household, FeederTemplate template,
                         int[] householdLoad, int[] loadShape, long stepNs, GridSeries series) {
        this(name, List.of(new Fleet(fleetName, household, householdLoad, series)), template, loadShape, stepNs);
    }

    /**
     * @param fleets    the fleets, each household on its own load
     * @param loadShape for every load, the load whose base shape it follows
     */
    public LoadPublisher(String name, List<Fleet> fleets, FeederTemplate template, int[] loadShape, long stepNs) {
        this.name = name;
        this.fleets = List.copyOf(fleets);
        this.template = template;
        this.loadShape = loadShape.clone();
        this.fleetOf = new int[loadShape.length];
        this.householdOf = new int[loadShape.length];
        java.util.Arrays.fill(fleetOf, -1);
        for (int f = 0; f < this.fleets.size(); f++) {
            int[] hl = this.fleets.get(f).householdLoad();
            for (int h = 0; h < hl.length; h++) {
                fleetOf[hl[h]] = f;
                householdOf[hl[h]] = h;
            }
        }
        this.stepNs = stepNs;
        this.kwKey = GridFederate.powerKey(kwName(name));
        this.kvarKey = GridFederate.powerKey(kvarName(name));
        this.base = new double[this.fleets.size()];
        this.devices = new double[this.fleets.size()];
        this.dev = new double[this.fleets.size()][];
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
        for (Fleet f : fleets) {
            setup.subscribes(f.household());
            setup.after(f.fleetName());
        }
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
        for (int f = 0; f < fleets.size(); f++) {
            double[] d = step.read(fleets.get(f).household());
            dev[f] = d.length == fleets.get(f).householdLoad().length ? d : null;
            base[f] = 0;
            devices[f] = 0;
        }
        int n = loadShape.length;
        double[] kw = new double[n];
        double[] kvar = new double[n];
        for (int l = 0; l < n; l++) {
            int s = loadShape[l];
            kw[l] = template.baseKw(s, k);
            kvar[l] = template.baseKvar(s, k);
            int f = fleetOf[l];
            if (f >= 0) {
                base[f] += kw[l];
                if (dev[f] != null) {
                    double p = dev[f][householdOf[l]];
                    kw[l] += p;
                    devices[f] += p;
                }
            }
        }
        lastKw = kw;
        for (int f = 0; f < fleets.size(); f++) {
            fleets.get(f).series().baseKw[k] = base[f];
            fleets.get(f).series().devicesKw[k] = devices[f];
        }
        step.publish(kwKey, kw);
        step.publish(kvarKey, kvar);
        return step.now() + stepNs;
    }
}
