package io.packetgrid.grid.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.result.ElementFlows;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fault currents and voltages on a small feeder (source, Dyn transformer, line) against hand calculations
 * by symmetrical components, for every fault type, bolted and through a fault resistance; each fault both
 * through {@link FaultAnalysis} and as an OpenDSS {@code New Fault} solved by the power flow.
 *
 * <h2>The feeder</h2>
 * 11 kV source with R1 + jX1 = 0.5 + j2.0 Ω, R0 + jX0 = 1.5 + j6.0 Ω; transformer 400 kVA, 11/0.416 kV,
 * delta–grounded wye, %R = 0.5 per winding, XHL = 4 %, no magnetising branch, no anti-float susceptance;
 * line 0.2 km with R1 + jX1 = 0.2 + j0.08 Ω/km, R0 + jX0 = 0.8 + j0.3 Ω/km; fault at the line end B3.
 * No loads, so the pre-fault voltage at B3 is the source's, scaled by the turns ratio.
 *
 * <h2>Hand calculation (LV side, ohms)</h2>
 * <pre>
 * Source positive sequence referred to LV: (0.416/11)^2 = 1.430215e-3
 *   Z1s = (0.5 + j2.0) · 1.430215e-3 = 7.15107e-4 + j2.860430e-3
 *   (the source's zero sequence does not pass the delta winding)
 * Transformer on its base Zb = 0.416^2 / 0.4 = 0.43264 Ω:
 *   ZT = (0.01 + j0.04) · 0.43264 = 4.32640e-3 + j1.730560e-2   (positive = negative = zero sequence:
 *   the grounded wye and the delta give zero-sequence current a path through the leakage impedance)
 * Line: Z1L = (0.2 + j0.08) · 0.2 = 0.04 + j0.016;  Z0L = (0.8 + j0.3) · 0.2 = 0.16 + j0.06
 * Z1 = Z2 = Z1s + ZT + Z1L = 0.04504151 + j0.03616603
 * Z0      = ZT + Z0L       = 0.16432640 + j0.07730560
 * Vf = 416 / √3 = 240.17771 V
 *
 * Three phase (each phase through Rf to ground, or to a star):  |I| = Vf / |Z1 + Rf|
 * Single line to ground:  I0 = I1 = I2 = Vf / (Z1 + Z2 + Z0 + 3 Rf);  |Ia| = 3 |I0|
 *   Vb = V0 + a² V1 + a V2 with V0 = −Z0 I0, V1 = Vf − Z1 I1, V2 = −Z2 I2
 * Line to line (Rf between b and c):  I1 = −I2 = Vf / (Z1 + Z2 + Rf);  |Ib| = |Ic| = √3 |I1|
 * Double line to ground (Rf in b and in c to ground): Rf adds to every sequence impedance,
 *   I1 = Vf / (Z1 + Rf + (Z2 + Rf)(Z0 + Rf)/(Z2 + Z0 + 2 Rf)),
 *   I2 = −I1 (Z0 + Rf)/(Z2 + Z0 + 2 Rf),  I0 = −I1 (Z2 + Rf)/(Z2 + Z0 + 2 Rf),
 *   Ib = I0 + a² I1 + a I2,  Ic = I0 + a I1 + a² I2
 * </pre>
 * Worked numbers (Rf = 0.0001 Ω is OpenDSS's "bolted" r=0; Rf = 0.05 Ω):
 * <pre>
 *                         Rf = 0.0001        Rf = 0.05
 * 3ph  |I|                4152.281 A         2361.860 A
 * SLG  |Ia|               2439.078 A         1670.973 A
 *      |Vb|, |Vc|         289.695, 317.492   280.801, 283.111 V
 * LL   |Ib| = |Ic|        3598.408 A         2638.669 A
 *      |Va|               240.178 V          240.178 V
 * DLG  |Ib|, |Ic|         3862.147, 3524.011 2153.903, 2136.326 A
 *      |3 I0|             1716.199 A         1292.758 A
 *      |Va|               311.821 V          294.544 V
 * </pre>
 * With the Dyn phase shift the phase labels of the LV side keep positive sequence, so the magnitudes hold
 * whatever the angle reference.
 */
class FaultHandCalculationTest {
    static final String SCRIPT = String.join("\n",
            "Clear",
            "Set DefaultBaseFrequency=50",
            "New Circuit.handcalc basekv=11 pu=1.0 phases=3 bus1=src R1=0.5 X1=2.0 R0=1.5 X0=6.0",
            "New Transformer.T1 phases=3 windings=2 buses=[src lv] conns=[delta wye] kVs=[11 0.416] kVAs=[400 400]"
                    + " %Rs=[0.5 0.5] XHL=4 ppm_antifloat=0",
            "New Line.L1 bus1=lv bus2=b3 phases=3 R1=0.2 X1=0.08 R0=0.8 X0=0.3 C1=0 C0=0 length=0.2 units=km",
            "Set voltagebases=[11 0.416]",
            "Calcvoltagebases",
            "Solve",
            "");

    static Path dir;

    @BeforeAll
    static void write(@TempDir Path d) throws Exception {
        dir = d;
        Files.writeString(d.resolve("handcalc.dss"), SCRIPT);
    }

    private static Feeder feeder(String extra) {
        return extra == null ? Feeder.load(dir.resolve("handcalc.dss")) : Feeder.load(dir.resolve("handcalc.dss"), extra + "\nSolve");
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.abs(expected), what);
    }

    @ParameterizedTest(name = "{0} Rf={1}")
    @CsvSource({
        // type, Rf, |I| on each faulted phase (in phase order), |3I0| (NaN = not checked)
        "3phg, 0.0001, 4152.281396575815;4152.281396575815;4152.281396575815, NaN",
        "3phg, 0.05,   2361.860088228397;2361.860088228397;2361.860088228397, NaN",
        "3ph,  0.0001, 4152.281396575815;4152.281396575815;4152.281396575815, NaN",
        "3ph,  0.05,   2361.860088228397;2361.860088228397;2361.860088228397, NaN",
        "slg,  0.0001, 2439.07785011985, 2439.07785011985",
        "slg,  0.05,   1670.972907879359, 1670.972907879359",
        "ll,   0.0001, 3598.408177329339;3598.408177329339, NaN",
        "ll,   0.05,   2638.6688657445675;2638.6688657445675, NaN",
        "dlg,  0.0001, 3862.147045170156;3524.010581559898, 1716.198813039042",
        "dlg,  0.05,   2153.9029429049297;2136.3257839826806, 1292.7576170453258",
    })
    void faultCurrentsMatchSymmetricalComponents(String type, double rf, String currents, double residual) {
        FaultType t = FaultType.byLabel(type);
        int[] phases = t == FaultType.LINE_TO_GROUND ? new int[] {1} : t.phases() == 2 ? new int[] {2, 3} : new int[] {1, 2, 3};
        FaultSpec spec = new FaultSpec("b3", t, phases, rf);
        String[] expected = currents.split(";");

        // 1. superposition on the factorised network
        Feeder f = feeder(null);
        FaultResult r = FaultAnalysis.of(f.simulation()).solve(spec);
        double sr = 0;
        double si = 0;
        for (int i = 0; i < phases.length; i++) {
            close(Double.parseDouble(expected[i]), r.faultCurrentA(i), type + " analysis phase " + phases[i]);
            sr += r.faultCurrent(i)[0];
            si += r.faultCurrent(i)[1];
        }
        if (!Double.isNaN(residual)) {
            close(residual, Math.hypot(sr, si), type + " analysis 3I0");
        }

        // 2. the same fault as an OpenDSS Fault element, solved by the power flow
        Feeder g = feeder(spec.dssCommand("f1"));
        CircuitElement fe = element(g, "Fault.f1");
        double[][] flows = ElementFlows.solve(g.simulation().solver(), fe);
        double[] im = new double[phases.length];
        if (t == FaultType.LINE_TO_LINE) {
            // one resistor from b to c: the current into terminal 1 is Ib, into terminal 2 is Ic
            im[0] = Math.hypot(flows[2][0], flows[3][0]);
            im[1] = Math.hypot(flows[2][1], flows[3][1]);
        } else {
            for (int i = 0; i < phases.length; i++) {
                im[i] = Math.hypot(flows[2][i], flows[3][i]);
            }
        }
        for (int i = 0; i < phases.length; i++) {
            close(Double.parseDouble(expected[i]), im[i], type + " New Fault phase " + phases[i]);
        }
    }

    @ParameterizedTest(name = "{0} Rf={1}")
    @CsvSource({
        // type, Rf, node, expected |V| at b3
        "slg, 0.0001, 2, 289.6951300242973",
        "slg, 0.0001, 3, 317.4920064877525",
        "slg, 0.05,   1, 83.54864539396792",
        "slg, 0.05,   2, 280.8007874275574",
        "slg, 0.05,   3, 283.1111466916323",
        "ll,  0.05,   1, 240.17771198288432",
        "dlg, 0.0001, 1, 311.82060515850213",
        "dlg, 0.05,   1, 294.5444371924198",
    })
    void faultVoltagesMatchSymmetricalComponents(String type, double rf, int node, double expectedV) {
        FaultType t = FaultType.byLabel(type);
        int[] phases = t == FaultType.LINE_TO_GROUND ? new int[] {1} : new int[] {2, 3};
        FaultResult r = FaultAnalysis.of(feeder(null).simulation()).solve(new FaultSpec("b3", t, phases, rf));
        double[] v = r.voltage("b3", node);
        close(expectedV, Math.hypot(v[0], v[1]), type + " |V" + node + "|");
    }

    private static CircuitElement element(Feeder f, String name) {
        for (CircuitElement e : f.network().elements()) {
            if (e.name().equalsIgnoreCase(name)) {
                return e;
            }
        }
        throw new AssertionError("no " + name);
    }

    @org.junit.jupiter.api.Test
    void aFaultAtAMissingBusOrPhaseIsOneClearLine() {
        FaultAnalysis a = FaultAnalysis.of(feeder(null).simulation());
        PacketGridException e = assertThrows(PacketGridException.class, () -> a.solve(FaultSpec.of("nowhere", FaultType.LINE_TO_GROUND, 0)));
        assertEquals("bus nowhere: no such bus in this feeder (fault slg@nowhere.1 r=0.0Ω)", e.userMessage());
        PacketGridException p = assertThrows(PacketGridException.class, () -> a.solve(new FaultSpec("b3", FaultType.LINE_TO_GROUND, new int[] {4}, 0)));
        assertTrue(p.userMessage().startsWith("bus b3: has no node 4"), p.userMessage());
    }

    @org.junit.jupiter.api.Test
    void faultPropertiesFollowOpenDss() {
        // r=0 is 0.0001 ohm; a positive ONtime leaves the fault off in a snapshot; bus2 defaults to ground
        Feeder bolted = feeder("New Fault.f phases=1 bus1=b3.1 r=0");
        Feeder tiny = feeder("New Fault.f phases=1 bus1=b3.1 r=0.0001");
        Feeder later = feeder("New Fault.f phases=1 bus1=b3.1 r=0.05 ONtime=1");
        double a = Math.abs(bolted.voltageRangePu()[0]);
        assertEquals(a, Math.abs(tiny.voltageRangePu()[0]), 1e-12);
        assertEquals(1.0, later.voltageRangePu()[0], 1e-6, "no fault applied");
        // Gmatrix (to ground, bus2 defaulted): [g, -g; -g, g] between b and c is a 1/g resistor from b to c
        Feeder gm = feeder("New Fault.f phases=2 bus1=b3.2.3 Gmatrix=[20 | -20 20]");
        Feeder ll = feeder("New Fault.f phases=1 bus1=b3.2 bus2=b3.3 r=0.05");
        double[] v1 = gm.voltageRangePu();
        double[] v2 = ll.voltageRangePu();
        assertTrue(v1[0] < 0.9, "fault applied");
        assertEquals(v2[0], v1[0], 1e-9);
    }
}
