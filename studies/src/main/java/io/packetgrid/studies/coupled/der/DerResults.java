package io.packetgrid.studies.coupled.der;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inverter-based resources' energies over a run (one feeder or, {@link #sum}, all of them): PV available, delivered
 * and curtailed (available − delivered, kWh), reactive energy absorbed by the PV inverters (kvarh), storage energy
 * delivered and taken (kWh), the lowest and the last state of charge (%).
 */
public final class DerResults {
    private final int pvSystems;
    private final int storageUnits;
    private double availableKwh;
    private double deliveredKwh;
    private double curtailedKwh;
    private double absorbedKvarh;
    private double dischargedKwh;
    private double chargedKwh;
    private double socMinPct = Double.NaN;
    private double[] socEndPct = new double[0];

    DerResults(int pvSystems, int storageUnits) {
        this.pvSystems = pvSystems;
        this.storageUnits = storageUnits;
    }

    void clear() {
        availableKwh = 0;
        deliveredKwh = 0;
        curtailedKwh = 0;
        absorbedKvarh = 0;
        dischargedKwh = 0;
        chargedKwh = 0;
        socMinPct = Double.NaN;
        socEndPct = new double[0];
    }

    /** One step of {@code hours} at these values (per PV system, per storage unit). */
    void add(double hours, double[] available, double[] kw, double[] kvar, double[] storageKw, double[] socPct) {
        for (int i = 0; i < kw.length && i < available.length; i++) {
            availableKwh += available[i] * hours;
            deliveredKwh += kw[i] * hours;
            curtailedKwh += Math.max(0.0, available[i] - kw[i]) * hours;
        }
        for (double q : kvar) {
            absorbedKvarh += Math.max(0.0, -q) * hours;
        }
        for (double p : storageKw) {
            if (p > 0) {
                dischargedKwh += p * hours;
            } else {
                chargedKwh += -p * hours;
            }
        }
        for (double s : socPct) {
            socMinPct = Double.isNaN(socMinPct) ? s : Math.min(socMinPct, s);
        }
        socEndPct = socPct.clone();
    }

    /** The feeders' results together. */
    public static DerResults sum(List<DerResults> all) {
        int pv = 0;
        int st = 0;
        for (DerResults r : all) {
            pv += r.pvSystems;
            st += r.storageUnits;
        }
        DerResults s = new DerResults(pv, st);
        double[] ends = new double[0];
        for (DerResults r : all) {
            s.availableKwh += r.availableKwh;
            s.deliveredKwh += r.deliveredKwh;
            s.curtailedKwh += r.curtailedKwh;
            s.absorbedKvarh += r.absorbedKvarh;
            s.dischargedKwh += r.dischargedKwh;
            s.chargedKwh += r.chargedKwh;
            if (!Double.isNaN(r.socMinPct)) {
                s.socMinPct = Double.isNaN(s.socMinPct) ? r.socMinPct : Math.min(s.socMinPct, r.socMinPct);
            }
            double[] both = java.util.Arrays.copyOf(ends, ends.length + r.socEndPct.length);
            System.arraycopy(r.socEndPct, 0, both, ends.length, r.socEndPct.length);
            ends = both;
        }
        s.socEndPct = ends;
        return s;
    }

    /**
     * The summary metrics: {@code pv_available_kwh}, {@code pv_delivered_kwh}, {@code pv_curtailed_kwh},
     * {@code pv_curtailed_pct} (of available), {@code pv_kvar_absorbed_kvarh} when there are PV systems;
     * {@code storage_discharged_kwh}, {@code storage_charged_kwh}, {@code storage_soc_min_pct},
     * {@code storage_soc_end_pct} (mean over the units) when there are storage units.
     */
    public Map<String, Object> metrics() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (pvSystems > 0) {
            m.put("pv_available_kwh", round(availableKwh, 4));
            m.put("pv_delivered_kwh", round(deliveredKwh, 4));
            m.put("pv_curtailed_kwh", round(curtailedKwh, 4));
            m.put("pv_curtailed_pct", availableKwh <= 0 ? 0.0 : round(100 * curtailedKwh / availableKwh, 3));
            m.put("pv_kvar_absorbed_kvarh", round(absorbedKvarh, 4));
        }
        if (storageUnits > 0) {
            m.put("storage_discharged_kwh", round(dischargedKwh, 4));
            m.put("storage_charged_kwh", round(chargedKwh, 4));
            m.put("storage_soc_min_pct", round(socMinPct, 3));
            m.put("storage_soc_end_pct", socEndPct.length == 0 ? Double.NaN
                    : round(java.util.Arrays.stream(socEndPct).average().orElse(Double.NaN), 3));
        }
        return m;
    }

    /** The summary table's rows with the inverter rows added when the scenario has {@code inverters:}. */
    public static List<String> table(io.packetgrid.studies.coupled.scenario.CoupledScenario s, List<String> rows) {
        if (s.inverters() == null) {
            return rows;
        }
        List<String> out = new java.util.ArrayList<>(rows);
        if (s.inverters().householdPv() == io.packetgrid.studies.coupled.scenario.InverterSpec.HouseholdPv.PVSYSTEM) {
            out.addAll(List.of("pv_available_kwh", "pv_curtailed_kwh", "pv_curtailed_pct", "pv_kvar_absorbed_kvarh"));
        }
        if (!s.inverters().storage().isEmpty()) {
            out.addAll(List.of("storage_discharged_kwh", "storage_charged_kwh", "storage_soc_min_pct", "storage_soc_end_pct"));
        }
        return out;
    }

    private static double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return v;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
