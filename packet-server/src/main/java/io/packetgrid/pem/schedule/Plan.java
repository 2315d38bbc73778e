package io.packetgrid.pem.schedule;

import java.util.List;

/**
 * A schedule: each job's energy in each slot, what each supply tier gives in each slot, the cost.
 *
 * @param grid      the slots
 * @param jobs      the jobs, in the order of {@code energyKwh}
 * @param energyKwh [job][slot] energy planned, kWh
 * @param drawnKwh  [tier][slot] energy drawn from each supply (jobs and fixed loads), kWh
 * @param unmetKwh  energy no slot could take (0 when feasible), kWh
 * @param cost      Σ price · drawn
 */
public record Plan(SlotGrid grid, List<Job> jobs, double[][] energyKwh, double[][] drawnKwh, double unmetKwh, double cost) {

    /** Every job gets all its energy by its deadline (within a microwatt-hour per job). */
    public boolean feasible() {
        return unmetKwh <= MaxFlow.EPS * Math.max(1, jobs.size()) * 10;
    }

    /** The planned power of job {@code j} in slot {@code t}, kW. */
    public double powerKw(int j, int t) {
        return energyKwh[j][t] / grid.slotH();
    }

    /** Energy planned in slot {@code t} over all jobs, kWh. */
    public double slotKwh(int t) {
        double s = 0;
        for (double[] e : energyKwh) {
            s += e[t];
        }
        return s;
    }
}
