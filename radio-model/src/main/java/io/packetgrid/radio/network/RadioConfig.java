package io.packetgrid.radio.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.scenario.SimDuration;
import java.util.List;

/**
 * The radio network of a scenario (YAML section {@code radio:}; annotated example in
 * docs/radio-model.md). Every field is optional; defaults follow the cited 3GPP evaluation
 * assumptions.
 *
 * @param carrierGhz          carrier frequency, GHz (default 3.5, NR band n78)
 * @param numerology          μ = 0..3 (default 1: 30 kHz)
 * @param propagation         uma, umi, rma (TR 38.901) or macro36942 (TR 36.942) (default uma)
 * @param bsAboveRooftopM     macro36942 only: antenna height above rooftop (default 15 m, TR 36.942)
 * @param deviceHeightM       device antenna height (default 1.5 m, TR 38.901 Table 7.4.1-1)
 * @param uePowerDbm          device transmit power (default 23 dBm, power class 3, TS 38.101-1 §6.2.1)
 * @param bsPowerDbm          base-station transmit power over the carrier (default 46 dBm, the macro
 *                            value of TR 36.814 Table A.2.1.1-2)
 * @param carrierBandwidthMhz carrier bandwidth, MHz (default 20)
 * @param ueNoiseFigureDb     device receiver noise figure (default 9 dB, TR 36.814 Table A.2.1.1-2)
 * @param bsNoiseFigureDb     base-station noise figure (default 5 dB, same table)
 * @param shadowing           draw spatially correlated shadowing (default true)
 * @param fastFading          draw per-packet block fading, Rayleigh (NLOS) or Rician (LOS) (default true)
 * @param logTerm             keep the ½·log2 n term of the normal approximation (default true)
 * @param aggregators         base stations / NOMA aggregators (default one at the origin)
 * @param devices             endpoints with explicit positions
 * @param deviceArea          where endpoints that are neither listed nor wired are placed (uniform in
 *                            an annulus, from the endpoint's own seeded stream)
 * @param wired               endpoints behind the backhaul (servers); all others are radio devices
 * @param backhaul            one-way latency between an aggregator and the wired side (default 2 ms)
 * @param urllc               the URLLC service class (protection messages, kind {@code urllc})
 * @param mmtc                the mMTC service class (energy packets, kind {@code mmtc})
 * @param defaultClass        class of messages of any other kind: urllc, mmtc or none (= error)
 * @param background          background load from devices outside the model
 * @param coexistence         URLLC uplink on resources of its own or shared with mMTC and background
 *                            traffic, pre-emption ({@link CoexistenceConfig})
 */
