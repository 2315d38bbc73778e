package io.packetgrid.pem.net;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.scenario.InvalidFieldException;
import io.packetgrid.cosim.scenario.SimDuration;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.pem.journal.SyncMode;
import io.packetgrid.pem.packet.DeviceClass;
import io.packetgrid.pem.policy.CommunityRules;
import io.packetgrid.pem.policy.EventEstimator;
import io.packetgrid.pem.policy.Fairness;
import io.packetgrid.pem.policy.PolicyMode;
import io.packetgrid.pem.policy.RampLimiter;
import io.packetgrid.pem.policy.TargetSignal;
import io.packetgrid.pem.policy.TrackingPolicy;
import io.packetgrid.pem.policy.TrackingRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code serve --config FILE}: the server's policy, limits and journal settings (YAML, strict).
 * Every field is optional; the defaults accept every authenticated request (uncoordinated PEM)
 * and acknowledge packets once their journal batch is written ({@code journal.sync: write}; use
 * {@code fsync} to survive power cuts too).
 * <pre>
 * policy:
 *   mode: track              # track | accept_all | deny_all
 *   target_kw: 500           # constant target while tracking
 *   rule: half_packet        # half_packet (IREP 2022) | relay (ACC 2017)
 *   ramp_kw_per_min: 300
 *   max_packet: 30m
 *   order: [cooker, ev_charger]
 *   fairness: longest_waiting
 *   class_cap_kw: {ev_charger: 50}
 * limits:
 *   rate_per_s: 10           # per device: frames per second, burst 20
 *   burst: 20
 *   resend_per_s: 1          # per device: retransmitted ACCEPTs (a budget of their own), burst 3
 *   resend_burst: 3
 *   tcp_max_connections: 10000
 *   tcp_max_per_address: 256
 *   tcp_idle_timeout: 60s    # a connection without an authentic frame for this long is closed
 *   fd_reserve: 256          # file descriptors never given to connections (journal, logs)
 * journal: {sync: write, batch_max: 4096, segment_bytes: 268435456}   # or fsync
 * udp_channels: 1
 * </pre>
 */
public record ServerConfig(Policy policy, Limits limits, JournalSettings journal, Integer udpChannels, Integer ioThreads) {

    public record Policy(String mode, Double targetKw, String rule, Double rampKwPerMin, SimDuration maxPacket,
                         List<String> order, String fairness, Map<String, Double> classCapKw) {
        @com.fasterxml.jackson.annotation.JsonCreator
        public static Policy of(@JsonProperty("mode") String mode, @JsonProperty("target_kw") Double targetKw,
                                @JsonProperty("rule") String rule, @JsonProperty("ramp_kw_per_min") Double rampKwPerMin,
                                @JsonProperty("max_packet") SimDuration maxPacket, @JsonProperty("order") List<String> order,
                                @JsonProperty("fairness") String fairness,
                                @JsonProperty("class_cap_kw") Map<String, Double> classCapKw) {
            return new Policy(mode, targetKw, rule, rampKwPerMin, maxPacket, order, fairness, classCapKw);
        }
    }

