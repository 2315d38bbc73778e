package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.scenario.SimDuration;
import io.packetgrid.pem.device.PemAutomaton;
import java.util.Map;

/**
 * The packetized energy management (YAML {@code pem:}).
 *
 * @param packet        packet length (ACC 2017: 5 min)
 * @param evPacket      packet length for EV chargers (default: {@code packet}; Rezaei, Frolik &amp; Hines
 *                      used a 15-min epoch for EVs)
 * @param mttr          mean time to request at the set-point, 1/m_R (ACC 2017 Table I: 300 s)
 * @param evMttr        the same for EV chargers (default: {@code mttr})
 * @param replyTimeout  a device waiting longer for a reply goes back to standby and draws again
 * @param rule          {@code relay} (ACC 2017: accept iff e &gt; 0) or {@code half_packet} (IREP 2022)
 * @param nominalKw     account every packet at this power (ACC 2017: the fleet's average, 5 kW); 0 = its rating
 * @param rampKwPerMin  VPP ramp limit per feeder (ACC 2017: 300 kW/min for 1000 heaters); 0 = none
 * @param estimator     {@code measured} (the fleet's meter plus packets accepted since, ACC 2017) or
 *                      {@code events} (from the request/reply stream alone, IREP 2022 §III)
 */
public record PemSpec(@JsonProperty("packet") SimDuration packet,
                      @JsonProperty("ev_packet") SimDuration evPacket,
                      @JsonProperty("mttr") SimDuration mttr,
                      @JsonProperty("ev_mttr") SimDuration evMttr,
                      @JsonProperty("reply_timeout") SimDuration replyTimeout,
                      @JsonProperty("rule") Rule rule,
                      @JsonProperty("nominal_kw") Double nominalKw,
                      @JsonProperty("ramp_kw_per_min") Double rampKwPerMin,
                      @JsonProperty("estimator") Estimator estimator,
                      @JsonProperty("priorities") Map<DeviceType, Integer> priorities) {

    /** Tracking rules of packet-server's {@code TrackingRule}. */
    public enum Rule { RELAY, HALF_PACKET }

    /** Aggregate estimators. */
    public enum Estimator { MEASURED, EVENTS }

    public PemSpec {
        packet = positive(packet, "5m", "packet");
        evPacket = evPacket == null ? packet : positive(evPacket, "5m", "ev_packet");
        mttr = positive(mttr, "5m", "mttr");
        evMttr = evMttr == null ? mttr : positive(evMttr, "5m", "ev_mttr");
        replyTimeout = positive(replyTimeout, "5s", "reply_timeout");
        rule = rule == null ? Rule.HALF_PACKET : rule;
        nominalKw = nominalKw == null ? 0.0 : nominalKw;
        rampKwPerMin = rampKwPerMin == null ? 0.0 : rampKwPerMin;
        estimator = estimator == null ? Estimator.MEASURED : estimator;
        priorities = priorities == null ? Map.of() : Map.copyOf(priorities);
        if (!(nominalKw >= 0) || !(rampKwPerMin >= 0)) {
            throw new IllegalArgumentException("nominal_kw and ramp_kw_per_min must be ≥ 0");
        }
    }

    private static SimDuration positive(SimDuration d, String dflt, String name) {
        if (d == null) {
            return SimDuration.parse(dflt);
        }
        if (d.ns() <= 0) {
            throw new IllegalArgumentException(name + " must be > 0");
        }
        return d;
    }

    public static PemSpec defaults() {
        return new PemSpec(null, null, null, null, null, null, null, null, null, null);
    }

    /** The request rate at the set-point m_R = 1/MTTR of a device of this type, 1/s. */
    public double mRHz(DeviceType t) {
        return 1e9 / (t == DeviceType.EV_CHARGER ? evMttr.ns() : mttr.ns());
    }

    /** The automaton's settings for a device of this type. */
    public PemAutomaton.Config automaton(DeviceType t) {
        return new PemAutomaton.Config(mRHz(t), packetNs(t), replyTimeout.ns());
    }

    /** The packet length a device of this type asks for. */
    public long packetNs(DeviceType t) {
        return t == DeviceType.EV_CHARGER ? evPacket.ns() : packet.ns();
    }
}
