package io.packetgrid.studies.coupled.internet;

import io.packetgrid.pem.device.OnSiteGeneration;
import io.packetgrid.pem.forecast.ForecastErrorModel;
import io.packetgrid.pem.internet.EnergyInternetServer;
import io.packetgrid.pem.internet.GateHeadroom;
import io.packetgrid.pem.policy.CommunityRules;
import io.packetgrid.pem.policy.EmergencyMode;
import io.packetgrid.pem.policy.GridGate;
import io.packetgrid.pem.policy.StorageView;
import io.packetgrid.pem.sim.DeviceFleetFederate;
import io.packetgrid.pem.sim.ServerInputs;
import io.packetgrid.pem.sim.ServiceServerFederate;
import io.packetgrid.studies.coupled.household.FeederPlan;
import io.packetgrid.studies.coupled.household.Household;
import io.packetgrid.studies.coupled.inputs.StudyInputs;
import io.packetgrid.studies.coupled.scenario.CoupledScenario;
import io.packetgrid.studies.coupled.scenario.InternetSpec;
import io.packetgrid.studies.coupled.sim.FeederFleet;
import java.util.ArrayList;
import java.util.List;

/**
 * A feeder's Energy-Internet server in a coupled run ({@code control: energy_internet}): packet-server's
 * {@link EnergyInternetServer} in its {@link ServiceServerFederate} at the endpoint {@code <feeder>/eis},
 * behind the same network as the PEM server (the radio carries every request, reply and command), stepped
 * after the fleet and the grid at every device step. It plans the feeder's deadline devices on
 * {@link FeederForecast}'s supply (forecast local surplus and import up to the feeder's limit, priced), caps
 * flexible allocations by the grid's headroom at each household (its own grid gate over the grid-aware
 * server's view, {@link GateHeadroom}), balances with the measured local generation, and in an island serves
 * basic needs only when the community battery runs low (its own {@link EmergencyMode}). The PEM devices of
 * the same variant keep the feeder's import under the same limit in real time (their server's target).
 */
public final class InternetServer {
    private final ServiceServerFederate federate;
    private final FeederForecast forecast;
    private final EnergyInternetServer server;

    private InternetServer(ServiceServerFederate federate, FeederForecast forecast, EnergyInternetServer server) {
        this.federate = federate;
        this.forecast = forecast;
        this.server = server;
    }

    /**
     * @param baseKw    the feeder's base load per device step, kW
     * @param gate      a grid gate of the server's own over the feeder's grid view (network congestion), or null
     * @param gridInputs what refreshes that view (and the island's storage), or null
     * @param after     the federates it steps after at equal times (fleet, grid)
     */
    public static InternetServer build(CoupledScenario s, FeederPlan plan, DeviceFleetFederate fleet, StudyInputs inputs,
                                       double[] baseKw, GridGate gate, ServerInputs gridInputs, List<String> after,
                                       EmergencyMode emergency, StorageView storage, CommunityRules rules) {
        InternetSpec spec = s.energyInternet();
        long dt = s.deviceStep().ns();
        int steps = baseKw.length;
        double startClockS = s.start().seconds();
        double[] net = new double[steps];
        List<OnSiteGeneration> gen = new ArrayList<>();
        for (Household h : plan.households()) {
            if (h.pv() != null) {
                gen.add(h.pv());
            }
        }
        for (int k = 0; k < steps; k++) {
            double g = 0;
            for (OnSiteGeneration o : gen) {
                g += o.powerKw(startClockS + k * dt / 1e9);
            }
            net[k] = g - baseKw[k];
        }
        int agents = fleet.agents().size();
        FleetPowers powers = new FleetPowers(fleet.devicePowerKey(), fleet.meterKey(), agents, dt,
                (int) Math.max(1, 3_600_000_000_000L / dt));
        double importLimit = spec.importLimitKwPerHousehold() * plan.households().size();
        FeederForecast forecast = new FeederForecast(net, dt, new ForecastErrorModel(spec.forecast().rmseKw(),
                spec.forecast().correlation().seconds()), importLimit, inputs, powers::pemMeanKw, s.seed(),
                "coupled/" + plan.name() + "/forecast");
        EnergyInternetServer eis = new EnergyInternetServer(new EnergyInternetServer.Config(spec.slot().ns(), spec.horizonSlots(),
                spec.replan().ns()), forecast, new io.packetgrid.cosim.random.RandomStreams(s.seed())
                .stream("coupled/" + plan.name() + "/energy_internet"));
        if (gate != null) {
            eis.congestion(new GateHeadroom(gate));
        }
        if (emergency != null) {
            eis.emergency(emergency, rules, storage);
        }
        List<ServerInputs> in = new ArrayList<>();
        in.add(new io.packetgrid.studies.coupled.sim.StepAfter(after));
        in.add(powers);
        if (gridInputs != null) {
            in.add(gridInputs);
        }
        // balancing: the local supply beyond the plan now (measured generation minus base load, against the forecast)
        ServiceServerFederate fed = new ServiceServerFederate(plan.name() + "/eis", FeederFleet.serviceEndpoint(plan), eis, dt, t -> {
            double f = forecast.latestKw(t);
            if (Double.isNaN(f)) {
                return 0;
            }
            double actual = powers.generationKw() - baseKw[(int) Math.min(steps - 1, t / dt)];
            return actual - f;
        }, ServerInputs.of(in.toArray(new ServerInputs[0])));
        return new InternetServer(fed, forecast, eis);
    }

    public ServiceServerFederate federate() {
        return federate;
    }

    public FeederForecast forecast() {
        return forecast;
    }

    public EnergyInternetServer server() {
        return server;
    }
}
