package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.scenario.SimDuration;
import io.packetgrid.radio.network.RadioConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code kind: coupled}: packetized energy management of LV feeders' households over a radio network,
 * under the grid's limits (the annotated example is docs/scenario.md; the built-in default is
 * {@code studies/src/main/resources/scenarios/default.yaml}).
 *
 * @param start       time of day at which the run begins (load shapes, PV, outdoor temperature,
 *                    plug-in hours are read at {@code start + t}), or a calendar date-time of the site
 *                    ({@code 2026-01-15T12:00}) for weather, prices and base loads of that date
 * @param duration    simulated time
 * @param gridStep    time between power flows (the published load shapes are 1-minute)
 * @param deviceStep  device control step Δt (ACC 2017: 10 s)
 * @param observeFrom metrics count from this time on (the first minutes carry the initial states' transient)
 * @param radio       the radio model (radio-model's {@code RadioConfig}; {@code devices} and
 *                    {@code wired} are filled in by the study from the households and servers)
 * @param events      what happens on the study's time line (null: the key is absent; checked against the feeder
 *                    and radio before the run, {@code EventPlan})
 * @param communityBattery the micro-grid's grid-forming battery
 * @param island      the micro-grid's PCC and island control
 * @param protection  the feeder's protection, as a {@code protection validate} scenario writes it
 * @param site        where the feeder is (latitude, longitude, time zone)
 * @param inputs      weather, price and base-load series (need a calendar start)
 * @param energyInternet the Energy-Internet server of {@code control: energy_internet} variants
 * @param inverters   households' PV as PVSystems under an InvControl, script storage dispatch (null: the key is absent)
 */
