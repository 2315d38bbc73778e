package io.packetgrid.studies.coupled.household;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.pem.device.EvParams;
import io.packetgrid.pem.device.HeatPumpParams;
import io.packetgrid.pem.device.HotWaterDraws;
import io.packetgrid.pem.device.PemBand;
import io.packetgrid.pem.device.OnSiteGeneration;
import io.packetgrid.pem.device.PvProfile;
import io.packetgrid.pem.service.SaunaParams;
import io.packetgrid.pem.weather.PvModel;
import io.packetgrid.pem.weather.WeatherGeneration;
import io.packetgrid.pem.weather.WeatherSeries;
import io.packetgrid.pem.weather.WindTurbine;
import io.packetgrid.pem.device.WaterHeaterParams;
import io.packetgrid.grid.mvlv.MvLvStructure;
import io.packetgrid.studies.coupled.grid.FeederTemplate;
import io.packetgrid.studies.coupled.grid.MvNetwork;
import io.packetgrid.studies.coupled.scenario.CoupledScenario;
import io.packetgrid.studies.coupled.scenario.DeviceParams;
import io.packetgrid.studies.coupled.scenario.DeviceType;
import io.packetgrid.studies.coupled.scenario.HouseholdsSpec;
import io.packetgrid.studies.coupled.scenario.UserClass;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Maps a scenario's households onto a feeder's loads and draws their equipment. Every draw comes from
 * a stream named after what it decides (the feeder copy, the device type, the household and device),
 * so a household's devices do not change when another household or another type is added.
 */
public final class HouseholdPlanner {
    private final CoupledScenario s;
    private final FeederTemplate template;
    private final RandomStreams streams;
    private final String source;
    private final WeatherSeries weather;

    public HouseholdPlanner(CoupledScenario scenario, FeederTemplate template, String source) {
        this(scenario, template, source, null);
    }

    /**
     * @param weather the run's weather from its start (PV from irradiance, heat pumps from the air
     *                temperature, small turbines from the wind), or null for the scenario's profiles
     */
    public HouseholdPlanner(CoupledScenario scenario, FeederTemplate template, String source, WeatherSeries weather) {
        this.s = scenario;
        this.template = template;
        this.streams = new RandomStreams(scenario.seed());
        this.source = source;
        this.weather = weather;
        if (weather == null && (scenario.households().mix().wind() > 0
                || scenario.households().overrides().stream().anyMatch(o -> o.devices().contains(DeviceType.WIND)))) {
            throw new PacketGridException(source + ": households", "wind turbines need a weather input (inputs.weather)");
        }
    }

    /** All feeder copies of the scenario; on an MV network, one plan per LV feeder. */
    public List<FeederPlan> plan() {
        List<Integer> loads = householdLoads();
        Map<Integer, List<DeviceType>> explicit = overrides(loads);
        classOf = classes(loads);
        if (template.mv() != null) {
            return planMv(template.mv(), loads, explicit);
        }
        List<FeederPlan> out = new ArrayList<>();
        for (int c = 0; c < s.feeder().copies(); c++) {
            out.add(copy(c, loads, explicit));
        }
        return out;
    }

    /**
     * An MV network: the households of each LV feeder (the chosen loads among its loads) are one plan,
     * {@code f<k>} for the k-th distribution transformer; every load follows its own shape. Loads on no
     * LV feeder (MV-connected customers) stay base load. A household without coordinates of its own
     * (the AusNet networks give only MV buses) is placed around its transformer's MV bus: the i-th at
     * 20·sqrt(i+1) m in the direction i·137.5° (Vogel's sunflower spiral, an even spread: H. Vogel,
     * Mathematical Biosciences 44, 1979).
     */
    private List<FeederPlan> planMv(MvNetwork mv, List<Integer> loads, Map<Integer, List<DeviceType>> explicit) {
        java.util.Set<Integer> chosen = new java.util.HashSet<>(loads);
        int nLoads = template.loads().size();
        int[] shape = new int[nLoads];
        for (int l = 0; l < nLoads; l++) {
            shape[l] = l;
        }
        List<FeederPlan> out = new ArrayList<>();
        List<MvLvStructure.LvFeeder> feeders = mv.structure().feeders();
        for (int k = 0; k < feeders.size(); k++) {
            MvLvStructure.LvFeeder f = feeders.get(k);
            List<Integer> mine = new ArrayList<>();
            for (String name : f.loads()) {
                FeederTemplate.LoadInfo info = template.load(name);
                if (info != null && chosen.contains(info.index())) {
                    mine.add(info.index());
                }
            }
            mine.sort(null);
            double[] centre = template.transformerXy(f.transformer());
            out.add(plan(k, "f" + (k + 1), mine, explicit, shape, (info, index) -> {
                double[] xy = template.xy(info.bus());
                if (xy != null) {
                    return xy;
                }
                if (centre == null) {
                    return new double[] {Double.NaN, Double.NaN};
                }
                double r = 20 * Math.sqrt(index + 1.0);
                double a = Math.toRadians(137.5 * index);
                return new double[] {centre[0] + r * Math.cos(a), centre[1] + r * Math.sin(a)};
            }));
        }
        return out;
    }

