package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.series.Monitor;
import io.packetgrid.grid.series.Simulation;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * IEEE European LV test feeder against the OpenDSS results published with it (IEEE PES AMPS
 * DSAS, ../shared/feeders/european-lv/reference/), with loads held constant-PQ as the published
 * results need.
 */
class EuropeanLvTest {
    static final String CONSTANT_PQ = "BatchEdit Load..* vminpu=0.5 vmaxpu=1.5\n";

    static DssInterpreter load(String extra) {
        Path dir = SharedData.shared("feeders/european-lv");
        DssInterpreter dss = new DssInterpreter(null);
        dss.run(dir.resolve("Master.dss"));
        dss.runText(extra, dir, "test.dss");
        return dss;
    }

    static double[] voltage(Simulation sim, String bus, int node) {
        Network net = sim.network();
        double[] v = new double[2];
        sim.solver().voltage(net.node(bus, node), v);
        return v;
    }

    @Test
    void minute566LoadVoltagesMatchPublished() {
        DssInterpreter dss = load(CONSTANT_PQ + "Set mode=yearly number=566 stepsize=1m\nSolve\n");
        Simulation sim = dss.simulation();
        assertEquals(9, sim.hour());
        assertEquals(26 * 60.0, sim.secondsInHour(), 1e-6);
        List<String[]> rows = SharedData.csv(SharedData.shared("feeders/european-lv/reference/opendss_published_min566_load_voltages.csv"));
        double maxDv = 0;
        double maxDa = 0;
        for (String[] r : rows.subList(1, rows.size())) {
            double[] v = voltage(sim, r[1], Integer.parseInt(r[2]));
            double mag = Math.hypot(v[0], v[1]);
            double ang = Math.toDegrees(Math.atan2(v[1], v[0]));
            maxDv = Math.max(maxDv, Math.abs(mag - Double.parseDouble(r[3])));
            maxDa = Math.max(maxDa, Math.abs(ang - Double.parseDouble(r[4])));
            assertEquals(Double.parseDouble(r[3]), mag, 0.01, "voltage of " + r[0]);
            assertEquals(Double.parseDouble(r[4]), ang, 0.1, "angle of " + r[0]);
        }
        System.out.printf(Locale.ROOT, "European LV minute 566: 55 loads, max |dV| = %.4f V, max |dtheta| = %.4f deg%n", maxDv, maxDa);
        assertEquals(56, rows.size());
    }

    @Test
    void dayLongSeriesMatchesPublishedMonitors() {
        DssInterpreter dss = load(CONSTANT_PQ
                + "New Monitor.m_load1 Load.LOAD1 1 mode=0\n"
                + "New Monitor.m_load32 Load.LOAD32 1 mode=0\n"
                + "New Monitor.m_load53 Load.LOAD53 1 mode=0\n"
                + "New Monitor.m_tr1 Transformer.TR1 2 mode=1 ppolar=no\n"
                + "Set mode=yearly number=1440 stepsize=1m\nSolve\n");
        Map<String, Monitor> mons = new HashMap<>();
        for (String n : List.of("m_load1", "m_load32", "m_load53", "m_tr1")) {
            mons.put(n, dss.monitor(n));
            assertEquals(1440, dss.monitor(n).samples());
        }
        List<String[]> v = SharedData.csv(SharedData.shared("feeders/european-lv/reference/opendss_published_timeseries_load1_32_53.csv"));
        double maxDv = 0;
        double maxDa = 0;
        for (String[] r : v.subList(1, v.size())) {
            Monitor m = mons.get("m_" + r[0].toLowerCase(Locale.ROOT));
            int minute = Integer.parseInt(r[1]);
            float[] row = m.rows().get(minute - 1);
            assertEquals(Integer.parseInt(r[2]), (int) row[0], "hour at minute " + minute);
            assertEquals(Double.parseDouble(r[3]), row[1], 1e-3, "seconds at minute " + minute);
            double dv = Math.abs(row[2] - Double.parseDouble(r[4]));
            double da = Math.abs(row[3] - Double.parseDouble(r[5]));
            maxDv = Math.max(maxDv, dv);
            maxDa = Math.max(maxDa, da);
            assertTrue(dv <= 0.01, r[0] + " minute " + minute + ": |dV| = " + dv);
        }
        List<String[]> pq = SharedData.csv(SharedData.shared(
                "feeders/european-lv/reference/opendss_published_timeseries_transformer_secondary_powers.csv"));
        Monitor tr = mons.get("m_tr1");
        double maxRel = 0;
        for (String[] r : pq.subList(1, pq.size())) {
            int minute = Integer.parseInt(r[0]);
            float[] row = tr.rows().get(minute - 1);
            for (int k = 0; k < 6; k++) {
                double ref = Double.parseDouble(r[3 + k]);
                double rel = Math.abs(row[2 + k] - ref) / Math.abs(ref);
                maxRel = Math.max(maxRel, rel);
                assertTrue(rel <= 1e-3, "transformer secondary column " + k + " minute " + minute + ": " + row[2 + k] + " vs " + ref);
            }
        }
        System.out.printf(Locale.ROOT, "European LV 1440 steps: loads 1/32/53 max |dV| = %.4f V, max |dtheta| = %.4f deg;"
                + " transformer secondary P/Q max relative error = %.5f%%%n", maxDv, maxDa, 100 * maxRel);
    }
}
