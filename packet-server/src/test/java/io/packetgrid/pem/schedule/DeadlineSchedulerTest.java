package io.packetgrid.pem.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The scheduler on hand-built instances (known optimum, known infeasible) and against exhaustive search. */
class DeadlineSchedulerTest {
    static final long H = 3_600_000_000_000L;

    @Test
    void twoSlotsPvThenCheapImport() {
        // slot 0: 5 kW of PV at 0.05/kWh, import at 0.30; slot 1: no PV, import at 0.10. A: 6 kWh over both slots at up to
        // 5 kW; B: 3 kWh in slot 0. Optimum (by hand): B takes 3 of the PV, A the other 2 and 4 of slot 1's import:
        // 5·0.05 + 4·0.10 = 0.65 (A at 5 kW in slot 1 instead leaves PV unused and pays 0.70; import in slot 0, 0.30, never pays)
        SlotGrid grid = new SlotGrid(0, H, 2);
        List<Supply> tiers = List.of(new Supply("pv", new double[] {5, 0}, new double[] {0.05, 0.05}),
                new Supply("import", new double[] {10, 10}, new double[] {0.30, 0.10}));
        Plan p = DeadlineScheduler.plan(grid, tiers, null, List.of(new Job(1, 6, 5, 0, 2 * H), new Job(2, 3, 5, 0, H)));
        assertTrue(p.feasible());
        assertEquals(0.65, p.cost(), 1e-9);
        assertArrayEquals(new double[] {2, 4}, p.energyKwh()[0], 1e-9);
        assertArrayEquals(new double[] {3, 0}, p.energyKwh()[1], 1e-9);
        assertArrayEquals(new double[] {5, 0}, p.drawnKwh()[0], 1e-9);
        assertArrayEquals(new double[] {0, 4}, p.drawnKwh()[1], 1e-9);
        assertEquals(4.0, p.powerKw(0, 1), 1e-9);
    }

    @Test
    void moreEnergyThanTheWindowCanHoldIsInfeasible() {
        SlotGrid grid = new SlotGrid(0, H, 1);
        // supply 4 kW for an hour, 5 kWh wanted: 1 kWh unmet
        Plan short1 = DeadlineScheduler.plan(grid, List.of(Supply.flat("import", 1, 4, 0.1)), null, List.of(new Job(1, 5, 10, 0, H)));
        assertFalse(short1.feasible());
        assertEquals(1.0, short1.unmetKwh(), 1e-9);
        // plenty of supply, but 6 kWh at most 5 kW in one hour: 1 kWh unmet (the job's own rate)
        Plan short2 = DeadlineScheduler.plan(grid, List.of(Supply.flat("import", 1, 100, 0.1)), null, List.of(new Job(1, 6, 5, 0, H)));
        assertEquals(1.0, short2.unmetKwh(), 1e-9);
        // a window of 30 minutes inside the slot holds 2.5 kWh at 5 kW
        Plan half = DeadlineScheduler.plan(grid, List.of(Supply.flat("import", 1, 100, 0.1)), null,
                List.of(new Job(1, 2.5, 5, H / 2, H)));
        assertTrue(half.feasible());
        assertEquals(0.25, half.cost(), 1e-12);
    }

    @Test
    void twoEvsThatFitOnlyInDeadlineOrder() {
        // Horn's example shape: one 4 kW supply over three hours; X needs 4 kWh by 1 h, Y 8 kWh by 3 h, both at up to 4 kW:
        // only X first then Y fits (12 kWh in 12 kWh of supply); a third job of 0.5 kWh makes it infeasible
        SlotGrid grid = new SlotGrid(0, H, 3);
        List<Supply> s = List.of(Supply.flat("grid", 3, 4, 0.2));
        Plan ok = DeadlineScheduler.plan(grid, s, null, List.of(new Job(1, 8, 4, 0, 3 * H), new Job(2, 4, 4, 0, H)));
        assertTrue(ok.feasible());
        assertArrayEquals(new double[] {0, 4, 4}, ok.energyKwh()[0], 1e-9);
        assertArrayEquals(new double[] {4, 0, 0}, ok.energyKwh()[1], 1e-9);
        Plan no = DeadlineScheduler.plan(grid, s, null, List.of(new Job(1, 8, 4, 0, 3 * H), new Job(2, 4, 4, 0, H),
                new Job(3, 0.5, 4, 0, 3 * H)));
        assertEquals(0.5, no.unmetKwh(), 1e-9);
    }

