package io.packetgrid.grid.dss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Connection;
import io.packetgrid.grid.result.ElementFlows;
import io.packetgrid.grid.result.GridResults;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default second terminal of Capacitor and Reactor, one rule for both, each expected value worked
 * out by hand from the Pascal source (DSS C-API src/PDElements/Capacitor.pas and Reactor.pas,
 * TCapacitorObj/TReactorObj.PropertySideEffects; src/Common/CktElement.pas Set_NTerms/Set_NConds;
 * src/Common/Circuit.pas ProcessBusDefs for the nodes a bus string gives):
 * <ul>
 * <li>bus1, while bus2 is not defined and the unit has two terminals (wye): bus2 := bus1's bus +
 *     ".0" once per phase <em>at that moment</em> (loop {@code for i := 1 to Fnphases});</li>
 * <li>bus2: Bus2Defined := TRUE only when StripExtension(bus1) and StripExtension(bus2) differ
 *     (AnsiCompareText); nothing ever sets it back to FALSE;</li>
 * <li>phases: only NConds/Yorder are reallocated (Set_NConds -> Set_NTerms copies the old bus
 *     names): bus2 is not re-derived;</li>
 * <li>ProcessBusDefs fills conductors 1..phases with nodes 1..phases, the rest with 0, then
 *     overrides them with the nodes the string gives: "a.0" on 3 conductors is nodes 0, 2, 3.</li>
 * </ul>
 */
class ShuntBus2DefaultTest {
    /** 12.47 kV stiff source on bus src, a short line to bus x. */
    static final String SRC = "New Circuit.t basekv=12.47 pu=1.0 phases=3 bus1=src MVAsc3=1e6 MVAsc1=1e6\n"
            + "New Line.l bus1=src bus2=x length=0.001 units=km\n";

    static DssInterpreter read(Path dir, String script) {
        DssInterpreter dss = new DssInterpreter(null);
        dss.runText(SRC + script, dir, "t.dss");
        return dss;
    }

    static ShuntDef def(DssInterpreter dss, String fullName) {
        return (ShuntDef) dss.definition(fullName);
    }

    static Connection solvedConnection(DssInterpreter dss, String fullName) {
        dss.runText("Set tolerance=1e-12 maxiterations=100\nSolve\n", Path.of("."), "solve.dss");
        CircuitElement e = GridResults.element(dss.simulation().network(), fullName);
        return e.connection();
    }

    @Test
    void plainBus1GroundsOneNodePerPhase(@TempDir Path dir) {
        DssInterpreter dss = read(dir, """
                New Capacitor.c3 bus1=x
                New Capacitor.c1 phases=1 bus1=x.2 kvar=100 kv=7.2
                New Reactor.r3 bus1=x
                New Reactor.r1 phases=1 bus1=x.1 kv=7.2
                """);
        // phases = 3 (constructor default) when bus1 is set: "x" + ".0" x 3
        assertEquals("x.0.0.0", def(dss, "Capacitor.c3").bus2);
        // phases = 1 set before bus1: "x" + ".0" x 1 (no padding to three nodes anywhere in Capacitor.pas)
        assertEquals("x.0", def(dss, "Capacitor.c1").bus2);
        assertEquals("x.0.0.0", def(dss, "Reactor.r3").bus2);
        assertEquals("x.0", def(dss, "Reactor.r1").bus2);
        for (String n : new String[] {"Capacitor.c3", "Capacitor.c1", "Reactor.r3", "Reactor.r1"}) {
            assertFalse(def(dss, n).bus2Defined, n);
        }
        Connection c1 = solvedConnection(dss, "Capacitor.c1");
        assertArrayEquals(new int[] {2}, c1.nodes()[0]);
        assertArrayEquals(new int[] {0}, c1.nodes()[1]);
    }

    @Test
    void bus2OnBus1sBusAgainDoesNotUndefineIt(@TempDir Path dir) {
        // bus1=x -> bus2 x.0.0.0; bus2=y (y <> x) -> defined; bus2=x.0.0.0 (x = x: no change, stays
        // defined); bus1=src -> defined, so bus2 keeps x.0.0.0 (ours used to re-derive src.0.0.0)
        DssInterpreter dss = read(dir, "New Capacitor.s bus1=x bus2=y bus2=x.0.0.0 bus1=src kvar=300\n"
                + "New Reactor.s bus1=x bus2=y bus2=x.0.0.0 bus1=src kvar=300\n");
        for (String n : new String[] {"Capacitor.s", "Reactor.s"}) {
            assertEquals("x.0.0.0", def(dss, n).bus2, n);
            assertTrue(def(dss, n).bus2Defined, n);
        }
        Connection c = solvedConnection(dss, "Capacitor.s");
        assertArrayEquals(new String[] {"src", "x"}, c.buses());
        assertArrayEquals(new int[] {0, 0, 0}, c.nodes()[1]);
    }

