package io.packetgrid.studies.coupled.der;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.federate.DerBinding;
import io.packetgrid.grid.federate.DerInstrument;
import io.packetgrid.pem.policy.CurtailmentTarget;
import io.packetgrid.pem.policy.InverterMeasurements;
import io.packetgrid.pem.policy.TargetSignal;
import io.packetgrid.pem.sim.DeviceFleetFederate;
import io.packetgrid.pem.sim.ServerInputs;
import io.packetgrid.studies.coupled.grid.FeederGrid;
import io.packetgrid.studies.coupled.grid.FeederTemplate;
import io.packetgrid.studies.coupled.household.FeederPlan;
import io.packetgrid.studies.coupled.household.Household;
import io.packetgrid.studies.coupled.scenario.CoupledScenario;
import io.packetgrid.studies.coupled.scenario.InverterSpec;
import java.util.List;

/**
 * One feeder's inverter-based resources in a variant's run ({@code inverters:}), wired through grid-model's API: a
 * fresh feeder copy with the households' PV systems and inverter control ({@link HouseholdInverters}), the inputs
 * federate ({@link DerInputs}: devices-only household loads, PV irradiance, storage schedules), grid-model's
 * {@link DerInstrument} on the feeder's grid federate (it applies those inputs before each solution, moves the stored
 * energy on and publishes the inverters' power and limits), the recorder of what they did ({@link DerRecorder}) and,
 * for a grid-aware server, the inverters' view ({@link InverterInput}) and target ({@link CurtailmentTarget}).
 */
public final class FeederDer {
    private final InverterSpec spec;
    private final FeederPlan plan;
    private final Feeder feeder;
    private final DerInputs inputs;
    private final List<Household> pvHouseholds;
    private final long gridStepNs;
    private final int steps;
    private final int observeStep;
    private DerInstrument instrument;
    private DerRecorder recorder;

    private FeederDer(InverterSpec spec, FeederPlan plan, Feeder feeder, DerInputs inputs, List<Household> pvHouseholds,
                      long gridStepNs, int steps, int observeStep) {
        this.spec = spec;
        this.plan = plan;
        this.feeder = feeder;
        this.inputs = inputs;
        this.pvHouseholds = pvHouseholds;
        this.gridStepNs = gridStepNs;
        this.steps = steps;
        this.observeStep = observeStep;
    }

    /** The feeder's resources for one run, or null when the scenario has no {@code inverters:} section. */
    public static FeederDer of(CoupledScenario s, FeederTemplate template, FeederPlan plan, DeviceFleetFederate fleet, int gridSteps,
                               int observeStep) {
        InverterSpec inv = s.inverters();
        if (inv == null) {
            return null;
        }
        Feeder f = HouseholdInverters.feeder(inv, template, plan, "inverters");
        List<Household> pv = inv.householdPv() == InverterSpec.HouseholdPv.PVSYSTEM ? HouseholdInverters.withPv(plan) : List.of();
        DerInputs in = new DerInputs(plan, fleet.devicePowerKey(), householdOfDevice(fleet), pv, inv.storage(), s.gridStep().ns(), gridSteps,
                s.start().seconds(), s::hourOfDay);
        return new FeederDer(inv, plan, f, in, pv, s.gridStep().ns(), gridSteps, observeStep);
    }

    /** The household (layout point) of each entry of the fleet's {@code device_p_kw}: its agents, then its deadline devices. */
    static int[] householdOfDevice(DeviceFleetFederate fleet) {
        List<io.packetgrid.pem.packet.ConnectionPoint> points = fleet.layout().points();
        int n = fleet.agents().size();
        int[] out = new int[n + fleet.serviceAgents().size()];
        for (int i = 0; i < n; i++) {
            out[i] = points.indexOf(fleet.agents().get(i).at());
        }
        for (int i = 0; i < fleet.serviceAgents().size(); i++) {
            out[n + i] = points.indexOf(fleet.serviceAgents().get(i).at());
        }
        return out;
    }

    /**
     * Checks the section against a feeder copy built for the first plan (PV systems at the households' buses, storage
     * units in the script), before anything runs.
     */
    public static void check(CoupledScenario s, FeederTemplate template, List<FeederPlan> plans, String source) {
        if (s.inverters() != null && template.mv() != null) {
            throw new PacketGridException(source + ": inverters", "not available on an MV network (feeder.mv) yet: "
                    + "model the PV inverters and storage in the network's own script instead");
        }
        if (s.inverters() != null && !plans.isEmpty()) {
            HouseholdInverters.feeder(s.inverters(), template, plans.get(0), source + ": inverters");
        }
    }

    /** The feeder to solve in this run (instead of a pooled copy). */
    public Feeder feeder() {
        return feeder;
    }

    public DerInputs inputs() {
        return inputs;
    }

    /** What the feeder's load publisher steps after. */
    public String loadsAfter() {
        return inputs.name();
    }

    /** The households' power for the load publisher: devices alone when the PV is a PV system, else the fleet's. */
    public ValueKey<double[]> householdKey(ValueKey<double[]> fleetHouseholdKey) {
        return spec.householdPv() == InverterSpec.HouseholdPv.PROFILE ? fleetHouseholdKey : inputs.householdKey();
    }

    /** Puts the DER instrument on the feeder's grid federate; PV off while islanded unless it rides through. */
    public void bind(FeederGrid grid, boolean pvOffWhileIslanded) {
        List<String> pvNames = pvHouseholds.stream().map(HouseholdInverters::pvName).toList();
        List<String> units = spec.storage().stream().map(InverterSpec.StorageDispatch::unit).toList();
        instrument = new DerInstrument(feeder, new DerBinding(plan.name() + "/der", pvNames, units,
                inputs.irradianceKey().name(), null, inputs.storageKey().name()));
        grid.grid().instrument(instrument);
        if (pvOffWhileIslanded && grid.grid().microgrid() != null) {
            inputs.pvOffWhile(grid.grid().islandKey("islanded"));
        }
        recorder = new DerRecorder(plan.name() + "/der_record", grid.gridName(), instrument, pvNames.size(), units.size(), gridStepNs,
                steps, observeStep);
    }

    public DerRecorder recorder() {
        return recorder;
    }

    /** Whether the server has PV inverters to see. */
    public boolean hasPv() {
        return !pvHouseholds.isEmpty();
    }

    /** The server's view of the inverters (added to its inputs) and its target raised by their curtailment. */
    public TargetSignal curtailmentTarget(TargetSignal base, List<ServerInputs> inputs) {
        InverterMeasurements m = new InverterMeasurements();
        inputs.add(new InverterInput(m, instrument.key("pv_available_kw"), instrument.key("pv_kw")));
        return new CurtailmentTarget(base, m);
    }
}