    /** Where a household sits on the map (metres), given its load and its index in the plan. */
    private interface Placement {
        double[] at(FeederTemplate.LoadInfo info, int index);
    }

    private String known() {
        List<String> names = template.loads().stream().map(FeederTemplate.LoadInfo::name).toList();
        String list = names.size() <= 6 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + ", …, " + names.get(names.size() - 1);
        return template.label() + " has " + names.size() + " loads: " + list;
    }

    private List<Integer> householdLoads() {
        HouseholdsSpec h = s.households();
        List<Integer> out = new ArrayList<>();
        if (h.allLoads()) {
            for (FeederTemplate.LoadInfo l : template.loads()) {
                out.add(l.index());
            }
            return out;
        }
        for (int i = 0; i < h.loads().size(); i++) {
            FeederTemplate.LoadInfo l = load(h.loads().get(i), source + ": households.loads[" + i + "]");
            if (out.contains(l.index())) {
                throw new PacketGridException(source + ": households.loads[" + i + "]", "load '" + l.name() + "' is listed twice");
            }
            out.add(l.index());
        }
        return out;
    }

    private Map<Integer, List<DeviceType>> overrides(List<Integer> loads) {
        Map<Integer, List<DeviceType>> m = new LinkedHashMap<>();
        List<HouseholdsSpec.Override> ov = s.households().overrides();
        for (int i = 0; i < ov.size(); i++) {
            FeederTemplate.LoadInfo l = load(ov.get(i).load(), source + ": households.overrides[" + i + "].load");
            if (m.put(l.index(), ov.get(i).devices()) != null) {
                throw new PacketGridException(source + ": households.overrides[" + i + "].load",
                        "load '" + l.name() + "' has two overrides");
            }
            if (!loads.contains(l.index())) {
                loads.add(l.index());
            }
        }
        loads.sort(null);
        return m;
    }

    /** The feeder's load of that name; an error naming {@code field} if there is none. */
    private FeederTemplate.LoadInfo load(String name, String field) {
        FeederTemplate.LoadInfo l = template.load(name);
        if (l == null) {
            throw new PacketGridException(field, "no load '" + name + "' in the feeder (" + known() + ")");
        }
        return l;
    }

    /** Each household load's user class ({@code households.classes}); absent: flexible. */
    private Map<Integer, UserClass> classOf = Map.of();

    private Map<Integer, UserClass> classes(List<Integer> loads) {
        Map<Integer, UserClass> m = new java.util.HashMap<>();
        for (Map.Entry<UserClass, List<String>> e : s.households().classes().entrySet()) {
            List<String> names = e.getValue();
            for (int i = 0; i < names.size(); i++) {
                String field = source + ": households.classes." + e.getKey().label() + "[" + i + "]";
                FeederTemplate.LoadInfo l = load(names.get(i), field);
                if (!loads.contains(l.index())) {
                    throw new PacketGridException(field, "load '" + l.name() + "' is not a household (households.loads, overrides)");
                }
                UserClass before = m.put(l.index(), e.getKey());
                if (before != null) {
                    throw new PacketGridException(field, "load '" + l.name() + "' is already in class " + before.label());
                }
            }
        }
        return m;
    }

    private FeederPlan copy(int c, List<Integer> loads, Map<Integer, List<DeviceType>> explicit) {
        String name = "f" + (c + 1);
        int nLoads = template.loads().size();
        int[] shape = new int[nLoads];
        UniformRandomProvider shapes = streams.stream("coupled/" + name + "/shapes");
        for (int l = 0; l < nLoads; l++) {
            shape[l] = c == 0 ? l : shapes.nextInt(nLoads);
        }
        double[] origin = template.origin();
        int col = c % s.feeder().columns();
        int row = c / s.feeder().columns();
        double ox = col * s.feeder().spacingM();
        double oy = -row * s.feeder().spacingM();
        return plan(c, name, loads, explicit, shape, (info, index) -> {
            double[] xy = template.xy(info.bus());
            return xy == null ? new double[] {Double.NaN, Double.NaN} : new double[] {xy[0] - origin[0] + ox, xy[1] - origin[1] + oy};
        });
    }

