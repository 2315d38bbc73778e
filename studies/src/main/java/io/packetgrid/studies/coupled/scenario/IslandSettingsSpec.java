package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.scenario.SimDuration;

/**
 * How the feeder runs as a micro-grid (YAML {@code island:}): its point of common coupling, the battery's
 * island control, the synchronism check, the emergency mode and what PV does in the island.
 *
 * @param pcc                 the PCC element ({@code Transformer.TR1}, {@code Line.X})
 * @param pccTerminal         its terminal on the island side (1-based; default 2)
 * @param vSetPu              the battery's voltage in the island, pu of its kV (default 1.0)
 * @param droopPct            frequency drop at rated discharge, % (default 1)
 * @param syncSlipHz          frequency slip while synchronising (default 0.1 Hz)
 * @param maxEmfPu            largest voltage it sets to match the grid's (default 1.1)
 * @param syncFrequencyHz     synchronism window: Δf (default IEEE 1547-2018 for the battery's kVA)
 * @param syncVoltagePct      ΔV, % (same default)
 * @param syncAngleDeg        Δθ, degrees (same default)
 * @param emergencySocPct     the server enters emergency mode below this SoC (island-aware variants; default 35)
 * @param emergencyExitSocPct and leaves it at this SoC (default 45)
 * @param pvRideThrough       household PV keeps producing in the island (intentional islanding, default true);
 *                            false: it ceases to energise while islanded (anti-islanding)
 * @param reboundWindow       after the reconnection, the window in which the import peak is recorded (default 1h)
 * @param unit                the feeder script's {@code Storage} element (defined three-phase with {@code ControlMode=GFM})
 *                            that forms the island, instead of a {@code community_battery:}
 */
public record IslandSettingsSpec(@JsonProperty(value = "pcc", required = true) String pcc,
                                 @JsonProperty("pcc_terminal") Integer pccTerminal,
                                 @JsonProperty("v_set_pu") Double vSetPu,
                                 @JsonProperty("droop_pct") Double droopPct,
                                 @JsonProperty("sync_slip_hz") Double syncSlipHz,
                                 @JsonProperty("max_emf_pu") Double maxEmfPu,
                                 @JsonProperty("sync_frequency_hz") Double syncFrequencyHz,
                                 @JsonProperty("sync_voltage_pct") Double syncVoltagePct,
                                 @JsonProperty("sync_angle_deg") Double syncAngleDeg,
                                 @JsonProperty("emergency_soc_pct") Double emergencySocPct,
                                 @JsonProperty("emergency_exit_soc_pct") Double emergencyExitSocPct,
                                 @JsonProperty("pv_ride_through") Boolean pvRideThrough,
                                 @JsonProperty("rebound_window") SimDuration reboundWindow,
                                 @JsonProperty("unit") String unit) {

    public IslandSettingsSpec {
        pccTerminal = pccTerminal == null ? 2 : pccTerminal;
        if (pccTerminal < 1) {
            throw new IllegalArgumentException("pcc_terminal is 1-based");
        }
        vSetPu = vSetPu == null ? 1.0 : vSetPu;
        droopPct = droopPct == null ? 1.0 : droopPct;
        syncSlipHz = syncSlipHz == null ? 0.1 : syncSlipHz;
        maxEmfPu = maxEmfPu == null ? 1.1 : maxEmfPu;
        if (!(vSetPu > 0) || !(maxEmfPu >= vSetPu) || !(droopPct >= 0) || !(syncSlipHz > 0)) {
            throw new IllegalArgumentException("v_set_pu > 0, max_emf_pu ≥ v_set_pu, droop_pct ≥ 0, sync_slip_hz > 0");
        }
        emergencySocPct = emergencySocPct == null ? 35.0 : emergencySocPct;
        emergencyExitSocPct = emergencyExitSocPct == null ? emergencySocPct + 10 : emergencyExitSocPct;
        if (!(emergencySocPct >= 0 && emergencyExitSocPct >= emergencySocPct && emergencyExitSocPct <= 100)) {
            throw new IllegalArgumentException("need 0 ≤ emergency_soc_pct ≤ emergency_exit_soc_pct ≤ 100");
        }
        pvRideThrough = pvRideThrough == null || pvRideThrough;
        reboundWindow = reboundWindow == null ? SimDuration.parse("1h") : reboundWindow;
        if (unit != null && unit.isBlank()) {
            throw new IllegalArgumentException("unit must name the script's Storage element (Storage.X)");
        }
    }

    /** Settings without a script unit (the island formed by {@code community_battery:}). */
    public IslandSettingsSpec(String pcc, Integer pccTerminal, Double vSetPu, Double droopPct, Double syncSlipHz, Double maxEmfPu,
                              Double syncFrequencyHz, Double syncVoltagePct, Double syncAngleDeg, Double emergencySocPct,
                              Double emergencyExitSocPct, Boolean pvRideThrough, SimDuration reboundWindow) {
        this(pcc, pccTerminal, vSetPu, droopPct, syncSlipHz, maxEmfPu, syncFrequencyHz, syncVoltagePct, syncAngleDeg, emergencySocPct,
                emergencyExitSocPct, pvRideThrough, reboundWindow, null);
    }
}
