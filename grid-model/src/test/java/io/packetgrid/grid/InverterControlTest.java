package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.grid.control.InvControl;
import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.model.PvSystem;
import io.packetgrid.grid.model.XyCurve;
import io.packetgrid.grid.result.ElementFlows;
import io.packetgrid.grid.result.GridResults;
import io.packetgrid.grid.series.Simulation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * InvControl (InvControl.pas) on a one-line feeder solved by hand: a PV at the end of a 0.5 + j0.5
 * ohm line from a stiff source injects S = P + jQ, so its voltage solves {@code V = Vs + Z conj(S/V)};
 * the control's operating point is where that meets its curve, found here by a damped fixed point on
 * those two equations alone. The control stops within its tolerances (VarChangeTolerance 0.025 pu of
 * the available kvar, ActivePChangeTolerance 0.01 pu of Pmpp), which bound the comparison.
 */
class InverterControlTest {
    static final String FEEDER = "New Circuit.pv basekv=0.4 pu=1.0 phases=3 bus1=src MVAsc3=1e6 MVAsc1=1e6\n"
            + "New Line.l bus1=src.1 bus2=b.1 phases=1 r1=0.5 x1=0.5 r0=0.5 x0=0.5 c1=0 c0=0 length=1 units=km\n"
            + "New XYCurve.vv npts=4 Yarray=[1 1 -1 -1] Xarray=[0.5 0.95 1.05 1.5]\n"
            + "New XYCurve.vw npts=3 Yarray=[1 1 0.2] Xarray=[1.0 1.02 1.10]\n";

    static Simulation run(Path dir, String script) {
        DssInterpreter dss = new DssInterpreter(null);
        dss.runText(FEEDER + script + "Set voltagebases=[0.4]\nCalcvoltagebases\nSet maxcontroliter=100\nSolve\n", dir, "inv.dss");
        return dss.simulation();
    }

    /** The PV bus voltage for an injection of p + jq (W, var) with source voltage vs (real, volts): V = Vs + Z conj(S/V). */
    static double[] busVoltage(double vsr, double vsi, double p, double q) {
        double vr = vsr;
        double vi = vsi;
        for (int k = 0; k < 200; k++) {
            double m2 = vr * vr + vi * vi;
            double ir = (p * vr + q * vi) / m2;      // conj(S/V) = (P - jQ) / conj(V)... current injected into the bus
            double ii = (p * vi - q * vr) / m2;
            vr = vsr + 0.5 * ir - 0.5 * ii;
            vi = vsi + 0.5 * ii + 0.5 * ir;
        }
        return new double[] {vr, vi};
    }

    static double[] sourceVoltage(Simulation sim) {
        double[] v = new double[2];
        sim.solver().voltage(sim.network().node("src", 1), v);
        return v;
    }

    static double[] pvPower(Simulation sim) {
        double[] s = ElementFlows.terminalPowers(sim.solver(), GridResults.element(sim.network(), "PVSystem.pv"));
        return new double[] {-s[0], -s[1]};   // injected
    }

    @Test
    void voltVarSettlesOnTheCurve(@TempDir Path dir) {
        Simulation sim = run(dir, "New PVSystem.pv phases=1 bus1=b.1 kV=0.23 kVA=10 Pmpp=8 irradiance=1 pf=1\n"
                + "New InvControl.ic DERList=[PVSystem.pv] mode=VOLTVAR vvc_curve1=vv\n");
        XyCurve vv = new XyCurve("vv", new double[] {0.5, 0.95, 1.05, 1.5}, new double[] {1, 1, -1, -1});
        double[] vs = sourceVoltage(sim);
        double p = 8000;
        double headroom = 6000;          // sqrt(10^2 - 8^2) kvar available (VARAVAL)
        double q = 0;
        for (int k = 0; k < 500; k++) {
            double[] v = busVoltage(vs[0], vs[1], p, q);
            double qCurve = vv.yAt(Math.hypot(v[0], v[1]) / 230.0) * headroom;
            q += 0.3 * (qCurve - q);
        }
        double[] s = pvPower(sim);
        assertEquals(p, s[0], 1e-6, "watts unchanged by volt-var");
        assertEquals(q, s[1], 0.025 * headroom, "within VarChangeTolerance of the curve");
        assertEquals(q, s[1], 0.02 * headroom, "in fact well within it");
        assertTrue(q < -3000, "absorbing at 1.03 pu: " + q);
    }

