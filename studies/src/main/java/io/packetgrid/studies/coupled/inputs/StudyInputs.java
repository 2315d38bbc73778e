package io.packetgrid.studies.coupled.inputs;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.pem.series.PriceSeries;
import io.packetgrid.pem.series.SyntheticHouseholdLoad;
import io.packetgrid.pem.series.SyntheticPrices;
import io.packetgrid.pem.series.TimeSeriesCsv;
import io.packetgrid.pem.weather.SyntheticWeather;
import io.packetgrid.pem.weather.WeatherCsv;
import io.packetgrid.pem.weather.WeatherSeries;
import io.packetgrid.studies.coupled.grid.FeederTemplate;
import io.packetgrid.studies.coupled.scenario.CoupledScenario;
import io.packetgrid.studies.coupled.scenario.InputsSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A coupled study's calendar inputs, resolved once for every variant: the weather over the run (from the
 * run's start: sample 0 is the start), the prices, and the base loads written into the feeder template
 * ({@code inputs:} of the scenario; builtin series are seeded from streams named after what they are, so
 * they do not shift other draws).
 *
 * @param weather the weather from the run's start, or null (then PV and outdoor temperature are the
 *                scenario's clear-sky and sinusoidal profiles)
 * @param prices  import and export prices (a flat tariff without a price input)
 * @param start   the run's calendar start, or null for a time-of-day start
 */
public record StudyInputs(WeatherSeries weather, PriceSeries prices, LocalDateTime start) {

    /** Weather samples of the built-in weeks, s. */
    static final long WEATHER_STEP_S = 600;

    /** No calendar: a flat price and no weather (a time-of-day start). */
    public static StudyInputs flat(InputsSpec in) {
        return new StudyInputs(null, PriceSeries.flat(LocalDateTime.of(2000, 1, 1, 0, 0), in.flatPricePerKwh(), in.exportPricePerKwh()), null);
    }

    /**
     * Resolves the scenario's inputs and writes its base loads into {@code template}.
     *
     * @param dir    the folder relative paths resolve against (null: the working directory)
     * @param source the scenario's name for error messages
     */
    public static StudyInputs load(CoupledScenario s, Path dir, String source, FeederTemplate template, double gridStepS) {
        InputsSpec in = s.inputs();
        if (!s.start().calendar()) {
            return flat(in);
        }
        LocalDateTime start = s.start().date();
        RandomStreams streams = new RandomStreams(s.seed());
        double durationS = s.duration().seconds();
        int days = (int) Math.ceil(durationS / 86_400) + 1;
        String where = source + ": inputs.";
        WeatherSeries weather = null;
        if (in.weather() != null) {
            weather = switch (in.weather()) {
                case "builtin:finnish-winter" -> site(s, SyntheticWeather.finnishWinter(), start)
                        .generate(start, days, WEATHER_STEP_S, streams.stream("coupled/inputs/weather").nextLong());
                case "builtin:finnish-summer" -> site(s, SyntheticWeather.finnishSummer(), start)
                        .generate(start, days, WEATHER_STEP_S, streams.stream("coupled/inputs/weather").nextLong());
                default -> {
                    Path f = file(in.weather(), dir, where + "weather", "builtin:finnish-winter, builtin:finnish-summer");
                    yield fromRunStart(WeatherCsv.read(f), start, durationS, f.toString());
                }
            };
        }
        PriceSeries prices;
        if (in.prices() == null) {
            prices = PriceSeries.flat(start, in.flatPricePerKwh(), in.exportPricePerKwh());
        } else {
            prices = switch (in.prices()) {
                case "builtin:finnish-winter" -> SyntheticPrices.finnishWinter().generate(start, days,
                        streams.stream("coupled/inputs/prices").nextLong());
                case "builtin:finnish-summer" -> SyntheticPrices.finnishSummer().generate(start, days,
                        streams.stream("coupled/inputs/prices").nextLong());
                default -> {
                    Path f = file(in.prices(), dir, where + "prices", "builtin:finnish-winter, builtin:finnish-summer");
                    PriceSeries p = PriceSeries.read(f, in.exportPricePerKwh());
                    p.checkCovers(start, durationS, f.toString());
                    yield p;
                }
            };
        }
        baseLoads(s, in.baseLoad(), dir, where + "base_load", template, start, gridStepS, streams);
        return new StudyInputs(weather, prices, start);
    }

    private static SyntheticWeather site(CoupledScenario s, SyntheticWeather w, LocalDateTime start) {
        return w.at(s.site().latitudeDeg(), s.site().longitudeDeg(), s.site().utcOffsetH(start));
    }

    /** A file input: the path relative to the scenario's folder; an unknown builtin name is refused. */
    static Path file(String name, Path dir, String field, String builtins) {
        if (name.startsWith(InputsSpec.BUILTIN)) {
            throw new PacketGridException(field, "unknown built-in series '" + name + "' (known: " + builtins + ")");
        }
        Path f = dir == null ? Path.of(name) : dir.resolve(name);
        if (!Files.isRegularFile(f)) {
            throw new PacketGridException(field, "no such file '" + name + "' (looked for " + f.toAbsolutePath().normalize() + ")");
        }
        return f;
    }

