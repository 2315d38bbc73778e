package io.packetgrid.studies.protection.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.scenario.SimDuration;
import java.util.List;

/**
 * A PV inverter added to the feeder (YAML {@code dg[i]}): {@code New Generator.<name> phases=1
 * bus1=<bus> kV=<kv> kW=<kw> pf=1}, with its interface protection.
 *
 * @param name           DG name (radio endpoint {@code protection/<name>})
 * @param load           put it at this load's bus and phase (e.g. {@code LOAD40}) ...
 * @param bus            ... or at this bus and node ({@code 512.2})
 * @param kw             injected power (kW)
 * @param kv             rated voltage (kV) of a single-phase unit (default 0.23)
 * @param disconnectTime trip command to injection stopped (default 20 ms; assumption: inverter
 *                       control reaction plus its interface relay)
 * @param startPu        local fault detector of a permissive scheme: terminal voltage below this (default 0.88 pu)
 * @param startTime      that detector's time (default 20 ms, one 50 Hz cycle of measurement)
 * @param voltage        passive stages; default IEEE 1547-2018 Table 11 Category II
 *                       ({@code [{over: true, pu: 1.2, delay: 160ms}, …]})
 * @param xM             radio position (m); default the position of its bus
 * @param yM             radio position (m)
 */
public record DgSpec(@JsonProperty(value = "name", required = true) String name,
                     @JsonProperty("load") String load,
                     @JsonProperty("bus") String bus,
                     @JsonProperty(value = "kw", required = true) Double kw,
                     @JsonProperty("kv") Double kv,
                     @JsonProperty("disconnect_time") SimDuration disconnectTime,
                     @JsonProperty("start_pu") Double startPu,
                     @JsonProperty("start_time") SimDuration startTime,
                     @JsonProperty("voltage") List<VoltageStageSpec> voltage,
                     @JsonProperty("x_m") Double xM,
                     @JsonProperty("y_m") Double yM) {

    public DgSpec {
        Names.check(name, "name");
        if ((load == null) == (bus == null)) {
            throw new IllegalArgumentException("dg " + name + ": give either load or bus");
        }
        if (!(kw >= 0) || kw.isInfinite()) {
            throw new IllegalArgumentException("dg " + name + ": kw must be ≥ 0");
        }
        kv = kv == null ? 0.23 : kv;
        if (!(kv > 0)) {
            throw new IllegalArgumentException("dg " + name + ": kv must be > 0");
        }
        disconnectTime = disconnectTime == null ? SimDuration.parse("20ms") : disconnectTime;
        startPu = startPu == null ? 0.88 : startPu;
        startTime = startTime == null ? SimDuration.parse("20ms") : startTime;
        voltage = voltage == null ? null : List.copyOf(voltage);
    }

    /** A definite-time voltage stage. */
    public record VoltageStageSpec(@JsonProperty(value = "over", required = true) Boolean over,
                                   @JsonProperty(value = "pu", required = true) Double pu,
                                   @JsonProperty(value = "delay", required = true) SimDuration delay) {
    }
}
