package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The micro-grid's grid-forming storage unit (YAML {@code community_battery:}), OpenDSS Storage's figures:
 * it forms the island when the PCC opens ({@code island:}).
 *
 * @param name                name (default {@code community_battery})
 * @param bus                 the bus it connects to (three phases against ground)
 * @param kv                  rated line-to-line voltage, kV (default 0.416: the European LV feeder)
 * @param kw                  active power rating, kW
 * @param kva                 inverter rating, kVA (default 1.1 kW)
 * @param kwh                 capacity, kWh
 * @param socPct              stored energy at the start, % (default 100)
 * @param reservePct          never discharged below, % (default 20: OpenDSS Storage's %reserve)
 * @param chargeEfficiency    (default 0.95)
 * @param dischargeEfficiency (default 0.95)
 * @param rPu                 inverter output resistance in the island, pu of its kVA (default 0.005)
 * @param xPu                 output reactance (default 0.02; X/R = 4 as OpenDSS's grid-forming inverter)
 */
public record CommunityBatterySpec(@JsonProperty("name") String name,
                                   @JsonProperty(value = "bus", required = true) String bus,
                                   @JsonProperty("kv") Double kv,
                                   @JsonProperty(value = "kw", required = true) Double kw,
                                   @JsonProperty("kva") Double kva,
                                   @JsonProperty(value = "kwh", required = true) Double kwh,
                                   @JsonProperty("soc_pct") Double socPct,
                                   @JsonProperty("reserve_pct") Double reservePct,
                                   @JsonProperty("charge_efficiency") Double chargeEfficiency,
                                   @JsonProperty("discharge_efficiency") Double dischargeEfficiency,
                                   @JsonProperty("r_pu") Double rPu,
                                   @JsonProperty("x_pu") Double xPu) {

    public CommunityBatterySpec {
        name = name == null ? "community_battery" : name;
        kv = kv == null ? 0.416 : kv;
        if (!(kw > 0) || !(kwh > 0) || !(kv > 0)) {
            throw new IllegalArgumentException("kw, kwh and kv must be > 0");
        }
        kva = kva == null ? 1.1 * kw : kva;
        if (!(kva >= kw)) {
            throw new IllegalArgumentException("kva must be ≥ kw");
        }
        socPct = socPct == null ? 100.0 : socPct;
        reservePct = reservePct == null ? 20.0 : reservePct;
        if (!(socPct >= 0 && socPct <= 100) || !(reservePct >= 0 && reservePct < 100)) {
            throw new IllegalArgumentException("soc_pct in [0, 100], reserve_pct in [0, 100)");
        }
        chargeEfficiency = chargeEfficiency == null ? 0.95 : chargeEfficiency;
        dischargeEfficiency = dischargeEfficiency == null ? 0.95 : dischargeEfficiency;
        if (!(chargeEfficiency > 0 && chargeEfficiency <= 1) || !(dischargeEfficiency > 0 && dischargeEfficiency <= 1)) {
            throw new IllegalArgumentException("efficiencies must be in (0, 1]");
        }
        rPu = rPu == null ? 0.005 : rPu;
        xPu = xPu == null ? 0.02 : xPu;
        if (!(rPu >= 0) || !(xPu > 0)) {
            throw new IllegalArgumentException("r_pu ≥ 0 and x_pu > 0");
        }
    }
}
