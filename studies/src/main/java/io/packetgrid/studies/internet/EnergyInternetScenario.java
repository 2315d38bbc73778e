package io.packetgrid.studies.internet;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.scenario.SimDuration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code kind: energy_internet}: households with deadline devices under the Energy-Internet server
 * (docs/energy-internet.md), supplied by local PV and a small wind turbine from weather, importing when
 * short. The annotated example is {@code studies/scenarios/seed-fig4.yaml}; fields in docs/scenario.md.
 *
 * @param start       calendar start, local standard time of the site ({@code 2026-07-15T12:00})
 * @param deviceStep  the fleet's control step
 * @param slot        the plan's slot
 * @param replan      intraday re-planning cadence
 * @param weather     {@code builtin:finnish-summer}, {@code builtin:finnish-winter}, or a CSV file (docs/energy-internet.md)
 */
public record EnergyInternetScenario(@JsonProperty(value = "kind", required = true) String kind,
                                     @JsonProperty("name") String name,
                                     @JsonProperty("seed") Long seed,
                                     @JsonProperty(value = "start", required = true) String start,
                                     @JsonProperty("duration") SimDuration duration,
                                     @JsonProperty("device_step") SimDuration deviceStep,
                                     @JsonProperty("slot") SimDuration slot,
                                     @JsonProperty("replan") SimDuration replan,
                                     @JsonProperty("site") Site site,
                                     @JsonProperty("weather") String weather,
                                     @JsonProperty("supply") SupplySpec supply,
                                     @JsonProperty("forecast") ForecastSpec forecast,
                                     @JsonProperty(value = "households", required = true) List<HouseholdSpec> households) {

    public EnergyInternetScenario {
        name = name == null ? "energy-internet" : name;
        seed = seed == null ? 1L : seed;
        duration = duration == null ? SimDuration.parse("12h") : duration;
        deviceStep = deviceStep == null ? SimDuration.parse("1m") : deviceStep;
        slot = slot == null ? SimDuration.parse("15m") : slot;
        replan = replan == null ? SimDuration.parse("1h") : replan;
        site = site == null ? new Site(null, null, null) : site;
        weather = weather == null ? "builtin:finnish-summer" : weather;
        supply = supply == null ? new SupplySpec(null, null, null, null, null, null, null, null) : supply;
        forecast = forecast == null ? new ForecastSpec(null, null) : forecast;
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("name must be letters, digits, '_', '.' or '-', got '" + name + "'");
        }
        try {
            LocalDateTime.parse(start);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("start: expected a local date-time like 2026-07-15T12:00, got '" + start + "'");
        }
        if (duration.ns() <= 0 || deviceStep.ns() <= 0 || slot.ns() <= 0 || replan.ns() <= 0) {
            throw new IllegalArgumentException("duration, device_step, slot and replan must be > 0");
        }
        if (slot.ns() % deviceStep.ns() != 0) {
            throw new IllegalArgumentException("slot must be a multiple of device_step");
        }
        if (households.isEmpty()) {
            throw new IllegalArgumentException("households: at least one");
        }
    }

    public LocalDateTime startTime() {
        return LocalDateTime.parse(start);
    }

    /** Where the site is (defaults: Helsinki, Finnish standard time). */
    public record Site(@JsonProperty("latitude_deg") Double latitudeDeg, @JsonProperty("longitude_deg") Double longitudeDeg,
                       @JsonProperty("utc_offset_h") Double utcOffsetH) {
        public Site {
            latitudeDeg = latitudeDeg == null ? 60.17 : latitudeDeg;
            longitudeDeg = longitudeDeg == null ? 24.94 : longitudeDeg;
            utcOffsetH = utcOffsetH == null ? 2.0 : utcOffsetH;
            if (Math.abs(latitudeDeg) > 90 || Math.abs(longitudeDeg) > 180) {
                throw new IllegalArgumentException("latitude_deg in [-90, 90], longitude_deg in [-180, 180]");
            }
        }
    }

    /**
     * The community's supply: a PV array and a small wind turbine shared by the households, import up
     * to a limit at a day and a night price, export at a feed-in price (prices per kWh, any currency).
     */
    public record SupplySpec(@JsonProperty("pv_kw") Double pvKw, @JsonProperty("wind_kw") Double windKw,
                             @JsonProperty("import_limit_kw") Double importLimitKw, @JsonProperty("day_price") Double dayPrice,
                             @JsonProperty("night_price") Double nightPrice, @JsonProperty("night_from_h") Double nightFromH,
                             @JsonProperty("night_to_h") Double nightToH, @JsonProperty("export_price") Double exportPrice) {
        public SupplySpec {
            pvKw = pvKw == null ? 6.0 : pvKw;
            windKw = windKw == null ? 5.0 : windKw;
            importLimitKw = importLimitKw == null ? 15.0 : importLimitKw;
            dayPrice = dayPrice == null ? 0.20 : dayPrice;
            nightPrice = nightPrice == null ? 0.08 : nightPrice;
            nightFromH = nightFromH == null ? 22.0 : nightFromH;
            nightToH = nightToH == null ? 6.0 : nightToH;
            exportPrice = exportPrice == null ? 0.03 : exportPrice;
            if (pvKw < 0 || windKw < 0 || importLimitKw < 0) {
                throw new IllegalArgumentException("pv_kw, wind_kw and import_limit_kw must be ≥ 0");
            }
        }

        public double importPrice(double hourOfDay) {
            double h = ((hourOfDay % 24) + 24) % 24;
            boolean night = nightFromH <= nightToH ? h >= nightFromH && h < nightToH : h >= nightFromH || h < nightToH;
            return night ? nightPrice : dayPrice;
        }
    }

    /** The renewable forecast's error: RMSE at long lead and correlation time (pem.forecast.ForecastErrorModel). */
    public record ForecastSpec(@JsonProperty("rmse_kw") Double rmseKw, @JsonProperty("correlation") SimDuration correlation) {
        public ForecastSpec {
            rmseKw = rmseKw == null ? 1.0 : rmseKw;
            correlation = correlation == null ? SimDuration.parse("2h") : correlation;
            if (rmseKw < 0 || correlation.ns() <= 0) {
                throw new IllegalArgumentException("rmse_kw ≥ 0 and correlation > 0");
            }
        }
    }

    /** A household and its deadline devices (any of them). */
    public record HouseholdSpec(@JsonProperty(value = "name", required = true) String name,
                                @JsonProperty("priority") Integer priority,
                                @JsonProperty("dishwasher") DishwasherSpec dishwasher,
                                @JsonProperty("ev") EvSpec ev,
                                @JsonProperty("sauna") SaunaSpec sauna) {
        public HouseholdSpec {
            priority = priority == null ? 0 : priority;
        }
    }

    /** Clock times {@code HH:MM} of the start's day ({@code 24:00} and later: the next day). */
    public record DishwasherSpec(@JsonProperty("loaded") String loaded, @JsonProperty("earliest") String earliest,
                                 @JsonProperty(value = "deadline", required = true) String deadline) {
    }

    /** @param soc state of charge at plug-in: a number or [min, max] drawn from the seed */
    public record EvSpec(@JsonProperty(value = "plug_in", required = true) String plugIn,
                         @JsonProperty(value = "deadline", required = true) String deadline,
                         @JsonProperty("soc") List<Double> soc, @JsonProperty("target_soc") Double targetSoc,
                         @JsonProperty("battery_kwh") Double batteryKwh, @JsonProperty("max_kw") Double maxKw) {
        public EvSpec {
            soc = soc == null ? List.of(0.2, 0.6) : List.copyOf(soc);
            targetSoc = targetSoc == null ? 1.0 : targetSoc;
            batteryKwh = batteryKwh == null ? 30.0 : batteryKwh;
            maxKw = maxKw == null ? 5.0 : maxKw;
            if (soc.isEmpty() || soc.size() > 2 || soc.stream().anyMatch(x -> !(x >= 0 && x <= 1)) || !(targetSoc > 0 && targetSoc <= 1)) {
                throw new IllegalArgumentException("soc is a number or [min, max] in [0, 1]; target_soc in (0, 1]");
            }
            if (!(batteryKwh > 0 && maxKw > 0)) {
                throw new IllegalArgumentException("battery_kwh and max_kw must be > 0");
            }
        }
    }

    public record SaunaSpec(@JsonProperty(value = "booked", required = true) String booked,
                            @JsonProperty(value = "ready", required = true) String ready,
                            @JsonProperty("target_c") Double targetC, @JsonProperty("heater_kw") Double heaterKw) {
        public SaunaSpec {
            targetC = targetC == null ? 70.0 : targetC;
            heaterKw = heaterKw == null ? 3.6 : heaterKw;
            if (!(heaterKw > 0) || !(targetC > 20 && targetC < 110)) {
                throw new IllegalArgumentException("heater_kw > 0 and target_c in (20, 110)");
            }
        }
    }
}
