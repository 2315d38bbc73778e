package io.packetgrid.grid.dss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.grid.model.Capacitor;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.series.Simulation;
import io.packetgrid.grid.series.SolveMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study's copies of a script ({@link DssInterpreter#reuse}) must leave the very state a plain run leaves: the oracle
 * is the plain OpenDSS run of the same script and commands, compared bit for bit (voltage bases, taps, capacitor
 * steps, the solution the feeder is handed with, and the first and second study steps solved from it). The work left
 * out is checked by the counts of solutions.
 */
class ScriptReuseTest {

    /** A 66/11 kV substation, two 11 kV cable sections and two 11/0.416 kV transformers with unbalanced LV loads. */
    private static final String MV = """
            Clear
            Set DefaultBaseFrequency=50
            New Circuit.mvtest bus1=src basekv=66 pu=1.0 phases=3 R1=0.5 X1=2.0 R0=0.6 X0=1.8
            New Transformer.zone phases=3 windings=2 buses=[src mv] conns=[delta wye] kVs=[66 11] kVAs=[10000 10000] xhl=10 %Rs=[0.5 0.5]
            New Linecode.mvc nphases=3 r1=0.164 x1=0.08 r0=0.4 x0=0.3 c1=300 c0=200 units=km
            New Line.m1 bus1=mv bus2=n1 linecode=mvc length=4 units=km
            New Line.m2 bus1=n1 bus2=n2 linecode=mvc length=6 units=km
            New Transformer.t1 phases=3 windings=2 buses=[n1 lv1] conns=[delta wye] kVs=[11 0.416] kVAs=[800 800] xhl=4 %Rs=[0.5 0.5]
            New Transformer.t2 phases=3 windings=2 buses=[n2 lv2] conns=[delta wye] kVs=[11 0.416] kVAs=[800 800] xhl=4 %Rs=[0.5 0.5]
            New Load.a bus1=lv1.1 phases=1 kV=0.24 kW=90 pf=0.95
            New Load.b bus1=lv1.2 phases=1 kV=0.24 kW=40 pf=0.95
            New Load.c bus1=lv2.3 phases=1 kV=0.24 kW=120 pf=0.9
            New Load.d bus1=lv2 phases=3 kV=0.416 kW=400 pf=0.95
            {extra}
            Set voltagebases=[66 11 .416]
            Calcvoltagebases
            Solve
            """;

    /** The zone transformer's tap changer holding 1.05 pu at the 11 kV busbar: the script's Solve raises its tap. */
    private static final String TAP = "New RegControl.zone transformer=zone winding=2 vreg=126 band=1 ptratio=52.9150";

    /** A switched capacitor off at first, which a voltage CapControl switches on in the script's Solve. */
    private static final String CAP = "New Capacitor.c1 bus1=n2 phases=3 kvar=600 kv=11 states=[0]\n"
            + "New CapControl.cc1 capacitor=c1 element=Line.m2 terminal=1 type=voltage ON=125 OFF=135 ptratio=52.9150";

    /** What a study appends (its scenario's commands and its tap changer): every one of them makes the circuit rebuild. */
    private static final String STUDY = "BatchEdit Load..* vminpu=0.5 vmaxpu=1.5\n"
            + "New RegControl.oltc transformer=zone winding=2 vreg=126 band=1.8 ptratio=52.9150 delay=30\nSet controlmode=time\n";

    @TempDir
    Path dir;

    @Test
    void aCopyWithoutControlsSkipsTheNoLoadSolutionAndTheDiscardedSolveAndEndsBitIdentical() throws IOException {
        Path script = script("plain.dss", "");
        ScriptMemo memo = new ScriptMemo();
        DssInterpreter first = run(script, STUDY, memo, false);
        assertArrayEquals(new int[] {1, 1}, memo.counts(), "the first run proves one Calcvoltagebases and one Solve");
        DssInterpreter plain = run(script, STUDY, null, false);
        DssInterpreter copy = run(script, STUDY, memo, true);
        assertEquals(1, plain.totalSolutions());
        assertEquals(1, first.totalSolutions(), "the first run is a plain run");
        assertEquals(0, copy.totalSolutions(), "the copy's Solve is discarded by the study's edits: left out");
        assertSameState(plain, copy);
    }

    @Test
    void aDeferredSolveWhoseSolutionIsKeptRunsWhenTheSimulationIsAskedFor() throws IOException {
        Path script = script("kept.dss", "");
        ScriptMemo memo = new ScriptMemo();
        run(script, "", memo, false);
        DssInterpreter plain = run(script, "", null, false);
        DssInterpreter copy = run(script, "", memo, true);
        // nothing rebuilds after the Solve: the feeder is handed over solved, and the next step starts from that solution
        assertEquals(1, copy.totalSolutions());
        assertTrue(copy.simulation().solved());
        assertSameState(plain, copy);
    }

    @Test
    void aSolveThatMovesATapRunsInTheCopy() throws IOException {
        Path script = script("tap.dss", TAP);
        ScriptMemo memo = new ScriptMemo();
        run(script, STUDY, memo, false);
        DssInterpreter plain = run(script, STUDY, null, false);
        DssInterpreter copy = run(script, STUDY, memo, true);
        assertNotEquals(1.0, regulator(plain, "zone").tap(1), "the script's Solve raised the zone tap (kept in the definitions)");
        assertSameState(plain, copy);
        assertEquals(1, copy.totalSolutions());
        assertArrayEquals(new int[] {0, 0}, memo.counts(), "with a control nothing is proven");
    }

