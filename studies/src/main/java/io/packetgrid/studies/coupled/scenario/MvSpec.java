package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.scenario.SimDuration;

/**
 * The feeder script is an integrated MV–LV network (YAML {@code feeder.mv:}): one power flow per grid
 * step over all of it, the households are the loads of its LV feeders (one distribution
 * transformer's downstream each, one packet server each), the zone substation's on-load tap changer
 * acts in time mode, and its limits are visible to every server. The MV voltage band is the study's one
 * MV band, {@code grid_limits.mv_v_min_pu} / {@code mv_v_max_pu}.
 *
 * @param substation        the zone-substation transformer (default: the transformer on the source bus)
 * @param substationMaxPct  the zone transformer's loading limit, % of rating
 * @param oltc              the zone transformer's tap changer; null or {@code enabled: false}: taps fixed
 */
public record MvSpec(@JsonProperty("substation") String substation,
                     @JsonProperty("substation_max_pct") Double substationMaxPct,
                     @JsonProperty("oltc") Oltc oltc) {

    public MvSpec {
        substationMaxPct = substationMaxPct == null ? 100.0 : substationMaxPct;
        oltc = oltc == null ? Oltc.defaults() : oltc;
        if (!(substationMaxPct > 0)) {
            throw new IllegalArgumentException("substation_max_pct must be > 0");
        }
        if (substation != null && !substation.matches("[A-Za-z0-9_.\\-]+")) {
            throw new IllegalArgumentException("substation must name a transformer, got '" + substation + "'");
        }
    }

    /**
     * The zone transformer's on-load tap changer, an OpenDSS RegControl on its secondary winding in
     * time control mode: it holds the MV busbar at {@code vreg_pu} within {@code band_pct}, moving one
     * tap (0.625 %, OpenDSS's default 32 taps over ±10 %) at a time {@code delay} after the voltage left
     * the band. Defaults (an assumption, not a utility's published setting): busbar at nominal, ±0.75 %
     * band, 30 s delay.
     *
     * @param enabled  false: taps stay where the script sets them
     * @param vregPu   target, pu of the MV nominal line-to-neutral voltage
     * @param bandPct  band width (both sides together), % of the target
     * @param delay    time out of band before a tap moves
     */
    public record Oltc(@JsonProperty("enabled") Boolean enabled,
                       @JsonProperty("vreg_pu") Double vregPu,
                       @JsonProperty("band_pct") Double bandPct,
                       @JsonProperty("delay") SimDuration delay) {
        public Oltc {
            enabled = enabled == null || enabled;
            vregPu = vregPu == null ? 1.0 : vregPu;
            bandPct = bandPct == null ? 1.5 : bandPct;
            delay = delay == null ? SimDuration.parse("30s") : delay;
            if (!(vregPu > 0.8 && vregPu < 1.2) || !(bandPct > 0 && bandPct < 20) || delay.ns() < 0) {
                throw new IllegalArgumentException("oltc needs 0.8 < vreg_pu < 1.2, 0 < band_pct < 20, delay ≥ 0");
            }
        }

        public static Oltc defaults() {
            return new Oltc(null, null, null, null);
        }
    }

    public static MvSpec defaults() {
        return new MvSpec(null, null, null);
    }
}
