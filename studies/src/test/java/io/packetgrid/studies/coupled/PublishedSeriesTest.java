package io.packetgrid.studies.coupled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.studies.coupled.grid.FeederGrid;
import io.packetgrid.studies.coupled.grid.FeederTemplate;
import io.packetgrid.studies.coupled.household.FeederPlan;
import io.packetgrid.studies.coupled.household.HouseholdPlanner;
import io.packetgrid.studies.coupled.scenario.CoupledScenario;
import io.packetgrid.pem.sim.DeviceFleetFederate;
import io.packetgrid.studies.coupled.sim.FeederFleet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The study's grid wiring against the IEEE European LV test feeder's published OpenDSS time series
 * (../shared/feeders/european-lv/reference/opendss_published_timeseries_load1_32_53.csv): with no
 * devices, the households' base loads (the published load shapes, read through the study's base-load
 * table and published by its load publisher) and grid-model's grid federate at minute steps must give
 * the published voltages of loads 1, 32 and 53 at every minute of the day (published minute m = run
 * time m·60 s).
 */
class PublishedSeriesTest {

    /** Records each household's voltage at every grid step. */
    static final class Probe implements Federate {
        final ValueKey<double[]> key;
        final String after;
        final Map<Long, double[]> seen = new HashMap<>();

        Probe(ValueKey<double[]> key, String after) {
            this.key = key;
            this.after = after;
        }

        public String name() {
            return "probe";
        }

        public long initialize(Setup s) {
            s.subscribes(key);
            s.after(after);
            return 0;
        }

        public long step(Step s) {
            seen.put(s.now(), s.read(key));
            return s.now() + SimTime.parse("1m");
        }
    }

    @Test
    void baseLoadVoltagesMatchThePublishedOpenDssSeries() throws IOException {
        Path shared = Scenarios.shared();
        assumeTrue(shared != null, "../shared is absent: the published reference series is not available");
        CoupledScenario s = YamlFiles.read("""
                kind: coupled
                start: 0h
                duration: 24h
                grid_step: 1m
                device_step: 1m
                feeder:
                  script: builtin:european-lv
                  commands: [BatchEdit Load..* vminpu=0.5 vmaxpu=1.5]
                households: {loads: [all]}
                variants: [{name: uncontrolled, control: local}]
                """, "test.yaml", CoupledScenario.class);
        FeederTemplate t = FeederTemplate.load(s.feeder(), null, "feeder", 0, s.gridStep().ns(), 1441);
        FeederPlan plan = new HouseholdPlanner(s, t, "test.yaml").plan().get(0);
        DeviceFleetFederate fleet = FeederFleet.build(plan, false, s.pem(), s.deviceStep().ns(), 0, 0, false);
        FeederGrid grid = new FeederGrid(plan.name(), plan.fleetName(), FeederFleet.householdKwKey(plan),
                t.newFeeder(), t, plan.householdLoads(), plan.loadShape(), s.gridStep().ns(), 1441, 0, s.gridLimits(), false);
        Probe probe = new Probe(grid.loadVoltageKey(), grid.gridName());
        new Federation().add(fleet).addAll(grid.federates()).add(probe).run(KernelOptions.of(1, s.duration().ns()));

        List<String> rows = Files.readAllLines(shared.resolve("feeders/european-lv/reference/opendss_published_timeseries_load1_32_53.csv"));
        Map<String, Integer> household = Map.of("LOAD1", t.load("load1").index(), "LOAD32", t.load("load32").index(),
                "LOAD53", t.load("load53").index());
        double worst = 0;
        int n = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            long minute = Long.parseLong(f[1]);
            double published = Double.parseDouble(f[4]);
            double ours = probe.seen.get(minute * 60_000_000_000L)[household.get(f[0])] * 230.0;
            assertEquals(published, ours, 0.01, f[0] + " at minute " + minute);
            worst = Math.max(worst, Math.abs(published - ours));
            n++;
        }
        assertEquals(3 * 1440, n);
        System.out.printf(java.util.Locale.ROOT, "European LV base-load day: %d published voltages, max |dV| = %.4f V%n", n, worst);
    }
}