public record RadioConfig(
        @JsonProperty("carrier_ghz") Double carrierGhz,
        @JsonProperty("numerology") Integer numerology,
        @JsonProperty("propagation") Propagation propagation,
        @JsonProperty("bs_above_rooftop_m") Double bsAboveRooftopM,
        @JsonProperty("device_height_m") Double deviceHeightM,
        @JsonProperty("ue_power_dbm") Double uePowerDbm,
        @JsonProperty("bs_power_dbm") Double bsPowerDbm,
        @JsonProperty("carrier_bandwidth_mhz") Double carrierBandwidthMhz,
        @JsonProperty("ue_noise_figure_db") Double ueNoiseFigureDb,
        @JsonProperty("bs_noise_figure_db") Double bsNoiseFigureDb,
        @JsonProperty("shadowing") Boolean shadowing,
        @JsonProperty("fast_fading") Boolean fastFading,
        @JsonProperty("log_term") Boolean logTerm,
        @JsonProperty("aggregators") List<AggregatorConfig> aggregators,
        @JsonProperty("devices") List<DeviceConfig> devices,
        @JsonProperty("device_area") AreaConfig deviceArea,
        @JsonProperty("wired") List<String> wired,
        @JsonProperty("backhaul") SimDuration backhaul,
        @JsonProperty("urllc") UrllcConfig urllc,
        @JsonProperty("mmtc") MmtcConfig mmtc,
        @JsonProperty("default_class") DefaultClass defaultClass,
        @JsonProperty("background") BackgroundConfig background,
        @JsonProperty("coexistence") CoexistenceConfig coexistence) {

    /** Large-scale propagation models. */
    public enum Propagation { UMA, UMI, RMA, MACRO36942 }

    /** What a message of an unknown kind is. */
    public enum DefaultClass { URLLC, MMTC, NONE }

    public RadioConfig {
        carrierGhz = positive(carrierGhz, 3.5, "carrier_ghz");
        numerology = numerology == null ? 1 : numerology;
        if (numerology < 0 || numerology > 3) {
            throw new IllegalArgumentException("numerology must be 0..3, got " + numerology);
        }
        propagation = propagation == null ? Propagation.UMA : propagation;
        bsAboveRooftopM = positive(bsAboveRooftopM, 15.0, "bs_above_rooftop_m");
        deviceHeightM = positive(deviceHeightM, 1.5, "device_height_m");
        uePowerDbm = uePowerDbm == null ? 23.0 : uePowerDbm;
        bsPowerDbm = bsPowerDbm == null ? 46.0 : bsPowerDbm;
        carrierBandwidthMhz = positive(carrierBandwidthMhz, 20.0, "carrier_bandwidth_mhz");
        ueNoiseFigureDb = ueNoiseFigureDb == null ? 9.0 : ueNoiseFigureDb;
        bsNoiseFigureDb = bsNoiseFigureDb == null ? 5.0 : bsNoiseFigureDb;
        shadowing = shadowing == null || shadowing;
        fastFading = fastFading == null || fastFading;
        logTerm = logTerm == null || logTerm;
        aggregators = aggregators == null || aggregators.isEmpty()
                ? List.of(new AggregatorConfig("gnb", 0.0, 0.0, null)) : List.copyOf(aggregators);
        devices = devices == null ? List.of() : List.copyOf(devices);
        deviceArea = deviceArea == null ? new AreaConfig(null, null, null, null) : deviceArea;
        wired = wired == null ? List.of("server") : List.copyOf(wired);
        backhaul = backhaul == null ? SimDuration.parse("2ms") : backhaul;
        urllc = urllc == null ? UrllcConfig.defaults() : urllc;
        mmtc = mmtc == null ? MmtcConfig.defaults() : mmtc;
        defaultClass = defaultClass == null ? DefaultClass.MMTC : defaultClass;
        background = background == null ? new BackgroundConfig(null, null, null) : background;
        coexistence = coexistence == null ? CoexistenceConfig.defaults() : coexistence;
        if (coexistence.shared() && mmtc.puschUnitsPerSlot() > 64) {
            throw new IllegalArgumentException("coexistence.urllc_uplink: shared needs mmtc.pusch_units_per_slot ≤ 64, got "
                    + mmtc.puschUnitsPerSlot());
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (AggregatorConfig a : aggregators) {
            if (!names.add(a.name())) {
                throw new IllegalArgumentException("two aggregators are named '" + a.name() + "'");
            }
        }
        java.util.Set<String> eps = new java.util.HashSet<>(wired);
        for (DeviceConfig d : devices) {
            if (!eps.add(d.endpoint())) {
                throw new IllegalArgumentException("endpoint '" + d.endpoint() + "' is listed twice (devices/wired)");
            }
        }
    }

    /** The configuration without a {@code coexistence} section (dedicated URLLC resources), as before it existed. */
    public RadioConfig(Double carrierGhz, Integer numerology, Propagation propagation, Double bsAboveRooftopM,
                       Double deviceHeightM, Double uePowerDbm, Double bsPowerDbm, Double carrierBandwidthMhz,
                       Double ueNoiseFigureDb, Double bsNoiseFigureDb, Boolean shadowing, Boolean fastFading, Boolean logTerm,
                       List<AggregatorConfig> aggregators, List<DeviceConfig> devices, AreaConfig deviceArea, List<String> wired,
                       SimDuration backhaul, UrllcConfig urllc, MmtcConfig mmtc, DefaultClass defaultClass,
                       BackgroundConfig background) {
        this(carrierGhz, numerology, propagation, bsAboveRooftopM, deviceHeightM, uePowerDbm, bsPowerDbm, carrierBandwidthMhz,
                ueNoiseFigureDb, bsNoiseFigureDb, shadowing, fastFading, logTerm, aggregators, devices, deviceArea, wired, backhaul,
                urllc, mmtc, defaultClass, background, null);
    }

    /** Every default. */
    public static RadioConfig defaults() {
        return new RadioConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    /** This configuration with other devices at known positions. */
    public RadioConfig withDevices(List<DeviceConfig> devices) {
        return new RadioConfig(carrierGhz, numerology, propagation, bsAboveRooftopM, deviceHeightM, uePowerDbm, bsPowerDbm,
                carrierBandwidthMhz, ueNoiseFigureDb, bsNoiseFigureDb, shadowing, fastFading, logTerm, aggregators, devices,
                deviceArea, wired, backhaul, urllc, mmtc, defaultClass, background, coexistence);
    }

    /** This configuration with other wired endpoints. */
    public RadioConfig withWired(List<String> wired) {
        return new RadioConfig(carrierGhz, numerology, propagation, bsAboveRooftopM, deviceHeightM, uePowerDbm, bsPowerDbm,
                carrierBandwidthMhz, ueNoiseFigureDb, bsNoiseFigureDb, shadowing, fastFading, logTerm, aggregators, devices,
                deviceArea, wired, backhaul, urllc, mmtc, defaultClass, background, coexistence);
    }

    /** This configuration with another URLLC section. */
    public RadioConfig withUrllc(UrllcConfig urllc) {
        return new RadioConfig(carrierGhz, numerology, propagation, bsAboveRooftopM, deviceHeightM, uePowerDbm, bsPowerDbm,
                carrierBandwidthMhz, ueNoiseFigureDb, bsNoiseFigureDb, shadowing, fastFading, logTerm, aggregators, devices,
                deviceArea, wired, backhaul, urllc, mmtc, defaultClass, background, coexistence);
    }

    /** This configuration with another background load. */
    public RadioConfig withBackground(BackgroundConfig background) {
        return new RadioConfig(carrierGhz, numerology, propagation, bsAboveRooftopM, deviceHeightM, uePowerDbm, bsPowerDbm,
                carrierBandwidthMhz, ueNoiseFigureDb, bsNoiseFigureDb, shadowing, fastFading, logTerm, aggregators, devices,
                deviceArea, wired, backhaul, urllc, mmtc, defaultClass, background, coexistence);
    }

    /** This configuration with another coexistence section. */
    public RadioConfig withCoexistence(CoexistenceConfig coexistence) {
        return new RadioConfig(carrierGhz, numerology, propagation, bsAboveRooftopM, deviceHeightM, uePowerDbm, bsPowerDbm,
                carrierBandwidthMhz, ueNoiseFigureDb, bsNoiseFigureDb, shadowing, fastFading, logTerm, aggregators, devices,
                deviceArea, wired, backhaul, urllc, mmtc, defaultClass, background, coexistence);
    }

    /**
     * Whether {@code other} places the same devices at the same positions with the same large-scale links:
     * carrier, propagation model and heights, shadowing, aggregators, listed devices, placement area and wired
     * endpoints are equal (what {@link RadioNetwork#urllc(RadioConfig)} needs to reuse this network's links).
     */
    public boolean sameGeometry(RadioConfig other) {
        return carrierGhz.equals(other.carrierGhz) && propagation == other.propagation
                && bsAboveRooftopM.equals(other.bsAboveRooftopM) && deviceHeightM.equals(other.deviceHeightM)
                && shadowing.equals(other.shadowing) && aggregators.equals(other.aggregators) && devices.equals(other.devices)
                && deviceArea.equals(other.deviceArea) && wired.equals(other.wired);
    }

    static Double positive(Double v, double dflt, String name) {
        if (v == null) {
            return dflt;
        }
        if (!(v > 0) || v.isInfinite()) {
            throw new IllegalArgumentException(name + " must be a positive number, got " + v);
        }
        return v;
    }

    static Double fraction(Double v, double dflt, String name) {
        if (v == null) {
            return dflt;
        }
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
        }
        return v;
    }

    static Integer atLeast(Integer v, int dflt, int min, String name) {
        if (v == null) {
            return dflt;
        }
        if (v < min) {
            throw new IllegalArgumentException(name + " must be ≥ " + min + ", got " + v);
        }
        return v;
    }

    /** A base station / aggregator; height defaults to the propagation model's (UMa 25 m, UMi 10 m, RMa 35 m). */
    public record AggregatorConfig(@JsonProperty(value = "name", required = true) String name,
                                   @JsonProperty("x_m") Double xM,
                                   @JsonProperty("y_m") Double yM,
                                   @JsonProperty("height_m") Double heightM) {
        public AggregatorConfig {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("an aggregator needs a name");
            }
            xM = xM == null ? 0.0 : xM;
            yM = yM == null ? 0.0 : yM;
            if (heightM != null && !(heightM > 0)) {
                throw new IllegalArgumentException("height_m must be > 0, got " + heightM);
            }
        }
    }

    /** A radio device (an endpoint) at a fixed position. */
    public record DeviceConfig(@JsonProperty(value = "endpoint", required = true) String endpoint,
                               @JsonProperty(value = "x_m", required = true) Double xM,
                               @JsonProperty(value = "y_m", required = true) Double yM) {
        public DeviceConfig {
            if (endpoint == null || endpoint.isBlank()) {
                throw new IllegalArgumentException("a device needs an endpoint name");
            }
        }
    }

    /** Uniform placement in an annulus around a centre (default: 35–500 m around the origin). */
    public record AreaConfig(@JsonProperty("center_x_m") Double centerXM,
                             @JsonProperty("center_y_m") Double centerYM,
                             @JsonProperty("min_radius_m") Double minRadiusM,
                             @JsonProperty("radius_m") Double radiusM) {
        public AreaConfig {
            centerXM = centerXM == null ? 0.0 : centerXM;
            centerYM = centerYM == null ? 0.0 : centerYM;
            minRadiusM = minRadiusM == null ? 35.0 : minRadiusM;
            radiusM = positive(radiusM, 500.0, "radius_m");
            if (!(minRadiusM >= 0 && minRadiusM < radiusM)) {
                throw new IllegalArgumentException("min_radius_m must be in [0, radius_m), got " + minRadiusM);
            }
        }
    }

    /**
     * Background load from devices outside the model.
     *
     * @param rachAccessesPerS  background preamble transmissions per second per aggregator (Poisson)
     * @param puschUtilization  fraction of mMTC uplink resource units taken by other traffic
     * @param pdschUtilization  fraction of mMTC downlink resource units taken by other traffic
     */
    public record BackgroundConfig(@JsonProperty("rach_accesses_per_s") Double rachAccessesPerS,
                                   @JsonProperty("pusch_utilization") Double puschUtilization,
                                   @JsonProperty("pdsch_utilization") Double pdschUtilization) {
        public BackgroundConfig {
            rachAccessesPerS = rachAccessesPerS == null ? 0.0 : rachAccessesPerS;
            if (!(rachAccessesPerS >= 0) || rachAccessesPerS.isInfinite()) {
                throw new IllegalArgumentException("rach_accesses_per_s must be ≥ 0, got " + rachAccessesPerS);
            }
            puschUtilization = fraction(puschUtilization, 0, "pusch_utilization");
            pdschUtilization = fraction(pdschUtilization, 0, "pdsch_utilization");
        }
    }
}
