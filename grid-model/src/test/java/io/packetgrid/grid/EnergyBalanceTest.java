package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.result.FlowSummary;
import io.packetgrid.grid.series.SolveMode;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Conservation of energy on the IEEE European LV feeder over its published day (1440 one-minute
 * steps of the 55 households' yearly shapes, the Master.dss's own load rule): the power the source
 * delivers equals what the loads draw by their own voltage law plus what the lines and the
 * transformer lose, each side computed on its own from the node voltages. The residual is the
 * power flow's convergence error, so it shrinks with the tolerance.
 */
class EnergyBalanceTest {

    /** Largest relative residuals over the day {P, Q}, and the day's energies {source, loads, losses} in kWh. */
    static double[] day(String extra) {
        Path dir = SharedData.shared("feeders/european-lv");
        Feeder f = Feeder.load(dir.resolve("Master.dss"), extra);
        f.setMode(SolveMode.YEARLY);
        FlowSummary s = new FlowSummary();
        double worstP = 0;
        double worstQ = 0;
        double[] kwh = new double[3];
        for (int minute = 1; minute <= 1440; minute++) {
            f.setTimeHours(minute / 60.0);
            f.solve();
            f.summarize(s);
            assertTrue(s.sourceKw() > 1 && s.lossesKw() > 0 && s.loadsKw() > 1, "minute " + minute + ": " + s);
            worstP = Math.max(worstP, Math.abs(s.sourceKw() - s.loadsKw() - s.lossesKw()) / s.sourceKw());
            worstQ = Math.max(worstQ, Math.abs(s.sourceKvar() - s.loadsKvar() - s.lossesKvar()) / Math.abs(s.sourceKvar()));
            kwh[0] += s.sourceKw() / 60;
            kwh[1] += s.loadsKw() / 60;
            kwh[2] += s.lossesKw() / 60;
        }
        System.out.printf(Locale.ROOT, "European LV day (%s): source %.3f kWh = loads %.3f kWh + losses %.3f kWh;"
                + " worst step residual P %.2e, Q %.2e relative%n", extra.strip(), kwh[0], kwh[1], kwh[2], worstP, worstQ);
        return new double[] {worstP, worstQ, kwh[0], kwh[1], kwh[2]};
    }

    @Test
    void sourceEqualsLoadsPlusLossesEveryMinuteAtTightTolerance() {
        double[] r = day("Set tolerance=1e-10 maxiterations=100\n");
        assertTrue(r[0] <= 1e-6, "active power residual " + r[0]);
        assertTrue(r[1] <= 1e-6, "reactive power residual " + r[1]);
        assertEquals(r[2], r[3] + r[4], 1e-6 * r[2]);
    }

    /**
     * At OpenDSS's default tolerance (1e-4 pu change of any node voltage between iterations) the
     * loads' own law at the final voltages differs from the compensation current they were solved
     * with by up to about that much, so the balance closes to about 1e-4 of the load, far inside 0.1 %.
     */
    @Test
    void defaultToleranceClosesFarInsideATenthOfAPercent() {
        double[] r = day("");
        assertTrue(r[0] <= 5e-4, "active power residual " + r[0]);
        assertTrue(r[1] <= 5e-4, "reactive power residual " + r[1]);
        assertEquals(r[2], r[3] + r[4], 1e-4 * r[2]);
    }
}
