package io.packetgrid.grid.mvlv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.result.NodeVoltage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small integrated MV–LV network checked by hand: a 66 kV source behind its impedance, a 66/11 kV
 * zone transformer, two 11 kV line sections, two 11/0.4 kV distribution transformers and three balanced
 * constant-power loads on two LV feeders (one with an LV line). Balanced and without shunts, the network
 * is its positive-sequence per-phase equivalent, solved here by a backward/forward sweep in per unit
 * (1 MVA base; each transformer's %R and %X on its own rating, lines in ohms over the level's base) —
 * an independent calculation of every bus voltage, the losses, how one LV feeder's load moves the MV
 * voltage at the other feeder's transformer, and the MV rate dV/dP a study's servers are given. The
 * transformers' anti-float shunt is switched off ({@code ppm_antifloat=0}): OpenDSS's default 1 ppm
 * moves the far LV bus by 1e-7 pu, which the per-phase equivalent does not hold.
 */
class MvLvHandCalculationTest {

    static final String SCRIPT = """
            clear
            Set DefaultBaseFrequency=50
            New Circuit.hand bus1=sourcebus basekv=66 pu=1.0 phases=3 R1=0.5 X1=2.0 R0=0.5 X0=2.0
            New Transformer.zone phases=3 windings=2 buses=[sourcebus mv] conns=[wye wye] kVs=[66 11] kVAs=[10000 10000] xhl=8 %Rs=[0.4 0.4] ppm_antifloat=0
            New Line.m1 bus1=mv bus2=n1 phases=3 r1=0.3 x1=0.4 r0=0.3 x0=0.4 c1=0 c0=0 length=2 units=km
            New Line.m2 bus1=n1 bus2=n2 phases=3 r1=0.3 x1=0.4 r0=0.3 x0=0.4 c1=0 c0=0 length=3 units=km
            New Transformer.t1 phases=3 windings=2 buses=[n1 lv1] conns=[wye wye] kVs=[11 0.4] kVAs=[400 400] xhl=4 %Rs=[0.6 0.6] ppm_antifloat=0
            New Transformer.t2 phases=3 windings=2 buses=[n2 lv2] conns=[wye wye] kVs=[11 0.4] kVAs=[630 630] xhl=5 %Rs=[0.5 0.5] ppm_antifloat=0
            New Line.l2 bus1=lv2 bus2=lv2b phases=3 r1=0.2 x1=0.08 r0=0.2 x0=0.08 c1=0 c0=0 length=0.15 units=km
            New Load.a bus1=lv1 phases=3 kV=0.4 kW=250 kvar=80 model=1 vminpu=0.5 vmaxpu=1.5
            New Load.b bus1=lv2b phases=3 kV=0.4 kW=400 kvar=120 model=1 vminpu=0.5 vmaxpu=1.5
            New Load.c bus1=lv2 phases=3 kV=0.4 kW=100 kvar=30 model=1 vminpu=0.5 vmaxpu=1.5
            Set voltagebases=[66 11 0.4]
            Calcvoltagebases
            Set tolerance=1e-10 maxiterations=100
            Solve
            """;

    // buses of the per-phase equivalent, parent first
    static final String[] BUS = {"sourcebus", "mv", "n1", "lv1", "n2", "lv2", "lv2b"};
    static final int[] PARENT = {-1, 0, 1, 2, 2, 4, 5};

    /** Series impedance into each bus from its parent, pu on 1 MVA; index 0: the source's own impedance. */
    static double[][] impedances() {
        double z66 = 66.0 * 66.0;
        double z11 = 11.0 * 11.0;
        double z04 = 0.4 * 0.4;
        return new double[][] {
            {0.5 / z66, 2.0 / z66},
            {0.008 / 10, 0.08 / 10},             // %R 0.4 + 0.4, X 8 % on 10 MVA
            {0.6 / z11, 0.8 / z11},              // 2 km of 0.3 + j0.4 ohm/km
            {0.012 / 0.4, 0.04 / 0.4},           // on 400 kVA
            {0.9 / z11, 1.2 / z11},
            {0.010 / 0.63, 0.05 / 0.63},         // on 630 kVA
            {0.03 / z04, 0.012 / z04},           // 150 m of 0.2 + j0.08 ohm/km
        };
    }

    /** The per-phase equivalent solved by a backward/forward sweep: {|V| per bus, losses in the network (pu)}. */
    static double[][] sweep(double[][] load) {
        double[][] z = impedances();
        int n = BUS.length;
        double[] vr = new double[n];
        double[] vi = new double[n];
        java.util.Arrays.fill(vr, 1.0);
        double[] ir = new double[n];
        double[] ii = new double[n];
        for (int it = 0; it < 200; it++) {
            for (int b = 0; b < n; b++) {     // load currents conj(S / V)
                double m2 = vr[b] * vr[b] + vi[b] * vi[b];
                ir[b] = (load[b][0] * vr[b] + load[b][1] * vi[b]) / m2;
                ii[b] = (load[b][0] * vi[b] - load[b][1] * vr[b]) / m2;
            }
            for (int b = n - 1; b > 0; b--) {     // branch currents, children before parents
                ir[PARENT[b]] += ir[b];
                ii[PARENT[b]] += ii[b];
            }
            double er = 1.0;     // the source's EMF, 1 pu at angle 0
            double ei = 0.0;
            for (int b = 0; b < n; b++) {
                double pr = b == 0 ? er : vr[PARENT[b]];
                double pi = b == 0 ? ei : vi[PARENT[b]];
                vr[b] = pr - (z[b][0] * ir[b] - z[b][1] * ii[b]);
                vi[b] = pi - (z[b][0] * ii[b] + z[b][1] * ir[b]);
            }
        }
        double[] mag = new double[n];
        double losses = 0;
        for (int b = 0; b < n; b++) {
            mag[b] = Math.hypot(vr[b], vi[b]);
            if (b > 0) {
                losses += z[b][0] * (ir[b] * ir[b] + ii[b] * ii[b]);
            }
        }
        return new double[][] {mag, {losses}};
    }

