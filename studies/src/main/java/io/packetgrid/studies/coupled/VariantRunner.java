package io.packetgrid.studies.coupled;

import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.kernel.ProgressListener;
import io.packetgrid.cosim.kernel.RunReport;
import io.packetgrid.cosim.message.FixedDelayNetwork;
import io.packetgrid.cosim.message.IdealNetwork;
import io.packetgrid.cosim.message.Network;
import io.packetgrid.cosim.record.CsvRecorder;
import io.packetgrid.cosim.record.Recorder;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.pem.policy.AggregateEstimator;
import io.packetgrid.pem.policy.CommunityRules;
import io.packetgrid.pem.policy.EventEstimator;
import io.packetgrid.pem.policy.Fairness;
import io.packetgrid.pem.policy.GridGate;
import io.packetgrid.pem.policy.GridLimits;
import io.packetgrid.pem.policy.MeasuredEstimator;
import io.packetgrid.pem.policy.PolicyMode;
import io.packetgrid.pem.policy.RampLimiter;
import io.packetgrid.pem.policy.SiteMeasurements;
import io.packetgrid.pem.policy.TargetSignal;
import io.packetgrid.pem.policy.TrackingPolicy;
import io.packetgrid.pem.policy.TrackingRule;
import io.packetgrid.pem.sim.DeviceFleetFederate;
import io.packetgrid.pem.sim.MeterInput;
import io.packetgrid.pem.sim.PacketServerFederate;
import io.packetgrid.pem.sim.ServerInputs;
import io.packetgrid.radio.network.RadioConfig;
import io.packetgrid.radio.network.RadioNetwork;
import io.packetgrid.radio.network.RadioStatistics;
import io.packetgrid.studies.coupled.grid.FeederGrid;
import io.packetgrid.studies.coupled.grid.FeederTemplate;
import io.packetgrid.studies.coupled.household.FeederPlan;
import io.packetgrid.studies.coupled.household.Household;
import io.packetgrid.studies.coupled.scenario.CommunitySpec;
import io.packetgrid.studies.coupled.scenario.CoupledScenario;
import io.packetgrid.studies.coupled.scenario.DeviceType;
import io.packetgrid.studies.coupled.scenario.GridLimitsSpec;
import io.packetgrid.studies.coupled.scenario.NetworkSpec;
import io.packetgrid.studies.coupled.scenario.PemSpec;
import io.packetgrid.studies.coupled.scenario.VariantSpec;
import io.packetgrid.studies.coupled.sim.FeederFleet;
import io.packetgrid.studies.coupled.sim.FleetResults;
import io.packetgrid.studies.coupled.sim.GridViewInput;
import io.packetgrid.studies.coupled.sim.LedgerPolicy;
import io.packetgrid.studies.coupled.sim.RadioDeployment;
import io.packetgrid.studies.coupled.sim.SiteInput;
import io.packetgrid.studies.coupled.sim.StepAfter;
import io.packetgrid.studies.coupled.sim.TrafficMeter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Wires and runs one variant: per feeder a household fleet (packet-server's device fleet, see
 * {@link FeederFleet}), a grid federate (after the fleet) and,
 * under PEM, a packet server (after both), all feeders in one federation so that the kernel steps the
 * feeders' federates of a layer in parallel; one network (radio, ideal or fixed) carries every
 * request, event and reply.
 */
public final class VariantRunner {
    private final CoupledScenario s;
    private final FeederTemplate template;
    private final List<FeederPlan> plans;

    public VariantRunner(CoupledScenario scenario, FeederTemplate template, List<FeederPlan> plans) {
        this.s = scenario;
        this.template = template;
        this.plans = List.copyOf(plans);
    }

    public int deviceSteps() {
        return (int) (s.duration().ns() / s.deviceStep().ns());
    }

    public int gridSteps() {
        return (int) (s.duration().ns() / s.gridStep().ns()) + 1;
    }

    /** The feeder's base load at each device step (the grid step it falls in), kW. */
    public double[] baseKw(FeederPlan plan) {
        int n = deviceSteps();
        double[] out = new double[n];
        long per = s.gridStep().ns() / s.deviceStep().ns();
        for (int k = 0; k < n; k++) {
            int g = (int) (k / per);
            double sum = 0;
            for (Household h : plan.households()) {
                sum += template.baseKw(h.shapeLoad(), g);
            }
            out[k] = sum;
        }
        return out;
    }

