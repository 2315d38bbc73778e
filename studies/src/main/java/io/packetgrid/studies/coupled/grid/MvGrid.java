package io.packetgrid.studies.coupled.grid;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.federate.GridFederate;
import io.packetgrid.grid.federate.GridFederateConfig;
import io.packetgrid.grid.federate.LoadInput;
import io.packetgrid.pem.sim.DeviceFleetFederate;
import io.packetgrid.studies.coupled.household.FeederPlan;
import io.packetgrid.studies.coupled.household.Household;
import io.packetgrid.studies.coupled.sim.GridViewInput;
import io.packetgrid.studies.coupled.scenario.GridLimitsSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * An MV network's power flow in a variant's federation: one power flow per grid step over the whole
 * network, as three federates: {@code mv/loads} ({@link LoadPublisher} over every LV feeder's fleet),
 * grid-model's {@link GridFederate} {@code mv/grid} (it solves, with the zone transformer's tap changer
 * acting in time mode, and publishes every load's voltage) and {@code mv/record} ({@link MvRecorder}:
 * each LV feeder's series, the MV series, and what the servers see of the grid).
 */
public final class MvGrid {
    /** The federates' common prefix. */
    public static final String NAME = "mv";

    private final LoadPublisher loads;
    private final GridFederate grid;
    private final MvRecorder recorder;
    private final List<GridSeries> series;
    private final MvSeries mvSeries;
    private final MvNetwork mv;

    /**
     * @param fleets         per LV feeder (plan order) its fleet's name, household power and household loads
     * @param feeder         a solvable copy of the whole network (its network is rebuilt by the caller)
     * @param gridAware      whether the servers are grid-aware (they read the sensitivities and MV rates)
     */
    public MvGrid(List<LoadPublisher.Fleet> fleets, Feeder feeder, FeederTemplate template, long gridStepNs, int steps,
                  int observeStep, GridLimitsSpec limits, boolean gridAware) {
        MvNetwork mv = template.mv();
        this.mv = mv;
        int[] shape = new int[template.loads().size()];
        for (int l = 0; l < shape.length; l++) {
            shape[l] = l;
        }
        this.series = new ArrayList<>();
        List<LoadPublisher.Fleet> withSeries = new ArrayList<>();
        List<int[]> householdLoads = new ArrayList<>();
        for (int f = 0; f < fleets.size(); f++) {
            LoadPublisher.Fleet fl = fleets.get(f);
            GridSeries g = MvRecorder.seriesFor(mv.structure().feeders().get(f), steps, fl.householdLoad().length);
            series.add(g);
            withSeries.add(new LoadPublisher.Fleet(fl.fleetName(), fl.household(), fl.householdLoad(), g));
            householdLoads.add(fl.householdLoad());
        }
        this.mvSeries = new MvSeries(steps);
        String loadsName = NAME + "/loads";
        this.loads = new LoadPublisher(loadsName, withSeries, template, shape, gridStepNs);
        List<String> names = new ArrayList<>();
        for (FeederTemplate.LoadInfo l : template.loads()) {
            names.add(l.name());
        }
        // no sensitivity matrix among all loads (it would be loads x loads): the recorder publishes one per LV feeder
        this.grid = new GridFederate(feeder, new GridFederateConfig(NAME + "/grid", gridStepNs, NAME + "/grid", names,
                LoadPublisher.kwName(loadsName), LoadPublisher.kvarName(loadsName), LoadInput.REPLACE, List.of(loadsName), 0, 0.0));
        this.recorder = new MvRecorder(NAME + "/record", grid, mv, householdLoads, series, mvSeries, gridStepNs, observeStep, limits, gridAware);
    }

    /**
     * LV feeder f's grid view for its server: its households' voltages and sensitivities, its
     * transformer's loading, and the substation and MV voltage as shared upstream assets.
     */
    public GridViewInput view(int f, FeederPlan plan, DeviceFleetFederate fleet) {
        int[] phases = new int[plan.households().size()];
        for (Household h : plan.households()) {
            phases[h.index()] = h.phase();
        }
        return GridViewInput.ofMvFeeder(loadVoltageKey(), recorder.sensitivityKey(f), recorder.transformerKey(), recorder.assetsKey(), f,
                fleet.pointPowerKey(), fleet.meterKey(), phases, plan.householdLoads(), loadCount(), mv.structure().feeders().get(f).kva());
    }

    public List<Federate> federates() {
        return List.of(loads, grid, recorder);
    }

    /** The federate after which the servers step (it publishes their grid values). */
    public String recorderName() {
        return recorder.name();
    }

    public GridFederate grid() {
        return grid;
    }

    public MvRecorder recorder() {
        return recorder;
    }

    /** Every load's voltage (pu of 230 V for LV loads), template load order. */
    public ValueKey<double[]> loadVoltageKey() {
        return grid.loadVoltageKey();
    }

    public int loadCount() {
        return grid.config().loads().size();
    }

    /** LV feeder f's series. */
    public GridSeries series(int f) {
        return series.get(f);
    }

    public MvSeries mvSeries() {
        return mvSeries;
    }
}
