package io.packetgrid.studies.coupled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.pem.device.PvProfile;
import io.packetgrid.studies.report.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coupled study's {@code inverters:} section against hand-derived references: a house at the end of a 0.5 Ω
 * single-phase line whose 10 kWp PV system's volt-watt function settles where the curve meets the line's voltage rise
 * (a fixed point solved here by bisection); a community storage unit's state of charge after a charging and a
 * discharging half hour (efficiencies applied as OpenDSS's UpdateStorage); on the European LV feeder, PV systems
 * without inverter control giving the voltages of the PV subtracted from the loads (the same physics by two paths);
 * and a grid-aware server that sees the inverters curtailing less PV than one that does not.
 */
class InverterStudyTest {
    @TempDir
    Path out;

    static final String ONE_HOUSE = """
            Clear
            New Circuit.one basekv=0.4 pu=1.0 phases=3 bus1=src MVAsc3=1000000 MVAsc1=1000000
            New Line.l1 phases=1 bus1=src.1 bus2=house.1 R1=0.5 X1=0 R0=0.5 X0=0 C1=0 C0=0 length=1
            New Load.house phases=1 bus1=house.1 kV=0.23 kW=0.5 pf=1 model=1 vminpu=0.5 vmaxpu=1.5
            New Storage.bat phases=3 bus1=src kV=0.4 kWrated=50 kVA=60 kWhrated=100 %stored=50 %reserve=20 %EffCharge=90 \
            %EffDischarge=90 %IdlingkW=0 DispMode=External
            Set voltagebases=[0.4]
            Calcvoltagebases
            """;

    static final String ONE_STUDY = """
            kind: coupled
            name: one
            start: 12h
            duration: 1h
            grid_step: 1m
            device_step: 10s
            feeder: {script: one.dss}
            households:
              overrides: [{load: house, devices: [pv]}]
            devices:
              pv: {peak_kw: [10, 10], sunrise_h: 0, sunset_h: 24}
            network: {model: ideal}
            target: {kind: schedule, schedule: [{from: 0h, kw_per_household: 1.0}]}
            inverters:
              control: volt_watt
              storage: [{unit: %s, schedule: [{from: 12h, kw: -20}, {from: 12h30m, kw: 30}, {from: 14h, kw: 0}]}]
            variants:
              - {name: uncontrolled, control: local}
            outputs: {plots: false}
            """;

    private Summary runOne(String unit) throws Exception {
        Path dir = Files.createDirectories(out.resolve("one"));
        Files.writeString(dir.resolve("one.dss"), ONE_HOUSE);
        Path yaml = dir.resolve("one.yaml");
        Files.writeString(yaml, String.format(ONE_STUDY, unit));
        com.fasterxml.jackson.databind.JsonNode tree = io.packetgrid.cosim.scenario.YamlFiles.read(Files.readString(yaml), "one.yaml",
                com.fasterxml.jackson.databind.JsonNode.class);
        return new CoupledStudy().run(tree, "one.yaml", io.packetgrid.studies.run.RunContext.quiet(out.resolve("one-out"), dir, 1));
    }

    /** The PV power where IEEE 1547's default volt-watt curve meets the voltage the net export raises at the house, W. */
    static double voltWattFixedPoint(double availableW) {
        double vs = 400 / Math.sqrt(3);
        double r = 0.5;
        double loadW = 500;
        double lo = 0;
        double hi = availableW;
        for (int i = 0; i < 200; i++) {
            double p = (lo + hi) / 2;
            double v = (vs + Math.sqrt(vs * vs + 4 * r * (p - loadW))) / 2 / 230;   // V = Vs + R (P - Pload) / V
            double cap = v <= 1.06 ? 1.0 : v >= 1.10 ? 0.2 : 1 - 0.8 * (v - 1.06) / 0.04;   // Table 10, Category B
            if (p > Math.min(availableW, cap * 10_000)) {
                hi = p;
            } else {
                lo = p;
            }
        }
        return lo;
    }

    @Test
    void voltWattCurtailsTheSingleHousesPvToWhereItsCurveMeetsTheLinesVoltageRise() throws Exception {
        Summary s = runOne("Storage.bat");
        PvProfile pv = PvProfile.clearSky(10, 0, 24);
        double available = 0;
        double delivered = 0;
        int steps = 61;                                // a solution at every minute from 12:00 to 13:00, each held a minute
        for (int k = 0; k < steps; k++) {
            double a = pv.powerKw(12 * 3600 + 60.0 * k) * 1000;
            available += a / 1000 / 60;
            delivered += voltWattFixedPoint(a) / 1000 / 60;
        }
        assertEquals(available, Scenarios.metric(s, "uncontrolled", "pv_available_kwh"), 1e-3);
        // OpenDSS's InvControl stops within ActivePChangeTolerance (1 % of Pmpp) of the curve
        assertEquals(delivered, Scenarios.metric(s, "uncontrolled", "pv_delivered_kwh"), 0.01 * 10 * steps / 60.0);
        assertEquals(available - delivered, Scenarios.metric(s, "uncontrolled", "pv_curtailed_kwh"), 0.01 * 10 * steps / 60.0);
        assertTrue(available - delivered > 1.5, "a meaningful check: volt-watt curtails about 20 %: " + (available - delivered));
        double vPeak = (400 / Math.sqrt(3) + Math.sqrt(400.0 * 400 / 3 + 4 * 0.5 * (voltWattFixedPoint(10_000) - 500))) / 2 / 230;
        assertEquals(vPeak, Scenarios.metric(s, "uncontrolled", "v_max_pu"), 1e-3);
    }

    @Test
    void theCommunityStoragesStateOfChargeFollowsItsScheduleThroughTheEfficiencies() throws Exception {
        Summary s = runOne("Storage.bat");
        // 50 kWh at 12:00; 30 one-minute steps charging 20 kW at 90 %, then 30 discharging 30 kW at 90 % before 13:00's solution
        double kwh = 50 + 30 * (20 * 0.9 / 60) - 30 * (30 / 0.9 / 60);
        assertEquals(kwh, Scenarios.metric(s, "uncontrolled", "storage_soc_end_pct"), 1e-3);   // of 100 kWh
        assertEquals(30 * 20 / 60.0, Scenarios.metric(s, "uncontrolled", "storage_charged_kwh"), 1e-3);
        assertEquals(31 * 30 / 60.0, Scenarios.metric(s, "uncontrolled", "storage_discharged_kwh"), 1e-3);
    }

    @Test
    void anUnknownStorageUnitIsOneLineNamingTheField() {
        PacketGridException e = assertThrows(PacketGridException.class, () -> runOne("Storage.nope"));
        assertFalse(e.userMessage().contains("\n"));
        assertEquals("one.yaml: inverters.storage[0].unit: Storage Storage.nope: no such element in this feeder", e.userMessage());
    }

    static final String SUNNY = """
            kind: coupled
            name: sunny
            seed: 6
            start: 12h
            duration: 1h
            grid_step: 1m
            device_step: 10s
            feeder:
              script: builtin:european-lv
              commands:
                - BatchEdit Load..* vminpu=0.5 vmaxpu=1.5
                - Edit Transformer.TR1 Taps=[1.05 1.0]
            households:
              mix: {water_heater: 1.0, pv: 1.0}
            devices:
              pv: {peak_kw: [5, 7], sunrise_h: 5, sunset_h: 21}
            network: {model: ideal}
            target: {kind: schedule, schedule: [{from: 0h, kw_per_household: 1.0}]}
            %s
            variants:
              - {name: uncontrolled, control: local}
              - {name: pem, control: pem}
              - {name: pem_grid_aware, control: pem, grid_aware: true}
            outputs: {plots: false}
            """;

    @Test
    void pvSystemsWithoutControlGiveTheVoltagesOfThePvSubtractedFromTheLoads() {
        Summary profile = Scenarios.run(String.format(SUNNY, ""), out.resolve("profile"), 1);
        Summary pvsystem = Scenarios.run(String.format(SUNNY, "inverters: {control: none}"), out.resolve("pvsystem"), 1);
        assertTrue(Scenarios.metric(profile, "uncontrolled", "v_max_pu") > 1.15, "a meaningful check: the sunny feeder's over-voltage");
        for (String m : new String[] {"v_max_pu", "v_min_pu", "voltage_violation_node_minutes", "source_energy_kwh"}) {
            assertEquals(Scenarios.metric(profile, "uncontrolled", m), Scenarios.metric(pvsystem, "uncontrolled", m), 1e-3, m);
        }
        assertEquals(0, Scenarios.metric(pvsystem, "uncontrolled", "pv_curtailed_kwh"), 1e-9);
    }

    @Test
    void theEnergyInternetVariantsDeadlineDevicesStayInTheHouseholdsLoadWithPvSystems() {
        // the EVs of an energy_internet variant are deadline devices (after the fleet's agents in its device powers)
        String study = SUNNY.replace("{water_heater: 1.0, pv: 1.0}", "{water_heater: 1.0, ev_charger: 0.5, pv: 1.0}")
                .replace("pv: {peak_kw: [5, 7], sunrise_h: 5, sunset_h: 21}",
                        "pv: {peak_kw: [5, 7], sunrise_h: 5, sunset_h: 21}\n  ev_charger: {arrival_h: [12, 12.5]}")
                .replace("  - {name: pem, control: pem}\n  - {name: pem_grid_aware, control: pem, grid_aware: true}",
                        "  - {name: ei, control: energy_internet}");
        Summary profile = Scenarios.run(String.format(study, ""), out.resolve("ei-profile"), 1);
        Summary pvsystem = Scenarios.run(String.format(study, "inverters: {control: none}"), out.resolve("ei-pv"), 1);
        assertTrue(Scenarios.metric(profile, "ei", "flexible_mean_kw") > 50, "a meaningful check: the EVs charge");
        for (String m : new String[] {"v_max_pu", "v_min_pu", "voltage_violation_node_minutes", "source_energy_kwh"}) {
            assertEquals(Scenarios.metric(profile, "ei", m), Scenarios.metric(pvsystem, "ei", m), 1e-3, m);
        }
    }

    @Test
    void withoutRideThroughThePvSystemsStopInTheIslandAsTheProfilePvDoes() {
        String island = """
                community_battery: {bus: "1", kw: 400, kva: 450, kwh: 200, soc_pct: 90}
                island: {pcc: Transformer.TR1, pv_ride_through: false}
                events: [{at: 10m, kind: island}, {at: 40m, kind: reconnect}]""";
        Summary profile = Scenarios.run(String.format(SUNNY, island), out.resolve("island-profile"), 1);
        Summary pvsystem = Scenarios.run(String.format(SUNNY, island + "\ninverters: {control: none}"), out.resolve("island-pv"), 1);
        double full = Scenarios.metric(Scenarios.run(String.format(SUNNY, "inverters: {control: none}"), out.resolve("no-island"), 1),
                "uncontrolled", "pv_available_kwh");
        double off = Scenarios.metric(pvsystem, "uncontrolled", "pv_available_kwh");
        assertTrue(off < 0.7 * full, "a meaningful check: half an hour of PV is off: " + off + " of " + full);
        var p = profile.variants().get("uncontrolled").get("events").get(0);
        var q = pvsystem.variants().get("uncontrolled").get("events").get(0);
        assertTrue(p.get("island_survived").asBoolean());
        assertEquals(p.get("min_soc").asDouble(), q.get("min_soc").asDouble(), 1e-3);
        assertEquals(Scenarios.metric(profile, "uncontrolled", "v_max_pu"), Scenarios.metric(pvsystem, "uncontrolled", "v_max_pu"), 1e-3);
    }

    @Test
    void voltVarVoltWattHoldTheSunnyFeederAndAServerThatSeesTheInvertersCurtailsLess() {
        Summary s = Scenarios.run(String.format(SUNNY, "inverters: {control: volt_var_volt_watt}"), out.resolve("vvvw"), 1);
        assertTrue(Scenarios.metric(s, "uncontrolled", "v_max_pu") < 1.10, "volt-var/volt-watt hold EN 50160's 1.10 pu");
        assertTrue(Scenarios.metric(s, "uncontrolled", "pv_curtailed_kwh") > 1, "a meaningful check: the inverters curtail");
        assertTrue(Scenarios.metric(s, "uncontrolled", "pv_kvar_absorbed_kvarh") > 1, "and absorb reactive power");
        double plain = Scenarios.metric(s, "pem", "pv_curtailed_kwh");
        double aware = Scenarios.metric(s, "pem_grid_aware", "pv_curtailed_kwh");
        assertTrue(aware < plain, "the grid-aware server takes up curtailed PV: " + aware + " against " + plain);
        // every run parses its own feeder copy: no inverter or storage state carries over, whatever the threads
        Summary two = Scenarios.run(String.format(SUNNY, "inverters: {control: volt_var_volt_watt}"), out.resolve("vvvw2"), 2);
        assertEquals(s.variants(), two.variants());
    }
}