    /**
     * Runs a variant.
     *
     * @param feeders    one solvable feeder per plan (rebuilt here: a fresh solver state), or null for a run without grid
     * @param baselines  per feeder the baseline variant's flexible power (for a baseline target), or null
     * @param eventsDir  where {@code events.csv} goes (null: nowhere)
     */
    public VariantResult run(VariantSpec v, List<Feeder> feeders, List<double[]> baselines, Path eventsDir, int threads,
                             ProgressListener progress) {
        boolean withGrid = feeders != null;
        long dt = s.deviceStep().ns();
        int dSteps = deviceSteps();
        int gSteps = gridSteps();
        int observeStep = (int) ((s.observeFrom().ns() + s.gridStep().ns() - 1) / s.gridStep().ns());
        List<DeviceFleetFederate> fleets = new ArrayList<>();
        List<FeederGrid> grids = new ArrayList<>();
        List<PacketServerFederate> servers = new ArrayList<>();
        List<LedgerPolicy> ledgers = new ArrayList<>();
        List<List<String>> endpoints = new ArrayList<>();
        for (int f = 0; f < plans.size(); f++) {
            FeederPlan plan = plans.get(f);
            DeviceFleetFederate fleet = FeederFleet.build(plan, v.pem(), s.pem(), dt, s.observeFrom().ns(), s.start().seconds(),
                    s.outputs().deviceEvents());
            fleets.add(fleet);
            endpoints.add(fleet.endpoints());
            FeederGrid grid = null;
            if (withGrid) {
                Feeder feeder = feeders.get(f);
                feeder.simulation().rebuildNetwork();
                grid = new FeederGrid(plan.name(), plan.fleetName(), FeederFleet.householdKwKey(plan), feeder,
                        template, plan.householdLoads(), plan.loadShape(), s.gridStep().ns(), gSteps, observeStep, s.gridLimits(), true);
                grids.add(grid);
            }
            if (v.pem()) {
                servers.add(server(v, plan, fleet, grid, baselines == null ? null : baselines.get(f), ledgers));
            }
        }
        Federation fed = new Federation();
        fleets.forEach(fed::add);
        grids.forEach(g -> fed.addAll(g.federates()));
        servers.forEach(fed::add);
        NetworkSpec net = v.network() != null ? v.network() : s.network();
        TrafficMeter[] meter = new TrafficMeter[1];
        RadioNetwork[] radio = new RadioNetwork[1];
        if (v.pem()) {
            RadioConfig rc = net.model() == NetworkSpec.Model.RADIO ? RadioDeployment.complete(s.radio(), plans, endpoints) : null;
            fed.network(streams -> {
                Network inner = switch (net.model()) {
                    case IDEAL -> new IdealNetwork();
                    case FIXED -> new FixedDelayNetwork(net.delay().ns(), net.loss(), streams.stream("network"));
                    case RADIO -> radio[0] = new RadioNetwork(rc, streams);
                };
                return meter[0] = new TrafficMeter(inner, s.observeFrom().ns(), s.duration().ns());
            });
        }
        Recorder recorder = eventsDir == null ? Recorder.discard() : new CsvRecorder(eventsDir);
        RunReport report;
        try {
            report = fed.recorder(recorder).progress(progress)
                    .run(new KernelOptions(s.seed(), s.duration().ns(), Math.max(1, threads), 100));
        } finally {
            recorder.close();
        }
        List<FeederRun> runs = new ArrayList<>();
        for (int f = 0; f < plans.size(); f++) {
            FeederPlan plan = plans.get(f);
            FleetResults fleet = FleetResults.of(fleets.get(f), FeederFleet.types(plan), dSteps);
            double[] target = io.packetgrid.studies.coupled.target.Targets.offline(s, plan.households().size(),
                    baselines == null ? null : baselines.get(f), fleet.pvKw(), baseKw(plan), dSteps);
            PacketServerFederate server = v.pem() ? servers.get(f) : null;
            runs.add(new FeederRun(plan, fleet, withGrid ? grids.get(f).series() : null,
                    server == null ? List.of() : server.trace(), server == null ? null : server.policy().stats(),
                    server == null ? 0 : ledgers.get(f).accepted(), server == null ? 0 : ledgers.get(f).acceptedKwh(), target));
        }
        RadioStatistics rs = radio[0] == null ? null : radio[0].statistics();
        return new VariantResult(v, runs, meter[0], rs, report);
    }

