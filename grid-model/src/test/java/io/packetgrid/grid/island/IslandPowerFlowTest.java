package io.packetgrid.grid.island;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.GridFormingSource;
import io.packetgrid.grid.model.Load;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.model.PowerDelivery;
import io.packetgrid.grid.model.StorageUnit;
import io.packetgrid.grid.result.ElementFlows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The island power flow on a hand-built LV feeder: a source, a PCC line, two line sections, two
 * single-phase loads, a three-phase load and a single-phase PV generator (unbalanced on purpose). Opening
 * the PCC at its island end puts the grid-forming battery at b0 in as the island's source.
 *
 * <ul>
 *   <li>Independent reference: the same island written as its own OpenDSS circuit whose {@code Vsource}
 *       sits at b0 with the battery's EMF (magnitude, angle) and output impedance ({@code R1 X1 R0 X0} in
 *       ohms, read by the script reader): every node voltage agrees to 1e-9 relative.</li>
 *   <li>Energy balance: the battery's power equals what the loads draw by their own voltage law plus what
 *       the lines lose minus what the PV injects, each from its own terminal quantities, to 1e-6 relative.</li>
 *   <li>Limits and stored energy: the stored energy after an interval is {@code E0 − P Δt / η} by hand; the
 *       reserve is predicted at {@code (E0 − E_reserve) η / P}; past the kW rating the island collapses and
 *       its loads are de-energised, their demand unserved.</li>
 * </ul>
 */
class IslandPowerFlowTest {
    static final String LINES = String.join("\n",
            "New Line.L1 bus1=b0 bus2=b1 phases=3 R1=0.3 X1=0.08 R0=1.2 X0=0.3 C1=0 C0=0 length=0.15 units=km",
            "New Line.L2 bus1=b1 bus2=b2 phases=3 R1=0.3 X1=0.08 R0=1.2 X0=0.3 C1=0 C0=0 length=0.10 units=km",
            "New Load.A phases=1 bus1=b1.1 kV=0.23 kW=6 pf=0.95 model=1",
            "New Load.B phases=1 bus1=b2.2 kV=0.23 kW=4 pf=0.95 model=1",
            "New Load.C phases=3 bus1=b2 kV=0.416 kW=9 pf=0.9 model=1",
            "New Generator.PV phases=1 bus1=b2.3 kV=0.23 kW=3 pf=1 model=1");
    static final String GRID = String.join("\n",
            "Clear",
            "Set DefaultBaseFrequency=50",
            "New Circuit.island basekv=0.416 pu=1.03 phases=3 bus1=src R1=0.01 X1=0.04 R0=0.01 X0=0.04",
            "New Line.PCC bus1=src bus2=b0 phases=3 R1=0.05 X1=0.02 R0=0.05 X0=0.02 C1=0 C0=0 length=0.1 units=km",
            LINES,
            "Set voltagebases=[0.416]",
            "Calcvoltagebases",
            "Set tolerance=1e-12 maxiterations=200",
            "Solve",
            "");

    /** The battery: 40 kW / 50 kVA / 100 kWh, 80 % stored, 20 % reserve, 95 % efficient both ways. */
    static GridFormingSource battery() {
        return GridFormingSource.of(StorageUnit.of("bess", 40, 50, 100, 80, 20, 0.95, 0.95), "b0", 0.416, 0.005, 0.02);
    }

