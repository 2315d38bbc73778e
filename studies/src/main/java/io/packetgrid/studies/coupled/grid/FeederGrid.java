package io.packetgrid.studies.coupled.grid;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.federate.GridFederate;
import io.packetgrid.grid.federate.GridFederateConfig;
import io.packetgrid.grid.federate.LoadInput;
import io.packetgrid.studies.coupled.detail.FeederDetail;
import io.packetgrid.studies.coupled.scenario.FeederSpec;
import io.packetgrid.grid.federate.SwitchInput;
import io.packetgrid.grid.island.IslandSpec;
import io.packetgrid.studies.coupled.scenario.GridLimitsSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * One feeder's power flow in a variant's federation, as three federates stepped every grid step:
 * {@code <f>/loads} ({@link LoadPublisher}: every load's base load plus its household's devices), grid-model's
 * {@link GridFederate} {@code <f>/grid} (it solves and publishes every load's voltage, the feeder summary and,
 * at the first step, the voltage-sensitivity matrix among the loads) and {@code <f>/record}
 * ({@link GridRecorder}: what the study reports).
 */
public final class FeederGrid {
    private final LoadPublisher loads;
    private final GridFederate grid;
    private final GridRecorder recorder;
    private final GridSeries series;
    private final ConvergenceGuard guard;
    private final int[] householdLoad;
    private final int loadCount;

    /**
     * @param feeder        a solvable copy of the feeder (its network is rebuilt by the caller)
     * @param household     the fleet's per-household device power
     * @param householdLoad the load index of each household
     * @param loadShape     for every load, the load whose base shape it follows
     */
    public FeederGrid(String feederName, String fleetName, ValueKey<double[]> household, Feeder feeder, FeederTemplate template,
                      int[] householdLoad, int[] loadShape, long gridStepNs, int steps, int observeStep, GridLimitsSpec limits,
                      boolean logEvents) {
        this(feederName, fleetName, household, feeder, template, householdLoad, loadShape, gridStepNs, steps, observeStep, limits,
                logEvents, List.of(), null, null, null, FeederSpec.NonConvergence.FAIL);
    }

    /**
     * As above, with elements switched from values and a micro-grid (an island request value, a grid-forming
     * battery) on the grid federate, the feeder's detailed tables and the non-convergence policy.
     *
     * @param detail       the feeder's detailed tables, or null
     * @param householdIds the households' ids in household order (for the detailed tables)
     * @param onNonconvergence what a grid step whose power flow does not converge does
     */
    public FeederGrid(String feederName, String fleetName, ValueKey<double[]> household, Feeder feeder, FeederTemplate template,
                      int[] householdLoad, int[] loadShape, long gridStepNs, int steps, int observeStep, GridLimitsSpec limits,
                      boolean logEvents, List<SwitchInput> switches, IslandSpec island, FeederDetail detail, String[] householdIds,
                      FeederSpec.NonConvergence onNonconvergence) {
        this.householdLoad = householdLoad.clone();
        this.loadCount = template.loads().size();
        this.series = GridRecorder.seriesFor(feeder, steps, householdLoad.length);
        String loadsName = feederName + "/loads";
        this.loads = new LoadPublisher(loadsName, fleetName, household, template, householdLoad, loadShape, gridStepNs, series);
        List<String> names = new ArrayList<>();
        for (FeederTemplate.LoadInfo l : template.loads()) {
            names.add(l.name());
        }
        this.grid = new GridFederate(feeder, new GridFederateConfig(feederName + "/grid", gridStepNs, feederName + "/grid", names,
                LoadPublisher.kwName(loadsName), LoadPublisher.kvarName(loadsName), LoadInput.REPLACE, List.of(loadsName),
                SimTime.NEVER, 0.0, switches, island));
        String[] loadNames = names.toArray(new String[0]);
        this.guard = new ConvergenceGuard(grid, feederName, onNonconvergence);
        this.recorder = new GridRecorder(feederName + "/record", grid, householdLoad, gridStepNs, observeStep, limits, series, logEvents,
                detail, loads, householdIds, loadNames, guard);
    }

    /** The three federates in registration order. */
    public List<Federate> federates() {
        return List.of(loads, guard, recorder);
    }

    public String gridName() {
        return grid.name();
    }

    public GridFederate grid() {
        return grid;
    }

    public GridSeries series() {
        return series;
    }

    /** Every load's voltage (pu of 230 V), load order. */
    public ValueKey<double[]> loadVoltageKey() {
        return grid.loadVoltageKey();
    }

    /** dV_i/dP_j among the loads, pu per kW consumed, row major (load order). */
    public ValueKey<double[]> sensitivityKey() {
        return grid.sensitivityKey();
    }

    public ValueKey<Double> transformerKey() {
        return grid.summaryKey("transformer_loading_pct");
    }

    public int[] householdLoad() {
        return householdLoad.clone();
    }

    public int loadCount() {
        return loadCount;
    }
}
