package io.packetgrid.studies.internet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.message.IdealNetwork;
import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.cosim.record.CsvRecorder;
import io.packetgrid.cosim.record.Recorder;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.pem.forecast.ForecastErrorModel;
import io.packetgrid.pem.internet.EnergyInternetServer;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.schedule.SlotGrid;
import io.packetgrid.pem.schedule.Supply;
import io.packetgrid.pem.service.EvService;
import io.packetgrid.pem.service.ModulatedEv;
import io.packetgrid.pem.service.ProgrammeAppliance;
import io.packetgrid.pem.service.ProgrammeService;
import io.packetgrid.pem.service.Sauna;
import io.packetgrid.pem.service.SaunaParams;
import io.packetgrid.pem.service.SaunaService;
import io.packetgrid.pem.service.ServiceDevice;
import io.packetgrid.pem.sim.DeviceFleetFederate;
import io.packetgrid.pem.sim.ServiceAgent;
import io.packetgrid.pem.sim.ServiceServerFederate;
import io.packetgrid.pem.weather.PvModel;
import io.packetgrid.pem.weather.SyntheticWeather;
import io.packetgrid.pem.weather.WeatherCsv;
import io.packetgrid.pem.weather.WeatherSeries;
import io.packetgrid.pem.weather.WindTurbine;
import io.packetgrid.studies.report.CsvTable;
import io.packetgrid.studies.report.Summary;
import io.packetgrid.studies.run.RunContext;
import io.packetgrid.studies.run.Study;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * {@code kind: energy_internet}: the founding paper's Energy Internet (§III-C, Fig. 4) on a small
 * community: households' deadline devices (dishwashers, EVs charging at any power, saunas) in
 * packet-server's device fleet, the Energy-Internet server planning them on the forecast local PV and
 * wind (weather from the built-in synthetic Finnish weeks or a CSV file, forecast errors from
 * {@link ForecastErrorModel}) and importing when short. Messages go over an ideal network. Writes
 * {@code summary.json} (one variant {@code energy_internet} with {@code deadlines_met_pct},
 * {@code requests_rejected}, {@code forced_use_kwh}, {@code import_kwh}, {@code export_kwh},
 * {@code self_sufficiency_pct}, {@code energy_cost}, {@code forecast_rmse_kw}), {@code requests.csv},
 * {@code power.csv}, {@code events.csv} and the three-panel {@code energy_internet.png}.
 */
public final class EnergyInternetStudy implements Study {

    @Override
    public String kind() {
        return "energy_internet";
    }

    @Override
    public EnergyInternetScenario scenario(JsonNode tree, String source, java.nio.file.Path scenarioDir) {
        return YamlFiles.convert(tree, source, EnergyInternetScenario.class);
    }

    @Override
    public Summary run(JsonNode tree, String source, RunContext ctx) {
        EnergyInternetScenario s = scenario(tree, source, ctx.scenarioDir());
        long wall0 = System.nanoTime();
        LocalDateTime start = s.startTime();
        long stepNs = s.deviceStep().ns();
        int steps = (int) (s.duration().ns() / stepNs);
        RandomStreams streams = new RandomStreams(s.seed());
        WeatherSeries weather = weather(s, source, ctx, start, streams);
        PvModel pv = PvModel.pvwatts(s.supply().pvKw());
        WindTurbine wind = new WindTurbine(s.supply().windKw(), 3, 11, 25);
        // renewable truth at each device step (PV from irradiance and air temperature, the turbine at 20 m)
        double[] renewable = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            int i = weather.index(k * stepNs / 1e9);
            renewable[k] = pv.acKw(weather.ghiWm2()[i], weather.airC()[i])
                    + wind.powerKw(WindTurbine.atHeight(weather.windMs()[i], 10, 20, 1.0 / 7));
        }
        Forecasts forecasts = new Forecasts(s, start, renewable, stepNs, s.seed());

