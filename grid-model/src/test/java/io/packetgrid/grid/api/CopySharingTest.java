package io.packetgrid.grid.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.packetgrid.grid.model.Transformer;
import io.packetgrid.grid.result.ElementFlows;
import io.packetgrid.grid.result.GridResults;
import io.packetgrid.grid.result.Loading;
import io.packetgrid.grid.series.SolveMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What copies of a feeder share or drop to save memory must not couple them: two copies driven differently give, bit
 * for bit, what two independent plain parses ({@link Feeder#load(Path, String)}) driven the same ways give. Shared here:
 * the multipliers of a load shape among the loads that follow it, equal line matrices among the lines of a build
 * ({@link io.packetgrid.grid.model.CMatrixPool}) and in the accounting's cache ({@code FlowAccounting}), and the bus
 * coordinates among copies of one script;
 * dropped: a copy's script interpreter ({@link Feeder#dropScript}).
 */
class CopySharingTest {

    /**
     * Two LV feeders under one 11 kV bus, their three cables alike (one build shares their matrices), feeder b's two in
     * parallel; four loads follow one yearly shape, two another; bus coordinates in a file.
     */
    private static final String SCRIPT = """
            Clear
            Set DefaultBaseFrequency=50
            New Circuit.share bus1=src basekv=11 pu=1.03 phases=3 R1=0.3 X1=1.5 R0=0.4 X0=1.2
            New Loadshape.s1 npts=4 interval=1 mult=(0.4 1.0 0.7 0.2)
            New Loadshape.s2 npts=4 interval=1 mult=(0.9 0.3 1.2 0.6) qmult=(0.5 0.5 0.8 0.1)
            New Transformer.t1 phases=3 windings=2 buses=[src lv1] conns=[delta wye] kVs=[11 0.416] kVAs=[400 400] xhl=4 %Rs=[0.5 0.5]
            New Transformer.t2 phases=3 windings=2 buses=[src lv2] conns=[delta wye] kVs=[11 0.416] kVAs=[400 400] xhl=4 %Rs=[0.5 0.5]
            New Linecode.lv nphases=3 r1=0.3 x1=0.08 r0=0.9 x0=0.3 units=km
            New Line.a1 bus1=lv1 bus2=a linecode=lv length=0.3 units=km
            New Line.b1 bus1=lv2 bus2=b linecode=lv length=0.3 units=km
            New Line.b2 bus1=lv2 bus2=b linecode=lv length=0.3 units=km
            New Load.a_1 bus1=a.1 phases=1 kV=0.24 kW=6 pf=0.95 yearly=s1
            New Load.a_2 bus1=a.2 phases=1 kV=0.24 kW=5 pf=0.95 yearly=s1
            New Load.a_3 bus1=a.3 phases=1 kV=0.24 kW=8 pf=0.9 yearly=s2
            New Load.b_1 bus1=b.1 phases=1 kV=0.24 kW=7 pf=0.95 yearly=s1
            New Load.b_2 bus1=b.2 phases=1 kV=0.24 kW=4 pf=0.95 yearly=s1
            New Load.b_3 bus1=b.3 phases=1 kV=0.24 kW=9 pf=0.9 yearly=s2
            Set voltagebases=[11 .416]
            Calcvoltagebases
            BusCoords xy.csv
            Solve
            """;

    private static final String COMMANDS = "BatchEdit Load..* vminpu=0.5 vmaxpu=1.5\n";

    @TempDir
    Path dir;

    @Test
    void copiesDrivenDifferentlyMatchIndependentParsesBitForBit() throws IOException {
        Path script = script();
        Feeder first = Feeder.loadFirst(script, COMMANDS);
        Feeder x = Feeder.loadCopy(script, COMMANDS, first);
        Feeder y = Feeder.loadCopy(script, COMMANDS, first);
        y.dropScript();
        Feeder plainX = Feeder.load(script, COMMANDS);
        Feeder plainY = Feeder.load(script, COMMANDS);
        // x follows the shapes with one load held; y has its shapes' loads overridden and added to, at other hours, and
        // opens one of two equal parallel cables
        List<double[]> gotX = drive(x, 0);
        List<double[]> gotY = drive(y, 1);
        List<double[]> wantX = drive(plainX, 0);
        List<double[]> wantY = drive(plainY, 1);
        for (int k = 0; k < wantX.size(); k++) {
            assertArrayEquals(wantX.get(k), gotX.get(k), "copy x, step " + k);
            assertArrayEquals(wantY.get(k), gotY.get(k), "copy y (script dropped), step " + k);
        }
        // the two ways of driving really differ, so a shape one copy's loads changed would show in the other
        assertNotEquals(wantX.get(1)[0], wantY.get(1)[0]);
        assertEquals(3, x.lineLoadings().size());
        assertEquals(2, y.lineLoadings().size(), "b2 opened");

    }

    @Test
    void aCopyWithoutItsScriptAnswersAsAPlainParseAndRunsNoMoreCommands() throws IOException {
        Path script = script();
        Feeder first = Feeder.loadFirst(script, COMMANDS);
        Feeder copy = Feeder.loadCopy(script, COMMANDS, first);
        copy.dropScript();
        copy.dropScript();   // twice is once
        Feeder plain = Feeder.load(script, COMMANDS);
        assertEquals(plain.busCoordinates(), copy.busCoordinates());
        assertEquals(List.copyOf(plain.busCoordinates().keySet()), List.copyOf(copy.busCoordinates().keySet()), "file order");
        assertEquals(plain.warnings(), copy.warnings());
        assertEquals(plain.loadNames(), copy.loadNames());
        assertEquals(buses(plain), buses(copy));
        assertArrayEquals(drive(plain, 1).get(2), drive(copy, 1).get(2));
        assertThrows(IllegalStateException.class, () -> copy.runCommands("Edit Load.a_1 kW=10", "test"));
    }

    @Test
    void aCopyWhoseCoordinatesDifferKeepsItsOwn() throws IOException {
        Path script = script();
        Feeder first = Feeder.loadFirst(script, COMMANDS);
        Feeder copy = Feeder.loadCopy(script, COMMANDS + "BusCoords xy2.csv\n", first);
        copy.dropScript();
        Feeder plain = Feeder.load(script, COMMANDS + "BusCoords xy2.csv\n");
        assertEquals(plain.busCoordinates(), copy.busCoordinates());
        assertNotEquals(first.busCoordinates(), copy.busCoordinates());
        Feeder same = Feeder.loadCopy(script, COMMANDS, first);
        same.dropScript();
        assertEquals(first.busCoordinates(), same.busCoordinates());
        assertSame(same.busCoordinates().get("a").getClass(), BusXy.class);
    }

    /**
     * Four yearly steps; after each solve the node voltages (real parts, then imaginary parts). Way 0 follows the shapes
     * with load a_3 held at 3 kW; way 1 starts an hour later, sets both s1 loads of feeder b, adds to a_1, from the
     * second step on has transformer t2's LV tap at 1.025 and from the third cable b2 open.
     */
    private static List<double[]> drive(Feeder f, int way) {
        f.setMode(SolveMode.YEARLY);
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            if (way == 0) {
                f.setLoadPower("a_3", 3.0);
                f.setTimeHours(k);
            } else {
                f.setLoadPower("b_1", 5.0 + 2 * k, 1.0);
                f.setLoadPower("Load.b_2", 6.0);
                f.addLoadPower("a_1", 1.5 * k, 0.5);
                if (k == 1) {
                    // a tap move of one of two equal transformers: no new network, its cached matrix is re-read
                    ((Transformer) GridResults.element(f.network(), "Transformer.t2")).setTap(1, 1.025);
                }
                if (k == 2) {
                    f.setOpen("Line.b2", 0, true);
                }
                f.setTimeHours(k + 1);
            }
            f.solve();
            double[] re = f.nodeVoltagesRe().clone();
            double[] im = f.nodeVoltagesIm().clone();
            // and the accounting, whose equal lines share their cached matrices: losses, source power, each loading
            List<Loading> lines = new java.util.ArrayList<>(f.lineLoadings());
            lines.addAll(f.transformerLoadings());
            double[] both = new double[re.length + im.length + 3 + lines.size()];
            System.arraycopy(re, 0, both, 0, re.length);
            System.arraycopy(im, 0, both, re.length, im.length);
            int at = re.length + im.length;
            both[at++] = f.lossesKw();
            both[at++] = f.sourcePowerKw()[0];
            both[at++] = f.sourcePowerKw()[1];
            for (Loading l : lines) {
                both[at++] = l.loadingPu();
            }
            out.add(both);
            checkAccounting(f);
        }
        return out;
    }

    /**
     * The accounting's cached (and shared) matrices against each element's own flows (ElementFlows, from the element
     * itself): every line's worst conductor current and every transformer's largest terminal apparent power.
     */
    private static void checkAccounting(Feeder f) {
        for (Loading l : f.lineLoadings()) {
            double[][] flows = ElementFlows.solve(f.simulation().solver(), GridResults.element(f.network(), l.element()));
            double worst = 0;
            for (int c = 0; c < flows[2].length; c++) {
                worst = Math.max(worst, Math.hypot(flows[2][c], flows[3][c]));
            }
            assertEquals(worst, l.value(), 1e-9 * worst, l.element());
        }
        for (Loading t : f.transformerLoadings()) {
            double[] s = ElementFlows.terminalPowers(f.simulation().solver(), GridResults.element(f.network(), t.element()));
            double worst = 0;
            for (int k = 0; k < s.length; k += 2) {
                worst = Math.max(worst, Math.hypot(s[k], s[k + 1]) / 1000.0);
            }
            assertEquals(worst, t.value(), 1e-9 * worst, t.element());
        }
    }

    /** Each bus's name, base (kV, as bits) and node count. */
    private static List<String> buses(Feeder f) {
        List<String> out = new ArrayList<>();
        Nodes n = f.nodes();
        for (int b = 0; b < n.busCount(); b++) {
            out.add(n.busName(b) + " " + Double.doubleToLongBits(n.busKvBase(b)));
        }
        out.add("nodes " + n.nodeCount());
        return out;
    }

    private Path script() throws IOException {
        Files.writeString(dir.resolve("xy.csv"), "src 0 0\nlv1 10 0\nlv2 -10 0\na 10 300\nb -10 400\n");
        Files.writeString(dir.resolve("xy2.csv"), "src 0 0\nlv1 20 0\nlv2 -20 0\na 20 300\nb -20 400\n");
        return Files.writeString(dir.resolve("share.dss"), SCRIPT);
    }
}
