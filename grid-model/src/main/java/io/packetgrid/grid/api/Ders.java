package io.packetgrid.grid.api;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.model.PvSystem;
import io.packetgrid.grid.model.Storage;
import io.packetgrid.grid.result.ElementFlows;
import io.packetgrid.grid.series.DerDriver;
import io.packetgrid.grid.series.PvDriver;
import io.packetgrid.grid.series.Simulation;
import io.packetgrid.grid.series.StorageDriver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A feeder's inverter-based resources (its {@code PVSystem} and {@code Storage} elements) for a
 * co-simulation that supplies their weather and dispatch and reads their limits. Everything set here
 * acts at the feeder's next {@link Feeder#solve()}, through the same element models the script uses
 * (inverter controls keep acting on them); {@link Feeder#finishTimeStep} moves stored energy on.
 *
 * <p>Names are the elements' names without the class prefix, any case; methods taking an index
 * use the position in {@link #pvSystemNames()} / {@link #storageNames()} (for per-step use).
 */
public final class Ders {
    private final Simulation sim;
    private final List<PvDriver> pv = new ArrayList<>();
    private final List<StorageDriver> storage = new ArrayList<>();
    private final Map<String, Integer> pvIndex = new LinkedHashMap<>();
    private final Map<String, Integer> storageIndex = new LinkedHashMap<>();

    /**
     * What a PV system does and could do at the last solution.
     *
     * @param kw           active power delivered at the terminal (kW, from the solved voltages)
     * @param kvar         reactive power delivered (kvar; negative: absorbed)
     * @param availableKw  what the panel could deliver through the inverter now, before any cap (kW)
     * @param kwLimit      the cap on the output now (kW): {@code %Pmpp} of Pmpp, or a volt-watt limit
     * @param kvaRating    the inverter's rating (kVA)
     * @param kvarLimit    the largest kvar it may deliver now (OpenDSS CurrentkvarLimit)
     * @param kvarLimitNeg the largest kvar it may absorb now (OpenDSS CurrentkvarLimitNeg)
     * @param inverterOn   whether the inverter is on (%cutin / %cutout)
     */
    public record PvState(double kw, double kvar, double availableKw, double kwLimit, double kvaRating, double kvarLimit,
                          double kvarLimitNeg, boolean inverterOn) {
    }

    /**
     * What a storage unit does and could do at the last solution.
     *
     * @param kw                active power delivered at the terminal (kW; negative: charging)
     * @param kvar              reactive power delivered (kvar)
     * @param state             OpenDSS state: 1 discharging, 0 idling, -1 charging
     * @param kwhStored         energy stored (kWh)
     * @param socPct            state of charge (% of kWhrated)
     * @param dischargeKwLimit  the most it may deliver now (kW): 0 at the reserve, else {@code %kWrated} of kWrated within kVA
     * @param chargeKwLimit     the most it may absorb now (kW): 0 when full, else the same cap
     * @param kvaRating         the inverter's rating (kVA)
     */
    public record StorageState(double kw, double kvar, int state, double kwhStored, double socPct, double dischargeKwLimit,
                               double chargeKwLimit, double kvaRating) {
    }

    Ders(Simulation sim) {
        this.sim = sim;
        for (DerDriver d : sim.ders()) {
            if (d instanceof PvDriver p) {
                pvIndex.put(key(p.pv().name()), pv.size());
                pv.add(p);
            } else if (d instanceof StorageDriver s) {
                storageIndex.put(key(s.storage().name()), storage.size());
                storage.add(s);
            }
        }
    }

    private static String key(String fullName) {
        return fullName.substring(fullName.indexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    /** PV systems' names (lower case), in definition order. */
    public List<String> pvSystemNames() {
        return List.copyOf(pvIndex.keySet());
    }

    /** Storage units' names (lower case), in definition order. */
    public List<String> storageNames() {
        return List.copyOf(storageIndex.keySet());
    }

    /** Position of a PV system (name with or without {@code PVSystem.}, any case) in {@link #pvSystemNames()}. */
    public int pvIndex(String name) {
        return index(pvIndex, name, "pvsystem.", "PVSystem");
    }

    /** Position of a storage unit (name with or without {@code Storage.}, any case) in {@link #storageNames()}. */
    public int storageIndex(String name) {
        return index(storageIndex, name, "storage.", "Storage");
    }

    private static int index(Map<String, Integer> m, String name, String prefix, String cls) {
        String n = name.toLowerCase(Locale.ROOT);
        Integer i = m.get(n.startsWith(prefix) ? n.substring(prefix.length()) : n);
        if (i == null) {
            throw new PacketGridException(cls + " " + name, "no such element in this feeder");
        }
        return i;
    }

    /**
     * Sets a PV system's irradiance (kW/m2) in place of its property and shapes (OpenDSS's
     * {@code irradiance} with multiplier 1); NaN returns it to the script's irradiance and shapes.
     */
    public void setPvIrradiance(int pvSystem, double kwPerM2) {
        if (!Double.isNaN(kwPerM2) && !(kwPerM2 >= 0 && Double.isFinite(kwPerM2))) {
            throw new PacketGridException("PVSystem." + pvSystemNames().get(pvSystem), "irradiance must be finite and >= 0 kW/m2");
        }
        pv.get(pvSystem).overrideIrradiance(kwPerM2);
    }

    public void setPvIrradiance(String pvSystem, double kwPerM2) {
        setPvIrradiance(pvIndex(pvSystem), kwPerM2);
    }

    /**
     * Caps a PV system's output (kW), as OpenDSS's {@code %Pmpp} does (kW / Pmpp); NaN returns to the
     * script's {@code %Pmpp}. A volt-watt function acting on it replaces the cap while it acts.
     */
    public void setPvKwLimit(int pvSystem, double kw) {
        PvSystem p = pv.get(pvSystem).pv();
        if (Double.isNaN(kw)) {
            p.setPuPmpp(p.settings().puPmpp());
        } else if (kw >= 0 && Double.isFinite(kw)) {
            p.setPuPmpp(kw / p.settings().pmpp());
        } else {
            throw new PacketGridException(p.name(), "kW limit must be finite and >= 0");
        }
    }

    public void setPvKwLimit(String pvSystem, double kw) {
        setPvKwLimit(pvIndex(pvSystem), kw);
    }

    /**
     * Dispatches a storage unit (kW; positive discharges, negative charges, 0 idles) as OpenDSS's
     * {@code kW} property does (Storage.pas: state from the sign, {@code %Discharge}/{@code %Charge} from
     * the size). The unit stops at its reserve or when full, and is capped by {@code %kWrated} and kVA.
     * A unit whose script dispatches it by a shape in {@code DispMode=Follow}, or by trigger levels,
     * is re-dispatched by that shape before each solution, as in OpenDSS: give such units
     * {@code DispMode=External} to drive them from here. A unit out of the solve — one whose grid-forming source
     * stands for it in an island — is not dispatched: it idles until it is back.
     */
    public void dispatchStorage(int unit, double kw) {
        Storage s = storage.get(unit).storage();
        if (!Double.isFinite(kw)) {
            throw new PacketGridException(s.name(), "dispatch must be finite kW");
        }
        if (!s.enabled()) {
            return;
        }
        s.dispatchKw(kw);
    }

    public void dispatchStorage(String unit, double kw) {
        dispatchStorage(storageIndex(unit), kw);
    }

    /** A PV system's power and limits at the last solution. */
    public PvState pvState(int pvSystem) {
        PvSystem p = pv.get(pvSystem).pv();
        double[] pq = ElementFlows.terminalPowers(sim.solver(), p);
        return new PvState(-pq[0] / 1000.0, -pq[1] / 1000.0, Math.min(p.availableKw(), p.kvaRating()), p.kwLimit(),
                p.kvaRating(), p.currentKvarLimit(), p.currentKvarLimitNeg(), p.inverterOn());
    }

    public PvState pvState(String pvSystem) {
        return pvState(pvIndex(pvSystem));
    }

    /** A storage unit's power, energy and limits at the last solution. */
    public StorageState storageState(int unit) {
        Storage s = storage.get(unit).storage();
        double[] pq = ElementFlows.terminalPowers(sim.solver(), s);
        double cap = Math.min(s.kwRated() * s.settings().pctKwRatedLimit(), s.kvaRated());
        double discharge = s.kwhStored() > s.kwhReserve() ? cap : 0.0;
        double charge = s.kwhStored() < s.kwhRated() ? cap : 0.0;
        return new StorageState(-pq[0] / 1000.0, -pq[1] / 1000.0, s.state(), s.kwhStored(), s.socPct(), discharge, charge,
                s.kvaRated());
    }

    public StorageState storageState(String unit) {
        return storageState(storageIndex(unit));
    }
}
