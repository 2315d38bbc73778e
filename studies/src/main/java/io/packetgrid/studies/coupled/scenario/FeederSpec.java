package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.packetgrid.cosim.scenario.ScenarioWriter;
import java.util.List;

/**
 * The feeder of a study (YAML {@code feeder:}).
 *
 * @param script    an OpenDSS script, relative to the scenario's folder, or {@code builtin:european-lv}
 *                  (the IEEE European LV test feeder shipped with the project)
 * @param commands  OpenDSS commands run after the script (e.g. {@code BatchEdit Load..* vminpu=0.5})
 * @param copies    feeders under the substation: copies of this feeder, each with its own households
 *                  (copy 1 keeps the script's load shapes, later copies draw their profiles from the
 *                  script's shapes), solved independently given the MV voltage and stepped in parallel
 * @param spacingM  distance between neighbouring copies on the map (metres)
 * @param columns   copies per map row
 * @param busCoords bus coordinate file (x, y in metres), relative to the script's folder; default the
 *                  file of the script's {@code BusCoords} command
 * @param onNonconvergence what a grid step whose power flow does not converge does: {@code fail} the run
 *                  (default; the error names the feeder, the step and the nodes with the largest change) or
 *                  {@code hold_last} (keep the last solution for that step, count and report the steps held)
 * @param mv        the script is an integrated MV–LV network ({@link MvSpec}); null: an LV feeder
 */
public record FeederSpec(@JsonProperty(value = "script", required = true)
                         @JsonSerialize(using = ScenarioWriter.FilePath.class) String script,
                         @JsonProperty("commands") List<String> commands,
                         @JsonProperty("copies") Integer copies,
                         @JsonProperty("spacing_m") Double spacingM,
                         @JsonProperty("columns") Integer columns,
                         @JsonProperty("bus_coords") String busCoords,
                         @JsonProperty("on_nonconvergence") NonConvergence onNonconvergence,
                         @JsonProperty("mv") MvSpec mv) {

    /** What a non-converging grid step does. */
    public enum NonConvergence { FAIL, HOLD_LAST }

    public FeederSpec {
        if (script == null || script.isBlank()) {
            throw new IllegalArgumentException("script must name an OpenDSS file or a builtin: feeder");
        }
        commands = commands == null ? List.of() : List.copyOf(commands);
        copies = copies == null ? 1 : copies;
        if (copies < 1 || copies > 10_000) {
            throw new IllegalArgumentException("copies must be in [1, 10000], got " + copies);
        }
        spacingM = spacingM == null ? 300.0 : spacingM;
        if (!(spacingM >= 0)) {
            throw new IllegalArgumentException("spacing_m must be ≥ 0, got " + spacingM);
        }
        columns = columns == null ? 10 : columns;
        onNonconvergence = onNonconvergence == null ? NonConvergence.FAIL : onNonconvergence;
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be ≥ 1, got " + columns);
        }
        if (mv != null && copies != 1) {
            throw new IllegalArgumentException("an MV network (mv:) is one network: copies must be 1");
        }
        if (mv != null && onNonconvergence == NonConvergence.HOLD_LAST) {
            throw new IllegalArgumentException("on_nonconvergence: hold_last is not available on an MV network (mv:) yet: use fail");
        }
    }

    /** A feeder whose non-converging steps fail the run (the default). */
    public FeederSpec(String script, List<String> commands, Integer copies, Double spacingM, Integer columns, String busCoords) {
        this(script, commands, copies, spacingM, columns, busCoords, null, null);
    }

    /** The prefix of built-in feeders. */
    public static final String BUILTIN = "builtin:";
}
