package io.packetgrid.studies.coupled.der;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.pem.device.PvProfile;
import io.packetgrid.studies.coupled.scenario.DeviceType;
import io.packetgrid.studies.coupled.grid.FeederTemplate;
import io.packetgrid.studies.coupled.household.FeederPlan;
import io.packetgrid.studies.coupled.household.Household;
import io.packetgrid.studies.coupled.scenario.InverterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A feeder copy's households' rooftop PV as OpenDSS elements, written as the OpenDSS commands a utility engineer
 * would add to the script and read by the same script reader: for every household with PV a
 * {@code PVSystem.pv_<load>} at its load's bus and phase ({@code Pmpp} = the panel's peak kW, {@code kVA} =
 * {@code kva_per_kwp} x Pmpp, {@code kvarMax} = {@code kvar_max_pct} of kVA, irradiance driven by the study each
 * grid step), and one {@code InvControl.pg_households} over exactly those PV systems with the scenario's volt-var
 * and/or volt-watt curve ({@code RefReactivePower=VARMAX}: volt-var in per unit of kvarMax; volt-watt in per unit
 * of Pmpp, OpenDSS's default {@code VoltwattYAxis=PMPPPU}; curves on the rated voltage).
 *
 * <p>Inverter settings beyond the scenario's: {@code VarFollowInverter=Yes} (no reactive power while the
 * inverter is off: IEEE 1547-2018 §5.2 asks for it only while producing), {@code %cutin = %cutout = 1} (a
 * residential inverter runs from a few per cent of its rating; OpenDSS's default 20 % would cut the morning
 * and evening PV the household profile has), no temperature or efficiency curve (the profile is already the AC
 * output), {@code Vminpu=0.5 Vmaxpu=1.5} (constant power over the voltages a study meets, as the study's loads; OpenDSS's
 * 0.90–1.10 would turn an inverter into a constant impedance exactly where over-voltage studies look) and, with an
 * inverter control, {@code Set maxcontroliter=200}. OpenDSS's var priority ({@code WattPriority=No}) is kept.
 */
public final class HouseholdInverters {
    private HouseholdInverters() {
    }

    /** Name of a household's PV system (without {@code PVSystem.}). */
    public static String pvName(Household h) {
        return "pv_" + h.id().toLowerCase(Locale.ROOT);
    }

    /** The households of a plan that have PV, in household order. */
    public static List<Household> withPv(FeederPlan plan) {
        return plan.households().stream().filter(h -> h.pv() != null).toList();
    }

