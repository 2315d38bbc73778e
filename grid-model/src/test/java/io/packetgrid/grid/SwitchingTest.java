package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.federate.GridFederate;
import io.packetgrid.grid.federate.GridFederateConfig;
import io.packetgrid.grid.federate.LoadInput;
import io.packetgrid.grid.federate.SwitchInput;
import io.packetgrid.grid.island.IslandSpec;
import io.packetgrid.grid.island.Microgrid;
import io.packetgrid.grid.island.StorageSpec;
import io.packetgrid.grid.model.OpenConductors;
import io.packetgrid.grid.model.Switchable;
import io.packetgrid.grid.model.Transformer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Switching on a running feeder: opening a transformer's LV terminal or a line de-energises what lies
 * behind it (its loads draw nothing, read 0 V and are reported as unserved), closing restores the same
 * solution; the open terminal's floating voltage is the no-load voltage of the closed transformer and its
 * turns ratio by hand; the Kron reduction of an open conductor matches a hand-reduced matrix; and a
 * {@link GridFederate} does all this from values while it runs.
 */
class SwitchingTest {
    /** 11 kV source, 400 kVA Dyn 11/0.416 kV transformer without magnetising branch, two LV lines, three loads. */
    static final String SCRIPT = String.join("\n",
            "Clear",
            "Set DefaultBaseFrequency=50",
            "New Circuit.sw basekv=11 pu=1.02 phases=3 bus1=src R1=0.5 X1=2.0 R0=1.5 X0=6.0",
            "New Transformer.T1 phases=3 windings=2 buses=[src lv] conns=[delta wye] kVs=[11 0.416] kVAs=[400 400]"
                    + " %Rs=[0.5 0.5] XHL=4 ppm_antifloat=0",
            "New Line.L1 bus1=lv bus2=b1 phases=3 R1=0.2 X1=0.08 R0=0.8 X0=0.3 C1=0 C0=0 length=0.2 units=km",
            "New Line.L2 bus1=b1 bus2=b2 phases=3 R1=0.2 X1=0.08 R0=0.8 X0=0.3 C1=0 C0=0 length=0.1 units=km",
            "New Load.H1 phases=1 bus1=b1.1 kV=0.23 kW=5 pf=0.95",
            "New Load.H2 phases=1 bus1=b2.2 kV=0.23 kW=3 pf=0.95",
            "New Load.H3 phases=1 bus1=b2.3 kV=0.23 kW=4 pf=0.95",
            "Set voltagebases=[11 0.416]",
            "Calcvoltagebases",
            "Set tolerance=1e-12 maxiterations=200",
            "Solve",
            "");

    static Feeder feeder(Path dir) throws IOException {
        Path p = dir.resolve("sw.dss");
        Files.writeString(p, SCRIPT);
        return Feeder.load(p);
    }

    @Test
    void openingATransformerTerminalDeEnergisesTheLvSideAndClosingRestoresIt(@TempDir Path dir) throws IOException {
        Feeder f = feeder(dir);
        f.solve();
        double before = f.loadPower("H2")[0];
        double[] v = f.loadVoltage("H3");
        Switchable t1 = Microgrid.element(f.network(), "Transformer.T1");
        t1.setTerminalOpen(1, true);
        f.simulation().rebuildNetwork();
        f.solve();
        for (String bus : List.of("lv", "b1", "b2")) {
            assertFalse(f.network().energised(f.network().node(bus, 1)), bus);
        }
        assertEquals(0, f.loadPower("H2")[0], 0);
        assertEquals(0, f.loadVoltage("H3")[0], 0);
        assertEquals(0, f.summary().loadsKw(), 1e-12);
        t1.setTerminalOpen(1, false);
        f.simulation().rebuildNetwork();
        f.solve();
        assertEquals(before, f.loadPower("H2")[0], 1e-9 * before);
        assertArrayEquals(v, f.loadVoltage("H3"), 1e-9 * v[0]);
    }

