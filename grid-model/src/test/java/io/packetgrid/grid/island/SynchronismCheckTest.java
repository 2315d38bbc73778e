package io.packetgrid.grid.island;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.model.GridFormingSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The synchronism check against IEEE 1547-2018's synchronization parameter limits (§4.10.4, see
 * {@link SynchronismCheck}): just inside each limit it accepts, just outside it refuses, for each size
 * band; and a micro-grid's reconnection closes only through it — at the time its slip brings the angle
 * round (|Δθ| / (360 · slip) after the voltage match), or never when its slip is outside the window.
 */
class SynchronismCheckTest {

    @ParameterizedTest
    @CsvSource({"50, 0.3, 10, 20", "500, 0.3, 10, 20", "501, 0.2, 5, 15", "1500, 0.2, 5, 15", "1501, 0.1, 3, 10", "20000, 0.1, 3, 10"})
    void windowOfEachSizeBand(double kva, double df, double dv, double dth) {
        SynchronismCheck.Window w = SynchronismCheck.ieee1547(kva);
        assertEquals(new SynchronismCheck.Window(df, dv, dth), w);
        double in = 0.999;
        double out = 1.001;
        assertTrue(w.accepts(df * in, dv * in, dth * in));
        assertTrue(w.accepts(-df * in, -dv * in, -dth * in));
        assertTrue(w.accepts(0, 0, 360 + dth * in), "angles wrap");
        assertFalse(w.accepts(df * out, 0, 0));
        assertFalse(w.accepts(0, dv * out, 0));
        assertFalse(w.accepts(0, 0, dth * out));
        assertFalse(w.accepts(0, 0, -dth * out));
        assertFalse(w.accepts(Double.NaN, 0, 0), "an unknown difference is refused");
        assertTrue(w.refusal(df * out, dv * out, dth * out).matches("Δf .*, ΔV .*, Δθ .*"));
        assertEquals("", w.refusal(0, 0, 0));
    }

    @Test
    void reconnectionClosesWhenTheSlipBringsTheAngleRound(@TempDir Path dir) throws IOException {
        Feeder f = IslandPowerFlowTest.load(dir, "grid.dss", IslandPowerFlowTest.GRID);
        GridFormingSource g = IslandPowerFlowTest.battery();
        Microgrid mg = IslandPowerFlowTest.microgrid(f, g);
        f.solve();
        List<String> log = new ArrayList<>();
        mg.island(0, (t, d) -> log.add(t));
        f.solve();
        mg.afterSolve(0, (t, d) -> log.add(t));
        // an hour on the droop: the island's angle has drifted by 360 (f − 50) 3600 degrees
        double f0 = mg.frequencyHz();
        assertTrue(f0 < 50 && f0 > 49.5, "droop " + f0);
        long hour = 3_600_000_000_000L;
        mg.advance(hour);
        f.solve();
        mg.afterSolve(hour, (t, d) -> log.add(t));
        mg.requestReconnect(hour, (t, d) -> log.add(t));
        f.solve();
        int solves = 0;
        while (mg.afterSolve(hour, (t, d) -> log.add(t))) {
            f.solve();
            solves++;
        }
        assertTrue(solves >= 1 && solves <= 4, "voltage match iterations " + solves);
        double[] d = mg.lastDifferences();
        assertTrue(Math.abs(d[0]) < 0.05, "voltage matched: " + d[0] + " %");
        assertSame(Microgrid.State.SYNCHRONISING, mg.state());
        long close = mg.nextEventNs();
        assertEquals(hour + Math.abs(d[1]) / 36.0 * 1e9, close, 1.0, "|Δθ| / (360 · 0.1 Hz)");
        mg.advance(close);
        f.solve();
        assertTrue(mg.afterSolve(close, (t, x) -> log.add(t + " " + x)));
        assertSame(Microgrid.State.CONNECTED, mg.state());
        String closed = log.get(log.size() - 1);
        assertTrue(closed.matches("reconnect pcc=Line\\.pcc dead_island=false df_hz=-?0\\.100 dv_pct=-?0\\.0\\d dtheta_deg=-?0\\.0\\d"), closed);
        f.solve();
        assertTrue(f.network().energised(f.network().node("b2", 1)));
        assertFalse(g.forming());
    }

    @Test
    void aSlipOutsideTheWindowIsRefused(@TempDir Path dir) throws IOException {
        Feeder f = IslandPowerFlowTest.load(dir, "grid.dss", IslandPowerFlowTest.GRID);
        GridFormingSource g = IslandPowerFlowTest.battery();
        f.simulation().addElement(g);
        // 0.5 Hz slip for a 50 kVA unit whose window allows 0.3 Hz
        Microgrid mg = new Microgrid(f.simulation(), g, new Microgrid.Settings("Line.PCC", 2, 1.0, 1.0, 50, 0.5, 1.1,
                SynchronismCheck.ieee1547(50)), g.unit().kwhStored());
        f.solve();
        List<String> log = new ArrayList<>();
        mg.island(0, (t, d) -> log.add(t));
        f.solve();
        mg.afterSolve(0, (t, d) -> log.add(t));
        mg.advance(1_000_000_000L);
        mg.requestReconnect(1_000_000_000L, (t, d) -> log.add(t));
        f.solve();
        long now = 1_000_000_000L;
        for (int k = 0; k < 20; k++) {
            while (mg.afterSolve(now, (t, d) -> log.add(t + ": " + d))) {
                f.solve();
            }
            now = Math.min(mg.nextEventNs(), now + 60_000_000_000L);
            mg.advance(now);
            f.solve();
        }
        assertSame(Microgrid.State.SYNCHRONISING, mg.state(), "never closes");
        assertTrue(log.stream().anyMatch(s -> s.startsWith("reconnect_refused: pcc=Line.pcc df_hz=0.500")
                && s.contains("refused=\"Δf 0.500 Hz > 0.30 Hz")), log.toString());
        assertTrue(mg.pcc().terminalOpen(1), "the PCC stays open");
    }

    @Test
    void aDeadIslandClosesAtOnce(@TempDir Path dir) throws IOException {
        Feeder f = IslandPowerFlowTest.load(dir, "grid.dss", IslandPowerFlowTest.GRID);
        GridFormingSource g = IslandPowerFlowTest.battery();
        Microgrid mg = IslandPowerFlowTest.microgrid(f, g);
        g.unit().setKwhStored(g.unit().kwhReserve());
        f.solve();
        mg.island(0, IslandPowerFlowTest.LOG);
        f.solve();
        assertSame(Microgrid.State.COLLAPSED, mg.state());
        assertFalse(f.network().energised(f.network().node("b1", 1)));
        mg.requestReconnect(5, IslandPowerFlowTest.LOG);
        assertSame(Microgrid.State.CONNECTED, mg.state());
        f.solve();
        assertTrue(f.network().energised(f.network().node("b1", 1)));
    }
}