public record CoupledScenario(@JsonProperty(value = "kind", required = true) String kind,
                              @JsonProperty("name") String name,
                              @JsonProperty("seed") Long seed,
                              @JsonProperty("start") StudyStart start,
                              @JsonProperty("duration") SimDuration duration,
                              @JsonProperty("grid_step") SimDuration gridStep,
                              @JsonProperty("device_step") SimDuration deviceStep,
                              @JsonProperty("observe_from") SimDuration observeFrom,
                              @JsonProperty(value = "feeder", required = true) FeederSpec feeder,
                              @JsonProperty("households") HouseholdsSpec households,
                              @JsonProperty("devices") DeviceParams devices,
                              @JsonProperty("network") NetworkSpec network,
                              @JsonProperty("radio") RadioConfig radio,
                              @JsonProperty("pem") PemSpec pem,
                              @JsonProperty("target") TargetSpec target,
                              @JsonProperty("community") CommunitySpec community,
                              @JsonProperty("grid_limits") GridLimitsSpec gridLimits,
                              @JsonProperty("variants") List<VariantSpec> variants,
                              @JsonProperty("outputs") OutputSpec outputs,
                              @JsonProperty("events") List<EventSpec> events,
                              @JsonProperty("community_battery") CommunityBatterySpec communityBattery,
                              @JsonProperty("island") IslandSettingsSpec island,
                              @JsonProperty("protection") io.packetgrid.studies.protection.scenario.ProtectionSection protection,
                              @JsonProperty("site") SiteSpec site,
                              @JsonProperty("inputs") InputsSpec inputs,
                              @JsonProperty("energy_internet") InternetSpec energyInternet,
                              @JsonProperty("inverters") InverterSpec inverters) {

    private static final long DAY_NS = 86_400_000_000_000L;

    public CoupledScenario {
        name = name == null ? "coupled" : name;
        seed = seed == null ? 1L : seed;
        start = start == null ? StudyStart.ofTimeOfDay(0) : start;
        duration = duration == null ? SimDuration.parse("24h") : duration;
        gridStep = gridStep == null ? SimDuration.parse("1m") : gridStep;
        deviceStep = deviceStep == null ? SimDuration.parse("10s") : deviceStep;
        observeFrom = observeFrom == null ? SimDuration.ofNs(0) : observeFrom;
        households = households == null ? new HouseholdsSpec(null, null, null, null) : households;
        devices = devices == null ? DeviceParams.defaults() : devices;
        network = network == null ? NetworkSpec.radio() : network;
        radio = radio == null ? RadioConfig.defaults() : radio;
        pem = pem == null ? PemSpec.defaults() : pem;
        target = target == null ? TargetSpec.defaults() : target;
        community = community == null ? CommunitySpec.none() : community;
        gridLimits = gridLimits == null ? GridLimitsSpec.en50160() : gridLimits;
        outputs = outputs == null ? OutputSpec.defaults() : outputs;
        events = events == null ? null : List.copyOf(events);
        site = site == null ? SiteSpec.helsinki() : site;
        inputs = inputs == null ? InputsSpec.none() : inputs;
        energyInternet = energyInternet == null ? InternetSpec.defaults() : energyInternet;
        if (variants == null || variants.isEmpty()) {
            variants = List.of(new VariantSpec("uncontrolled", VariantSpec.Control.LOCAL, null, null, null),
                    new VariantSpec("pem", VariantSpec.Control.PEM, false, null, null),
                    new VariantSpec("pem_grid_aware", VariantSpec.Control.PEM, true, null, null));
        } else {
            variants = List.copyOf(variants);
        }
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("name must be letters, digits, '_', '.' or '-', got '" + name + "'");
        }
        if (start.ns() >= DAY_NS) {
            throw new IllegalArgumentException("start is a time of day, below 24h, got " + start);
        }
        if (inputs.needsCalendar() && !start.calendar()) {
            throw new IllegalArgumentException("inputs (weather, prices, base_load) need a calendar start, e.g. start: 2026-01-15T12:00");
        }
        if (duration.ns() <= 0) {
            throw new IllegalArgumentException("duration must be > 0");
        }
        if (deviceStep.ns() <= 0 || deviceStep.ns() > 120_000_000_000L) {
            throw new IllegalArgumentException("device_step must be in (0, 2m] (Euler stability of the tanks, ACC 2017 §II)");
        }
        if (gridStep.ns() <= 0 || gridStep.ns() % deviceStep.ns() != 0) {
            throw new IllegalArgumentException("grid_step must be a positive multiple of device_step");
        }
        if (observeFrom.ns() >= duration.ns()) {
            throw new IllegalArgumentException("observe_from must be before the end of the run");
        }
        if (feeder.mv() != null && ((events != null && !events.isEmpty()) || island != null || protection != null)) {
            throw new IllegalArgumentException("events, island and protection run on LV feeders; an MV network (feeder.mv) takes none of them yet");
        }
        if (feeder.mv() != null && variants.stream().anyMatch(VariantSpec::energyInternet)) {
            throw new IllegalArgumentException("energy_internet variants run on LV feeders; an MV network (feeder.mv) takes none yet");
        }
        if (feeder.mv() != null && (outputs.detail().households() || outputs.detail().anyNodes())) {
            throw new IllegalArgumentException("outputs.detail households and node_voltages are written for LV feeders; an MV network"
                    + " (feeder.mv) writes mv.csv, grid.csv and households.csv but no detail tables yet");
        }
        if (!radio.devices().isEmpty() || !radio.wired().equals(List.of("server"))) {
            throw new IllegalArgumentException("radio.devices and radio.wired are set by the study (households' positions, servers)");
        }
        Set<String> names = new HashSet<>();
        for (VariantSpec v : variants) {
            if (!names.add(v.name())) {
                throw new IllegalArgumentException("two variants are named '" + v.name() + "'");
            }
        }
    }

    /** Hour of day at simulated time {@code tNs} (may exceed 24 on a run past midnight). */
    public double hourOfDay(long tNs) {
        return (start.ns() + tNs) / 3.6e12;
    }
}
