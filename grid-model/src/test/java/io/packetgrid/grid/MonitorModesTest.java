package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.series.Monitor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Monitor modes beyond 0 and 1 (Monitor.pas): 2 tap, 3 state variables, 6 capacitor steps, 7 storage,
 * 9 losses, and the flags +16 (symmetrical components), +32 (magnitudes), +64 (positive sequence or
 * total); references: the mode-0/1 recordings of the same quantities combined by hand.
 */
class MonitorModesTest {
    static final String FEEDER = "New Circuit.m basekv=12.47 pu=1.0 phases=3 bus1=src MVAsc3=100 MVAsc1=80\n"
            + "New Line.l bus1=src bus2=b r1=0.2 x1=0.4 r0=0.6 x0=1.2 c1=0 c0=0 length=1 units=km\n"
            + "New Transformer.t phases=3 windings=2 buses=[b lv] conns=[delta wye] kvs=[12.47 0.416] kvas=[500 500] "
            + "xhl=4 taps=[1.0 1.025]\n"
            + "New Load.ld bus1=lv phases=3 kV=0.416 kW=300 pf=0.9\n"
            + "New Capacitor.c bus1=b kvar=[100 100 100] kv=12.47\n"
            + "New Generator.g bus1=b phases=3 kV=12.47 kW=50 pf=1\n";

    static DssInterpreter run(Path dir, String monitors) {
        DssInterpreter dss = new DssInterpreter(null);
        dss.runText(FEEDER + monitors + "Set mode=daily number=1 stepsize=1h\nSolve\n", dir, "mon.dss");
        return dss;
    }

    static float[] row(DssInterpreter dss, String m) {
        return dss.monitor(m).rows().get(0);
    }

    @Test
    void tapStepsStateVariablesAndLosses(@TempDir Path dir) {
        DssInterpreter dss = run(dir, "New Monitor.tap Transformer.t 2 mode=2\nNew Monitor.cap Capacitor.c mode=6\n"
                + "New Monitor.gen Generator.g mode=3\nNew Monitor.loss Line.l mode=9\nNew Monitor.p Line.l mode=1 ppolar=no\n");
        assertEquals(1.025, row(dss, "tap")[2], 1e-6);
        assertEquals("hour,t(sec),Step_1,Step_2,Step_3", dss.monitor("cap").header());
        assertEquals(1f, row(dss, "cap")[4]);
        assertEquals("hour,t(sec),Frequency,Theta (Deg),Vd,PShaft,dSpeed (Deg/sec),dTheta (Deg)", dss.monitor("gen").header());
        assertEquals(60f, row(dss, "gen")[2], "a machine outside dynamics turns at base frequency");
        // losses = power into terminal 1 + power into terminal 2 (mode 1 gives terminal 1 per phase)
        float[] p = row(dss, "p");
        double in = (p[2] + p[4] + p[6]) * 1000.0;
        assertTrue(row(dss, "loss")[2] > 0 && row(dss, "loss")[2] < in * 0.05, "line losses are a few per cent of its flow");
    }

    @Test
    void magnitudeSequenceAndTotalFlags(@TempDir Path dir) {
        DssInterpreter dss = run(dir, "New Monitor.vi Line.l mode=0\nNew Monitor.mag Line.l mode=32\nNew Monitor.seq Line.l mode=16\n"
                + "New Monitor.p Line.l mode=1 ppolar=no\nNew Monitor.tot Line.l mode=65 ppolar=no\nNew Monitor.pseq Line.l mode=17 "
                + "ppolar=no\n");
        float[] vi = row(dss, "vi");
        float[] mag = row(dss, "mag");
        assertEquals("hour,t(sec),|V|1 (volts),|V|2 (volts),|V|3 (volts),|I|1 (amps),|I|2 (amps),|I|3 (amps)", dss.monitor("mag").header());
        for (int c = 0; c < 3; c++) {
            assertEquals(vi[2 + 2 * c], mag[2 + c], 1e-2, "|V" + (c + 1) + "|");
            assertEquals(vi[8 + 2 * c], mag[5 + c], 1e-4, "|I" + (c + 1) + "|");
        }
        float[] p = row(dss, "p");
        double total = p[2] + p[4] + p[6];
        assertEquals(total, row(dss, "tot")[2], 1e-3, "mode 65: the phases' total kW");
        assertEquals("hour,t(sec),V0,VAngle0,V1,VAngle1,V2,VAngle2,I0,IAngle0,I1,IAngle1,I2,IAngle2", dss.monitor("seq").header());
        // the feeder is balanced: V1 = phase magnitude, V0 = V2 = 0; sequence power x 3 = total
        assertEquals(vi[2], row(dss, "seq")[4], 0.5);
        assertEquals(0.0, row(dss, "seq")[2], 1e-2);
        assertEquals(total, row(dss, "pseq")[4], 1e-2, "P1 x 3 of a balanced flow is the total");
    }

    @Test
    void modesTheElementCannotGiveAreErrors(@TempDir Path dir) {
        PacketGridException e = assertThrows(PacketGridException.class, () -> run(dir, "New Monitor.x Line.l mode=2\n"));
        assertTrue(e.getMessage().contains("transformer"), e.getMessage());
        PacketGridException u = assertThrows(PacketGridException.class, () -> run(dir, "New Monitor.x Line.l mode=4\n"));
        assertEquals("mon.dss:7", u.location());
        assertTrue(Monitor.supported(3) && Monitor.supported(5) && !Monitor.supported(4) && !Monitor.supported(8));
    }
}