        List<ServiceAgent> agents = new ArrayList<>();
        List<String[]> labels = new ArrayList<>();
        List<Long> deadlines = new ArrayList<>();
        for (int h = 0; h < s.households().size(); h++) {
            EnergyInternetScenario.HouseholdSpec hs = s.households().get(h);
            String where = source + ": households[" + h + "]";
            ConnectionPoint at = new ConnectionPoint(h + 1, 1 + h % 3);
            if (hs.dishwasher() != null) {
                var d = hs.dishwasher();
                long deadline = clock(d.deadline(), start, where + ".dishwasher.deadline");
                long earliest = d.earliest() == null ? 0 : clock(d.earliest(), start, where + ".dishwasher.earliest");
                long loaded = d.loaded() == null ? earliest : clock(d.loaded(), start, where + ".dishwasher.loaded");
                add(agents, labels, deadlines, new ProgrammeService(ProgrammeAppliance.dishwasher(), loaded, Math.max(loaded, earliest), deadline),
                        at, hs, "dishwasher", deadline);
            }
            if (hs.ev() != null) {
                var e = hs.ev();
                long plug = clock(e.plugIn(), start, where + ".ev.plug_in");
                long deadline = clock(e.deadline(), start, where + ".ev.deadline");
                UniformRandomProvider r = streams.stream("energy_internet/" + hs.name() + "/ev");
                double soc = e.soc().size() == 1 ? e.soc().get(0) : e.soc().get(0) + (e.soc().get(1) - e.soc().get(0)) * r.nextDouble();
                add(agents, labels, deadlines, new EvService(new ModulatedEv(e.batteryKwh(), e.maxKw(), 0.9, Math.min(soc, e.targetSoc())),
                        plug, deadline, e.targetSoc()), at, hs, "ev", deadline);
            }
            if (hs.sauna() != null) {
                var a = hs.sauna();
                long booked = clock(a.booked(), start, where + ".sauna.booked");
                long ready = clock(a.ready(), start, where + ".sauna.ready");
                SaunaParams p = SaunaParams.seed();
                add(agents, labels, deadlines, new SaunaService(new Sauna(new SaunaParams(a.heaterKw(), p.capacityKwhPerC(), p.lossKwPerC(),
                        p.ambientC()), p.ambientC()), booked, ready, a.targetC()), at, hs, "sauna", ready);
            }
        }
        DeviceFleetFederate fleet = new DeviceFleetFederate("community/fleet", List.of(), stepNs, "community/server", 0).services(agents);
        EnergyInternetServer eis = new EnergyInternetServer(new EnergyInternetServer.Config(s.slot().ns(),
                (int) Math.max(1, (s.duration().ns() + 2 * s.slot().ns()) / s.slot().ns()), s.replan().ns()), forecasts,
                streams.stream("energy_internet/server"));
        ServiceServerFederate server = new ServiceServerFederate("community/server", "community/server", eis, stepNs,
                t -> renewable[(int) Math.min(steps, t / stepNs)] - forecasts.latestKw(t));
        long[] dl = deadlines.stream().mapToLong(Long::longValue).toArray();
        Observer observer = new Observer(fleet, stepNs, dl);
        Path dir = ctx.outDir();
        try (Recorder rec = new CsvRecorder(dir)) {
            new Federation().add(fleet).add(server).add(observer).network(st -> new IdealNetwork()).recorder(rec)
                    .progress(ctx.progress(s.name())).run(KernelOptions.of(s.seed(), s.duration().ns()));
        }
        return Report.write(s, dir, ctx, agents, labels, observer, server, fleet, renewable, forecasts, start, (System.nanoTime() - wall0) / 1e9);
    }

    private static void add(List<ServiceAgent> agents, List<String[]> labels, List<Long> deadlines, ServiceDevice d, ConnectionPoint at,
                            EnergyInternetScenario.HouseholdSpec hs, String kind, long deadline) {
        ServiceAgent a = new ServiceAgent(agents.size() + 1, d, at, hs.priority(), 15 * 60_000_000_000L)
                .endpoint("community/" + hs.name() + "/" + kind);
        agents.add(a);
        labels.add(new String[] {hs.name(), kind});
        deadlines.add(deadline);
    }

    /** A clock time {@code HH:MM} of the start's day (past 24:00 or before the start: the next day), ns from the start. */
    static long clock(String hhmm, LocalDateTime start, String field) {
        if (hhmm == null || !hhmm.matches("\\d{1,2}:\\d{2}")) {
            throw new PacketGridException(field, "expected a clock time HH:MM, got '" + hhmm + "'");
        }
        String[] p = hhmm.split(":");
        int min = Integer.parseInt(p[0]) * 60 + Integer.parseInt(p[1]);
        if (min > 48 * 60 || Integer.parseInt(p[1]) >= 60) {
            throw new PacketGridException(field, "expected a clock time HH:MM up to 48:00, got '" + hhmm + "'");
        }
        int startMin = start.getHour() * 60 + start.getMinute();
        int d = min - startMin;
        if (d < 0) {
            d += 24 * 60;
        }
        return d * 60_000_000_000L - start.getSecond() * 1_000_000_000L;
    }

    private static WeatherSeries weather(EnergyInternetScenario s, String source, RunContext ctx, LocalDateTime start, RandomStreams st) {
        long seed = st.stream("energy_internet/weather").nextLong();
        int days = (int) Math.ceil(s.duration().seconds() / 86_400) + 1;
        return switch (s.weather()) {
            case "builtin:finnish-summer" -> SyntheticWeather.finnishSummer().generate(start, days, 600, seed);
            case "builtin:finnish-winter" -> SyntheticWeather.finnishWinter().generate(start, days, 600, seed);
            default -> {
                if (s.weather().startsWith("builtin:")) {
                    throw new PacketGridException(source + ": weather", "unknown built-in weather '" + s.weather()
                            + "' (known: builtin:finnish-summer, builtin:finnish-winter)");
                }
                Path f = ctx.scenarioDir() == null ? Path.of(s.weather()) : ctx.scenarioDir().resolve(s.weather());
                if (!Files.isRegularFile(f)) {
                    throw new PacketGridException(source + ": weather", "no file " + f);
                }
                WeatherSeries w = WeatherCsv.read(f);
                if (!w.start().equals(start)) {
                    throw new PacketGridException(source + ": weather", f + " starts at " + w.start() + ", the scenario at " + start);
                }
                yield w;
            }
        };
    }

    /**
     * The server's supply forecasts: the renewable per slot (the truth's slot mean plus the configured
     * error, a fresh draw per issue slot from its own stream, so forecasts do not depend on how often
     * the server asks) at the feed-in price, and import up to the limit at the clock's price.
     */
    static final class Forecasts implements io.packetgrid.pem.internet.SupplyForecast {
        private final EnergyInternetScenario s;
        private final LocalDateTime start;
        private final double[] truth;
        private final long stepNs;
        private final long seed;
        private final ForecastErrorModel model;
        final List<double[]> issued = new ArrayList<>();
        private SlotGrid lastGrid;
        private double[] lastKw;

        Forecasts(EnergyInternetScenario s, LocalDateTime start, double[] truth, long stepNs, long seed) {
            this.s = s;
            this.start = start;
            this.truth = truth;
            this.stepNs = stepNs;
            this.seed = seed;
            this.model = new ForecastErrorModel(s.forecast().rmseKw(), s.forecast().correlation().seconds());
        }

        double slotTruth(SlotGrid g, int t) {
            int per = (int) (g.slotNs() / stepNs);
            int k0 = (int) (g.slotStartNs(t) / stepNs);
            double sum = 0;
            int n = 0;
            for (int k = k0; k < k0 + per && k < truth.length; k++) {
                sum += truth[Math.max(0, k)];
                n++;
            }
            return n == 0 ? 0 : sum / n;
        }

        @Override
        public List<Supply> tiers(SlotGrid grid, long issuedNs) {
            int n = grid.count();
            double[] tr = new double[n];
            for (int t = 0; t < n; t++) {
                tr[t] = slotTruth(grid, t);
            }
            UniformRandomProvider r = new RandomStreams(seed).stream("energy_internet/forecast/" + grid.slotOf(issuedNs) + "@" + grid.startNs());
            double max = s.supply().pvKw() + s.supply().windKw();
            double[] f = model.forecast(tr, 0, grid.slotNs() / 1e9, 0, max, r);
            double[] feed = new double[n];
            double[] imp = new double[n];
            double[] price = new double[n];
            for (int t = 0; t < n; t++) {
                feed[t] = s.supply().exportPrice();
                imp[t] = s.supply().importLimitKw();
                double hour = start.getHour() + start.getMinute() / 60.0 + grid.slotStartNs(t) / 3.6e12;
                price[t] = s.supply().importPrice(hour);
                issued.add(new double[] {issuedNs / 1e9, grid.slotStartNs(t) / 1e9, f[t], tr[t]});
            }
            lastGrid = grid;
            lastKw = f;
            return List.of(new Supply("renewable", f, feed), new Supply("import", imp, price));
        }

        /** The latest forecast renewable for the slot holding {@code tNs}, kW (0 before the first plan). */
        double latestKw(long tNs) {
            if (lastGrid == null) {
                return 0;
            }
            int t = lastGrid.slotOf(tNs);
            return t >= 0 && t < lastKw.length ? lastKw[t] : 0;
        }
    }
}