    @Test
    void theOpenTerminalFloatsAtTheNoLoadVoltage(@TempDir Path dir) throws IOException {
        Feeder f = feeder(dir);
        for (String l : List.of("H1", "H2", "H3")) {
            f.setLoadPower(l, 0, 0);
        }
        f.solve();
        double[] noLoad = IslandTestVoltages.at(f, "lv");
        Transformer t1 = (Transformer) Microgrid.element(f.network(), "Transformer.T1");
        t1.setTerminalOpen(1, true);
        f.simulation().rebuildNetwork();
        f.solve();
        int m = t1.connection().order();
        double[] yr = new double[m * m];
        double[] yi = new double[m * m];
        t1.closedPrimitiveY(yr, yi);
        double[][] flows = io.packetgrid.grid.result.ElementFlows.solve(f.simulation().solver(), t1);
        boolean[] open = new boolean[m];
        for (int k = 4; k < 8; k++) {
            open[k] = true;
        }
        double[] vr = flows[0].clone();
        double[] vi = flows[1].clone();
        assertTrue(OpenConductors.floatingVoltages(yr, yi, open, vr, vi));
        double[] hv = IslandTestVoltages.at(f, "src");
        for (int p = 0; p < 3; p++) {
            // wye neutral: the fourth conductor of the LV terminal
            double ar = vr[4 + p] - vr[7];
            double ai = vi[4 + p] - vi[7];
            assertEquals(noLoad[2 * p], ar, 1e-9 * 240, "phase " + (p + 1) + " real");
            assertEquals(noLoad[2 * p + 1], ai, 1e-9 * 240, "phase " + (p + 1) + " imaginary");
            // by hand: the delta winding across V_ab, turns ratio (0.416/√3)/11, LV lagging HV by 30° (ANSI)
            int q = (p + 1) % 3;
            double abr = hv[2 * p] - hv[2 * q];
            double abi = hv[2 * p + 1] - hv[2 * q + 1];
            double ratio = 0.416 / Math.sqrt(3) / 11;
            assertEquals(Math.hypot(abr, abi) * ratio, Math.hypot(ar, ai), 1e-9 * 240, "turns ratio");
            double lag = Math.toDegrees(Math.atan2(ai, ar) - Math.atan2(hv[2 * p + 1], hv[2 * p]));
            assertEquals(-30, io.packetgrid.grid.island.SynchronismCheck.wrap(lag), 1e-6, "Dyn phase shift");
        }
    }

    @Test
    void kronReductionOfAnOpenConductorByHand() {
        // two nodes joined by y = 2 − 4j S, node 1 with a shunt of 1 + 1j S; open node 0:
        // the remaining Y11' = (y + 0) − (−y)(−y)/(y + ys) ... with ys on node 0 here
        double[] re = {2 + 1, -2, -2, 2};
        double[] im = {-4 + 1, 4, 4, -4};
        OpenConductors.reduce(re, im, new boolean[] {true, false});
        // Y11' = y − y² / (y + ys) = y ys / (y + ys) with y = 2 − 4j, ys = 1 + j
        double yr = 2;
        double yim = -4;
        double sr = 1;
        double si = 1;
        double nr = yr * sr - yim * si;      // y ys
        double ni = yr * si + yim * sr;
        double dr = yr + sr;                  // y + ys
        double di = yim + si;
        double den = dr * dr + di * di;
        assertEquals((nr * dr + ni * di) / den + 1e-12, re[3], 1e-15);
        assertEquals((ni * dr - nr * di) / den, im[3], 1e-15);
        assertEquals(0, re[1], 0);
        assertEquals(0, im[2], 0);
        assertEquals(1e-12, re[0], 0);
    }

    /** A federation: a switch opened at 2 min and closed at 4 min from a value; the federate reports it. */
    @Test
    void aRunningFederateSwitchesFromAValue(@TempDir Path dir) throws IOException {
        Feeder f = feeder(dir);
        ValueKey<Double> key = ValueKey.ofDouble("events/line2_open", 0.5);
        GridFederate g = new GridFederate(f, new GridFederateConfig("grid", SimTime.MIN, "grid", List.of("H1", "H2", "H3"), null, null,
                LoadInput.REPLACE, List.of(), 0, 0.0).withSwitches(List.of(new SwitchInput("L2", 0, key.name()))));
        List<double[]> seen = new ArrayList<>();
        Federate events = new Federate() {
            public String name() {
                return "events";
            }

            public long initialize(Setup s) {
                s.publishes(key, 0.0);
                return 2 * SimTime.MIN + 7 * SimTime.S;
            }

            public long step(Step s) {
                s.publish(key, s.now() < 4 * SimTime.MIN ? 1.0 : 0.0);
                return s.now() < 4 * SimTime.MIN ? 4 * SimTime.MIN : SimTime.NEVER;
            }
        };
        Federate watch = new Federate() {
            public String name() {
                return "watch";
            }

            public long initialize(Setup s) {
                s.wakesOn(g.energisedKey());
                s.subscribes(g.unservedKey());
                s.after("grid");
                return SimTime.NEVER;
            }

            public long step(Step s) {
                double[] e = s.read(g.energisedKey());
                seen.add(new double[] {s.now() / 1e9, e[0], e[1], e[2], s.read(g.unservedKey())});
                return SimTime.NEVER;
            }
        };
        new Federation().add(events).add(g).add(watch).run(KernelOptions.of(1, 6 * SimTime.MIN));
        assertEquals(3, seen.size(), "energisation changed at 0, 127 s and 240 s");
        assertArrayEquals(new double[] {0, 1, 1, 1, 0}, seen.get(0), 0);
        assertArrayEquals(new double[] {127, 1, 0, 0, 7}, seen.get(1), 1e-12, "H2 and H3 (3 + 4 kW) behind L2");
        assertArrayEquals(new double[] {240, 1, 1, 1, 0}, seen.get(2), 0);
    }