    /** The result with every feeder's target evaluated against these baselines (for variants run before them). */
    public VariantResult withTargets(VariantResult r, List<double[]> baselines) {
        List<FeederRun> runs = new ArrayList<>();
        for (int f = 0; f < r.feeders().size(); f++) {
            FeederRun x = r.feeders().get(f);
            double[] target = io.packetgrid.studies.coupled.target.Targets.offline(s, x.plan().households().size(),
                    baselines == null ? null : baselines.get(f), x.fleet().pvKw(), baseKw(x.plan()), deviceSteps());
            runs.add(new FeederRun(x.plan(), x.fleet(), x.grid(), x.serverTrace(), x.stats(), x.ledgerAccepted(),
                    x.ledgerKwh(), target));
        }
        return new VariantResult(r.spec(), runs, r.traffic(), r.radio(), r.report());
    }

    private PacketServerFederate server(VariantSpec v, FeederPlan plan, DeviceFleetFederate fleet, FeederGrid grid,
                                        double[] baseline, List<LedgerPolicy> ledgers) {
        PemSpec p = s.pem();
        int n = plan.households().size();
        SiteMeasurements site = new SiteMeasurements();
        TargetSignal target = io.packetgrid.studies.coupled.target.Targets.online(s, n, baseline, site);
        List<ServerInputs> inputs = new ArrayList<>();
        List<String> after = new ArrayList<>();
        after.add(plan.fleetName());
        if (grid != null) {
            after.add(plan.gridName());
        }
        inputs.add(new StepAfter(after));
        AggregateEstimator estimator;
        if (p.estimator() == PemSpec.Estimator.MEASURED) {
            MeasuredEstimator m = new MeasuredEstimator();
            inputs.add(new MeterInput(m, fleet.meterKey()));
            estimator = m;
        } else {
            estimator = new EventEstimator(0);
        }
        double[] base = baseKw(plan);
        long dt = s.deviceStep().ns();
        inputs.add(new SiteInput(site, fleet.meterKey(), now -> base[(int) Math.min(base.length - 1, now / dt)]));
        TrackingPolicy.Builder b = TrackingPolicy.builder().target(target).estimator(estimator)
                .rule(p.rule() == PemSpec.Rule.RELAY ? TrackingRule.RELAY : TrackingRule.HALF_PACKET)
                .nominalKw(p.nominalKw())
                .mode(v.mode() == VariantSpec.Mode.ACCEPT_ALL ? PolicyMode.ACCEPT_ALL : PolicyMode.TRACK)
                .rules(rules(s.community(), n));
        if (p.rampKwPerMin() > 0) {
            b.ramp(RampLimiter.perMinute(p.rampKwPerMin(), s.deviceStep().seconds()));
        }
        if (v.gridAware() && grid != null) {
            GridLimitsSpec g = s.gridLimits();
            int[] phases = new int[n];
            for (Household h : plan.households()) {
                phases[h.index()] = h.phase();
            }
            GridViewInput view = new GridViewInput(grid.loadVoltageKey(), grid.sensitivityKey(), grid.transformerKey(),
                    fleet.pointPowerKey(), fleet.meterKey(), phases, grid.householdLoad(), grid.loadCount(), transformerKva(grid));
            b.gate(new GridGate(new GridLimits(g.vMinPu() + g.gateMarginPu(), g.vMaxPu() - g.gateMarginPu(),
                    g.transformerMaxPct() / 100, g.directional(), g.predictive()), view));
            inputs.add(view);
        }
        LedgerPolicy ledger = new LedgerPolicy(b.build());
        ledgers.add(ledger);
        return new PacketServerFederate(plan.serverName(), plan.serverName(), ledger,
                ServerInputs.of(inputs.toArray(new ServerInputs[0])), dt);
    }

    private static double transformerKva(FeederGrid grid) {
        double kva = 0;
        for (var d : grid.grid().feeder().network().deliveries()) {
            if (d instanceof io.packetgrid.grid.model.Transformer t) {
                kva = Math.max(kva, t.winding(0).kva());
            }
        }
        return kva > 0 ? kva : Double.POSITIVE_INFINITY;
    }

    static CommunityRules rules(CommunitySpec c, int households) {
        List<io.packetgrid.pem.packet.DeviceClass> order = new ArrayList<>();
        for (DeviceType t : c.order()) {
            order.add(t.deviceClass());
        }
        Map<io.packetgrid.pem.packet.DeviceClass, Double> caps = new EnumMap<>(io.packetgrid.pem.packet.DeviceClass.class);
        c.classCapKwPerHousehold().forEach((t, kw) -> caps.put(t.deviceClass(), kw * households));
        return new CommunityRules(order, caps, c.fairness() == CommunitySpec.Fairness.LONGEST_WAITING
                ? Fairness.LONGEST_WAITING : Fairness.ARRIVAL);
    }
}
