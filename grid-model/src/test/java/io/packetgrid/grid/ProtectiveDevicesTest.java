package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.model.Line;
import io.packetgrid.grid.protection.FuseSettings;
import io.packetgrid.grid.protection.TccCurve;
import io.packetgrid.grid.result.GridResults;
import io.packetgrid.grid.series.Simulation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuse, Recloser, Relay, SwtControl, EnergyMeter and the curve classes are accepted with their
 * connections checked (unknown elements, terminals, curves and properties are errors naming the line),
 * leave the load flow alone, and give the protection package their settings: a TCC curve's time is
 * OpenDSS's log-log interpolation ({@code t = exp(ln t_i + (ln m - ln m_i)/(ln m_j - ln m_i) (ln t_j - ln t_i))}).
 */
class ProtectiveDevicesTest {
    static final String FEEDER = "New Circuit.p basekv=12.47 pu=1.0 phases=3 bus1=src MVAsc3=100 MVAsc1=80\n"
            + "New Line.l1 bus1=src bus2=b r1=0.2 x1=0.4 r0=0.6 x0=1.2 c1=0 c0=0 length=1 units=km\n"
            + "New Load.ld bus1=b phases=3 kV=12.47 kW=500 pf=0.95\n";

    static DssInterpreter run(Path dir, String script) {
        DssInterpreter dss = new DssInterpreter(null);
        dss.runText(FEEDER + script, dir, "prot.dss");
        return dss;
    }

    @Test
    void devicesAreAcceptedAndLeaveTheSolutionAlone(@TempDir Path dir) {
        DssInterpreter plain = run(dir, "Solve\n");
        double p0 = GridResults.sourcePower(plain.simulation().solver())[0];
        DssInterpreter with = run(dir, "New Energymeter.m1 Line.l1 1\n"
                + "New Fuse.f1 Line.l1 1 fusecurve=tlink Ratedcurrent=100\n"
                + "New Relay.r1 Line.l1 1 PhaseCurve=D GroundCurve=A PhaseTrip=600 GroundTrip=600\n"
                + "~ type=current\n"
                + "New Recloser.rc MonitoredObj=Line.l1 PhaseTrip=400 GroundTrip=400 Shots=3\n"
                + "New SwtControl.s SwitchedObj=Line.l1 Normal=c State=c Delay=0\n"
                + "New Spectrum.sp NumHarm=1 harmonic=[1] %mag=[100] angle=[0]\n"
                + "Solve\nInterpolate\nPlot Circuit Power\n");
        assertEquals(p0, GridResults.sourcePower(with.simulation().solver())[0], 0.0, "no effect on the load flow");
        assertTrue(with.simulation().solved(), "a protective device's definition leaves the solution valid");
    }

    @Test
    void connectionsAreChecked(@TempDir Path dir) {
        PacketGridException e = assertThrows(PacketGridException.class, () -> run(dir, "New Fuse.f Line.nope 1\n"));
        assertEquals("prot.dss:4", e.location());
        PacketGridException t = assertThrows(PacketGridException.class, () -> run(dir, "New Fuse.f Line.l1 3\n"));
        assertTrue(t.getMessage().contains("terminal"), t.getMessage());
        PacketGridException c = assertThrows(PacketGridException.class, () -> run(dir, "New Fuse.f Line.l1 fusecurve=nocurve\n"));
        assertTrue(c.getMessage().contains("nocurve"), c.getMessage());
        PacketGridException p = assertThrows(PacketGridException.class, () -> run(dir, "New Relay.r Line.l1 colour=red\n"));
        assertTrue(p.getMessage().contains("colour"), p.getMessage());
        PacketGridException m = assertThrows(PacketGridException.class, () -> run(dir, "New EnergyMeter.m Line.l1 4\n"));
        assertEquals("prot.dss:4", m.location());
    }

    @Test
    void aSwitchControlStateOpensTheLine(@TempDir Path dir) {
        DssInterpreter dss = run(dir, "New Line.sw bus1=b bus2=c switch=yes\nNew Load.c bus1=c phases=3 kV=12.47 kW=10\n"
                + "New SwtControl.s SwitchedObj=Line.sw State=open\nSolve\n");
        Simulation sim = dss.simulation();
        // SwtControl.pas: ActiveTerminalIdx := ElementTerminal (SwitchedTerm, default 1), Closed[0] := FALSE: every phase of
        // that one terminal
        Line sw = (Line) GridResults.element(sim.network(), "Line.sw");
        assertTrue(sw.terminalOpen(0) && !sw.terminalOpen(1));
    }

    @Test
    void tccCurvesInterpolateLogLog() {
        // OpenDSS's TLink: (2, 300) (2.1, 100) (3, 10.1) (4, 4) ...
        TccCurve t = new TccCurve("tlink", new double[] {2, 2.1, 3, 4, 6, 22, 50}, new double[] {300, 100, 10.1, 4.0, 1.4, 0.1, 0.02});
        assertEquals(Double.POSITIVE_INFINITY, t.timeS(1.9), "below the first point: no operation");
        assertEquals(10.1, t.timeS(3.0), 0.0);
        double m = 3.5;
        double expected = Math.exp(Math.log(10.1) + (Math.log(m) - Math.log(3)) / (Math.log(4) - Math.log(3)) * (Math.log(4.0) - Math.log(10.1)));
        assertEquals(expected, t.timeS(m), 1e-12);
        assertEquals(0.02, t.timeS(80), 0.0, "the last time beyond the last point");
        FuseSettings f = new FuseSettings("Fuse.f", "Line.l1", 1, "Line.l1", 1, 100, t, 0.5);
        assertEquals(200, f.pickupA(), 0.0);
        assertEquals(expected + 0.5, f.operateTimeS(350), 1e-12);
    }

    @Test
    void fusesOfAScriptForTheProtectionPackage(@TempDir Path dir) {
        DssInterpreter dss = run(dir, "New Fuse.f1 Line.l1 1 fusecurve=klink Ratedcurrent=65 Delay=0.1\n");
        List<FuseSettings> fuses = dss.fuses();
        assertEquals(1, fuses.size());
        FuseSettings f = fuses.get(0);
        assertEquals("Fuse.f1", f.name());
        assertEquals("line.l1", f.monitored());
        assertEquals(65.0, f.ratedA(), 0.0);
        assertEquals(130.0, f.pickupA(), 1e-12, "KLink starts at twice the rating");
        assertEquals(0.41 + 0.1, f.operateTimeS(6 * 65), 1e-12, "KLink: 0.41 s at 6 x rated, plus the delay");
    }
}