    @Test
    void aSolveThatSwitchesACapacitorRunsInTheCopy() throws IOException {
        Path script = script("cap.dss", CAP);
        ScriptMemo memo = new ScriptMemo();
        run(script, STUDY, memo, false);
        DssInterpreter plain = run(script, STUDY, null, false);
        DssInterpreter copy = run(script, STUDY, memo, true);
        assertEquals(1, capacitor(plain).state(0), "the script's Solve switched the capacitor on (kept in the definitions)");
        assertSameState(plain, copy);
        assertEquals(1, copy.totalSolutions());
    }

    @Test
    void aDifferentScriptReusesNothing() throws IOException {
        ScriptMemo memo = new ScriptMemo();
        run(script("a.dss", ""), STUDY, memo, false);
        // one cable section longer: other bases and another solution, so nothing of the first run applies
        Path other = Files.writeString(dir.resolve("b.dss"), MV.replace("{extra}", "").replace("length=6", "length=7"));
        DssInterpreter plain = run(other, STUDY, null, false);
        DssInterpreter copy = run(other, STUDY, memo, true);
        assertEquals(1, copy.totalSolutions());
        assertSameState(plain, copy);
        // and a changed load shape file (read by a definition) changes the fingerprint too
        Files.writeString(dir.resolve("shape.txt"), "0.5\n1.0\n");
        Path shaped = Files.writeString(dir.resolve("c.dss"), MV.replace("{extra}",
                "New Loadshape.s npts=2 interval=1 mult=(file=shape.txt)\nEdit Load.a yearly=s"));
        ScriptMemo shapedMemo = new ScriptMemo();
        run(shaped, STUDY, shapedMemo, false);
        Files.writeString(dir.resolve("shape.txt"), "0.5\n1.5\n");
        DssInterpreter changed = run(shaped, STUDY, shapedMemo, true);
        assertEquals(1, changed.totalSolutions(), "after the data file changed, the copy runs its Solve");
        assertSameState(run(shaped, STUDY, null, false), changed);
    }

    private Path script(String name, String extra) throws IOException {
        return Files.writeString(dir.resolve(name), MV.replace("{extra}", extra));
    }

    private static DssInterpreter run(Path script, String commands, ScriptMemo memo, boolean copy) {
        DssInterpreter d = new DssInterpreter(null);
        if (memo != null && copy) {
            d.reuse(memo);
        } else if (memo != null) {
            d.recordInto(memo);
        }
        d.run(script);
        d.runText(commands, script.getParent(), "(api)");
        d.simulation();
        return d;
    }

    /** Bases, taps, capacitor steps and the present solution equal bit for bit; then the same for two solved steps. */
    private static void assertSameState(DssInterpreter plain, DssInterpreter copy) {
        compare(plain.simulation(), copy.simulation(), "as handed over");
        for (int step = 0; step < 2; step++) {
            for (DssInterpreter d : List.of(plain, copy)) {
                Simulation sim = d.simulation();
                sim.setMode(SolveMode.SNAPSHOT);
                sim.loads().get(0).override(30.0 + 50 * step, 10.0);
                sim.solveSnapshot();
            }
            compare(plain.simulation(), copy.simulation(), "step " + step);
        }
    }

    private static void compare(Simulation a, Simulation b, String when) {
        Network na = a.network();
        Network nb = b.network();
        assertEquals(na.nodeCount(), nb.nodeCount());
        for (int bus = 0; bus < na.busCount(); bus++) {
            assertEquals(na.busName(bus), nb.busName(bus));
            assertEquals(Double.doubleToRawLongBits(na.busKvBase(bus)), Double.doubleToRawLongBits(nb.busKvBase(bus)),
                    when + ": base of " + na.busName(bus));
        }
        assertEquals(a.solved(), b.solved(), when);
        double[][] va = voltages(a);
        double[][] vb = voltages(b);
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < va[k].length; i++) {
                assertEquals(Double.doubleToRawLongBits(va[k][i]), Double.doubleToRawLongBits(vb[k][i]), when + ": node " + i);
            }
        }
        assertEquals(settings(a), settings(b), when + ": taps and capacitor steps");
    }

    private static double[][] voltages(Simulation s) {
        int n = s.network().nodeCount();
        double[] re = new double[n];
        double[] im = new double[n];
        if (s.solved()) {
            s.solver().voltages(re, im);
        }
        return new double[][] {re, im};
    }

    /** Every transformer's taps and every capacitor's steps and switch, as text. */
    private static List<String> settings(Simulation s) {
        List<String> out = new ArrayList<>();
        for (CircuitElement e : s.network().elements()) {
            if (e instanceof io.packetgrid.grid.model.Transformer t) {
                for (int w = 0; w < t.windingCount(); w++) {
                    out.add(e.name() + " tap " + w + " " + Double.doubleToRawLongBits(t.tap(w)));
                }
            } else if (e instanceof Capacitor c) {
                for (int i = 0; i < c.numSteps(); i++) {
                    out.add(e.name() + " step " + i + " " + c.state(i) + " closed " + c.isClosed());
                }
            }
        }
        return out;
    }

    private static io.packetgrid.grid.model.Transformer regulator(DssInterpreter d, String name) {
        for (CircuitElement e : d.simulation().network().elements()) {
            if (e.name().equalsIgnoreCase("Transformer." + name)) {
                return (io.packetgrid.grid.model.Transformer) e;
            }
        }
        throw new AssertionError("no transformer " + name);
    }

    private static Capacitor capacitor(DssInterpreter d) {
        for (CircuitElement e : d.simulation().network().elements()) {
            if (e instanceof Capacitor c) {
                return c;
            }
        }
        throw new AssertionError("no capacitor");
    }
}
