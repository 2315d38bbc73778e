package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.control.CapControl;
import io.packetgrid.grid.control.Control;
import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.series.Simulation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CapControl (CapControl.pas) against times and thresholds derived by hand. A 300 kvar bank at
 * the end of a near-zero-impedance line from a stiff 12.47 kV source gives exactly its rating, so
 * the reactive power the kvar control reads on the line is {@code Q_load(t) - 300}; with
 * {@code Q_load(t) = 200.5 - t} kvar (one-second duty steps) it falls below OFF = -225 kvar first at
 * t = 126 s, and the bank opens DelayOFF = 30 s later, at t = 156 s, in time-driven control.
 */
class CapControlTest {
    static final String FEEDER = "New Circuit.c basekv=12.47 pu=1.0 phases=3 bus1=src MVAsc3=1e6 MVAsc1=1e6\n"
            + "New Line.l phases=1 bus1=src.1 bus2=b.1 r1=1e-4 x1=1e-4 r0=1e-4 x0=1e-4 c1=0 c0=0 length=1 units=km\n"
            + "New Capacitor.c1 bus1=b.1 phases=1 kv=7.2 kvar=300\n";

    static String ramp(int n) {
        StringBuilder q = new StringBuilder();
        for (int t = 1; t <= n; t++) {
            q.append(t > 1 ? " " : "").append(200.5 - t);
        }
        return "New Loadshape.ramp npts=" + n + " sinterval=1 mult=(" + "1 ".repeat(n).trim() + ") qmult=(" + q + ")\n";
    }

    static DssInterpreter run(Path dir, String script) {
        DssInterpreter dss = new DssInterpreter(dir.resolve("out"));
        dss.runText(script, dir, "cap.dss");
        return dss;
    }

    @Test
    void kvarControlOpensDelayOffAfterTheRampCrossesOff(@TempDir Path dir) {
        DssInterpreter dss = run(dir, FEEDER + ramp(200)
                + "New Load.q phases=1 bus1=b.1 kV=7.2 kW=0.001 kvar=1 model=1 vminpu=0.5 vmaxpu=1.5 duty=ramp\n"
                + "New CapControl.cc Capacitor=c1 element=Line.l terminal=1 type=kvar ONsetting=150 OFFsetting=-225 Delay=10 "
                + "DelayOFF=30\n"
                + "New Monitor.steps Capacitor.c1 mode=6\n"
                + "Set voltagebases=[12.47]\nCalcvoltagebases\n"
                + "Set mode=duty number=180 stepsize=1s\nSolve\n");
        List<float[]> rows = dss.monitor("steps").rows();
        int opened = -1;
        for (float[] r : rows) {
            if (r[2] == 0f && opened < 0) {
                opened = Math.round(r[0] * 3600 + r[1]);
            }
        }
        assertEquals(156, opened, "first below OFF at t = 126 s, plus DelayOFF 30 s");
        CapControl cc = capControl(dss.simulation());
        assertEquals(1, cc.operations());
        assertFalse(cc.capacitor().isClosed());
    }

    @Test
    void aConditionThatGoesAwayCancelsTheAction(@TempDir Path dir) {
        // Q_load rises back above the OFF threshold before DelayOFF = 100 s runs out: no switching
        StringBuilder q = new StringBuilder();
        for (int t = 1; t <= 120; t++) {
            q.append(t > 1 ? " " : "").append(t <= 40 ? 70.5 : 100.0);
        }
        DssInterpreter dss = run(dir, FEEDER + "New Loadshape.dip npts=120 sinterval=1 mult=(" + "1 ".repeat(120).trim() + ") qmult=("
                + q + ")\n"
                + "New Load.q phases=1 bus1=b.1 kV=7.2 kW=0.001 kvar=1 model=1 vminpu=0.5 vmaxpu=1.5 duty=dip\n"
                + "New CapControl.cc Capacitor=c1 element=Line.l type=kvar ONsetting=150 OFFsetting=-225 DelayOFF=100\n"
                + "Set voltagebases=[12.47]\nCalcvoltagebases\nSet mode=duty number=120\nSolve\n");
        CapControl cc = capControl(dss.simulation());
        assertEquals(0, cc.operations());
        assertTrue(cc.capacitor().isClosed());
    }

