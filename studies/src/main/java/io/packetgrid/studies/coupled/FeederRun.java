package io.packetgrid.studies.coupled;

import io.packetgrid.pem.policy.PolicyStats;
import io.packetgrid.studies.coupled.grid.GridSeries;
import io.packetgrid.studies.coupled.household.FeederPlan;
import io.packetgrid.studies.coupled.internet.ServiceResults;
import io.packetgrid.studies.coupled.sim.FleetResults;
import java.util.List;

/**
 * What one feeder did in one variant.
 *
 * @param grid           the grid federate's series (null in a run without grid)
 * @param serverTrace    the server's {time_s, target_kw, estimate_kw} every device step (empty without server)
 * @param stats          the server's decisions (null without server)
 * @param ledgerAccepted packets the server granted
 * @param ledgerKwh      energy it granted
 * @param targetKw       the target at the start of each device interval
 * @param services       the deadline devices and, under {@code energy_internet}, their server
 */
public record FeederRun(FeederPlan plan, FleetResults fleet, GridSeries grid,
                        List<double[]> serverTrace, PolicyStats stats, long ledgerAccepted, double ledgerKwh, double[] targetKw,
                        ServiceResults services) {

    /** A feeder without deadline devices. */
    public FeederRun(FeederPlan plan, FleetResults fleet, GridSeries grid, List<double[]> serverTrace, PolicyStats stats,
                     long ledgerAccepted, double ledgerKwh, double[] targetKw) {
        this(plan, fleet, grid, serverTrace, stats, ledgerAccepted, ledgerKwh, targetKw, ServiceResults.NONE);
    }
}