    /**
     * The commands that add the plan's PV systems and their inverter control (empty without PV or in profile mode).
     *
     * @param where the scenario's {@code inverters} field, for errors
     * @throws PacketGridException naming {@code <where>.household_pv} when a household's generation is not the clear-sky
     *                             PV profile of {@code devices.pv} (weather-driven PV, a wind turbine): not modelled as PV systems
     */
    public static String commands(InverterSpec inv, FeederTemplate template, FeederPlan plan, String where) {
        List<Household> pv = withPv(plan);
        if (inv.householdPv() != InverterSpec.HouseholdPv.PVSYSTEM || pv.isEmpty()) {
            return "";
        }
        for (Household h : pv) {
            if (!(h.pv() instanceof PvProfile) || !h.generators().equals(List.of(DeviceType.PV))) {
                throw new PacketGridException(where + ".household_pv", "pvsystem models the clear-sky PV of devices.pv; household "
                        + h.id() + " has " + h.generators() + (h.pv() instanceof PvProfile ? "" : " from inputs.weather")
                        + " (use household_pv: profile)");
            }
        }
        StringBuilder b = new StringBuilder();
        List<String> ders = new ArrayList<>();
        for (Household h : pv) {
            double kwp = ((PvProfile) h.pv()).peakKw();
            double kva = inv.kvaPerKwp() * kwp;
            double vLn = template.loadNominalV(h.load());
            String conn = h.phase() == 0 ? "phases=3 bus1=" + h.bus() + String.format(Locale.ROOT, " kV=%.6f", vLn * Math.sqrt(3) / 1000)
                    : "phases=1 bus1=" + h.bus() + "." + h.phase() + String.format(Locale.ROOT, " kV=%.6f", vLn / 1000);
            b.append(String.format(Locale.ROOT, "New PVSystem.%s %s kVA=%.6f Pmpp=%.6f irradiance=0 %%cutin=1 %%cutout=1 "
                    + "Vminpu=0.5 Vmaxpu=1.5 kvarMax=%.6f kvarMaxAbs=%.6f VarFollowInverter=Yes%n", pvName(h), conn, kva, kwp,
                    kva * inv.kvarMaxPct() / 100, kva * inv.kvarMaxPct() / 100));
            ders.add("PVSystem." + pvName(h));
        }
        InverterSpec.Control c = inv.control();
        if (c == InverterSpec.Control.NONE) {
            return b.toString();
        }
        if (c.voltVar()) {
            b.append(curve("pg_volt_var", inv.voltVar()));
        }
        if (c.voltWatt()) {
            b.append(curve("pg_volt_watt", inv.voltWatt()));
        }
        // OpenDSS's default of 10 control iterations is meant for a few regulators; dozens of inverters acting on one
        // another's voltage take more (OpenDSS's InvControl examples raise it likewise)
        b.append("Set maxcontroliter=200\n");
        b.append("New InvControl.pg_households DERList=[").append(String.join(" ", ders)).append("] ");
        b.append(switch (c) {
            case VOLT_VAR -> "mode=VOLTVAR vvc_curve1=pg_volt_var RefReactivePower=VARMAX";
            case VOLT_WATT -> "mode=VOLTWATT voltwatt_curve=pg_volt_watt";
            default -> "CombiMode=VV_VW vvc_curve1=pg_volt_var voltwatt_curve=pg_volt_watt RefReactivePower=VARMAX";
        }).append('\n');
        return b.toString();
    }

    /** An XYcurve held flat outside the given points (OpenDSS extrapolates the end segments: end points at 0 and 2 pu). */
    static String curve(String name, InverterSpec.Curve c) {
        List<Double> x = new ArrayList<>(c.vPu());
        List<Double> y = new ArrayList<>(c.yPu());
        x.add(0, 0.0);
        y.add(0, y.get(0));
        x.add(2.0);
        y.add(y.get(y.size() - 1));
        StringBuilder xs = new StringBuilder();
        StringBuilder ys = new StringBuilder();
        for (int i = 0; i < x.size(); i++) {
            xs.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.6f", x.get(i)));
            ys.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.6f", y.get(i)));
        }
        return "New XYcurve." + name + " npts=" + x.size() + " Xarray=[" + xs + "] Yarray=[" + ys + "]\n";
    }

    /**
     * A fresh solvable copy of the feeder with the plan's PV systems and inverter control (parsed anew for each run, so no
     * inverter or storage state carries over from another variant).
     *
     * @throws PacketGridException naming {@code where} when the added elements or the storage units do not fit the feeder
     */
    public static Feeder feeder(InverterSpec inv, FeederTemplate template, FeederPlan plan, String where) {
        Feeder f = template.newFeeder();
        String cmds = commands(inv, template, plan, where);
        if (!cmds.isEmpty()) {
            try {
                f.runCommands(cmds, "inverters (" + plan.name() + ")");
            } catch (PacketGridException e) {
                throw e.within(where + ".household_pv");
            }
        }
        for (int i = 0; i < inv.storage().size(); i++) {
            try {
                f.ders().storageIndex(inv.storage().get(i).unit());
            } catch (PacketGridException e) {
                throw e.within(where + ".storage[" + i + "].unit");
            }
        }
        return f;
    }
}
