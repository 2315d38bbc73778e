package io.packetgrid.studies.coupled.der;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.pem.device.PvProfile;
import io.packetgrid.studies.coupled.household.FeederPlan;
import io.packetgrid.studies.coupled.household.Household;
import io.packetgrid.studies.coupled.scenario.InverterSpec;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/**
 * Every grid step, after the household fleet, what a feeder's inverter-based resources are given
 * ({@code <feeder>/der_inputs}):
 * <ul>
 *   <li>{@code household_kw}: each household's devices alone (the fleet's device powers summed per household), the
 *       load its load publisher puts at its bus when its PV is a PVSystem (the fleet's own point power subtracts the
 *       PV profile, which the PVSystem now delivers through the power flow);</li>
 *   <li>{@code pv_irradiance}: each household PV system's irradiance, kW/m2 — the household's PV profile (the same
 *       clear-sky profile the fleet uses, packet-server {@link PvProfile}) over its peak, so that with
 *       {@code Pmpp} = the peak the PV system's available power is the profile's output; 0 while the island flag is
 *       on when the PV does not ride through islands (anti-islanding);</li>
 *   <li>{@code storage_kw}: each dispatched storage unit's schedule value now (kW, + discharging).</li>
 * </ul>
 */
public final class DerInputs implements Federate {
    private final String name;
    private final String fleetName;
    private final ValueKey<double[]> devicePowers;
    private final int[] householdOfAgent;
    private final int households;
    private final PvProfile[] pv;
    private final List<InverterSpec.StorageDispatch> storage;
    private final long stepNs;
    private final int steps;
    private final double clockOffsetS;
    private final LongToDoubleFunction hourOfDay;
    private final ValueKey<double[]> householdKey;
    private final ValueKey<double[]> irradianceKey;
    private final ValueKey<double[]> storageKey;
    private ValueKey<Double> pvOffKey;

    /**
     * @param devicePowers the fleet's per-device power ({@code device_p_kw}: its agents, then its deadline devices)
     * @param householdOfDevice the household (position in the plan) of each entry of {@code devicePowers}
     * @param pvHouseholds the households whose PV is a PV system, in the PV systems' order
     * @param clockOffsetS time of day at t = 0, s (the fleet's PV clock)
     * @param hourOfDay    hour of day at a simulated time (the storage schedules)
     */
    public DerInputs(FeederPlan plan, ValueKey<double[]> devicePowers, int[] householdOfDevice, List<Household> pvHouseholds,
                     List<InverterSpec.StorageDispatch> storage, long stepNs, int steps, double clockOffsetS,
                     LongToDoubleFunction hourOfDay) {
        this.name = plan.name() + "/der_inputs";
        this.fleetName = plan.fleetName();
        this.devicePowers = devicePowers;
        this.households = plan.households().size();
        this.householdOfAgent = householdOfDevice.clone();
        this.pv = pvHouseholds.stream().map(h -> (PvProfile) h.pv()).toArray(PvProfile[]::new);
        this.storage = List.copyOf(storage);
        this.stepNs = stepNs;
        this.steps = steps;
        this.clockOffsetS = clockOffsetS;
        this.hourOfDay = hourOfDay;
        this.householdKey = ValueKey.ofArray(name + "/household_kw", 0);
        this.irradianceKey = ValueKey.ofArray(name + "/pv_irradiance", 0);
        this.storageKey = ValueKey.ofArray(name + "/storage_kw", 0);
    }

    /** The PV systems cease to inject while {@code key} is above 0.5 (a grid's islanded flag). Before the run. */
    public DerInputs pvOffWhile(ValueKey<Double> key) {
        this.pvOffKey = key;
        return this;
    }

    public ValueKey<double[]> householdKey() {
        return householdKey;
    }

    public ValueKey<double[]> irradianceKey() {
        return irradianceKey;
    }

    public ValueKey<double[]> storageKey() {
        return storageKey;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long initialize(Setup setup) {
        setup.subscribes(devicePowers);
        setup.after(fleetName);
        if (pvOffKey != null) {
            setup.subscribes(pvOffKey);
        }
        setup.publishes(householdKey, new double[0]);
        setup.publishes(irradianceKey, new double[0]);
        setup.publishes(storageKey, new double[0]);
        return 0;
    }

    @Override
    public long step(Step step) {
        long now = step.now();
        if (now / stepNs >= steps) {
            return SimTime.NEVER;
        }
        double[] dev = step.read(devicePowers);
        double[] kw = new double[households];
        if (dev.length == householdOfAgent.length) {
            for (int i = 0; i < dev.length; i++) {
                kw[householdOfAgent[i]] += dev[i];
            }
        }
        boolean off = pvOffKey != null && step.read(pvOffKey) > 0.5;
        double tS = clockOffsetS + now / 1e9;
        double[] irr = new double[pv.length];
        for (int i = 0; i < pv.length; i++) {
            irr[i] = off ? 0.0 : Math.max(0.0, pv[i].powerKw(tS)) / pv[i].peakKw();
        }
        double[] st = new double[storage.size()];
        double h = hourOfDay.applyAsDouble(now);
        for (int i = 0; i < st.length; i++) {
            st[i] = storage.get(i).kwAt(h);
        }
        step.publish(householdKey, kw);
        step.publish(irradianceKey, irr);
        step.publish(storageKey, st);
        return now + stepNs;
    }
}