    @Test
    void voltWattLimitsThePower(@TempDir Path dir) {
        Simulation sim = run(dir, "New PVSystem.pv phases=1 bus1=b.1 kV=0.23 kVA=12 Pmpp=10 irradiance=1 pf=1\n"
                + "New InvControl.ic DERList=[PVSystem.pv] mode=VOLTWATT voltwatt_curve=vw\n");
        XyCurve vw = new XyCurve("vw", new double[] {1.0, 1.02, 1.10}, new double[] {1, 1, 0.2});
        double[] vs = sourceVoltage(sim);
        double p = 10000;
        for (int k = 0; k < 500; k++) {
            double[] v = busVoltage(vs[0], vs[1], p, 0);
            double pCurve = Math.min(10000, vw.yAt(Math.hypot(v[0], v[1]) / 230.0) * 10000);
            p += 0.3 * (pCurve - p);
        }
        double[] s = pvPower(sim);
        assertEquals(p, s[0], 0.01 * 10000, "within ActivePChangeTolerance of the curve");
        assertTrue(s[0] < 9000, "curtailed: " + s[0]);
        assertEquals(0.0, s[1], 1e-6);
    }

    @Test
    void voltVarAndVoltWattTogether(@TempDir Path dir) {
        Simulation sim = run(dir, "New PVSystem.pv phases=1 bus1=b.1 kV=0.23 kVA=10 Pmpp=10 irradiance=1 pf=1\n"
                + "New InvControl.ic DERList=[PVSystem.pv] CombiMode=VV_VW vvc_curve1=vv voltwatt_curve=vw\n");
        XyCurve vv = new XyCurve("vv", new double[] {0.5, 0.95, 1.05, 1.5}, new double[] {1, 1, -1, -1});
        XyCurve vw = new XyCurve("vw", new double[] {1.0, 1.02, 1.10}, new double[] {1, 1, 0.2});
        double[] vs = sourceVoltage(sim);
        double p = 10000;
        double q = 0;
        for (int k = 0; k < 2000; k++) {
            double[] v = busVoltage(vs[0], vs[1], p, q);
            double vpu = Math.hypot(v[0], v[1]) / 230.0;
            // reactive priority within the kVA: Q on the curve of the available kvar, P limited by the curve and the kVA left
            double head = Math.sqrt(Math.max(0, 1e8 - p * p));
            double qCurve = vv.yAt(vpu) * (head == 0 ? 10000 : head);
            double pCurve = Math.min(vw.yAt(vpu) * 10000, Math.sqrt(1e8 - qCurve * qCurve));
            q += 0.1 * (qCurve - q);
            p += 0.1 * (pCurve - p);
        }
        double[] s = pvPower(sim);
        assertTrue(Math.hypot(s[0], s[1]) <= 10000 + 1e-6, "within the kVA");
        assertEquals(p, s[0], 0.02 * 10000, "watts near the combined operating point");
        assertEquals(q, s[1], 0.05 * 10000, "vars near the combined operating point");
    }

