package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.packetgrid.grid.dss.DssInterpreter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage with an inverter efficiency curve ({@code EffCurve}, Storage.pas ComputeDCkW, UpdateStorage,
 * kWOutIdling) against the values OpenDSS printed for the same unit in its Storage tech note examples
 * (public test repository dss-extensions/electricdss-tst, commit 3b20839, Version8/Distrib/Examples/
 * StorageTechNote: Example_9_2_Follow and Example_9_4_External, the files Source_Mon_mon_storage1_state_1.csv
 * and Source_Mon_mon_storage1_powers_1.csv), at the steps where OpenDSS's solution had settled (the step
 * right after a state change carries OpenDSS's convergence error in its 5th-6th digit). The same figures by
 * hand, with the curve eff = 0.0667 x + 0.9033 on its last segment (x = |DC kW| / kVA): idling 0.5 kW / eff(0.01)
 * = 0.5 / 0.824 = 0.606796 kW drawn; charging at 50 kW AC, DC = 50 x 0.90333 / (1 - 0.0667) = 48.3929 kW;
 * discharging 50 kW AC, DC the larger root of (0.0667/50) DC^2 + 0.90333 DC - 50 = 0, 51.4443 kW.
 */
class StorageEfficiencyCurveTest {
    static final String UNIT = "New Circuit.Source bus1=A basekv=0.48 phases=3 pu=1\n"
            + "New XYCurve.Eff npts=4 xarray=[.1 .2 .4 1.0] yarray=[.86 .9 .93 .97]\n"
            + "New Storage.Storage1 phases=3 bus1=A kv=0.48 pf=1 kWrated=50 %reserve=20\n"
            + "~ effcurve=Eff kWhrated=500 %stored=50 state=idling\n";
    static final String MONITORS = "New Monitor.st element=Storage.Storage1 mode=3\n"
            + "New Monitor.pq element=Storage.Storage1 mode=1 ppolar=No\n"
            + "Set voltagebases=[0.48]\nCalcvoltagebases\n";

    // mode-3 columns after hour and seconds (Storage.pas variable order)
    static final int KWH = 2;
    static final int KW_IN = 5;
    static final int DC_KW = 7;
    static final int INV_LOSSES = 9;
    static final int CH_DCH_LOSSES = 11;
    static final int KWH_CHANGE = 12;
    static final int INV_EFF = 13;

    static DssInterpreter run(Path dir, String script) {
        DssInterpreter dss = new DssInterpreter(null);
        dss.runText(script, dir, "t.dss");
        return dss;
    }

    @Test
    void followDispatchAsOpenDssPrintedIt(@TempDir Path dir) {
        DssInterpreter dss = run(dir, "New LoadShape.shape interval=1 npts=24 mult=[0 -1 -1 -1 -0.5 -0.5 0 0 0 0 0 0 0 0 0.5 0.75 1 1 1 1 0.75 0.5 0 0]\n"
                + UNIT + "~ dispmode=follow model=1 daily=shape\n" + MONITORS + "Set mode=Daily\nSolve\n");
        List<float[]> st = dss.monitor("st").rows();
        List<float[]> pq = dss.monitor("pq").rows();
        float[] charging = st.get(2);    // hour 3
        assertEquals(293.104, charging[KWH], 1e-3);
        assertEquals(50.0, charging[KW_IN], 1e-4);
        assertEquals(-48.3929, charging[DC_KW], 1e-4);
        assertEquals(1.60714, charging[INV_LOSSES], 1e-5);
        assertEquals(4.78929, charging[CH_DCH_LOSSES], 1e-5);
        assertEquals(0.967857, charging[INV_EFF], 1e-6);
        float[] idling = st.get(7);      // hour 8
        assertEquals(0.606796, idling[KW_IN], 1e-6);
        assertEquals(-0.5, idling[DC_KW], 1e-6);
        assertEquals(0.824, idling[INV_EFF], 1e-6);
        assertEquals(420.463, idling[KWH], 1e-3);
        assertEquals(0.202265, pq.get(7)[2], 1e-6, "idling: P1 (kW) per phase");
        float[] discharging = st.get(17); // hour 18
        assertEquals(51.4443, discharging[DC_KW], 1e-4);
        assertEquals(0.971926, discharging[INV_EFF], 1e-6);
        assertEquals(1.44426, discharging[INV_LOSSES], 1e-5);
        assertEquals(5.77158, discharging[CH_DCH_LOSSES], 1e-5);
        assertEquals(-57.7158, discharging[KWH_CHANGE], 1e-4);
        assertEquals(288.448, discharging[KWH], 1e-3);
        assertEquals(-16.6667, pq.get(17)[2], 1e-4);
        // before the first end of a step, OpenDSS's kWh Chng counts from kWhrated (set with it, not by %stored)
        assertEquals(-250.0, st.get(0)[KWH_CHANGE], 1e-9);
    }

    @Test
    void editsBetweenSolvesContinueTheRun(@TempDir Path dir) {
        // Example 9.4: external dispatch by edits between Solves; OpenDSS edits the unit in place, so the
        // monitors keep every hour and the energy and its last change carry on
        DssInterpreter dss = run(dir, UNIT + "~ dispmode=External\n" + MONITORS
                + "Set mode=Daily\nSet stepsize=1h\nSet number=2\nSolve\n"
                + "Edit Storage.Storage1 state=charging %charge=80\nSet number=5\nSolve\n"
                + "Edit Storage.Storage1 state=idling\nSet number=10\nSolve\n"
                + "Edit Storage.Storage1 kW=25\nSet number=5\nSolve\n"
                + "Edit Storage.Storage1 state=idling\nSet number=2\nSolve\n");
        List<float[]> st = dss.monitor("st").rows();
        List<float[]> pq = dss.monitor("pq").rows();
        assertEquals(24, st.size());
        assertEquals(24, pq.size());
        // OpenDSS's printed values: hour 3 (first charging hour) kWh Chng 0, hour 8 kWh 419.511 and
        // kWh Chng 33.9021, hours 3-7 P1 13.3333, hours 18-22 -8.33333, hour 23 kWh Chng -30.143
        assertEquals(0.0, st.get(2)[KWH_CHANGE], 1e-9);
        assertEquals(33.9021, st.get(7)[KWH_CHANGE], 1e-4);
        assertEquals(419.511, st.get(7)[KWH], 1e-3);
        assertEquals(13.3333, pq.get(2)[2], 1e-4);
        assertEquals(13.3333, pq.get(6)[2], 1e-4);
        assertEquals(-8.33333, pq.get(17)[2], 1e-5);
        assertEquals(-30.143, st.get(22)[KWH_CHANGE], 1e-3);
        assertEquals(0.202265, pq.get(23)[2], 1e-6);
    }
}