    @Test
    void voltageControlInStaticModeAndTheVoltageOverride(@TempDir Path dir) {
        // PT ratio 60: 7.2 kV reads 120 V. Voltage type: OFF above 118 V -> the bank opens in the static solution
        DssInterpreter v = run(dir, FEEDER + "New CapControl.cv Capacitor=c1 element=Line.l type=voltage ptratio=60 ONsetting=110 "
                + "OFFsetting=118\nSolve\n");
        assertFalse(capControl(v.simulation()).capacitor().isClosed(), "120 V > OFF 118 V opens the bank");
        // kvar type that would keep it in (Q = -300 < OFF = -400 is false), but Vmax = 119 V overrides
        DssInterpreter o = run(dir, FEEDER + "New CapControl.co Capacitor=c1 element=Line.l type=kvar ONsetting=100 OFFsetting=-400 "
                + "VoltOverride=yes Vmax=119 Vmin=100 ptratio=60\nSolve\n");
        assertFalse(capControl(o.simulation()).capacitor().isClosed(), "120 V > Vmax 119 V opens the bank");
        DssInterpreter n = run(dir, FEEDER + "New CapControl.cn Capacitor=c1 element=Line.l type=kvar ONsetting=100 OFFsetting=-400 "
                + "VoltOverride=yes Vmax=121 Vmin=100 ptratio=60\nSolve\n");
        assertTrue(capControl(n.simulation()).capacitor().isClosed(), "within Vmin..Vmax the kvar setting keeps it");
    }

    @Test
    void deadTimeDelaysTheNextClose(@TempDir Path dir) {
        // time control, ON 80 s (0.0222222 h) and OFF 60 s (0.0166666 h) of the day: OFF < ON, so out of service from
        // 60 s to 80 s. The bank (closed when defined) opens at 60 s (DelayOFF 0); at 80 s the close waits
        // max(Delay, DeadTime + Delay - (80 - 60)) = max(5, 60 + 5 - 20) = 45 s: it closes at 125 s, not 85 s
        DssInterpreter dss = run(dir, FEEDER + "New CapControl.ct Capacitor=c1 type=time ONsetting=0.0222222 OFFsetting=0.0166666 "
                + "Delay=5 DelayOFF=0 DeadTime=60\n"
                + "New Monitor.steps Capacitor.c1 mode=6\nSet mode=duty number=150\nSolve\n");
        int opened = -1;
        int reclosed = -1;
        for (float[] r : dss.monitor("steps").rows()) {
            int t = Math.round(r[0] * 3600 + r[1]);
            if (r[2] == 0f && opened < 0) {
                opened = t;
            } else if (r[2] == 1f && opened >= 0 && reclosed < 0) {
                reclosed = t;
            }
        }
        assertEquals(60, opened);
        assertEquals(125, reclosed, "the dead time after the opening at 60 s holds the close until 125 s");
    }

    @Test
    void capacitorMustExistBeforeItsControl(@TempDir Path dir) {
        PacketGridException e = assertThrows(PacketGridException.class, () -> run(dir, FEEDER
                + "New CapControl.x Capacitor=nope element=Line.l\n"));
        assertEquals("cap.dss:4", e.location());
        PacketGridException t = assertThrows(PacketGridException.class, () -> run(dir, FEEDER
                + "New CapControl.x Capacitor=c1 element=Line.l terminal=3\n"));
        assertTrue(t.getMessage().contains("terminal 3"), t.getMessage());
    }

    static CapControl capControl(Simulation sim) {
        for (Control c : sim.controls()) {
            if (c instanceof CapControl cc) {
                return cc;
            }
        }
        throw new AssertionError("no CapControl");
    }
}