    /** Output rules of PVSystem.pas ComputeInverterPower; Vmaxpu 1.5 keeps the injection at constant power on this feeder. */
    @Test
    void pvOutputFollowsOpenDssInverterRules(@TempDir Path dir) {
        // kVA binds with reactive priority (default): Q = P tan(acos 0.9) = 4.843 kvar, P = sqrt(10^2 - Q^2)
        Simulation q = run(dir, "New PVSystem.pv phases=1 bus1=b.1 kV=0.23 kVA=10 Pmpp=10 irradiance=1 pf=0.9 Vmaxpu=1.5\n");
        double qExpected = 10 * Math.tan(Math.acos(0.9));
        assertEquals(Math.sqrt(100 - qExpected * qExpected), pvPower(q)[0] / 1000, 1e-9);
        assertEquals(qExpected, pvPower(q)[1] / 1000, 1e-9);
        // PFPriority: kW = kVA pf, kvar = kVA sqrt(1 - pf^2)
        Simulation pf = run(dir, "New PVSystem.pv phases=1 bus1=b.1 kV=0.23 kVA=10 Pmpp=10 irradiance=1 pf=0.9 PFPriority=yes "
                + "Vmaxpu=1.5\n");
        assertEquals(9.0, pvPower(pf)[0] / 1000, 1e-9);
        assertEquals(10 * Math.sqrt(1 - 0.81), pvPower(pf)[1] / 1000, 1e-9);
        // %Pmpp caps the output; the P-T curve and the efficiency curve scale it: 10 x 0.8 (irr) x 0.9 (40 C) x 0.95 (eff at 0.72 pu)
        Simulation t = run(dir, "New XYCurve.pt npts=2 Xarray=[25 75] Yarray=[1.0 0.6]\n"
                + "New XYCurve.eff npts=2 Xarray=[0 1] Yarray=[0.95 0.95]\n"
                + "New PVSystem.pv phases=1 bus1=b.1 kV=0.23 kVA=10 Pmpp=10 irradiance=0.8 Temperature=37.5 P-TCurve=pt "
                + "EffCurve=eff pf=1\n");
        assertEquals(10 * 0.8 * 0.9 * 0.95, pvPower(t)[0] / 1000, 1e-9);
        Simulation cap = run(dir, "New PVSystem.pv phases=1 bus1=b.1 kV=0.23 kVA=10 Pmpp=10 %Pmpp=60 irradiance=1 pf=1\n");
        assertEquals(6.0, pvPower(cap)[0] / 1000, 1e-9);
    }

    @Test
    void cutInAndCutOutHaveHysteresis(@TempDir Path dir) {
        // kVA 10: cut-in 3 kW, cut-out 2 kW. Panel 2.5, 1.5, 2.5, 3.5 kW over four hours: on, off, stays off, on
        DssInterpreter dss = new DssInterpreter(null);
        dss.runText(FEEDER + "New Loadshape.irr npts=4 interval=1 mult=[0.25 0.15 0.25 0.35]\n"
                + "New PVSystem.pv phases=1 bus1=b.1 kV=0.23 kVA=10 Pmpp=10 irradiance=1 %cutin=30 %cutout=20 daily=irr\n"
                + "New Monitor.p PVSystem.pv mode=1 ppolar=no\n"
                + "Set mode=daily number=4 stepsize=1h\nSolve\n", dir, "cut.dss");
        double[] expected = {2.5, 0, 0, 3.5};
        for (int h = 0; h < 4; h++) {
            assertEquals(-expected[h], dss.monitor("p").rows().get(h)[2], 1e-5, "hour " + (h + 1));
        }
    }

    @Test
    void theControlTurnsOffPowerFactorPriorityOutsideVoltWatt(@TempDir Path dir) {
        Simulation sim = run(dir, "New PVSystem.pv phases=1 bus1=b.1 kV=0.23 kVA=10 Pmpp=8 PFPriority=yes pf=1\n"
                + "New InvControl.ic mode=VOLTVAR vvc_curve1=vv\n");
        InvControl ic = (InvControl) sim.controls().get(0);
        assertEquals(1, ic.ders().size(), "an empty DER list takes every PV system and storage");
        assertTrue(ic.ders().get(0) instanceof PvSystem);
    }
}
