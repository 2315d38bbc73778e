package io.packetgrid.studies.coupled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.studies.report.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Energy-Internet server inside the coupled study, end to end in process on twelve households of the
 * European LV feeder on a January evening: every service it accepts is met by its deadline; its requests,
 * replies and commands travel over the variant's network (a network that loses everything leaves every
 * deadline device unserved, while the owners running them alone do all of theirs); same bytes on 1 and 2
 * threads; weather, prices and base loads from CSV files give the hand-computed PV output, base load and
 * energy cost; bad inputs are one line naming the field.
 */
class EnergyInternetCoupledTest {
    @TempDir
    Path out;

    /** {@code %s}: inputs, network, variants. */
    static final String STUDY = """
            kind: coupled
            name: ei
            seed: 5
            start: 2026-01-15T16:00
            duration: 5h
            grid_step: 1m
            device_step: 10s
            observe_from: 10m
            site: {latitude_deg: 60.17, longitude_deg: 24.94, time_zone: Europe/Helsinki}
            inputs: %s
            feeder:
              script: builtin:european-lv
              commands:
                - BatchEdit Load..* vminpu=0.5 vmaxpu=1.5
                - Edit Transformer.TR1 Taps=[1.05 1.0]
            households:
              loads: [load1, load2, load3, load4, load5, load6, load7, load8, load9, load10, load11, load12]
              mix: {heat_pump: 0.5, ev_charger: 0.5, dishwasher: 0.5, sauna: 0.5, pv: 0.3}
            devices:
              ev_charger: {battery_kwh: 30, arrival_h: [16, 17], departure_h: [20, 20.5], arrival_soc: [0.5, 0.6], target_soc: 0.8}
              dishwasher: {loaded_h: [16.5, 17.5], deadline_h: [19.5, 20.5]}
              sauna: {ready_h: [19, 20], booked_ahead_h: 2}
              pv: {peak_kw: 4}
            network: %s
            radio:
              aggregators: [{name: gnb1, x_m: 250, y_m: -300}]
            energy_internet: {import_limit_kw_per_household: 8, forecast: {rmse_kw: 1}}
            target: {kind: self_sufficiency, max_import_kw_per_household: 8}
            variants:
            %s
            outputs: {plots: false}
            """;

    static String study(String inputs, String network, String... variants) {
        StringBuilder v = new StringBuilder();
        for (String s : variants) {
            v.append("  - ").append(s).append('\n');
        }
        return String.format(STUDY, inputs, network, v.toString().stripTrailing());
    }

    static final String BUILTIN = "{weather: builtin:finnish-winter, prices: builtin:finnish-winter}";

    @Test
    void everyAcceptedServiceIsMetAndItsMessagesGoOverTheRadio() throws Exception {
        Summary s = Scenarios.run(study(BUILTIN, "{model: radio}", "{name: uncontrolled, control: local}",
                "{name: energy_internet, control: energy_internet}"), out, 1);
        assertEquals(100, Scenarios.metric(s, "energy_internet", "deadlines_met_pct"), 0);
        assertEquals(100, Scenarios.metric(s, "uncontrolled", "deadlines_met_pct"), 0);
        List<String> rows = Files.readAllLines(out.resolve("energy_internet/requests.csv"));
        long accepted = rows.stream().skip(1).filter(r -> r.split(",")[7].equals("true")).count();
        assertTrue(accepted >= 6, "services accepted: " + accepted);
        // every request, reply and command went through the radio model: the server's messages are in its statistics
        JsonNode radio = s.variants().get("energy_internet").get("radio");
        assertTrue(radio.get("sent").asLong() > 2 * accepted, "radio messages: " + radio);
        assertTrue(Double.isFinite(Scenarios.metric(s, "energy_internet", "forecast_rmse_kw")));
        for (String m : List.of("import_kwh", "export_kwh", "self_sufficiency_pct", "energy_cost")) {
            Scenarios.metric(s, "uncontrolled", m);
        }
    }

    @Test
    void deadlineDevicesDependOnTheNetworkTheirOwnersRunTheirsAlone() throws Exception {
        // a network that loses every message: no request reaches the Energy-Internet server, nothing is accepted
        Summary s = Scenarios.run(study(BUILTIN, "{model: fixed, delay: 50ms, loss: 1.0}", "{name: uncontrolled, control: local}",
                "{name: energy_internet, control: energy_internet}"), out, 1);
        List<String> rows = Files.readAllLines(out.resolve("energy_internet/requests.csv"));
        assertTrue(rows.size() > 6);
        assertTrue(rows.stream().skip(1).allMatch(r -> r.split(",")[7].equals("false")), "nothing accepted without a network");
        assertTrue(s.variants().get("energy_internet").get("deadlines_met_pct").isNull());
        assertEquals(0, Scenarios.metric(s, "energy_internet", "requests_rejected"), 0, "nor rejected: nothing arrived");
        assertEquals(100, Scenarios.metric(s, "uncontrolled", "deadlines_met_pct"), 0);
    }

