package io.packetgrid.grid.federate;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.grid.api.Ders;
import io.packetgrid.grid.api.Feeder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drives a feeder's PV systems and storage units from co-simulation values inside a {@link GridFederate}
 * (add it with {@link GridFederate#instrument}). Before each solution it moves the storage units'
 * energy on by the time since the last solution at that solution's power (the power holds between
 * solutions; {@link Feeder#finishTimeStep}), then applies the inputs of {@link DerBinding}: irradiance,
 * PV output caps, storage dispatch ({@link Ders}). After the solution it publishes, in the bound order,
 * <ul>
 *   <li>{@code <prefix>/pv_kw}, {@code pv_kvar}: what each PV system delivers;</li>
 *   <li>{@code <prefix>/pv_available_kw}: what it could deliver uncapped; {@code pv_kvar_limit}: the kvar it
 *       may deliver now;</li>
 *   <li>{@code <prefix>/storage_kw} (negative: charging), {@code storage_kvar}, {@code storage_soc_pct},
 *       {@code storage_discharge_kw_limit}, {@code storage_charge_kw_limit}.</li>
 * </ul>
 * The feeder's inverter controls (InvControl) keep acting on the same elements.
 */
public final class DerInstrument implements GridInstrument {
    private final Ders ders;
    private final Feeder feeder;
    private final DerBinding binding;
    private final int[] pv;
    private final int[] storage;
    private final ValueKey<double[]> irradianceKey;
    private final ValueKey<double[]> pvLimitKey;
    private final ValueKey<double[]> storageKwKey;
    private final ValueKey<double[]> pvKw;
    private final ValueKey<double[]> pvKvar;
    private final ValueKey<double[]> pvAvailable;
    private final ValueKey<double[]> pvKvarLimit;
    private final ValueKey<double[]> stKw;
    private final ValueKey<double[]> stKvar;
    private final ValueKey<double[]> stSoc;
    private final ValueKey<double[]> stDischargeLimit;
    private final ValueKey<double[]> stChargeLimit;
    private long lastSolutionNs = Long.MIN_VALUE;

    /**
     * @throws PacketGridException naming the element when a bound PV system or storage unit is unknown or bound twice
     */
    public DerInstrument(Feeder feeder, DerBinding binding) {
        this.feeder = feeder;
        this.ders = feeder.ders();
        this.binding = binding;
        this.pv = indexes(binding.pvSystems(), true);
        this.storage = indexes(binding.storageUnits(), false);
        String p = binding.prefix();
        irradianceKey = binding.irradianceKey() == null ? null : ValueKey.ofArray(binding.irradianceKey(), 0);
        pvLimitKey = binding.pvKwLimitKey() == null ? null : ValueKey.ofArray(binding.pvKwLimitKey(), 0);
        storageKwKey = binding.storageKwKey() == null ? null : ValueKey.ofArray(binding.storageKwKey(), 0);
        pvKw = ValueKey.ofArray(p + "/pv_kw", 1e-9);
        pvKvar = ValueKey.ofArray(p + "/pv_kvar", 1e-9);
        pvAvailable = ValueKey.ofArray(p + "/pv_available_kw", 1e-9);
        pvKvarLimit = ValueKey.ofArray(p + "/pv_kvar_limit", 1e-9);
        stKw = ValueKey.ofArray(p + "/storage_kw", 1e-9);
        stKvar = ValueKey.ofArray(p + "/storage_kvar", 1e-9);
        stSoc = ValueKey.ofArray(p + "/storage_soc_pct", 1e-9);
        stDischargeLimit = ValueKey.ofArray(p + "/storage_discharge_kw_limit", 1e-9);
        stChargeLimit = ValueKey.ofArray(p + "/storage_charge_kw_limit", 1e-9);
    }

    private int[] indexes(List<String> names, boolean isPv) {
        int[] out = new int[names.size()];
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < out.length; i++) {
            out[i] = isPv ? ders.pvIndex(names.get(i)) : ders.storageIndex(names.get(i));
            if (!seen.add(out[i])) {
                throw new PacketGridException((isPv ? "PVSystem " : "Storage ") + names.get(i), "is bound twice");
            }
        }
        return out;
    }

    /** A published value's key: {@code pv_kw}, {@code storage_soc_pct}, ... */
    public ValueKey<double[]> key(String what) {
        for (ValueKey<double[]> k : outputs()) {
            if (k.name().equals(binding.prefix() + "/" + what)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no DER value " + what);
    }

    private List<ValueKey<double[]>> outputs() {
        return List.of(pvKw, pvKvar, pvAvailable, pvKvarLimit, stKw, stKvar, stSoc, stDischargeLimit, stChargeLimit);
    }

    @Override
    public void initialize(Setup setup) {
        for (ValueKey<double[]> k : java.util.Arrays.asList(irradianceKey, pvLimitKey, storageKwKey)) {
            if (k != null) {
                setup.subscribes(k);
            }
        }
        for (ValueKey<double[]> k : outputs()) {
            setup.publishes(k, new double[0]);
        }
        lastSolutionNs = Long.MIN_VALUE;
    }

    @Override
    public boolean beforeSolve(Step step, Feeder f) {
        long now = step.now();
        if (lastSolutionNs != Long.MIN_VALUE && now > lastSolutionNs) {
            feeder.finishTimeStep((now - lastSolutionNs) / (double) SimTime.H);
        }
        double[] irr = input(step, irradianceKey, pv.length);
        if (irr != null) {
            for (int i = 0; i < pv.length; i++) {
                ders.setPvIrradiance(pv[i], irr[i]);
            }
        }
        double[] cap = input(step, pvLimitKey, pv.length);
        if (cap != null) {
            for (int i = 0; i < pv.length; i++) {
                ders.setPvKwLimit(pv[i], cap[i]);
            }
        }
        double[] kw = input(step, storageKwKey, storage.length);
        if (kw != null) {
            for (int i = 0; i < storage.length; i++) {
                if (!Double.isNaN(kw[i])) {
                    ders.dispatchStorage(storage[i], kw[i]);
                }
            }
        }
        return false;
    }

    /** The array of {@code key} now, or null when none was published yet; NaN entries mean "as the script". */
    private double[] input(Step step, ValueKey<double[]> key, int n) {
        if (key == null) {
            return null;
        }
        double[] a = step.read(key);
        if (a == null || a.length == 0) {
            return null;
        }
        String where = "DER inputs at t=" + SimTime.format(step.now());
        if (a.length != n) {
            throw new PacketGridException(where, "value '" + key.name() + "' has " + a.length + " entries, expected " + n);
        }
        for (int i = 0; i < n; i++) {
            if (Double.isInfinite(a[i])) {
                throw new PacketGridException(where, "value '" + key.name() + "'[" + i + "] is " + a[i]);
            }
        }
        return a;
    }

    @Override
    public void afterSolve(Step step, Feeder f) {
        lastSolutionNs = step.now();
        double[][] p = new double[4][pv.length];
        for (int i = 0; i < pv.length; i++) {
            Ders.PvState s = ders.pvState(pv[i]);
            p[0][i] = s.kw();
            p[1][i] = s.kvar();
            p[2][i] = s.availableKw();
            p[3][i] = s.kvarLimit();
        }
        double[][] st = new double[5][storage.length];
        for (int i = 0; i < storage.length; i++) {
            Ders.StorageState s = ders.storageState(storage[i]);
            st[0][i] = s.kw();
            st[1][i] = s.kvar();
            st[2][i] = s.socPct();
            st[3][i] = s.dischargeKwLimit();
            st[4][i] = s.chargeKwLimit();
        }
        step.publish(pvKw, p[0]);
        step.publish(pvKvar, p[1]);
        step.publish(pvAvailable, p[2]);
        step.publish(pvKvarLimit, p[3]);
        step.publish(stKw, st[0]);
        step.publish(stKvar, st[1]);
        step.publish(stSoc, st[2]);
        step.publish(stDischargeLimit, st[3]);
        step.publish(stChargeLimit, st[4]);
    }
}
