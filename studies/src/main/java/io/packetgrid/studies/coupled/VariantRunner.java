package io.packetgrid.studies.coupled;

import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.kernel.ProgressListener;
import io.packetgrid.cosim.kernel.RunReport;
import io.packetgrid.cosim.message.FixedDelayNetwork;
import io.packetgrid.cosim.message.IdealNetwork;
import io.packetgrid.cosim.message.Network;
import io.packetgrid.cosim.record.CsvRecorder;
import io.packetgrid.studies.coupled.detail.DeviceSampler;
import io.packetgrid.studies.coupled.detail.FeederDetail;
import io.packetgrid.studies.coupled.detail.GzipTable;
import io.packetgrid.studies.coupled.detail.RadioTables;
import io.packetgrid.studies.coupled.detail.StructuredEvents;
import io.packetgrid.studies.coupled.scenario.OutputSpec;
import io.packetgrid.cosim.record.Recorder;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.pem.device.PvProfile;
import io.packetgrid.pem.policy.AggregateEstimator;
import io.packetgrid.pem.policy.CommunityRules;
import io.packetgrid.pem.policy.EventEstimator;
import io.packetgrid.pem.policy.EmergencyMode;
import io.packetgrid.pem.policy.Fairness;
import io.packetgrid.pem.policy.GridGate;
import io.packetgrid.pem.policy.GridLimits;
import io.packetgrid.pem.policy.IslandTarget;
import io.packetgrid.pem.policy.MeasuredEstimator;
import io.packetgrid.pem.policy.PolicyMode;
import io.packetgrid.pem.policy.RampLimiter;
import io.packetgrid.pem.policy.SelfSufficiencyTarget;
import io.packetgrid.pem.policy.SiteMeasurements;
import io.packetgrid.pem.policy.StorageMeasurements;
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
import io.packetgrid.studies.coupled.der.DerResults;
import io.packetgrid.studies.coupled.der.FeederDer;
import io.packetgrid.studies.coupled.events.EventFederate;
import io.packetgrid.studies.coupled.events.EventNetwork;
import io.packetgrid.studies.coupled.events.EventPlan;
import io.packetgrid.studies.coupled.events.EventResults;
import io.packetgrid.studies.coupled.events.IslandInput;
import io.packetgrid.studies.coupled.events.TimelineRecorder;
import io.packetgrid.studies.coupled.grid.FeederGrid;
import io.packetgrid.studies.coupled.grid.FeederTemplate;
import io.packetgrid.studies.coupled.grid.GridSeries;
import io.packetgrid.studies.coupled.grid.LoadPublisher;
import io.packetgrid.studies.coupled.grid.MvGrid;
import io.packetgrid.studies.coupled.household.FeederPlan;
import io.packetgrid.studies.coupled.household.Household;
import io.packetgrid.studies.coupled.inputs.StudyInputs;
import io.packetgrid.studies.coupled.internet.InternetServer;
import io.packetgrid.studies.coupled.internet.ServiceResults;
import io.packetgrid.studies.coupled.scenario.CommunitySpec;
import io.packetgrid.studies.coupled.scenario.CoupledScenario;
import io.packetgrid.studies.coupled.scenario.DeviceType;
import io.packetgrid.studies.coupled.scenario.GridLimitsSpec;
import io.packetgrid.studies.coupled.scenario.NetworkSpec;
import io.packetgrid.studies.coupled.scenario.PemSpec;
import io.packetgrid.studies.coupled.scenario.UserClass;
import io.packetgrid.studies.coupled.scenario.VariantSpec;
import io.packetgrid.studies.coupled.sim.FeederFleet;
import io.packetgrid.studies.coupled.sim.FleetResults;
import io.packetgrid.studies.coupled.sim.GridViewInput;
import io.packetgrid.studies.coupled.sim.LedgerPolicy;
import io.packetgrid.studies.coupled.sim.RadioDeployment;
import io.packetgrid.studies.coupled.sim.SiteInput;
import io.packetgrid.studies.coupled.sim.StepAfter;
import io.packetgrid.studies.coupled.sim.TrafficMeter;
import io.packetgrid.studies.coupled.target.BaselineSeries;
import io.packetgrid.studies.protection.model.ProtectionSystem;
import io.packetgrid.studies.protection.sim.ProtectionCoSimulation;
import io.packetgrid.studies.protection.sim.ProtectionInstrument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private EventPlan events = EventPlan.none();
    private StudyInputs inputs;

    public VariantRunner(CoupledScenario scenario, FeederTemplate template, List<FeederPlan> plans) {
        this.s = scenario;
        this.template = template;
        this.plans = List.copyOf(plans);
        this.inputs = StudyInputs.flat(scenario.inputs());
    }

    /** The study's calendar inputs (prices and forecasts of the Energy-Internet server). */
    public VariantRunner inputs(StudyInputs in) {
        this.inputs = in;
        return this;
    }

    /** The study's time line (checked by {@link EventPlan#of}); its first feeder carries it. */
    public VariantRunner events(EventPlan plan) {
        this.events = plan;
        return this;
    }

    /** Whether the runs carry a time line: events, an island or protection. */
    public boolean timeline() {
        return !events.empty() || s.protection() != null;
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

    /** Runs a variant that produces no baseline for others. */
    public VariantResult run(VariantSpec v, List<Feeder> feeders, List<BaselineSeries> baselines, Path eventsDir, int threads,
                             ProgressListener progress) {
        return run(v, feeders, baselines, null, eventsDir, threads, progress);
    }

    /**
     * Runs a variant.
     *
     * @param feeders    one solvable feeder per plan (rebuilt here: a fresh solver state), or null for a run without grid
     * @param baselines  per feeder the baseline variant's flexible power (for a baseline target; perhaps still being
     *                   produced), or null
     * @param produces   per feeder the series this run produces as it goes (the baseline variant's), or null
     * @param eventsDir  where {@code events.csv} goes (null: nowhere)
     */
    public VariantResult run(VariantSpec v, List<Feeder> feeders, List<BaselineSeries> baselines, List<BaselineSeries> produces,
                             Path eventsDir, int threads, ProgressListener progress) {
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
        boolean mvNetwork = template.mv() != null;
        boolean timeline = timeline() && withGrid && !mvNetwork;
        List<EmergencyMode> emergencies = new ArrayList<>();
        MvGrid mvGrid = null;
        if (withGrid && mvNetwork) {
            // one power flow over the whole network, fed by every LV feeder's fleet
            Feeder feeder = feeders.get(0);
            feeder.dropScript();   // no more commands: the script's definitions and parser state go
            feeder.simulation().rebuildNetwork();
            List<LoadPublisher.Fleet> sources = new ArrayList<>();
            for (FeederPlan plan : plans) {
                sources.add(new LoadPublisher.Fleet(plan.fleetName(), FeederFleet.householdKwKey(plan), plan.householdLoads(), null));
            }
            mvGrid = new MvGrid(sources, feeder, template, s.gridStep().ns(), gSteps, observeStep, s.gridLimits(),
                    v.pem() && v.gridAware());
        }
        List<FeederDer> ders = new ArrayList<>();
        List<InternetServer> internets = new ArrayList<>();
        for (int f = 0; f < plans.size(); f++) {
            FeederPlan plan = plans.get(f);
            DeviceFleetFederate fleet = FeederFleet.build(plan, v.pem(), v.energyInternet(), s.energyInternet().retry().ns(), s.pem(), dt,
                    s.observeFrom().ns(), s.start().seconds(), s.outputs().deviceEvents());
            fleets.add(fleet);
            endpoints.add(fleet.endpoints());
            FeederGrid grid = null;
            // inverters: on a fresh copy with the households' PV systems (no inverter or storage state from another run;
            // refused on an MV network by FeederDer.check)
            FeederDer der = withGrid && !mvNetwork ? FeederDer.of(s, template, plan, fleet, gSteps, observeStep) : null;
            ders.add(der);
            if (withGrid && !mvNetwork) {
                Feeder feeder = der != null ? der.feeder() : feeders.get(f);
                feeder.dropScript();   // no more commands: the script's definitions and parser state go
                feeder.simulation().rebuildNetwork();
                OutputSpec.Detail d = s.outputs().detail();
                FeederDetail detail = eventsDir != null && (d.households() || d.anyNodes())
                        ? new FeederDetail(eventsDir.resolve("detail").resolve("parts"), plan.name(), f == 0, d) : null;
                boolean withEvents = timeline && f == 0;
                grid = new FeederGrid(plan.name(), der != null ? der.loadsAfter() : plan.fleetName(),
                        der != null ? der.householdKey(FeederFleet.householdKwKey(plan)) : FeederFleet.householdKwKey(plan), feeder,
                        template, plan.householdLoads(), plan.loadShape(), s.gridStep().ns(), gSteps, observeStep, s.gridLimits(), true,
                        withEvents ? events.switches() : List.of(), withEvents ? events.island() : null, detail,
                        plan.households().stream().map(io.packetgrid.studies.coupled.household.Household::id).toArray(String[]::new),
                        s.feeder().onNonconvergence());
                grids.add(grid);
                if (der != null) {
                    der.bind(grid, withEvents && s.island() != null && !s.island().pvRideThrough());
                }
                if (timeline && f == 0) {
                    // the households see their supply; PV in an island rides through unless anti-islanding is asked for
                    fleet.supply(grid.grid().energisedKey(), plan.householdLoads());
                    if (s.island() != null && !s.island().pvRideThrough()) {
                        fleet.pvOffWhile(grid.grid().islandKey("islanded"));
                    }
                }
            }
            if (v.pem()) {
                servers.add(server(v, plan, fleet, grid, mvGrid, f, baselines == null ? null : baselines.get(f), ledgers,
                        timeline && f == 0 ? emergencies : null, der));
            }
            if (v.energyInternet()) {
                internets.add(internet(v, plan, fleet, grid, timeline && f == 0));
            }
        }
        Federation fed = new Federation();
        fleets.forEach(fed::add);
        ders.stream().filter(java.util.Objects::nonNull).forEach(d -> fed.add(d.inputs()));
        if (eventsDir != null && s.outputs().detail().devices()) {
            for (int f = 0; f < plans.size(); f++) {
                fed.add(new DeviceSampler(plans.get(f).name(), fleets.get(f), s.gridStep().ns(), s.duration().ns(),
                        s.outputs().detail().stride(), eventsDir.resolve("detail").resolve("parts")
                        .resolve("devices-" + plans.get(f).name() + ".csv.gz"), f == 0));
            }
        }
        grids.forEach(g -> fed.addAll(g.federates()));
        if (mvGrid != null) {
            fed.addAll(mvGrid.federates());
        }
        ders.stream().filter(java.util.Objects::nonNull).forEach(d -> fed.add(d.recorder()));
        servers.forEach(fed::add);
        internets.forEach(i -> fed.add(i.federate()));
        // the time line on the first feeder: its events, its protection, what followed
        ProtectionInstrument instrument = null;
        ProtectionCoSimulation.Federates protection = null;
        TimelineRecorder timelineRecorder = null;
        List<RadioConfig.DeviceConfig> protectionDevices = new ArrayList<>();
        if (timeline) {
            FeederPlan plan = plans.get(0);
            FeederGrid grid = grids.get(0);
            fed.add(new EventFederate(plan.name() + "/events", events));
            if (s.protection() != null) {
                ProtectionSystem sys = bindProtection(grid.grid().feeder());
                List<ProtectionInstrument.ScheduledFault> faults = new ArrayList<>();
                for (EventPlan.Fault f : events.faults()) {
                    faults.add(f.fault());
                }
                PvProfile day = PvProfile.clearSky(1.0, s.devices().pv().sunriseH(), s.devices().pv().sunsetH());
                double startS = s.start().seconds();
                instrument = new ProtectionInstrument(sys, faults, t -> day.powerKw(startS + t / 1e9));
                grid.grid().instrument(instrument);
                protection = ProtectionCoSimulation.federates(sys, grid.gridName());
                protection.all().forEach(fed::add);
                for (int d = 0; d < sys.endpoints().size(); d++) {
                    double[] xy = sys.position(d);
                    protectionDevices.add(new RadioConfig.DeviceConfig(sys.endpoints().get(d), xy[0], xy[1]));
                }
            }
            long rebound = s.island() == null ? 0 : s.island().reboundWindow().ns();
            timelineRecorder = new TimelineRecorder(plan.name() + "/timeline", grid.grid(), plan.householdLoads(), s.gridStep().ns(),
                    rebound);
            fed.add(timelineRecorder);
        }
        NetworkSpec net = v.network() != null ? v.network() : s.network();
        TrafficMeter[] meter = new TrafficMeter[1];
        RadioNetwork[] radio = new RadioNetwork[1];
        EventNetwork[] eventNet = new EventNetwork[1];
        if (v.pem() || protection != null) {
            RadioConfig rc = net.model() == NetworkSpec.Model.RADIO ? RadioDeployment.complete(s.radio(), plans, endpoints,
                    v.energyInternet() ? plans.stream().map(FeederFleet::serviceEndpoint).toList() : List.of()) : null;
            if (rc != null && !protectionDevices.isEmpty()) {
                List<RadioConfig.DeviceConfig> all = new ArrayList<>(rc.devices());
                all.addAll(protectionDevices);
                rc = rc.withDevices(all);
            }
            RadioConfig radioConfig = rc;
            Set<String> serverEndpoints = new HashSet<>();
            for (FeederPlan plan : plans) {
                serverEndpoints.add(plan.serverName());
                if (v.energyInternet()) {
                    serverEndpoints.add(FeederFleet.serviceEndpoint(plan));
                }
            }
            fed.network(streams -> {
                Network inner = switch (net.model()) {
                    case IDEAL -> new IdealNetwork();
                    case FIXED -> new FixedDelayNetwork(net.delay().ns(), net.loss(), streams.stream("network"));
                    case RADIO -> radio[0] = new RadioNetwork(radioConfig, streams);
                };
                if (radio[0] != null && timeline) {
                    for (EventPlan.Outage o : events.outages()) {
                        radio[0].scheduleOutage(o.aggregator(), o.fromNs(), o.untilNs(), o.reattachNs());
                    }
                    for (EventPlan.Burst b : events.bursts()) {
                        radio[0].scheduleBurst(b.aggregator(), b.fromNs(), b.untilNs(), b.rachPerS(), b.pusch());
                    }
                }
                Network metered = meter[0] = new TrafficMeter(inner, s.observeFrom().ns(), s.duration().ns());
                return timeline ? eventNet[0] = new EventNetwork(metered, serverEndpoints, events.serverOutages()) : metered;
            });
        }
        Recorder recorder = eventsDir == null ? Recorder.discard() : new CsvRecorder(eventsDir);
        RunReport report;
        try {
            // a baseline's finished intervals reach the tracking variants as the run goes: read on the kernel's own thread
            // between time advances, when every step before is committed
            ProgressListener listener = produces == null ? progress : (now, end) -> {
                for (int f = 0; f < produces.size(); f++) {
                    produces.get(f).extend(fleets.get(f).intervalTrace());
                }
                progress.progress(now, end);
            };
            report = fed.recorder(recorder).progress(listener)
                    .run(new KernelOptions(s.seed(), s.duration().ns(), Math.max(1, threads), 100));
        } finally {
            recorder.close();
        }
        if (produces != null) {
            for (int f = 0; f < produces.size(); f++) {
                produces.get(f).extend(fleets.get(f).intervalTrace());
                produces.get(f).complete();
            }
        }
        if (eventsDir != null) {
            detailTables(eventsDir, withGrid);
            if (s.outputs().detail().radio() && radio[0] != null) {
                RadioTables.write(eventsDir.resolve("detail"), radio[0], plans.stream().map(FeederPlan::name).toList(), fleets,
                        s.duration().ns());
            }
        }
        List<FeederRun> runs = new ArrayList<>();
        for (int f = 0; f < plans.size(); f++) {
            FeederPlan plan = plans.get(f);
            FleetResults fleet = FleetResults.of(fleets.get(f), FeederFleet.types(plan, v.energyInternet()), dSteps);
            double[] target = v.energyInternet() ? internetTarget(plan, fleet.pvKw())
                    : io.packetgrid.studies.coupled.target.Targets.offline(s, plan.households().size(),
                    baselines == null ? null : baselines.get(f), fleet.pvKw(), baseKw(plan), dSteps);
            PacketServerFederate server = v.pem() ? servers.get(f) : null;
            GridSeries series = !withGrid ? null : mvGrid != null ? mvGrid.series(f) : grids.get(f).series();
            runs.add(new FeederRun(plan, fleet, series,
                    server == null ? List.of() : server.trace(), server == null ? null : server.policy().stats(),
                    server == null ? 0 : ledgers.get(f).accepted(), server == null ? 0 : ledgers.get(f).acceptedKwh(), target,
                    ServiceResults.of(fleets.get(f), FeederFleet.serviceTypes(plan, v.energyInternet()),
                            v.energyInternet() ? internets.get(f) : null, s.duration().ns())));
        }
        RadioStatistics rs = radio[0] == null || !v.pem() ? null : radio[0].statistics();
        EventResults er = null;
        if (s.events() != null || timeline) {
            er = timelineRecorder == null ? EventResults.empty()
                    : EventResults.of(events, timelineRecorder, protection == null ? null : protection.outcome(report), instrument,
                    eventNet[0], emergencies.isEmpty() ? null : emergencies.get(0), s.duration().ns());
        }
        List<DerResults> derResults = ders.stream().filter(java.util.Objects::nonNull).map(d -> d.recorder().results()).toList();
        return new VariantResult(v, runs, v.pem() ? meter[0] : null, rs, report, er, mvGrid == null ? null : mvGrid.mvSeries(),
                derResults.isEmpty() ? null : DerResults.sum(derResults));
    }

    /** The protection bound to a run's feeder (errors name the scenario's protection fields). */
    private ProtectionSystem bindProtection(Feeder feeder) {
        try {
            return ProtectionSystem.bind(s.protection(), feeder, template.coordinates(), template.originBus());
        } catch (PacketGridException e) {
            throw e.within("protection");
        }
    }

    /** The variant's detailed tables ({@code outputs.detail}): the feeders' parts joined, the structured event log. */
    private void detailTables(Path dir, boolean withGrid) {
        OutputSpec.Detail d = s.outputs().detail();
        Path detail = dir.resolve("detail");
        if (withGrid && (d.households() || d.anyNodes())) {
            FeederDetail.join(detail, detail.resolve("parts"), plans.stream().map(FeederPlan::name).toList(), d);
        }
        if (d.devices()) {
            GzipTable.concatenate(plans.stream().map(p -> detail.resolve("parts").resolve("devices-" + p.name() + ".csv.gz")).toList(),
                    detail.resolve("devices.csv.gz"));
        }
        if (d.events()) {
            StructuredEvents.write(dir.resolve("events.csv"), detail.resolve("events.csv.gz"));
        }
        try {
            java.nio.file.Files.deleteIfExists(detail.resolve("parts"));
        } catch (java.io.IOException e) {
            // an empty folder left behind is harmless
        }
    }

    /** The result with every feeder's target evaluated against these baselines (for variants run before them). */
    public VariantResult withTargets(VariantResult r, List<BaselineSeries> baselines) {
        List<FeederRun> runs = new ArrayList<>();
        for (int f = 0; f < r.feeders().size(); f++) {
            FeederRun x = r.feeders().get(f);
            double[] target = r.spec().energyInternet() ? internetTarget(x.plan(), x.fleet().pvKw())
                    : io.packetgrid.studies.coupled.target.Targets.offline(s, x.plan().households().size(),
                    baselines == null ? null : baselines.get(f), x.fleet().pvKw(), baseKw(x.plan()), deviceSteps());
            runs.add(new FeederRun(x.plan(), x.fleet(), x.grid(), x.serverTrace(), x.stats(), x.ledgerAccepted(),
                    x.ledgerKwh(), target, x.services()));
        }
        return new VariantResult(r.spec(), runs, r.traffic(), r.radio(), r.report(), r.events(), r.mv(), r.der());
    }

    private PacketServerFederate server(VariantSpec v, FeederPlan plan, DeviceFleetFederate fleet, FeederGrid grid, MvGrid mvGrid,
                                        int feeder, BaselineSeries baseline, List<LedgerPolicy> ledgers, List<EmergencyMode> emergencies,
                                        FeederDer der) {
        PemSpec p = s.pem();
        int n = plan.households().size();
        SiteMeasurements site = new SiteMeasurements();
        // under the Energy-Internet server the PEM devices keep the feeder's import (with the deadline devices) under its limit
        TargetSignal target = v.energyInternet() ? new SelfSufficiencyTarget(site, importLimitKw(plan))
                : io.packetgrid.studies.coupled.target.Targets.online(s, n, baseline, site);
        // the micro-grid's state from the grid side; an island-aware server tracks the battery toward zero
        StorageMeasurements storage = null;
        EmergencyMode emergency = null;
        if (emergencies != null && grid != null && grid.grid().microgrid() != null) {
            storage = new StorageMeasurements();
            if (v.islandAware()) {
                emergency = new EmergencyMode(s.island().emergencySocPct(), s.island().emergencyExitSocPct());
                emergencies.add(emergency);
                target = new IslandTarget(target, storage, site);
            }
        }
        List<ServerInputs> inputs = new ArrayList<>();
        List<String> after = new ArrayList<>();
        after.add(plan.fleetName());
        if (grid != null) {
            after.add(plan.gridName());
        }
        if (mvGrid != null) {
            after.add(mvGrid.recorderName());
        }
        inputs.add(new StepAfter(after));
        if (der != null && der.hasPv() && v.gridAware() && grid != null) {
            // a grid-aware server sees the PV inverters: it admits what they curtail
            target = der.curtailmentTarget(target, inputs);
        }
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
        if (storage != null) {
            var g = grid.grid();
            inputs.add(new IslandInput(storage, g.islandKey("islanded"), g.islandKey("battery_soc_pct"), g.islandKey("battery_kw"),
                    g.islandKey("battery_kw_limit"), emergency));
            if (emergency != null) {
                b.emergency(emergency, storage);
            }
        }
        if (v.gridAware() && (grid != null || mvGrid != null)) {
            GridViewInput view = grid != null ? gridView(plan, fleet, grid) : mvGrid.view(feeder, plan, fleet);
            b.gate(gate(view));
            inputs.add(view);
        }
        LedgerPolicy ledger = new LedgerPolicy(b.build());
        ledgers.add(ledger);
        return new PacketServerFederate(plan.serverName(), plan.serverName(), ledger,
                ServerInputs.of(inputs.toArray(new ServerInputs[0])), dt);
    }

    /** A feeder's import limit under the Energy-Internet server, kW. */
    private double importLimitKw(FeederPlan plan) {
        return s.energyInternet().importLimitKwPerHousehold() * plan.households().size();
    }

    /** The Energy-Internet variant's target at each device step: the flexible power that keeps the import at its limit. */
    private double[] internetTarget(FeederPlan plan, double[] pvKw) {
        double[] base = baseKw(plan);
        double[] out = new double[base.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = pvKw[k] - base[k] + importLimitKw(plan);
        }
        return out;
    }

    /** The grid-aware server's view of a feeder's grid (refreshed as a server input). */
    private GridViewInput gridView(FeederPlan plan, DeviceFleetFederate fleet, FeederGrid grid) {
        int[] phases = new int[plan.households().size()];
        for (Household h : plan.households()) {
            phases[h.index()] = h.phase();
        }
        return new GridViewInput(grid.loadVoltageKey(), grid.sensitivityKey(), grid.transformerKey(),
                fleet.pointPowerKey(), fleet.meterKey(), phases, grid.householdLoad(), grid.loadCount(), transformerKva(grid));
    }

    /** The grid gate over a view, with the scenario's limits less the gate margin. */
    private GridGate gate(GridViewInput view) {
        GridLimitsSpec g = s.gridLimits();
        return new GridGate(new GridLimits(g.vMinPu() + g.gateMarginPu(), g.vMaxPu() - g.gateMarginPu(),
                g.transformerMaxPct() / 100, g.directional(), g.predictive()), view);
    }

    /**
     * A feeder's Energy-Internet server: its own grid view and gate (congestion) when the variant is grid-aware,
     * and in an island its own emergency mode on the community battery's state when the variant is island-aware.
     */
    private InternetServer internet(VariantSpec v, FeederPlan plan, DeviceFleetFederate fleet, FeederGrid grid, boolean island) {
        List<ServerInputs> in = new ArrayList<>();
        List<String> after = new ArrayList<>();
        after.add(plan.fleetName());
        GridGate gate = null;
        if (grid != null) {
            after.add(plan.gridName());
            if (v.gridAware()) {
                GridViewInput view = gridView(plan, fleet, grid);
                gate = gate(view);
                in.add(view);
            }
        }
        EmergencyMode emergency = null;
        StorageMeasurements storage = null;
        if (island && grid != null && grid.grid().microgrid() != null && v.islandAware()) {
            storage = new StorageMeasurements();
            emergency = new EmergencyMode(s.island().emergencySocPct(), s.island().emergencyExitSocPct());
            var g = grid.grid();
            in.add(new IslandInput(storage, g.islandKey("islanded"), g.islandKey("battery_soc_pct"), g.islandKey("battery_kw"),
                    g.islandKey("battery_kw_limit"), emergency));
        }
        return InternetServer.build(s, plan, fleet, inputs, baseKw(plan), gate, in.isEmpty() ? null : ServerInputs.of(in.toArray(
                new ServerInputs[0])), after, emergency, storage, rules(s.community(), plan.households().size()));
    }

    private static double transformerKva(FeederGrid grid) {
        double kva = grid.grid().feeder().largestTransformerKva();
        return kva > 0 ? kva : Double.POSITIVE_INFINITY;
    }

    static CommunityRules rules(CommunitySpec c, int households) {
        List<io.packetgrid.pem.packet.DeviceClass> order = new ArrayList<>();
        for (DeviceType t : c.order()) {
            order.add(t.deviceClass());
        }
        Map<io.packetgrid.pem.packet.DeviceClass, Double> caps = new EnumMap<>(io.packetgrid.pem.packet.DeviceClass.class);
        c.classCapKwPerHousehold().forEach((t, kw) -> caps.put(t.deviceClass(), kw * households));
        java.util.Set<io.packetgrid.pem.packet.DeviceClass> basic = java.util.EnumSet.noneOf(io.packetgrid.pem.packet.DeviceClass.class);
        for (DeviceType t : c.basicNeeds()) {
            basic.add(t.deviceClass());
        }
        // unset, the basic needs by level are the special user class's (households.classes)
        return new CommunityRules(order, caps, c.fairness() == CommunitySpec.Fairness.LONGEST_WAITING
                ? Fairness.LONGEST_WAITING : Fairness.ARRIVAL, basic,
                c.basicPriority() != null ? c.basicPriority() : UserClass.SPECIAL.basePriority());
    }
}