    /** The weather file's samples from the run's start on (the start must be one of its row times). */
    static WeatherSeries fromRunStart(WeatherSeries w, LocalDateTime start, double durationS, String where) {
        TimeSeriesCsv.checkCovers(w.start(), w.stepS(), w.size(), start, durationS, where);
        long lead = Duration.between(w.start(), start).getSeconds();
        if (lead % w.stepS() != 0) {
            throw new PacketGridException(where, "the study's start " + start + " falls between two rows (every " + w.stepS()
                    + " s from " + w.start() + ")");
        }
        int from = (int) (lead / w.stepS());
        int n = w.size() - from;
        return new WeatherSeries(start, w.stepS(), java.util.Arrays.copyOfRange(w.ghiWm2(), from, from + n),
                java.util.Arrays.copyOfRange(w.airC(), from, from + n), java.util.Arrays.copyOfRange(w.windMs(), from, from + n));
    }

    private static void baseLoads(CoupledScenario s, String spec, Path dir, String where, FeederTemplate template, LocalDateTime start,
                                  double gridStepS, RandomStreams streams) {
        int steps = template.steps();
        switch (spec) {
            case "builtin:feeder" -> {
            }
            case "builtin:finnish-winter", "builtin:finnish-summer" -> {
                SyntheticHouseholdLoad m = spec.endsWith("winter") ? SyntheticHouseholdLoad.finnishWinter()
                        : SyntheticHouseholdLoad.finnishSummer();
                long step = Math.round(gridStepS);
                for (FeederTemplate.LoadInfo l : template.loads()) {
                    if (!household(s, template, l)) {
                        continue; // not a house (e.g. a base station): the script's load
                    }
                    long seed = streams.stream("coupled/inputs/base_load/" + l.name()).nextLong();
                    template.replaceBaseKw(l.index(), m.generate(start, step, steps, seed));
                }
            }
            default -> {
                Path f = file(spec, dir, where, "builtin:feeder, builtin:finnish-winter, builtin:finnish-summer");
                List<String> header = TimeSeriesCsv.header(f);
                List<String> wanted = new ArrayList<>();
                boolean shared = header.contains("kw");
                if (shared) {
                    wanted.add("kw");
                }
                for (FeederTemplate.LoadInfo l : template.loads()) {
                    String col = l.name() + "_kw";
                    if (header.contains(col)) {
                        wanted.add(col);
                    } else if (!shared && household(s, template, l)) {
                        throw new PacketGridException(f.toString(), "no column '" + col + "' for load " + l.name()
                                + " and no column 'kw' for every load (columns: " + String.join(", ", header) + ")");
                    }
                }
                TimeSeriesCsv t = TimeSeriesCsv.read(f, wanted);
                TimeSeriesCsv.checkCovers(t.start(), t.stepS(), t.column(wanted.get(0)).length, start, s.duration().seconds(),
                        f.toString());
                long lead = Duration.between(t.start(), start).getSeconds();
                for (FeederTemplate.LoadInfo l : template.loads()) {
                    String col = l.name() + "_kw";
                    if (!t.columns().containsKey(col) && !household(s, template, l)) {
                        continue; // kw is every household's: other loads keep the script's
                    }
                    double[] src = t.columns().containsKey(col) ? t.columns().get(col) : t.columns().get("kw");
                    double[] kw = new double[steps];
                    for (int k = 0; k < steps; k++) {
                        int i = (int) Math.min(src.length - 1, Math.floor((lead + k * gridStepS) / t.stepS()));
                        kw[k] = src[i];
                        if (kw[k] < 0) {
                            throw new PacketGridException(f + ": row " + (i + 1), "column '" + (t.columns().containsKey(col) ? col : "kw")
                                    + "': a base load must be ≥ 0, got " + kw[k]);
                        }
                    }
                    template.replaceBaseKw(l.index(), kw);
                }
            }
        }
    }

    /** Whether a load of the feeder is a household (listed in, or all of, {@code households.loads}, or overridden). */
    static boolean household(CoupledScenario s, FeederTemplate template, FeederTemplate.LoadInfo l) {
        if (s.households().allLoads()) {
            return true;
        }
        for (String name : s.households().loads()) {
            FeederTemplate.LoadInfo h = template.load(name);
            if (h != null && h.index() == l.index()) {
                return true;
            }
        }
        for (var o : s.households().overrides()) {
            FeederTemplate.LoadInfo h = template.load(o.load());
            if (h != null && h.index() == l.index()) {
                return true;
            }
        }
        return false;
    }

    /** Seconds from the calendar start at run time {@code tNs} for the price series. */
    private double priceS(long tNs) {
        return start == null ? tNs / 1e9 : prices.secondsFrom(start) + tNs / 1e9;
    }

    /** What a kWh imported costs at run time {@code tNs}. */
    public double importPrice(long tNs) {
        return prices.importAt(priceS(tNs));
    }

    /** What a kWh exported earns at run time {@code tNs}. */
    public double exportPrice(long tNs) {
        return prices.exportAt(priceS(tNs));
    }

    /** The air temperature at run time {@code tS}, °C (weather only). */
    public double airC(double tS) {
        return weather.airC()[weather.index(tS)];
    }
}