    static Feeder load(Path dir, String name, String script) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, script);
        return Feeder.load(p);
    }

    static Microgrid microgrid(Feeder f, GridFormingSource g) {
        f.simulation().addElement(g);
        return new Microgrid(f.simulation(), g, Microgrid.Settings.of("Line.PCC", 2, 50), g.unit().kwhStored());
    }

    static final java.util.function.BiConsumer<String, String> LOG = (type, detail) -> { };

    @Test
    void islandWithTheBatteryAsSlackEqualsTheSourceMovedToItsBus(@TempDir Path dir) throws IOException {
        Feeder f = load(dir, "grid.dss", GRID);
        f.solve();
        GridFormingSource g = battery();
        Microgrid mg = microgrid(f, g);
        f.solve();
        mg.island(0, LOG);
        f.solve();
        assertFalse(mg.afterSolve(0, LOG), "within its limits");
        assertSame(Microgrid.State.ISLANDED, mg.state());

        double zBase = 0.416 * 0.416 * 1000 / 50;
        String ref = String.join("\n",
                "Clear",
                "Set DefaultBaseFrequency=50",
                String.format(Locale.ROOT, "New Circuit.ref basekv=0.416 pu=%.17g angle=%.17g phases=3 bus1=b0 R1=%.17g X1=%.17g"
                        + " R0=%.17g X0=%.17g", g.emfPu(), g.emfAngleDeg(), 0.005 * zBase, 0.02 * zBase, 0.005 * zBase, 0.02 * zBase),
                LINES,
                "Set voltagebases=[0.416]",
                "Calcvoltagebases",
                "Set tolerance=1e-12 maxiterations=200",
                "Solve",
                "");
        Feeder r = load(dir, "ref.dss", ref);
        r.solve();
        int compared = 0;
        for (String bus : List.of("b0", "b1", "b2")) {
            for (int node = 1; node <= 3; node++) {
                double[] a = voltage(f, bus, node);
                double[] b = voltage(r, bus, node);
                double m = Math.hypot(b[0], b[1]);
                assertTrue(m > 200 && m < 260, bus + "." + node + " " + m);
                assertEquals(b[0], a[0], 1e-9 * m, bus + "." + node + " real");
                assertEquals(b[1], a[1], 1e-9 * m, bus + "." + node + " imaginary");
                compared++;
            }
        }
        assertEquals(9, compared);
        // the upstream side is still there, energised by the grid's source and carrying nothing
        assertTrue(f.network().energised(f.network().node("src", 1)));
    }

    @Test
    void batteryPowerIsLoadsPlusLossesMinusPv(@TempDir Path dir) throws IOException {
        Feeder f = load(dir, "grid.dss", GRID);
        GridFormingSource g = battery();
        Microgrid mg = microgrid(f, g);
        f.solve();
        mg.island(0, LOG);
        f.solve();
        mg.afterSolve(0, LOG);
        Network net = f.network();
        double loads = 0;
        double pv = 0;
        double losses = 0;
        for (CircuitElement e : net.elements()) {
            if (e instanceof Load l) {
                loads += power(f, l);
            } else if (e.name().equalsIgnoreCase("Generator.PV")) {
                pv -= power(f, e);
            } else if (e instanceof PowerDelivery d && !(e instanceof io.packetgrid.grid.model.Source) && islandSide(net, d)) {
                losses += power(f, d);
            }
        }
        assertTrue(pv > 2.9 && pv < 3.1, "PV " + pv);
        double expected = loads + losses - pv;
        assertTrue(mg.batteryKw() > 10 && losses > 0, mg.batteryKw() + " " + losses);
        assertEquals(expected, mg.batteryKw(), 1e-6 * expected, "battery = loads + losses − PV");
    }

    @Test
    void storedEnergyReserveAndPowerLimit(@TempDir Path dir) throws IOException {
        Feeder f = load(dir, "grid.dss", GRID);
        GridFormingSource g = battery();
        Microgrid mg = microgrid(f, g);
        f.solve();
        mg.island(0, LOG);
        f.solve();
        mg.afterSolve(0, LOG);
        double p = mg.batteryKw();
        double e0 = g.unit().kwhStored();
        long tenMinutes = 600_000_000_000L;
        mg.advance(tenMinutes);
        assertEquals(e0 - p * (10.0 / 60.0) / 0.95, g.unit().kwhStored(), 1e-12, "E = E0 − P Δt / η");
        f.solve();
        mg.afterSolve(tenMinutes, LOG);
        double hours = (g.unit().kwhStored() - 20.0) * 0.95 / mg.batteryKw();
        assertEquals(tenMinutes + hours * 3.6e12, mg.nextEventNs(), 1.0, "reserve reached when predicted");
        mg.advance(mg.nextEventNs());
        f.solve();
        List<String> log = new ArrayList<>();
        assertTrue(mg.afterSolve(mg.nextEventNs(), (t, d) -> log.add(t + ": " + d)));
        assertSame(Microgrid.State.COLLAPSED, mg.state());
        assertEquals("island_collapse: pcc=Line.pcc unit=bess reason=reserve kwh=20.0", log.get(0));
        assertEquals(20.0, g.unit().kwhStored(), 1e-9);
        f.solve();
        // dead island: no node behind the PCC is energised, loads draw nothing
        for (String bus : List.of("b0", "b1", "b2")) {
            assertFalse(f.network().energised(f.network().node(bus, 1)), bus);
        }
        assertEquals(0, f.loadPower("A")[0], 0);
    }

    @Test
    void aLoadAboveTheRatingCollapsesTheIsland(@TempDir Path dir) throws IOException {
        Feeder f = load(dir, "grid.dss", GRID);
        GridFormingSource g = battery();
        Microgrid mg = microgrid(f, g);
        f.solve();
        mg.island(0, LOG);
        f.setLoadPower("C", 45);   // 45 + 6 + 4 − 3 kW > 40 kW
        f.solve();
        List<String> log = new ArrayList<>();
        assertTrue(mg.afterSolve(0, (t, d) -> log.add(t + ": " + d)));
        assertSame(Microgrid.State.COLLAPSED, mg.state());
        assertTrue(log.get(0).matches("island_collapse: pcc=Line.pcc unit=bess reason=power kw=5\\d\\.\\d limit_kw=40\\.0"), log.toString());
    }

    static double[] voltage(Feeder f, String bus, int node) {
        double[] re = new double[f.network().nodeCount()];
        double[] im = new double[f.network().nodeCount()];
        f.nodeVoltages(re, im);
        int i = f.network().node(bus, node);
        return new double[] {re[i], im[i]};
    }

    /** Active power into an element over all its terminals, kW. */
    static double power(Feeder f, CircuitElement e) {
        double[] t = ElementFlows.terminalPowers(f.simulation().solver(), e);
        double p = 0;
        for (int k = 0; k < t.length; k += 2) {
            p += t[k];
        }
        return p / 1000.0;
    }

    static boolean islandSide(Network net, PowerDelivery d) {
        for (int n : net.nodesOf(d)) {
            if (n >= 0 && !net.nodeLabel(n).startsWith("src")) {
                return true;
            }
        }
        return false;
    }
}