    @Test
    void theCheapestStartOfAProgrammeOnTheSupplyLeft() {
        // a 1-hour programme (2 kW, 15 min steps: 2, 0.15, 0.15, 2) startable from 20:00 to finish by 23:00 on hourly slots
        // 20-21-22-23 with import at 0.30, 0.10, 0.20: the cheapest start is 21:00 (cost 1.075·0.10)
        SlotGrid grid = new SlotGrid(20 * H, H, 3);
        List<Supply> s = List.of(new Supply("import", new double[] {10, 10, 10}, new double[] {0.30, 0.10, 0.20}));
        double[][] fixed = new double[1][3];
        double[] prog = {2, 0.15, 0.15, 2};
        DeadlineScheduler.Placement p = DeadlineScheduler.placeProgramme(grid, s, fixed, prog, H / 4, 20 * H, 23 * H);
        assertNotNull(p);
        assertEquals(21 * H, p.startNs());
        assertEquals(1.075 * 0.10, p.cost(), 1e-12);
        assertArrayEquals(new double[] {0, 1.075, 0}, fixed[0], 1e-12);
        // with only 1 kW importable nothing fits (its 2 kW steps)
        assertNull(DeadlineScheduler.placeProgramme(grid, List.of(Supply.flat("import", 3, 1, 0.1)), new double[1][3], prog, H / 4,
                20 * H, 23 * H));
    }

    /**
     * Against exhaustive search: integer instances (kWh per hour slot) whose optimum over integer allocations is the
     * optimum of the flow (integral capacities give an integral optimal flow, so enumeration in 1 kWh steps is exact).
     */
    @Test
    void equalsExhaustiveSearchOnSmallIntegerInstances() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(15L);
        int checked = 0;
        for (int round = 0; round < 300; round++) {
            int n = 3;
            double[] cap = new double[n];
            double[] price = new double[n];
            for (int t = 0; t < n; t++) {
                cap[t] = rng.nextInt(5);
                price[t] = 1 + rng.nextInt(4);
            }
            Job a = new Job(1, rng.nextInt(5), 1 + rng.nextInt(3), 0, (1 + rng.nextInt(3)) * H);
            int ra = rng.nextInt(3);
            Job b = new Job(2, rng.nextInt(5), 1 + rng.nextInt(3), ra * H, (ra + 1 + rng.nextInt(3 - ra)) * H);
            Plan p = DeadlineScheduler.plan(new SlotGrid(0, H, n), List.of(new Supply("s", cap, price)), null, List.of(a, b));
            double best = exhaustive(cap, price, a, b);
            if (Double.isNaN(best)) {
                assertFalse(p.feasible(), "round " + round);
            } else {
                assertTrue(p.feasible(), "round " + round);
                assertEquals(best, p.cost(), 1e-9, "round " + round);
                checked++;
            }
        }
        assertTrue(checked > 50, checked + " feasible instances");
    }

    private static double exhaustive(double[] cap, double[] price, Job a, Job b) {
        double best = Double.NaN;
        int[] x = new int[3];
        int[] y = new int[3];
        for (int code = 0; code < 6 * 6 * 6 * 6 * 6 * 6; code++) {
            int c = code;
            for (int t = 0; t < 3; t++) {
                x[t] = c % 6;
                c /= 6;
            }
            for (int t = 0; t < 3; t++) {
                y[t] = c % 6;
                c /= 6;
            }
            if (!fits(x, a) || !fits(y, b)) {
                continue;
            }
            double cost = 0;
            boolean ok = true;
            for (int t = 0; t < 3; t++) {
                ok &= x[t] + y[t] <= cap[t];
                cost += (x[t] + y[t]) * price[t];
            }
            if (ok && (Double.isNaN(best) || cost < best)) {
                best = cost;
            }
        }
        return best;
    }

    private static boolean fits(int[] x, Job j) {
        int sum = 0;
        for (int t = 0; t < 3; t++) {
            boolean in = t * H >= j.earliestNs() && (t + 1) * H <= j.deadlineNs();
            if (x[t] > (in ? j.maxKw() : 0)) {
                return false;
            }
            sum += x[t];
        }
        return sum == j.energyKwh();
    }
}
