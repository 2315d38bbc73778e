package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.model.Storage;
import io.packetgrid.grid.series.StorageDriver;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage (Storage.pas) state of charge through time series, by hand: discharging at P kW with
 * idling losses I = %IdlingkW of kWrated, each step of h hours takes {@code (P + I) / eta_d h} kWh;
 * charging at P stores {@code (P - I) eta_c h}; the unit idles at %reserve or full. Monitors (mode 7)
 * sample before the energy update, as OpenDSS's time loop does (SampleAll, then UpdateAll).
 */
class StorageTest {
    static final String FEEDER = "New Circuit.st basekv=0.4 pu=1.0 phases=3 bus1=src MVAsc3=1e4 MVAsc1=1e4\n"
            + "New Line.l bus1=src bus2=b phases=3 r1=0.01 x1=0.01 r0=0.01 x0=0.01 c1=0 c0=0 length=1 units=km\n"
            + "New Load.l bus1=b phases=3 kV=0.4 kW=20 pf=1\n";

    static DssInterpreter run(Path dir, String script) {
        DssInterpreter dss = new DssInterpreter(null);
        dss.runText(FEEDER + script, dir, "st.dss");
        return dss;
    }

    static Storage storage(DssInterpreter dss) {
        return ((StorageDriver) dss.simulation().ders().get(0)).storage();
    }

    @Test
    void dischargingStepsDownByPowerAndLossesOverEfficiency(@TempDir Path dir) {
        DssInterpreter dss = run(dir, "New Storage.bat phases=3 bus1=b kV=0.4 kWrated=10 kWhrated=40 %stored=80 %reserve=20 "
                + "State=discharging %EffDischarge=95 %IdlingkW=1\n"
                + "New Monitor.m Storage.bat mode=7\n"
                + "Set mode=daily stepsize=15m number=8\nSolve\n");
        List<float[]> rows = dss.monitor("m").rows();
        double kwh = 32.0;
        for (int k = 0; k < 8; k++) {
            assertEquals(kwh, rows.get(k)[4], 1e-4, "kWh sampled at step " + (k + 1));
            assertEquals(10.0, rows.get(k)[2], 1e-4, "delivering 10 kW");
            kwh -= (10.0 + 0.1) / 0.95 * 0.25;
        }
        assertEquals(kwh, storage(dss).kwhStored(), 1e-9, "after 8 steps");
    }

    @Test
    void chargingStoresThroughTheEfficiencyUntilFull(@TempDir Path dir) {
        // 10 kW charging at 90 %: (10 - 0.1) x 0.9 = 8.91 kWh per hour; from 30 of 40 kWh full after 2 hours (idles)
        DssInterpreter dss = run(dir, "New Storage.bat phases=3 bus1=b kV=0.4 kWrated=10 kWhrated=40 %stored=75 "
                + "State=charging %EffCharge=90\n"
                + "Set mode=daily stepsize=1h number=3\nSolve\n");
        Storage s = storage(dss);
        assertEquals(40.0, s.kwhStored(), 1e-9, "30 + 8.91 = 38.91, then full (clamped) at the second hour");
        assertEquals(Storage.IDLING, s.state());
        DssInterpreter one = run(dir, "New Storage.bat phases=3 bus1=b kV=0.4 kWrated=10 kWhrated=40 %stored=75 "
                + "State=charging %EffCharge=90\n"
                + "Set mode=daily stepsize=1h number=1\nSolve\n");
        assertEquals(30 + 9.9 * 0.9, storage(one).kwhStored(), 1e-9);
    }

    @Test
    void reserveStopsTheDischarge(@TempDir Path dir) {
        // 10 kWh over the 8 kWh reserve of 40: one hour at 10.1/0.9 = 11.2 kWh would pass it: clamped to 8, idles
        DssInterpreter dss = run(dir, "New Storage.bat phases=3 bus1=b kV=0.4 kWrated=10 kWhrated=40 %stored=45 "
                + "State=discharging\n"
                + "Set mode=daily stepsize=1h number=2\nSolve\n");
        Storage s = storage(dss);
        assertEquals(8.0, s.kwhStored(), 1e-9);
        assertEquals(Storage.IDLING, s.state());
        assertEquals(-0.1, s.presentKw(), 1e-12, "idling draws its losses");
    }

    @Test
    void followDispatchTakesStateAndPowerFromTheShape(@TempDir Path dir) {
        // follow: +0.5 discharges at 5 kW, -0.3 charges at 3 kW, 0 idles
        DssInterpreter dss = run(dir, "New Loadshape.disp npts=3 interval=1 mult=[0.5 -0.3 0]\n"
                + "New Storage.bat phases=3 bus1=b kV=0.4 kWrated=10 kWhrated=40 %stored=50 DispMode=follow daily=disp\n"
                + "New Monitor.m Storage.bat mode=7\n"
                + "Set mode=daily stepsize=1h number=3\nSolve\n");
        List<float[]> rows = dss.monitor("m").rows();
        assertEquals(5.0, rows.get(0)[2], 1e-4);
        assertEquals(Storage.DISCHARGING, rows.get(0)[6], 0.0);
        assertEquals(-3.0, rows.get(1)[2], 1e-4);
        assertEquals(Storage.CHARGING, rows.get(1)[6], 0.0);
        assertEquals(Storage.IDLING, rows.get(2)[6], 0.0);
        double expected = 20 - (5 + 0.1) / 0.9 + (3 - 0.1) * 0.9;
        assertEquals(expected, storage(dss).kwhStored(), 1e-9);
    }

    @Test
    void kwPropertyDispatchesAndKvaLimitsWithReactivePriority(@TempDir Path dir) {
        // kW=-6 charges at 6 kW; kVA 10 with kvar=9: P = sqrt(100 - 81)
        DssInterpreter dss = run(dir, "New Storage.bat phases=3 bus1=b kV=0.4 kWrated=12 kVA=10 kWhrated=40 %stored=50 kW=-6 "
                + "kvar=9\nSolve\n");
        Storage s = storage(dss);
        assertEquals(Storage.CHARGING, s.state());
        assertEquals(-Math.sqrt(100 - 81), s.presentKw(), 1e-12);
        assertEquals(9.0, s.presentKvar(), 1e-12);
    }
}
