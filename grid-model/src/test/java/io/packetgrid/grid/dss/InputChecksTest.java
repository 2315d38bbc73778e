package io.packetgrid.grid.dss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.model.Network;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Inputs that used to give a silently wrong answer or a raw echo (issue #12 L1, L2, L6, voltagebases):
 * each is now what OpenDSS does, or one clear error naming file and line.
 */
class InputChecksTest {
    static DssInterpreter run(String script) {
        DssInterpreter dss = new DssInterpreter(null);
        dss.runText(script, Path.of("."), "t.dss");
        return dss;
    }

    static String error(String script) {
        return assertThrows(PacketGridException.class, () -> run(script)).userMessage();
    }

    static final String SOURCE = "Clear\nNew Circuit.c basekv=11 pu=1.0 phases=3\n";

    static String transformer(String impedance) {
        return SOURCE + "New Transformer.t1 phases=3 windings=2 buses=[sourcebus, lv] conns=[delta, wye] kvs=[11, 0.416]"
                + " kvas=[500, 500] " + impedance + "\nNew Load.ld bus1=lv phases=3 kv=0.416 kw=300 pf=0.95\n"
                + "Set voltagebases=[11, 0.416]\nCalcvoltagebases\nSolve\n";
    }

    static double lvVolts(DssInterpreter dss) {
        Network net = dss.simulation().network();
        double[] v = new double[2];
        dss.simulation().solver().voltage(net.node("lv", 1), v);
        return Math.hypot(v[0], v[1]);
    }

    @Test
    void aZeroLeakageReactanceIsOpenDssDefaultNotAZeroVoltSecondary() {
        // XHL=0 with no resistance used to be accepted and its secondary reported at 0 V with exit 0; OpenDSS
        // traps XHL=0 to 7 % (Transformer.pas: TrapZero(value, 7.0)), so it must solve as XHL=7 does
        double trapped = lvVolts(run(transformer("%loadloss=0 xhl=0")));
        double seven = lvVolts(run(transformer("%loadloss=0 xhl=7")));
        assertEquals(seven, trapped, 1e-9);
        // hand check of XHL = 7 %: 300 kW at pf 0.95 on 500 kVA, a drop of about x·q = 0.07 · 0.6 · 0.33 ≈ 1.4 %
        assertTrue(trapped > 0.97 * 240.2 && trapped < 0.995 * 240.2, "LV " + trapped + " V");
        assertEquals(lvVolts(run(transformer("%loadloss=0 x12=7"))), lvVolts(run(transformer("%loadloss=0 x12=0"))), 1e-9);
        assertEquals("t.dss:3: Xscarray: elements cannot be zero (a transformer needs a leakage reactance)",
                error(transformer("%loadloss=0 xscarray=[0]")));
    }

    @Test
    void aShuntFaultDefinedBeforeCalcvoltagebasesLeavesTheBasesAlone() {
        // a bolted fault on the 11 kV bus mv2 used to take part in the zero-load solution of Calcvoltagebases:
        // mv2 came out near 0 V, nearest to the 0.416 kV base, and its voltages were reported 26 times too high
        String script = SOURCE
                + "New Line.l1 bus1=sourcebus bus2=mv2 r1=0.1 x1=0.3 r0=0.3 x0=0.9 units=km length=2\n"
                + "New Transformer.t1 phases=3 windings=2 buses=[mv2, lv] conns=[delta, wye] kvs=[11, 0.416] kvas=[500, 500] xhl=4\n"
                + "New Fault.f1 bus1=mv2 phases=3 r=0.0001\n"
                + "New Fault.f2 bus1=lv.1 phases=1 r=0.0001\n"
                + "Set voltagebases=[11, 0.416]\nCalcvoltagebases\nSolve\n";
        Network net = run(script).simulation().network();
        assertEquals(11 / Math.sqrt(3), net.busKvBase(net.bus("mv2")), 1e-12);
        assertEquals(0.416 / Math.sqrt(3), net.busKvBase(net.bus("lv")), 1e-12);
        assertEquals(11 / Math.sqrt(3), net.busKvBase(net.bus("sourcebus")), 1e-12);
    }

    @Test
    void aNegativeVoltageBaseIsAnErrorNotZeroPerUnit() {
        String lv = "Clear\nNew Circuit.c basekv=0.416 pu=1.0 phases=3\n"
                + "New Line.l1 bus1=sourcebus bus2=b2 r1=0.1 x1=0.05 r0=0.3 x0=0.15 units=km length=0.1\n";
        assertEquals("t.dss:4: voltagebases: -1.0 is not a voltage base (kV line to line, > 0)",
                error(lv + "Set voltagebases=[-1 0.416]\nCalcvoltagebases\nSolve\n"));
        // a 0 ends the list, as OpenDSS reads it
        Network net = run(lv + "Set voltagebases=[0.416 0 -5]\nCalcvoltagebases\nSolve\n").simulation().network();
        assertEquals(0.416 / Math.sqrt(3), net.busKvBase(net.bus("b2")), 1e-12);
    }

    @Test
    void binaryJunkIsNamedNeverEchoedRaw() {
        String m = error("Clear\nNew Circuit.c basekv=11\n\u0000\u0001\u00ff\u00feABC\u001b[31m junk=1\n");
        assertEquals("t.dss:3: unknown command '\\x00\\x01\u00ff\u00feABC\\x1b[31m' (binary data: an OpenDSS script is text)", m);
        String longLine = error("Clear\n" + "x".repeat(500) + "\n");
        assertEquals("t.dss:2: unknown command '" + "x".repeat(40) + "…'", longLine);
    }
}
