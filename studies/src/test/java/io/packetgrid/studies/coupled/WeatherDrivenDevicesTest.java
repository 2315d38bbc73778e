package io.packetgrid.studies.coupled;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.studies.coupled.grid.FeederTemplate;
import io.packetgrid.studies.coupled.household.DevicePlan;
import io.packetgrid.studies.coupled.household.FeederPlan;
import io.packetgrid.studies.coupled.household.Household;
import io.packetgrid.studies.coupled.household.HouseholdPlanner;
import io.packetgrid.studies.coupled.inputs.StudyInputs;
import io.packetgrid.studies.coupled.scenario.CoupledScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heat pumps and small turbines from a weather file, by hand: the heat pump sees the file's air temperature of
 * the row holding each instant; a 4 kW turbine (cut-in 3, rated 11 m/s) at a 15 m hub in 8 m/s of 10 m wind turns
 * at 8·1.5^(1/7) m/s (the 1/7 power law) and gives 4·(v³ − 27)/(1331 − 27) kW.
 */
class WeatherDrivenDevicesTest {
    @TempDir
    Path dir;

    @Test
    void heatPumpsAndTurbinesFollowTheWeather() throws Exception {
        Files.writeString(dir.resolve("w.csv"), """
                time,ghi_w_m2,air_c,wind_m_s
                2026-01-15T16:00,0,-10,8
                2026-01-15T16:30,0,-20,8
                2026-01-15T17:00,0,-5,8
                2026-01-15T17:30,0,-5,8
                """);
        String yaml = """
                kind: coupled
                start: 2026-01-15T16:00
                duration: 1h
                feeder: {script: builtin:european-lv}
                inputs: {weather: w.csv}
                households:
                  loads: [load1]
                  mix: {heat_pump: 1.0, wind: 1.0}
                devices:
                  wind: {rated_kw: 4, hub_m: 15}
                """;
        CoupledScenario s = new CoupledStudy().scenario(YamlFiles.read(yaml, "w.yaml", JsonNode.class), "w.yaml", dir);
        int steps = 61;
        FeederTemplate t = FeederTemplate.load(s.feeder(), dir, "w.yaml: feeder", s.start().seconds() / 3600, s.gridStep().ns(), steps);
        StudyInputs in = StudyInputs.load(s, dir, "w.yaml", t, s.gridStep().seconds());
        FeederPlan plan = new HouseholdPlanner(s, t, "w.yaml", in.weather()).plan().get(0);
        Household h = plan.households().get(0);
        DevicePlan.HeatPumpPlan hp = (DevicePlan.HeatPumpPlan) h.devices().get(0);
        assertEquals(-10, hp.outdoorC().applyAsDouble(20 * 60), 0);
        assertEquals(-20, hp.outdoorC().applyAsDouble(45 * 60), 0);
        assertEquals(-5, hp.outdoorC().applyAsDouble(60 * 60), 0);
        double v = 8 * Math.pow(1.5, 1.0 / 7);
        double kw = 4 * (v * v * v - 27) / (1331 - 27);
        // the household's generation is read on the clock (seconds of the day): 16:10
        assertEquals(kw, h.pv().powerKw(16 * 3600 + 600), 1e-12);
        assertEquals("hp+wind", h.equipment());
    }
}