    @Test
    void theSameBytesOnOneAndTwoThreads() throws Exception {
        String yaml = study(BUILTIN, "{model: radio}", "{name: uncontrolled, control: local}", "{name: pem, control: pem}",
                "{name: energy_internet, control: energy_internet}");
        Scenarios.run(yaml, out.resolve("one"), 1);
        Scenarios.run(yaml, out.resolve("two"), 2);
        for (String f : List.of("summary.json", "energy_internet/requests.csv", "energy_internet/grid.csv", "pem/requests.csv")) {
            assertEquals(Files.readString(out.resolve("one").resolve(f)), Files.readString(out.resolve("two").resolve(f)), f);
        }
    }

    @Test
    void weatherPricesAndBaseLoadsFromCsvFiles() throws Exception {
        // constant inputs every 30 minutes from 15:00: 500 W/m², −10 °C, no wind; 0.20 per kWh in, 0.05 out; 0.5 kW base
        StringBuilder w = new StringBuilder("time,ghi_w_m2,air_c,wind_m_s,station\n");
        StringBuilder p = new StringBuilder("time,price_per_kwh,export_price_per_kwh\n");
        StringBuilder b = new StringBuilder("# base load of every household\ntime,kw\n");
        for (int i = 0; i < 14; i++) {
            String t = String.format("2026-01-15T%02d:%02d", 15 + i / 2, 30 * (i % 2));
            w.append(t).append(",500,-10,0,hki\n");
            p.append(t).append(",0.20,0.05\n");
            b.append(t).append(",0.5\n");
        }
        Files.writeString(out.resolve("weather.csv"), w);
        Files.writeString(out.resolve("prices.csv"), p);
        Files.writeString(out.resolve("base.csv"), b);
        String inputs = "{weather: " + out.resolve("weather.csv") + ", prices: " + out.resolve("prices.csv") + ", base_load: "
                + out.resolve("base.csv") + "}";
        Summary s = Scenarios.run(study(inputs, "{model: ideal}", "{name: uncontrolled, control: local}"), out.resolve("run"), 1);
        // PVWatts at 500 W/m², −10 °C: T_cell = −10 + 25/800·500 = 5.625 °C, 4 kW·0.5·(1 + 0.0047·19.375)·0.86·0.96 per array,
        // round(0.3·12) = 4 arrays
        double array = 4 * 0.5 * (1 - 0.0047 * (5.625 - 25)) * 0.86 * 0.96;
        List<String> power = Files.readAllLines(out.resolve("run/uncontrolled/power.csv"));
        int pvCol = List.of(power.get(0).split(",")).indexOf("pv_kw");
        for (String row : power.subList(1, power.size())) {
            assertEquals(4 * array, Double.parseDouble(row.split(",")[pvCol]), 1e-6);
        }
        // every load at 0.5 kW: grid.csv's base is the households' (12 of the feeder's 55 loads)
        List<String> grid = Files.readAllLines(out.resolve("run/uncontrolled/grid.csv"));
        int baseCol = List.of(grid.get(0).split(",")).indexOf("base_kw");
        for (String row : grid.subList(1, grid.size())) {
            assertEquals(6.0, Double.parseDouble(row.split(",")[baseCol]), 1e-6);
        }
        double imp = Scenarios.metric(s, "uncontrolled", "import_kwh");
        double exp = Scenarios.metric(s, "uncontrolled", "export_kwh");
        assertEquals(0.20 * imp - 0.05 * exp, Scenarios.metric(s, "uncontrolled", "energy_cost"), 0.002);
    }

    @Test
    void badInputsAreOneLineNamingTheField() throws Exception {
        Files.writeString(out.resolve("late.csv"), "time,ghi_w_m2,air_c,wind_m_s\n2026-01-15T17:00,0,0,0\n2026-01-15T18:00,0,0,0\n");
        PacketGridException late = assertThrows(PacketGridException.class, () -> Scenarios.run(study("{weather: "
                + out.resolve("late.csv") + "}", "{model: ideal}", "{name: uncontrolled, control: local}"), out.resolve("a"), 1));
        assertTrue(late.userMessage().contains("late.csv") && late.userMessage().contains("after the study's start 2026-01-15T16:00"),
                late.userMessage());
        PacketGridException builtin = assertThrows(PacketGridException.class, () -> Scenarios.run(study("{weather: builtin:sahara}",
                "{model: ideal}", "{name: uncontrolled, control: local}"), out.resolve("b"), 1));
        assertEquals("test.yaml: inputs.weather: unknown built-in series 'builtin:sahara' (known: builtin:finnish-winter, "
                + "builtin:finnish-summer)", builtin.userMessage());
        PacketGridException noDate = assertThrows(PacketGridException.class, () -> Scenarios.run(study(BUILTIN, "{model: ideal}",
                "{name: uncontrolled, control: local}").replace("start: 2026-01-15T16:00", "start: 16h"), out.resolve("c"), 1));
        assertTrue(noDate.userMessage().contains("need a calendar start"), noDate.userMessage());
        PacketGridException wind = assertThrows(PacketGridException.class, () -> Scenarios.run(study("{prices: builtin:finnish-winter}",
                "{model: ideal}", "{name: uncontrolled, control: local}").replace("pv: 0.3}", "pv: 0.3, wind: 0.2}"), out.resolve("d"), 1));
        assertEquals("test.yaml: households: wind turbines need a weather input (inputs.weather)", wind.userMessage());
    }
}