    @Test
    void phasesEditedAfterBus1KeepsTheBus2OfThatMoment(@TempDir Path dir) {
        // phases=1 bus1=src -> bus2 src.0; phases=3 leaves it: terminal 2 is nodes 0, 2, 3
        // (ProcessBusDefs), so phases 2 and 3 of the 100-ohm reactor short on themselves and only
        // phase 1 draws: Q = Vln^2 / 100 (ours used to ground all three: 3 Vln^2 / 100)
        DssInterpreter dss = read(dir, "New Reactor.p phases=1 bus1=src X=100 phases=3\n"
                + "New Capacitor.p phases=1 bus1=src kvar=100 kv=12.47 phases=3\n");
        Connection r = solvedConnection(dss, "Reactor.p");
        assertArrayEquals(new int[] {1, 2, 3}, r.nodes()[0]);
        assertArrayEquals(new int[] {0, 2, 3}, r.nodes()[1]);
        assertArrayEquals(new int[] {0, 2, 3},
                GridResults.element(dss.simulation().network(), "Capacitor.p").connection().nodes()[1]);
        CircuitElement e = GridResults.element(dss.simulation().network(), "Reactor.p");
        double[][] f = ElementFlows.solve(dss.simulation().solver(), e);
        double v1 = Math.hypot(f[0][0], f[1][0]);
        double[] s = ElementFlows.terminalPowers(dss.simulation().solver(), e);
        assertEquals(v1 * v1 / 100.0, s[1], 1e-6 * v1 * v1 / 100.0, "one phase of 100 ohm");
        assertEquals("src.0", def(dss, "Reactor.p").bus2);
        assertEquals("src.0", def(dss, "Capacitor.p").bus2, "not padded to src.0.0.0");
    }

    @Test
    void wyeCapacitorWithAnExplicitNeutral(@TempDir Path dir) {
        // bus2=x.4.4.4 names bus1's bus: kept as given but not defined (an ungrounded wye on node 4);
        // a later bus1 edit therefore re-derives it (src.0.0.0), as OpenDSS does
        DssInterpreter dss = read(dir, "New Capacitor.n bus1=x bus2=x.4.4.4 kvar=300\n");
        assertEquals("x.4.4.4", def(dss, "Capacitor.n").bus2);
        assertFalse(def(dss, "Capacitor.n").bus2Defined);
        Connection c = solvedConnection(dss, "Capacitor.n");
        assertArrayEquals(new int[] {4, 4, 4}, c.nodes()[1]);
        dss.runText("Capacitor.n.bus1=src\n", dir, "edit.dss");
        assertEquals("src.0.0.0", def(dss, "Capacitor.n").bus2);
    }

    @Test
    void deltaUnitsHaveNoSecondTerminalToDefault(@TempDir Path dir) {
        // bus1 while delta (Nterms = 1): nothing derived; conn=wye then reallocates terminal 2 with
        // Set_NTerms's made-up name "<element name>_2"
        DssInterpreter dss = read(dir, "New Capacitor.d conn=delta bus1=x\nNew Reactor.d conn=delta bus1=x conn=wye\n");
        assertEquals(null, def(dss, "Capacitor.d").bus2);
        assertEquals("d_2", def(dss, "Reactor.d").bus2);
        assertFalse(def(dss, "Reactor.d").bus2Defined);
    }

    @Test
    void bus2OnADeltaUnitIsAnErrorNamingFileAndLine(@TempDir Path dir) {
        // OpenDSS refuses a bus for terminal 2 while the unit has one (CktElement.pas SetBus, message 7541);
        // it used to be stored here and silently ignored. The script's line 4 is the capacitor's (SRC has 2).
        String message = assertThrows(PacketGridException.class,
                () -> read(dir, "! a delta bank\nNew Capacitor.d conn=delta bus1=x bus2=y kvar=100\n")).userMessage();
        assertTrue(message.contains("t.dss") && message.contains("4") && message.contains("bus2"), message);
        // set before conn=delta, while the unit still had two terminals: accepted, as in OpenDSS
        DssInterpreter dss = read(dir, "New Reactor.w bus1=x bus2=y conn=delta\n");
        assertTrue(def(dss, "Reactor.w").delta);
    }
}