    static double hand0() {
        return sweep(loads(0))[0][4];
    }

    static double[][] loads(double extraBKw) {
        double[][] s = new double[BUS.length][2];
        s[3] = new double[] {0.250, 0.080};
        s[5] = new double[] {0.100, 0.030};
        s[6] = new double[] {0.400 + extraBKw / 1000, 0.120};
        return s;
    }

    static Feeder feeder(Path dir) throws Exception {
        Path script = dir.resolve("Master.dss");
        Files.writeString(script, SCRIPT);
        return Feeder.load(script);
    }

    @Test
    void everyBusVoltageAndTheLossesAsTheHandSweep(@TempDir Path dir) throws Exception {
        Feeder f = feeder(dir);
        f.solve();
        double[][] hand = sweep(loads(0));
        List<NodeVoltage> vs = f.voltages();
        for (int b = 0; b < BUS.length; b++) {
            int phases = 0;
            for (NodeVoltage v : vs) {
                if (v.bus().toLowerCase(Locale.ROOT).equals(BUS[b]) && v.node() >= 1 && v.node() <= 3) {
                    assertEquals(hand[0][b], v.vmagPu(), 1e-9, BUS[b] + "." + v.node());
                    phases++;
                }
            }
            assertEquals(3, phases, BUS[b]);
        }
        assertEquals(750.0, f.loadsPowerKw()[0], 1e-6, "constant-power loads");
        assertEquals(hand[1][0] * 1000, f.lossesKw(), 1e-6 * 1000, "losses in lines and transformers (kW)");
        double[] src = f.sourcePowerKw();
        assertEquals(f.loadsPowerKw()[0] + f.lossesKw(), src[0], 1e-6 * src[0], "energy balance");
    }

    @Test
    void oneLvFeedersLoadMovesTheMvVoltageAtTheOther(@TempDir Path dir) throws Exception {
        Feeder f = feeder(dir);
        MvLvStructure s = MvLvStructure.of(f, null, "test");
        assertEquals("Transformer.zone", s.substation());
        assertEquals(10_000, s.substationKva(), 0);
        assertEquals(2, s.feeders().size());
        assertEquals(List.of("a"), s.feeders().get(0).loads());
        assertEquals(List.of("b", "c"), s.feeders().get(1).loads().stream().sorted().toList());
        assertEquals(List.of("lv2", "lv2b"), s.feeders().get(1).buses().stream().sorted().toList());
        assertEquals(9, s.mvNodes().length, "mv, n1, n2: three phases each");
        f.solve();
        double n1Before = MvLvStructure.meanMvPu(f, s.feeders().get(0));
        f.setLoadPower("b", 600, 120);
        f.solve();
        double n1After = MvLvStructure.meanMvPu(f, s.feeders().get(0));
        double[] h0 = sweep(loads(0))[0];
        double[] h1 = sweep(loads(200))[0];
        assertEquals(h0[2], n1Before, 1e-9);
        assertEquals(h1[2], n1After, 1e-9, "feeder 2's 200 kW more lowers feeder 1's MV node");
        assertTrue(h0[2] - h1[2] > 1e-4, "a visible coupling: " + (h0[2] - h1[2]));
    }

    @Test
    void mvRateIsTheHandFiniteDifference(@TempDir Path dir) throws Exception {
        Feeder f = feeder(dir);
        MvLvStructure s = MvLvStructure.of(f, null, "test");
        f.solve();
        // 40 kW more spread over feeder 2's two loads (20 kW each), kvar unchanged
        double rate = s.mvRatePuPerKw(f, 1, List.of("b", "c"), 40.0);
        double[][] more = loads(0);
        more[5][0] += 0.020;
        more[6][0] += 0.020;
        double hand = (sweep(more)[0][4] - sweep(loads(0))[0][4]) / 40.0;
        assertEquals(hand, rate, 1e-9, "pu per kW at n2");
        // and the loads are back where they were
        assertEquals(400, f.loadPower("b")[0], 1e-12);
        // both LV feeders at once (10 kW on feeder 1's load a): each against its own finite difference
        double[] rates = s.mvRatesPuPerKw(f, List.of(List.of("a"), List.of("b", "c")), new double[] {10.0, 40.0});
        double[][] moreA = loads(0);
        moreA[3][0] += 0.010;
        assertEquals((sweep(moreA)[0][2] - sweep(loads(0))[0][2]) / 10.0, rates[0], 1e-9, "pu per kW at n1");
        assertEquals(hand, rates[1], 1e-9, "pu per kW at n2");
        assertEquals(hand0(), MvLvStructure.meanMvPu(f, s.feeders().get(1)), 1e-9, "solved back at the loads' own powers");
    }
}