    /** The same with an island: the battery at lv forms it when the transformer's LV terminal opens. */
    @Test
    void aRunningFederateIslandsAndReconnects(@TempDir Path dir) throws IOException {
        Feeder f = feeder(dir);
        ValueKey<Double> request = ValueKey.ofDouble("events/island", 0.5);
        IslandSpec island = new IslandSpec(new StorageSpec("bess", 30, 40, 60, 90, 20, 0.95, 0.95), "lv", 0.416, 0.005, 0.02,
                Microgrid.Settings.of("Transformer.T1", 2, 40), request.name());
        GridFederate g = new GridFederate(f, new GridFederateConfig("grid", SimTime.MIN, "grid", List.of("H1", "H2", "H3"), null, null,
                LoadInput.REPLACE, List.of(), 0, 0.0).withIsland(island));
        List<String> log = new ArrayList<>();
        Federate events = new Federate() {
            public String name() {
                return "events";
            }

            public long initialize(Setup s) {
                s.publishes(request, 0.0);
                return 10 * SimTime.MIN;
            }

            public long step(Step s) {
                s.publish(request, s.now() < 70 * SimTime.MIN ? 1.0 : 0.0);
                return s.now() < 70 * SimTime.MIN ? 70 * SimTime.MIN : SimTime.NEVER;
            }
        };
        double[] soc = new double[2];
        Federate watch = new Federate() {
            public String name() {
                return "watch";
            }

            public long initialize(Setup s) {
                s.wakesOn(g.islandKey("islanded"));
                s.subscribes(g.islandKey("battery_soc_pct"));
                s.subscribes(g.islandKey("battery_kw"));
                s.after("grid");
                return SimTime.NEVER;
            }

            public long step(Step s) {
                log.add(s.now() / SimTime.S + " " + s.read(g.islandKey("islanded")));
                soc[0] = s.read(g.islandKey("battery_soc_pct"));
                soc[1] = s.read(g.islandKey("battery_kw"));
                return SimTime.NEVER;
            }
        };
        new Federation().add(events).add(g).add(watch).run(KernelOptions.of(1, 80 * SimTime.MIN));
        assertEquals("600 1.0", log.get(0));
        assertTrue(log.get(1).startsWith("42") || log.get(1).matches("4\\d\\d\\d 0\\.0"), log.toString());
        long closedS = Long.parseLong(log.get(1).split(" ")[0]);
        assertTrue(closedS >= 4200 && closedS <= 4210, "closed within one slip period of the request: " + closedS);
        // 12 kW of load for an hour from 54 kWh: about 54 − 12.x / 0.95 kWh, i.e. ~ 69-70 %
        assertTrue(soc[0] > 68 && soc[0] < 71, "SoC after an hour's island " + soc[0]);
        assertEquals(0, soc[1], 0, "grid-following again");
    }

    /** Phase-to-neutral voltages (re, im per phase) at a bus. */
    static final class IslandTestVoltages {
        static double[] at(Feeder f, String bus) {
            double[] re = new double[f.network().nodeCount()];
            double[] im = new double[f.network().nodeCount()];
            f.nodeVoltages(re, im);
            double[] out = new double[6];
            for (int p = 0; p < 3; p++) {
                int n = f.network().node(bus, p + 1);
                out[2 * p] = re[n];
                out[2 * p + 1] = im[n];
            }
            return out;
        }
    }
}
