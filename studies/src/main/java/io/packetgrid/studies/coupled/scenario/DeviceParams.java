package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Parameters of each device type (YAML {@code devices:}); every field is optional. Ranges are drawn
 * per device from its own seeded stream. Sources are given per field; values marked "assumption" are
 * ours.
 */
public record DeviceParams(@JsonProperty("water_heater") WaterHeaterSpec waterHeater,
                           @JsonProperty("heat_pump") HeatPumpSpec heatPump,
                           @JsonProperty("ev_charger") EvSpec evCharger,
                           @JsonProperty("battery") BatterySpec battery,
                           @JsonProperty("pv") PvSpec pv,
                           @JsonProperty("dishwasher") DishwasherSpec dishwasher,
                           @JsonProperty("sauna") SaunaSpec sauna,
                           @JsonProperty("wind") WindSpec wind) {

    public DeviceParams {
        waterHeater = waterHeater == null ? WaterHeaterSpec.defaults() : waterHeater;
        heatPump = heatPump == null ? HeatPumpSpec.defaults() : heatPump;
        evCharger = evCharger == null ? EvSpec.defaults() : evCharger;
        battery = battery == null ? BatterySpec.defaults() : battery;
        pv = pv == null ? PvSpec.defaults() : pv;
        dishwasher = dishwasher == null ? DishwasherSpec.defaults() : dishwasher;
        sauna = sauna == null ? SaunaSpec.defaults() : sauna;
        wind = wind == null ? WindSpec.defaults() : wind;
    }

    public static DeviceParams defaults() {
        return new DeviceParams(null, null, null, null, null, null, null, null);
    }

    static Range or(Range r, double min, double max) {
        return r != null ? r : Range.of(min, max);
    }

    static Range or(Range r, double v) {
        return r != null ? r : Range.of(v);
    }

    /**
     * An electric water heater: the ACC 2017 single-node tank (Almassalkhi, Frolik &amp; Hines, ACC
     * 2017, Table I; PEM-NOTES §2.1): tank [250, 300] L, set-point [52, 58] °C, element [4.5, 5.5] kW,
     * τ = 150 h, ambient [14, 18] °C, T(0) in [49, 61] °C, one draw event per hour on average; inlet
     * 14 °C (TPWRS 2020 Table I); dead-band 12 % and PEM band 8 % of the set-point.
     */
    public record WaterHeaterSpec(@JsonProperty("tank_l") Range tankL,
                                  @JsonProperty("setpoint_c") Range setpointC,
                                  @JsonProperty("rated_kw") Range ratedKw,
                                  @JsonProperty("tau_h") Range tauH,
                                  @JsonProperty("ambient_c") Range ambientC,
                                  @JsonProperty("inlet_c") Range inletC,
                                  @JsonProperty("initial_c") Range initialC,
                                  @JsonProperty("draws_per_hour") Double drawsPerHour,
                                  @JsonProperty("deadband_pct") Double deadbandPct,
                                  @JsonProperty("pem_band_pct") Double pemBandPct) {
        public WaterHeaterSpec {
            tankL = or(tankL, 250, 300).within(10, 2000, "tank_l");
            setpointC = or(setpointC, 52, 58).within(30, 90, "setpoint_c");
            ratedKw = or(ratedKw, 4.5, 5.5).within(0.1, 50, "rated_kw");
            tauH = or(tauH, 150).within(1, 10_000, "tau_h");
            ambientC = or(ambientC, 14, 18).within(-20, 40, "ambient_c");
            inletC = or(inletC, 14).within(0, 40, "inlet_c");
            initialC = or(initialC, 49, 61).within(0, 99, "initial_c");
            drawsPerHour = drawsPerHour == null ? 1.0 : drawsPerHour;
            deadbandPct = deadbandPct == null ? 12.0 : deadbandPct;
            pemBandPct = pemBandPct == null ? 8.0 : pemBandPct;
            if (!(drawsPerHour >= 0)) {
                throw new IllegalArgumentException("draws_per_hour must be ≥ 0, got " + drawsPerHour);
            }
            if (!(deadbandPct > 0 && pemBandPct > 0 && pemBandPct < deadbandPct)) {
                throw new IllegalArgumentException("need 0 < pem_band_pct < deadband_pct, got " + pemBandPct + " and " + deadbandPct);
            }
        }

        static WaterHeaterSpec defaults() {
            return new WaterHeaterSpec(null, null, null, null, null, null, null, null, null, null);
        }
    }

    /**
     * A heat pump charging a storage tank for floor heating (packet-server {@code HeatPumpParams.logHouse()}:
     * 2 kW compressor, 750 L tank, tank top band 45 ± 5 °C, room set-point 21 °C), on a day whose
     * outdoor temperature is a sinusoid (assumption: a UK winter day, mean 3 °C, ±4 °C, coldest at 05:00).
     */
    public record HeatPumpSpec(@JsonProperty("rated_kw") Range ratedKw,
                               @JsonProperty("tank_l") Range tankL,
                               @JsonProperty("initial_tank_c") Range initialTankC,
                               @JsonProperty("indoor_set_c") Range indoorSetC,
                               @JsonProperty("initial_indoor_c") Range initialIndoorC,
                               @JsonProperty("outdoor_mean_c") Double outdoorMeanC,
                               @JsonProperty("outdoor_amplitude_c") Double outdoorAmplitudeC,
                               @JsonProperty("coldest_h") Double coldestH) {
        public HeatPumpSpec {
            ratedKw = or(ratedKw, 2.0).within(0.1, 50, "rated_kw");
            tankL = or(tankL, 750).within(10, 5000, "tank_l");
            initialTankC = or(initialTankC, 41, 49).within(0, 99, "initial_tank_c");
            indoorSetC = or(indoorSetC, 21).within(5, 30, "indoor_set_c");
            initialIndoorC = or(initialIndoorC, 20, 21.5).within(0, 35, "initial_indoor_c");
            outdoorMeanC = outdoorMeanC == null ? 3.0 : outdoorMeanC;
            outdoorAmplitudeC = outdoorAmplitudeC == null ? 4.0 : outdoorAmplitudeC;
            coldestH = coldestH == null ? 5.0 : coldestH;
        }

        static HeatPumpSpec defaults() {
            return new HeatPumpSpec(null, null, null, null, null, null, null, null);
        }

        /** Outdoor temperature at {@code hourOfDay}, °C. */
        public double outdoorC(double hourOfDay) {
            return outdoorMeanC - outdoorAmplitudeC * Math.cos(2 * Math.PI * (hourOfDay - coldestH) / 24);
        }
    }

    /**
     * An EV charged at home overnight. Battery 22.4 kWh (Springer 2018: 150-mile range at 6.7 mi/kWh,
     * PEM-NOTES §2.2); charger, efficiency, plug-in and plug-out hours and states of charge are our
     * assumptions (a 6.6 kW single-phase wallbox, evening arrival, morning departure).
     *
     * @param arrivalH   plug-in hour of day
     * @param departureH plug-out hour of day (the next day when not after the arrival)
     */
    public record EvSpec(@JsonProperty("battery_kwh") Range batteryKwh,
                         @JsonProperty("charger_kw") Range chargerKw,
                         @JsonProperty("efficiency") Range efficiency,
                         @JsonProperty("arrival_h") Range arrivalH,
                         @JsonProperty("departure_h") Range departureH,
                         @JsonProperty("arrival_soc") Range arrivalSoc,
                         @JsonProperty("target_soc") Range targetSoc) {
        public EvSpec {
            batteryKwh = or(batteryKwh, 150 / 6.7).within(1, 500, "battery_kwh");
            chargerKw = or(chargerKw, 6.6).within(0.5, 50, "charger_kw");
            efficiency = or(efficiency, 0.9).within(0.5, 1, "efficiency");
            arrivalH = or(arrivalH, 17, 20).within(0, 24, "arrival_h");
            departureH = or(departureH, 6.5, 8.5).within(0, 24, "departure_h");
            arrivalSoc = or(arrivalSoc, 0.2, 0.5).within(0, 1, "arrival_soc");
            targetSoc = or(targetSoc, 0.9).within(0, 1, "target_soc");
            if (arrivalSoc.max() > targetSoc.min()) {
                throw new IllegalArgumentException("arrival_soc must stay below target_soc");
            }
        }

        static EvSpec defaults() {
            return new EvSpec(null, null, null, null, null, null, null);
        }
    }

    /**
     * A home battery: Tesla Powerwall 2.0 as in Springer 2018 / TPWRS 2020 (13.5 kWh, 5 kW, 95 %
     * one-way; PEM-NOTES §2.2) with the Khurram et al. TSG 2022 band (set 75 %, [55, 95] %). Under
     * local control it idles (the study models no self-consumption controller).
     */
    public record BatterySpec(@JsonProperty("initial_soc") Range initialSoc) {
        public BatterySpec {
            initialSoc = or(initialSoc, 0.6, 0.9).within(0, 1, "initial_soc");
        }

        static BatterySpec defaults() {
            return new BatterySpec(null);
        }
    }

    /**
     * A dishwasher running packet-server's default programme ({@code ProgrammeAppliance.dishwasher()}: 2 kW
     * for 15 min, 0.15 kW for 30 min, 2 kW for 15 min; 1.075 kWh), loaded in the evening and wanted done
     * by the next morning (our assumptions; the founding paper's example: loaded 19:30, done by 23:00).
     * Uncontrolled and under PEM it starts when loaded; under the Energy-Internet server it runs within
     * [loaded, deadline].
     *
     * @param loadedH   hour of day it is loaded (and the request sent)
     * @param deadlineH hour of day it must be done by (the next day when not after {@code loaded_h})
     */
    public record DishwasherSpec(@JsonProperty("loaded_h") Range loadedH,
                                 @JsonProperty("deadline_h") Range deadlineH) {
        public DishwasherSpec {
            loadedH = or(loadedH, 18, 22).within(0, 24, "loaded_h");
            deadlineH = or(deadlineH, 6.5, 8).within(0, 24, "deadline_h");
        }

        static DishwasherSpec defaults() {
            return new DishwasherSpec(null, null);
        }
    }

    /**
     * An electric sauna heater: one thermal node (packet-server {@code Sauna}) whose room is sized to the
     * heater (capacity and loss scale with its power from the founding paper's 3.6 kW example, so every
     * size heats from 20 °C to 70 °C in about an hour; the 1 kW per m³ rule of thumb of stove makers), booked
     * some hours before the bath. Uncontrolled and under PEM it heats at full power just in time for the
     * ready hour; under the Energy-Internet server it may be pre-heated early or heated late (forced use).
     *
     * @param readyH       hour of day it must be at the target (the bath)
     * @param bookedAheadH how long before that the bath is booked (the request sent), h
     * @param heaterKw     heater power (Finnish home stoves: 6–9 kW; assumption)
     * @param targetC      temperature wanted at the ready hour
     * @param earlyMin     how much earlier than just in time the Energy-Internet server may start heating it, minutes
     *                     (the server plans energy, not heat kept: heated early, the room cools; our choice)
     */
    public record SaunaSpec(@JsonProperty("ready_h") Range readyH,
                            @JsonProperty("booked_ahead_h") Range bookedAheadH,
                            @JsonProperty("heater_kw") Range heaterKw,
                            @JsonProperty("target_c") Range targetC,
                            @JsonProperty("early_min") Double earlyMin) {
        public SaunaSpec {
            readyH = or(readyH, 18, 21).within(0, 24, "ready_h");
            bookedAheadH = or(bookedAheadH, 3, 6).within(0, 23, "booked_ahead_h");
            heaterKw = or(heaterKw, 6, 8).within(0.5, 30, "heater_kw");
            targetC = or(targetC, 70, 80).within(40, 100, "target_c");
            earlyMin = earlyMin == null ? 30.0 : earlyMin;
            if (!(earlyMin >= 0 && earlyMin <= 600)) {
                throw new IllegalArgumentException("early_min must lie in [0, 600], got " + earlyMin);
            }
        }

        static SaunaSpec defaults() {
            return new SaunaSpec(null, null, null, null, null);
        }
    }

    /**
     * A small wind turbine at the household (packet-server {@code WindTurbine}: cubic power curve between
     * cut-in and rated speed; hub-height wind from the 10 m weather wind by the 1/7 power law). Needs
     * {@code inputs.weather}; the speeds are typical small-turbine data-sheet values (assumption).
     */
    public record WindSpec(@JsonProperty("rated_kw") Range ratedKw,
                           @JsonProperty("hub_m") Double hubM,
                           @JsonProperty("cut_in_m_s") Double cutInMs,
                           @JsonProperty("rated_m_s") Double ratedMs,
                           @JsonProperty("cut_out_m_s") Double cutOutMs) {
        public WindSpec {
            ratedKw = or(ratedKw, 3, 5).within(0, 100, "rated_kw");
            hubM = hubM == null ? 15.0 : hubM;
            cutInMs = cutInMs == null ? 3.0 : cutInMs;
            ratedMs = ratedMs == null ? 11.0 : ratedMs;
            cutOutMs = cutOutMs == null ? 25.0 : cutOutMs;
            if (!(hubM > 0 && cutInMs >= 0 && ratedMs > cutInMs && cutOutMs > ratedMs)) {
                throw new IllegalArgumentException("need hub_m > 0 and 0 ≤ cut_in_m_s < rated_m_s < cut_out_m_s");
            }
        }

        static WindSpec defaults() {
            return new WindSpec(null, null, null, null, null);
        }
    }

    /**
     * Rooftop PV: a clear-sky half-sine between sunrise and sunset (packet-server {@code PvProfile});
     * peak and hours are our assumptions for a UK winter day (peak [2.5, 4] kW, 08:00–16:00). With
     * {@code inputs.weather} the array is modelled from the irradiance and air temperature instead
     * (packet-server {@code PvModel}, PVWatts v5), {@code peak_kw} its DC rating and the hours unused.
     */
    public record PvSpec(@JsonProperty("peak_kw") Range peakKw,
                         @JsonProperty("sunrise_h") Double sunriseH,
                         @JsonProperty("sunset_h") Double sunsetH) {
        public PvSpec {
            peakKw = or(peakKw, 2.5, 4.0).within(0, 100, "peak_kw");
            sunriseH = sunriseH == null ? 8.0 : sunriseH;
            sunsetH = sunsetH == null ? 16.0 : sunsetH;
            if (!(sunriseH >= 0 && sunsetH > sunriseH && sunsetH <= 24)) {
                throw new IllegalArgumentException("need 0 ≤ sunrise_h < sunset_h ≤ 24");
            }
        }

        static PvSpec defaults() {
            return new PvSpec(null, null, null);
        }
    }
}
