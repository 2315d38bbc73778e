package io.packetgrid.pem.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Mean draw flows against hand-computed overlaps and against a direct sum over every event. */
class HotWaterDrawsTest {

    @Test
    void meanFlowIsTheOverlapWeightedFlowOverTheInterval() {
        // 6 L/min from 100 s to 200 s, 12 L/min from 150 s to 160 s
        HotWaterDraws d = new HotWaterDraws(new double[] {100, 150}, new double[] {200, 160}, new double[] {6, 12});
        assertEquals(0.0, d.meanFlowLpm(0, 10));
        assertEquals(0.0, d.meanFlowLpm(90, 10));            // ends where the draw starts
        assertEquals(6 * 5 / 10.0, d.meanFlowLpm(95, 10));   // half the interval
        assertEquals(6.0, d.meanFlowLpm(110, 10));
        assertEquals((6 * 10 + 12 * 5) / 10.0, d.meanFlowLpm(155, 10));
        assertEquals(6 * 5 / 10.0, d.meanFlowLpm(195, 10));
        assertEquals(0.0, d.meanFlowLpm(200, 10));
        assertEquals(6 * 5 / 10.0, d.meanFlowLpm(95, 10));   // asked backwards: starts over
    }

    @Test
    void everyControlStepOfADayMatchesADirectSumBitForBit() {
        // the quiet stretches are answered without reading the events: the same numbers as a sum over all of them
        for (long seed = 1; seed <= 20; seed++) {
            org.apache.commons.rng.UniformRandomProvider r = RandomSource.SPLIT_MIX_64.create(seed);
            int n = 1 + r.nextInt(30);
            double[][] ev = new double[3][n];
            double start = 0;
            for (int i = 0; i < n; i++) { // sorted by start as the generator makes them, some long, some overlapping
                start += r.nextDouble() * 5000;
                ev[0][i] = start;
                ev[1][i] = start + (i % 7 == 0 ? 3600 : 10 + r.nextDouble() * 1200);
                ev[2][i] = 1 + 29 * r.nextDouble();
            }
            HotWaterDraws d = new HotWaterDraws(ev[0], ev[1], ev[2]);
            int nonZero = 0;
            for (double t = 0; t < 86_400; t += 10) {
                double dt = t % 70 == 0 ? 3 : 10; // also a step cut short (a reply between control steps)
                double expected = direct(ev, t, dt);
                double got = d.meanFlowLpm(t, dt);
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got), "seed " + seed + " t " + t);
                nonZero += got > 0 ? 1 : 0;
                if (dt != 10) {
                    assertEquals(direct(ev, t + dt, 10 - dt), d.meanFlowLpm(t + dt, 10 - dt));
                }
            }
            assertEquals(true, nonZero > 0);
        }
    }

    @Test
    void aTankAnsweringQuietStepsItselfHeatsBitForBitAsOneAskingTheDrawsEveryStep() {
        // the tank keeps the draws' quiet time: its temperature after every step is that of the physics fed with a
        // direct sum over every event, on, off, with steps cut short, and after a step backwards
        WaterHeaterParams params = WaterHeaterParams.tpwrs2020();
        for (long seed = 1; seed <= 10; seed++) {
            double[][] ev = events(seed);
            HotWaterDraws draws = new HotWaterDraws(ev[0], ev[1], ev[2]);
            WaterHeater tank = new WaterHeater(params, draws, 50);
            double expected = 50;
            int quiet = 0;
            for (double t = 0; t < 86_400; t += 10) {
                double dt = t % 70 == 0 ? 3 : 10;
                double p = expected < 52 ? 4.5 : 0;
                double flow = direct(ev, t, dt);
                quiet += flow == 0 ? 1 : 0;
                expected = WaterHeaterPhysics.step(params, expected, p > 0, flow, dt);
                tank.advance(t, dt, p);
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(tank.state()), "seed " + seed + " t " + t);
                if (dt != 10) {
                    expected = WaterHeaterPhysics.step(params, expected, false, direct(ev, t + dt, 10 - dt), 10 - dt);
                    tank.advance(t + dt, 10 - dt, 0);
                    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(tank.state()));
                }
            }
            assertEquals(true, quiet > 4000, "quiet steps " + quiet);
            for (double t : new double[] {3_000, 40_000, 80_000}) { // backwards: the draws start over, the answers stay
                expected = WaterHeaterPhysics.step(params, expected, false, direct(ev, t, 600), 600);
                tank.advance(t, 600, 0);
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(tank.state()));
            }
        }
    }

    /** About one draw an hour over a day, sorted by start, some an hour long, some overlapping. */
    private static double[][] events(long seed) {
        org.apache.commons.rng.UniformRandomProvider r = RandomSource.SPLIT_MIX_64.create(seed);
        int n = 10 + r.nextInt(20);
        double[][] ev = new double[3][n];
        double start = 0;
        for (int i = 0; i < n; i++) {
            start += r.nextDouble() * 6000;
            ev[0][i] = start;
            ev[1][i] = start + (i % 7 == 0 ? 3600 : 10 + r.nextDouble() * 1200);
            ev[2][i] = 1 + 29 * r.nextDouble();
        }
        return ev;
    }

    /** Σ flow × overlap over every event (those that do not overlap add nothing), divided by the interval. */
    private static double direct(double[][] ev, double t, double dt) {
        double sum = 0;
        for (int i = 0; i < ev[0].length; i++) {
            double a = Math.max(t, ev[0][i]);
            double b = Math.min(t + dt, ev[1][i]);
            if (b > a) {
                sum += ev[2][i] * (b - a);
            }
        }
        return sum / dt;
    }
}