    public record Limits(Double ratePerS, Double burst, Double resendPerS, Double resendBurst, Integer tcpMaxConnections,
                         Integer tcpMaxPerAddress, SimDuration tcpIdleTimeout, Integer fdReserve) {
        public Limits {
            positive("rate_per_s", ratePerS, 1e6);
            atLeastOne("burst", burst);
            positive("resend_per_s", resendPerS, 1e6);
            atLeastOne("resend_burst", resendBurst);
            count("tcp_max_connections", tcpMaxConnections, 0, 10_000_000);
            count("tcp_max_per_address", tcpMaxPerAddress, 1, 10_000_000);
            count("fd_reserve", fdReserve, 16, 1_000_000);
            if (tcpIdleTimeout != null && (tcpIdleTimeout.ns() < 100_000_000L || tcpIdleTimeout.ns() > 86_400_000_000_000L)) {
                throw new InvalidFieldException("tcp_idle_timeout", "must be in [100ms, 24h], got " + tcpIdleTimeout);
            }
        }

        public Limits(Double ratePerS, Double burst) {
            this(ratePerS, burst, null, null, null, null, null, null);
        }

        private static void positive(String field, Double v, double max) {
            if (v != null && !(v > 0 && v <= max)) {
                throw new InvalidFieldException(field, "must be > 0 and ≤ " + (long) max + ", got " + v);
            }
        }

        private static void atLeastOne(String field, Double v) {
            if (v != null && !(v >= 1 && v <= 1e6)) {
                throw new InvalidFieldException(field, "must be in [1, 1000000], got " + v);
            }
        }

        private static void count(String field, Integer v, int min, int max) {
            if (v != null && (v < min || v > max)) {
                throw new InvalidFieldException(field, "must be in [" + min + ", " + max + "], got " + v);
            }
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Limits of(@JsonProperty("rate_per_s") Double ratePerS, @JsonProperty("burst") Double burst,
                                @JsonProperty("resend_per_s") Double resendPerS, @JsonProperty("resend_burst") Double resendBurst,
                                @JsonProperty("tcp_max_connections") Integer tcpMaxConnections,
                                @JsonProperty("tcp_max_per_address") Integer tcpMaxPerAddress,
                                @JsonProperty("tcp_idle_timeout") SimDuration tcpIdleTimeout,
                                @JsonProperty("fd_reserve") Integer fdReserve) {
            return new Limits(ratePerS, burst, resendPerS, resendBurst, tcpMaxConnections, tcpMaxPerAddress, tcpIdleTimeout, fdReserve);
        }
    }

    public record JournalSettings(String sync, Integer batchMax, Long segmentBytes) {
        public JournalSettings {
            if (batchMax != null && (batchMax < 1 || batchMax > 1 << 20)) {
                throw new InvalidFieldException("batch_max", "must be in [1, 1048576], got " + batchMax);
            }
            if (segmentBytes != null && (segmentBytes < 4096 || segmentBytes > 1L << 30)) {
                throw new InvalidFieldException("segment_bytes", "must be in [4096, 1073741824], got " + segmentBytes);
            }
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static JournalSettings of(@JsonProperty("sync") String sync, @JsonProperty("batch_max") Integer batchMax,
                                         @JsonProperty("segment_bytes") Long segmentBytes) {
            return new JournalSettings(sync, batchMax, segmentBytes);
        }
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public ServerConfig(@JsonProperty("policy") Policy policy, @JsonProperty("limits") Limits limits,
                        @JsonProperty("journal") JournalSettings journal, @JsonProperty("udp_channels") Integer udpChannels,
                        @JsonProperty("io_threads") Integer ioThreads) {
        this.policy = policy == null ? new Policy(null, null, null, null, null, null, null, null) : policy;
        this.limits = limits == null ? new Limits(null, null) : limits;
        this.journal = journal == null ? new JournalSettings(null, null, null) : journal;
        this.udpChannels = udpChannels == null ? 1 : udpChannels;
        this.ioThreads = ioThreads == null ? 2 : ioThreads;
        if (this.udpChannels < 1 || this.udpChannels > 16) {
            throw new InvalidFieldException("udp_channels", "must be in [1, 16], got " + this.udpChannels);
        }
        if (this.ioThreads < 1 || this.ioThreads > 64) {
            throw new InvalidFieldException("io_threads", "must be in [1, 64], got " + this.ioThreads);
        }
    }

    public static ServerConfig defaults() {
        return new ServerConfig(null, null, null, null, null);
    }

    public static ServerConfig read(Path file) {
        return YamlFiles.read(file, ServerConfig.class);
    }

    public double ratePerS() {
        return limits.ratePerS() == null ? 10 : limits.ratePerS();
    }

    public double burst() {
        return limits.burst() == null ? 20 : limits.burst();
    }

    /** Default retransmission budget: one resent ACCEPT per second per device, three in a burst. */
    public static final double DEFAULT_RESEND_PER_S = 1;
    public static final double DEFAULT_RESEND_BURST = 3;

    public double resendPerS() {
        return limits.resendPerS() == null ? DEFAULT_RESEND_PER_S : limits.resendPerS();
    }

    public double resendBurst() {
        return limits.resendBurst() == null ? DEFAULT_RESEND_BURST : limits.resendBurst();
    }

    /** Open TCP connections at most (further ones are closed at once; 0: no TCP clients). */
    public int tcpMaxConnections() {
        return limits.tcpMaxConnections() == null ? 10_000 : limits.tcpMaxConnections();
    }

    /** Open TCP connections from one source address at most. */
    public int tcpMaxPerAddress() {
        return limits.tcpMaxPerAddress() == null ? 256 : limits.tcpMaxPerAddress();
    }

    /** A TCP connection without an authentic frame for this long is closed. */
    public long tcpIdleTimeoutNs() {
        return limits.tcpIdleTimeout() == null ? 60_000_000_000L : limits.tcpIdleTimeout().ns();
    }

    /** File descriptors never handed to connections (the journal's segments, logs, the JVM's own files). */
    public int fdReserve() {
        return limits.fdReserve() == null ? 256 : limits.fdReserve();
    }

    /**
     * Default {@code write}: acknowledged once written to the operating system (survives a killed
     * server, the guarantee asked of the journal); {@code fsync} also survives a power cut, at the
     * price of the disk's flush latency (0.5 ms median, 2 ms p99 on an idle dev VM, hundreds of ms
     * while other processes write heavily).
     */
    public SyncMode syncMode() {
        String s = journal.sync() == null ? "write" : journal.sync();
        try {
            return SyncMode.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PacketGridException("journal.sync", "expected fsync or write, got '" + s + "'");
        }
    }

    public int batchMax() {
        return journal.batchMax() == null ? 4096 : journal.batchMax();
    }

    public long segmentBytes() {
        return journal.segmentBytes() == null ? 256L << 20 : journal.segmentBytes();
    }

    /** The policy this configuration describes (event-based aggregate estimate, as IREP 2022). */
    public TrackingPolicy buildPolicy() {
        Policy p = policy;
        TrackingPolicy.Builder b = TrackingPolicy.builder();
        PolicyMode mode = p.mode() == null ? PolicyMode.ACCEPT_ALL : parse(PolicyMode.class, p.mode(), "policy.mode");
        b.mode(mode);
        b.target(TargetSignal.constant(p.targetKw() == null ? Double.POSITIVE_INFINITY : p.targetKw()));
        b.rule(p.rule() == null ? TrackingRule.HALF_PACKET : parse(TrackingRule.class, p.rule(), "policy.rule"));
        b.estimator(new EventEstimator(0));
        if (p.rampKwPerMin() != null) {
            if (!(p.rampKwPerMin() > 0)) {
                throw new PacketGridException("policy.ramp_kw_per_min", "must be > 0");
            }
            b.ramp(RampLimiter.perMinute(p.rampKwPerMin(), 10));
        }
        if (p.maxPacket() != null) {
            b.maxPacketNs(p.maxPacket().ns());
        }
        List<DeviceClass> order = new ArrayList<>();
        if (p.order() != null) {
            for (int i = 0; i < p.order().size(); i++) {
                order.add(DeviceClass.parse(p.order().get(i), "policy.order[" + i + "]"));
            }
        }
        Map<DeviceClass, Double> caps = new EnumMap<>(DeviceClass.class);
        if (p.classCapKw() != null) {
            p.classCapKw().forEach((k, v) -> caps.put(DeviceClass.parse(k, "policy.class_cap_kw." + k), v));
        }
        Fairness f = p.fairness() == null ? Fairness.ARRIVAL : parse(Fairness.class, p.fairness(), "policy.fairness");
        b.rules(new CommunityRules(order, caps, f));
        return b.build();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String s, String where) {
        try {
            return Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder known = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                known.append(known.length() == 0 ? "" : ", ").append(c.name().toLowerCase(Locale.ROOT));
            }
            throw new PacketGridException(where, "expected one of " + known + ", got '" + s + "'");
        }
    }
}
