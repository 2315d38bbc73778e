package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.scenario.SimDuration;
import java.util.List;

/**
 * Inverter-based resources in the power flow (YAML {@code inverters:}): the households' rooftop PV as OpenDSS
 * {@code PVSystem} elements under an {@code InvControl}, and the script's {@code Storage} units dispatched by a
 * time-of-day schedule (docs/scenario.md, "Inverters").
 *
 * @param householdPv  {@code profile} (the PV output is subtracted from the household's load, as without this
 *                     section) or {@code pvsystem} (default: each household's PV is a PVSystem at its load's bus and
 *                     phase, its output, curtailment and kvar solved by the power flow)
 * @param kvaPerKwp    inverter rating per kWp of panel (default 1.1: at rated active power it still has the 44 % of
 *                     its rating in reactive power IEEE 1547-2018 §5.2 asks of a Category B unit, √(1 − 0.44²) ≈ 0.9)
 * @param kvarMaxPct   the reactive power limit (OpenDSS {@code kvarMax}), % of the kVA rating (default 44)
 * @param control      {@code none}, {@code volt_var}, {@code volt_watt} or {@code volt_var_volt_watt} (default)
 * @param voltVar      the volt-var curve: reactive power in per unit of kvarMax (+ delivered) against the terminal
 *                     voltage in per unit (default IEEE 1547-2018 Table 8, Category B)
 * @param voltWatt     the volt-watt curve: the active power cap in per unit of Pmpp (default Table 10, Category B)
 * @param storage      script {@code Storage} units the study dispatches
 */
public record InverterSpec(@JsonProperty("household_pv") HouseholdPv householdPv,
                           @JsonProperty("kva_per_kwp") Double kvaPerKwp,
                           @JsonProperty("kvar_max_pct") Double kvarMaxPct,
                           @JsonProperty("control") Control control,
                           @JsonProperty("volt_var") Curve voltVar,
                           @JsonProperty("volt_watt") Curve voltWatt,
                           @JsonProperty("storage") List<StorageDispatch> storage) {

    /** How a household's PV enters the power flow. */
    public enum HouseholdPv { PROFILE, PVSYSTEM }

    /** The InvControl's functions. */
    public enum Control {
        NONE, VOLT_VAR, VOLT_WATT, VOLT_VAR_VOLT_WATT;

        public boolean voltVar() {
            return this == VOLT_VAR || this == VOLT_VAR_VOLT_WATT;
        }

        public boolean voltWatt() {
            return this == VOLT_WATT || this == VOLT_VAR_VOLT_WATT;
        }
    }

    public InverterSpec {
        householdPv = householdPv == null ? HouseholdPv.PVSYSTEM : householdPv;
        kvaPerKwp = kvaPerKwp == null ? 1.1 : kvaPerKwp;
        if (!(kvaPerKwp >= 1 && kvaPerKwp <= 10)) {
            throw new IllegalArgumentException("kva_per_kwp must be in [1, 10], got " + kvaPerKwp);
        }
        kvarMaxPct = kvarMaxPct == null ? 44.0 : kvarMaxPct;
        if (!(kvarMaxPct >= 0 && kvarMaxPct <= 100)) {
            throw new IllegalArgumentException("kvar_max_pct must be in [0, 100], got " + kvarMaxPct);
        }
        control = control == null ? Control.VOLT_VAR_VOLT_WATT : control;
        // IEEE 1547-2018 Table 8 (Category B default volt-var: V1..V4 = 0.92, 0.98, 1.02, 1.08 pu; Q1 = +44 %,
        // Q4 = -44 % of the rating: here ±1 pu of kvarMax = 44 % of kVA) and Table 10 (Category B volt-watt:
        // V1 = 1.06 pu at P1 = Prated, V2 = 1.10 pu at P2 = 0.2 Prated)
        voltVar = voltVar == null ? new Curve(List.of(0.92, 0.98, 1.02, 1.08), List.of(1.0, 0.0, 0.0, -1.0)) : voltVar;
        voltWatt = voltWatt == null ? new Curve(List.of(1.06, 1.10), List.of(1.0, 0.2)) : voltWatt;
        voltVar.check("volt_var", -1, 1);
        voltWatt.check("volt_watt", 0, 1);
        storage = storage == null ? List.of() : List.copyOf(storage);
    }

    /**
     * A curve: y against the voltage in per unit, points in increasing voltage. Outside its points the study holds
     * the end values (OpenDSS's XYcurve would extrapolate the end segments: flat end points are added at 0 and 2 pu).
     */
    public record Curve(@JsonProperty(value = "v_pu", required = true) List<Double> vPu,
                        @JsonProperty(value = "y_pu", required = true) List<Double> yPu) {
        public Curve {
            vPu = List.copyOf(vPu);
            yPu = List.copyOf(yPu);
        }

        void check(String name, double yMin, double yMax) {
            if (vPu.size() < 2 || vPu.size() != yPu.size()) {
                throw new IllegalArgumentException(name + ": v_pu and y_pu need the same number (≥ 2) of points");
            }
            for (int i = 0; i < vPu.size(); i++) {
                if (!(vPu.get(i) > 0 && vPu.get(i) < 2) || (i > 0 && !(vPu.get(i) > vPu.get(i - 1)))) {
                    throw new IllegalArgumentException(name + ".v_pu: increasing voltages in (0, 2) pu");
                }
                if (!(yPu.get(i) >= yMin && yPu.get(i) <= yMax)) {
                    throw new IllegalArgumentException(name + ".y_pu: values in [" + yMin + ", " + yMax + "]");
                }
            }
        }
    }

    /**
     * A script {@code Storage} unit dispatched by a time-of-day schedule.
     *
     * @param unit     the element ({@code Storage.X}); give it {@code DispMode=External} in the script
     * @param schedule kW from each time of day (positive discharging, negative charging), repeating daily; before
     *                 the first entry of a day the last one holds
     */
    public record StorageDispatch(@JsonProperty(value = "unit", required = true) String unit,
                                  @JsonProperty(value = "schedule", required = true) List<Entry> schedule) {
        public StorageDispatch {
            if (unit == null || unit.isBlank()) {
                throw new IllegalArgumentException("unit must name the script's Storage element");
            }
            schedule = List.copyOf(schedule);
            if (schedule.isEmpty()) {
                throw new IllegalArgumentException("schedule needs at least one entry");
            }
            for (int i = 1; i < schedule.size(); i++) {
                if (schedule.get(i).from().ns() <= schedule.get(i - 1).from().ns()) {
                    throw new IllegalArgumentException("schedule entries must have increasing from times");
                }
            }
        }

        /** The dispatch at hour of day {@code hourOfDay} (any value; taken modulo 24), kW. */
        public double kwAt(double hourOfDay) {
            double h = ((hourOfDay % 24) + 24) % 24;
            double kw = schedule.get(schedule.size() - 1).kw();
            for (Entry e : schedule) {
                if (e.from().ns() / 3.6e12 <= h + 1e-12) {
                    kw = e.kw();
                }
            }
            return kw;
        }
    }

    /** {@code kw} from time of day {@code from}. */
    public record Entry(@JsonProperty(value = "from", required = true) SimDuration from,
                        @JsonProperty(value = "kw", required = true) Double kw) {
        public Entry {
            if (from.ns() < 0 || from.ns() >= 86_400_000_000_000L) {
                throw new IllegalArgumentException("from is a time of day, below 24h");
            }
            if (kw == null || !Double.isFinite(kw)) {
                throw new IllegalArgumentException("kw must be a finite number");
            }
        }
    }
}
