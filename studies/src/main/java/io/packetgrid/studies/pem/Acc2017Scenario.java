package io.packetgrid.studies.pem;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.scenario.InvalidFieldException;
import io.packetgrid.cosim.scenario.SimDuration;
import java.util.List;

/**
 * {@code kind: acc2017}: the ACC 2017 water-heater study (see
 * {@link io.packetgrid.pem.sim.Acc2017Experiment}). Every field but {@code kind} is optional; the
 * defaults are ACC 2017 Table I.
 */
public record Acc2017Scenario(@JsonProperty("kind") String kind, @JsonProperty("name") String name,
                              @JsonProperty("seed") long seed, @JsonProperty("devices") int devices,
                              @JsonProperty("duration") SimDuration duration, @JsonProperty("step") SimDuration step,
                              @JsonProperty("baseline_from") SimDuration baselineFrom,
                              @JsonProperty("tracking_from") SimDuration trackingFrom, @JsonProperty("mttr") SimDuration mttr,
                              @JsonProperty("nominal_packet_kw") double nominalPacketKw,
                              @JsonProperty("reference_offset_pct") double referenceOffsetPct,
                              @JsonProperty("reference_amplitude_pct") double referenceAmplitudePct,
                              @JsonProperty("variants") List<VariantSpec> variants,
                              @JsonProperty("rebound") Rebound rebound, @JsonProperty("network") NetworkSpec network) {

    @JsonCreator
    public Acc2017Scenario(@JsonProperty(value = "kind", required = true) String kind,
                           @JsonProperty("name") String name,
                           @JsonProperty("seed") Long seed,
                           @JsonProperty("devices") Integer devices,
                           @JsonProperty("duration") SimDuration duration,
                           @JsonProperty("step") SimDuration step,
                           @JsonProperty("baseline_from") SimDuration baselineFrom,
                           @JsonProperty("tracking_from") SimDuration trackingFrom,
                           @JsonProperty("mttr") SimDuration mttr,
                           @JsonProperty("nominal_packet_kw") Double nominalPacketKw,
                           @JsonProperty("reference_offset_pct") Double referenceOffsetPct,
                           @JsonProperty("reference_amplitude_pct") Double referenceAmplitudePct,
                           @JsonProperty("variants") List<VariantSpec> variants,
                           @JsonProperty("rebound") Rebound rebound,
                           @JsonProperty("network") NetworkSpec network) {
        this(kind, name == null ? "acc2017-water-heaters" : name, seed == null ? 2017 : seed,
                devices == null ? 1000 : devices, or(duration, "6h"), or(step, "10s"), or(baselineFrom, "60m"),
                or(trackingFrom, "120m"), or(mttr, "300s"), nominalPacketKw == null ? 5.0 : nominalPacketKw,
                referenceOffsetPct == null ? -10 : referenceOffsetPct, referenceAmplitudePct == null ? 25 : referenceAmplitudePct,
                variants == null ? VariantSpec.acc2017() : List.copyOf(variants), rebound, network);
        if (devices != null && (devices < 1 || devices > 1_000_000)) {
            throw new IllegalArgumentException("devices must be in [1, 1000000]");
        }
        if (step().ns() <= 0 || step().ns() > 120_000_000_000L) {
            throw new IllegalArgumentException("step must be in (0, 120s] (Euler stability of the tank, ACC 2017 §II)");
        }
        if (trackingFrom().ns() >= duration().ns() || baselineFrom().ns() >= trackingFrom().ns()) {
            throw new IllegalArgumentException("need baseline_from < tracking_from < duration");
        }
        if (mttr().ns() <= 0) {
            throw new IllegalArgumentException("mttr must be > 0");
        }
        // absurd values run to infinite or meaningless results (1e308 % gave an infinite RMS in summary.json)
        InvalidFieldException.inRange("nominal_packet_kw", nominalPacketKw(), 1e-3, 1000);
        InvalidFieldException.inRange("reference_offset_pct", referenceOffsetPct(), -100, 100);
        InvalidFieldException.inRange("reference_amplitude_pct", referenceAmplitudePct(), 0, 100);
        if (referenceOffsetPct() - referenceAmplitudePct() < -100) {
            throw new InvalidFieldException("reference_amplitude_pct", "the reference would go below zero: reference_offset_pct − "
                    + "reference_amplitude_pct must be ≥ −100, got " + referenceOffsetPct() + " − " + referenceAmplitudePct());
        }
        java.util.Set<String> names = new java.util.HashSet<>(List.of(REBOUND_NO_LIMIT, REBOUND_RAMP_LIMITED));
        for (int i = 0; i < variants().size(); i++) {
            String n = variants().get(i).name();
            if (!names.add(n)) {
                throw new InvalidFieldException("variants[" + i + "].name", "'" + n + "' is already the name of "
                        + (n.equals(REBOUND_NO_LIMIT) || n.equals(REBOUND_RAMP_LIMITED) ? "the rebound test's result" : "another variant"));
            }
        }
        if (variants().isEmpty()) {
            throw new InvalidFieldException("variants", "needs at least one variant");
        }
    }

    /** The rebound test's two results, named in summary.json and as folders beside the variants'. */
    public static final String REBOUND_NO_LIMIT = "rebound_no_limit";
    public static final String REBOUND_RAMP_LIMITED = "rebound_ramp_limited";

    private static SimDuration or(SimDuration d, String def) {
        return d != null ? d : SimDuration.parse(def);
    }

    /** One scheme: {@code control: thermostat|pem}, {@code mode: track|accept_all}, {@code packet}. */
    public record VariantSpec(@JsonProperty("name") String name, @JsonProperty("control") String control,
                              @JsonProperty("mode") String mode, @JsonProperty("packet") SimDuration packet,
                              @JsonProperty("ramp_kw_per_min") double rampKwPerMin) {
        public VariantSpec {
            if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) { // a folder of the run
                throw new InvalidFieldException("name", "must be 1 to 64 letters, digits, '_' or '-', got '" + name + "'");
            }
            InvalidFieldException.inRange("ramp_kw_per_min", rampKwPerMin, 0, 1e6);
            if (!control.equals("thermostat") && !control.equals("pem")) {
                throw new IllegalArgumentException("control must be thermostat or pem, got '" + control + "'");
            }
            if (!mode.equals("track") && !mode.equals("accept_all")) {
                throw new IllegalArgumentException("mode must be track or accept_all, got '" + mode + "'");
            }
            if (rampKwPerMin < 0) {
                throw new IllegalArgumentException("ramp_kw_per_min must be ≥ 0");
            }
        }

        @JsonCreator
        public static VariantSpec of(@JsonProperty(value = "name", required = true) String name,
                                     @JsonProperty(value = "control", required = true) String control,
                                     @JsonProperty("mode") String mode,
                                     @JsonProperty("packet") SimDuration packet,
                                     @JsonProperty("ramp_kw_per_min") Double rampKwPerMin) {
            return new VariantSpec(name, control, mode == null ? "track" : mode, or(packet, "5m"),
                    rampKwPerMin == null ? 0 : rampKwPerMin);
        }

        static List<VariantSpec> acc2017() {
            return List.of(new VariantSpec("thermostat", "thermostat", "accept_all", SimDuration.parse("5m"), 0.0),
                    new VariantSpec("pem_uncoordinated", "pem", "accept_all", SimDuration.parse("5m"), 0.0),
                    new VariantSpec("pem_5min", "pem", "track", SimDuration.parse("5m"), 0.0),
                    new VariantSpec("pem_30min", "pem", "track", SimDuration.parse("30m"), 0.0));
        }
    }

    /** The rebound test: accept all, deny all from {@code deny_from} for {@code deny_for}, then release. */
    public record Rebound(@JsonProperty("packet") SimDuration packet, @JsonProperty("deny_from") SimDuration denyFrom,
                          @JsonProperty("deny_for") SimDuration denyFor, @JsonProperty("after") SimDuration after,
                          @JsonProperty("ramp_kw_per_min") double rampKwPerMin) {
        public Rebound {
            if (!(rampKwPerMin > 0)) {
                throw new InvalidFieldException("ramp_kw_per_min", "must be > 0, got " + rampKwPerMin);
            }
            InvalidFieldException.inRange("ramp_kw_per_min", rampKwPerMin, 0, 1e6);
        }

        @JsonCreator
        public static Rebound of(@JsonProperty("packet") SimDuration packet, @JsonProperty("deny_from") SimDuration denyFrom,
                                 @JsonProperty("deny_for") SimDuration denyFor, @JsonProperty("after") SimDuration after,
                                 @JsonProperty("ramp_kw_per_min") Double rampKwPerMin) {
            return new Rebound(or(packet, "5m"), or(denyFrom, "180m"), or(denyFor, "6h"), or(after, "60m"),
                    rampKwPerMin == null ? 300 : rampKwPerMin);
        }
    }

    /** Optional non-ideal network for all messages: fixed delay and Bernoulli loss. */
    public record NetworkSpec(@JsonProperty("delay") SimDuration delay, @JsonProperty("loss") double loss) {
        public NetworkSpec {
            InvalidFieldException.inRange("loss", loss, 0, 1);
            if (delay.ns() > 3_600_000_000_000L) {
                throw new InvalidFieldException("delay", "must be at most 1h, got " + delay);
            }
        }

        @JsonCreator
        public static NetworkSpec of(@JsonProperty("delay") SimDuration delay, @JsonProperty("loss") Double loss) {
            return new NetworkSpec(delay == null ? SimDuration.ofNs(0) : delay, loss == null ? 0 : loss);
        }
    }
}