    private FeederPlan plan(int c, String name, List<Integer> loads, Map<Integer, List<DeviceType>> explicit, int[] shape,
                            Placement placement) {
        // which households have which device: exactly round(share·n) of the households drawn from the mix
        List<Integer> eligible = new ArrayList<>();
        for (int load : loads) {
            if (!explicit.containsKey(load)) {
                eligible.add(load);
            }
        }
        Map<Integer, Set<DeviceType>> has = new LinkedHashMap<>();
        for (int load : loads) {
            Set<DeviceType> set = EnumSet.noneOf(DeviceType.class);
            set.addAll(orEmpty(explicit.get(load)));
            has.put(load, set);
        }
        for (Map.Entry<DeviceType, Double> e : s.households().mix().shares().entrySet()) {
            int count = (int) Math.round(e.getValue() * eligible.size());
            if (count == 0) {
                continue;
            }
            UniformRandomProvider r = streams.stream("coupled/" + name + "/mix/" + e.getKey().label());
            int[] idx = new int[eligible.size()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            for (int i = 0; i < count; i++) { // partial Fisher–Yates: the first `count` are a uniform sample
                int j = i + r.nextInt(idx.length - i);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
                has.get(eligible.get(idx[i])).add(e.getKey());
            }
        }
        List<Household> hs = new ArrayList<>();
        for (int load : loads) {
            FeederTemplate.LoadInfo info = template.loads().get(load);
            double[] xy = placement.at(info, hs.size());
            double x = xy[0];
            double y = xy[1];
            List<DevicePlan> devices = new ArrayList<>();
            List<ServicePlan> services = new ArrayList<>();
            List<DeviceType> generators = new ArrayList<>();
            OnSiteGeneration pv = null;
            PvModel array = null;
            DeviceParams.WindSpec windSpec = s.devices().wind();
            WindTurbine turbine = null;
            for (DeviceType t : has.get(load)) {
                String stream = "coupled/" + name + "/" + info.name() + "/" + t.label();
                UniformRandomProvider r = streams.stream(stream);
                if (t == DeviceType.PV) {
                    DeviceParams.PvSpec p = s.devices().pv();
                    double peak = p.peakKw().draw(r);
                    if (weather == null) {
                        pv = PvProfile.clearSky(peak, p.sunriseH(), p.sunsetH());
                    } else {
                        array = PvModel.pvwatts(peak); // with weather: the DC rating of a PVWatts array
                    }
                    generators.add(t);
                } else if (t == DeviceType.WIND) {
                    turbine = new WindTurbine(windSpec.ratedKw().draw(r), windSpec.cutInMs(), windSpec.ratedMs(), windSpec.cutOutMs());
                    generators.add(t);
                } else if (t.deadline()) {
                    services.add(service(t, r));
                } else {
                    devices.add(device(t, r, stream));
                }
            }
            if (array != null || turbine != null) {
                pv = new WeatherGeneration(array, turbine, windSpec.hubM(), weather, s.start().seconds());
            }
            hs.add(new Household(hs.size(), info.name(), load, shape[load], info.bus(), info.phase(), x, y, devices, pv, services,
                    generators, classOf.getOrDefault(load, UserClass.FLEXIBLE)));
        }
        return new FeederPlan(c, name, hs, shape);
    }

    private static List<DeviceType> orEmpty(List<DeviceType> l) {
        return l == null ? List.of() : l;
    }

    /** A water heater's parameters, drawn in a fixed order from {@code r}. */
    private WaterHeaterParams waterHeater(UniformRandomProvider r) {
        DeviceParams.WaterHeaterSpec w = s.devices().waterHeater();
        double tank = w.tankL().draw(r);
        double set = w.setpointC().draw(r);
        double kw = w.ratedKw().draw(r);
        double tau = w.tauH().draw(r) * 3600;
        double amb = w.ambientC().draw(r);
        double inlet = w.inletC().draw(r);
        PemBand band = PemBand.symmetric(set, w.deadbandPct() / 100 * set, w.pemBandPct() / 100 * set);
        return new WaterHeaterParams(tank, set, kw, 1.0, tau, amb, inlet, band);
    }

    /** Run time (ns from the start) of an hour of day: the first such instant at or after the start. */
    private long runNs(double hourOfDay) {
        double startH = s.start().seconds() / 3600;
        return Math.floorMod(Math.round((hourOfDay - startH) * 3600), 86_400L) * 1_000_000_000L;
    }

    /** A deadline device's parameters, drawn in a fixed order from {@code r}. */
    private ServicePlan service(DeviceType t, UniformRandomProvider r) {
        return switch (t) {
            case DISHWASHER -> {
                DeviceParams.DishwasherSpec d = s.devices().dishwasher();
                long loaded = runNs(d.loadedH().draw(r));
                long deadline = runNs(d.deadlineH().draw(r));
                if (deadline <= loaded) {
                    deadline += 86_400_000_000_000L;
                }
                yield new ServicePlan.DishwasherPlan(loaded, deadline);
            }
            case SAUNA -> {
                DeviceParams.SaunaSpec a = s.devices().sauna();
                long ready = runNs(a.readyH().draw(r));
                long ahead = Math.round(a.bookedAheadH().draw(r) * 3600) * 1_000_000_000L;
                double kw = a.heaterKw().draw(r);
                double target = a.targetC().draw(r);
                // the room sized to the heater: the founding paper's 3.6 kW example scaled (same τ and heat-up time)
                SaunaParams seed = SaunaParams.seed();
                SaunaParams p = new SaunaParams(kw, seed.capacityKwhPerC() * kw / seed.heaterKw(), seed.lossKwPerC() * kw / seed.heaterKw(),
                        seed.ambientC());
                yield new ServicePlan.SaunaPlan(p, Math.max(0, ready - ahead), ready, target, Math.round(a.earlyMin() * 60) * 1_000_000_000L);
            }
            default -> throw new IllegalArgumentException(t.label() + " is not a deadline device");
        };
    }

    private DevicePlan device(DeviceType t, UniformRandomProvider r, String stream) {
        double horizonS = s.duration().seconds();
        double startH = s.start().seconds() / 3600;
        return switch (t) {
            case WATER_HEATER -> {
                WaterHeaterParams p = waterHeater(r);
                double t0 = s.devices().waterHeater().initialC().draw(r);
                HotWaterDraws.acc2017(r, horizonS, s.deviceStep().seconds(), s.devices().waterHeater().drawsPerHour());
                double remaining = r.nextDouble();
                // the draws are made again from the same stream for every model (they carry a read cursor)
                Supplier<HotWaterDraws> draws = () -> {
                    UniformRandomProvider again = streams.stream(stream);
                    waterHeater(again);
                    s.devices().waterHeater().initialC().draw(again);
                    return HotWaterDraws.acc2017(again, horizonS, s.deviceStep().seconds(), s.devices().waterHeater().drawsPerHour());
                };
                yield new DevicePlan.WaterHeaterPlan(p, draws, t0, remaining);
            }
            case HEAT_PUMP -> {
                DeviceParams.HeatPumpSpec h = s.devices().heatPump();
                HeatPumpParams base = HeatPumpParams.logHouse();
                HeatPumpParams p = new HeatPumpParams(h.ratedKw().draw(r), base.carnotFraction(), base.sourceC(), h.tankL().draw(r),
                        base.layerExchangeKwPerC(), base.tankLossKwPerC(), base.floorKwPerC(), base.houseUaKwPerC(),
                        base.houseCapKwhPerC(), h.indoorSetC().draw(r), base.band());
                double tank = h.initialTankC().draw(r);
                double indoor = h.initialIndoorC().draw(r);
                WeatherSeries w = weather;
                java.util.function.DoubleUnaryOperator outdoor = w == null ? tS -> h.outdoorC(startH + tS / 3600)
                        : tS -> w.airC()[w.index(tS)];
                yield new DevicePlan.HeatPumpPlan(p, outdoor, tank, indoor, r.nextDouble());
            }
            case EV_CHARGER -> {
                DeviceParams.EvSpec e = s.devices().evCharger();
                double battery = e.batteryKwh().draw(r);
                double charger = e.chargerKw().draw(r);
                double eff = e.efficiency().draw(r);
                double arrH = e.arrivalH().draw(r);
                double depH = e.departureH().draw(r);
                double soc0 = e.arrivalSoc().draw(r);
                double target = e.targetSoc().draw(r);
                double arr = Math.floorMod(Math.round((arrH - startH) * 3600), 86_400L);
                double dep = Math.floorMod(Math.round((depH - startH) * 3600), 86_400L);
                if (dep <= arr) {
                    dep += 86_400;
                }
                yield new DevicePlan.EvPlan(new EvParams(battery, charger, eff, arr, dep, soc0, target));
            }
            case BATTERY -> new DevicePlan.BatteryPlan(s.devices().battery().initialSoc().draw(r));
            case PV, WIND, DISHWASHER, SAUNA -> throw new IllegalArgumentException(t.label() + " is not a flexible device");
        };
    }
}
