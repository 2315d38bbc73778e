package io.packetgrid.studies.protection.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.packetgrid.cosim.scenario.ScenarioWriter;
import java.util.List;

/**
 * The feeder (YAML {@code feeder:}).
 *
 * @param script    an OpenDSS script relative to the scenario's folder, or {@code builtin:european-lv}
 * @param commands  OpenDSS commands run after the script (before the DG units are added)
 * @param busCoords bus coordinate file ({@code bus x y}, metres) relative to the script's folder;
 *                  default: the file of the script's {@code BusCoords} command, if any
 * @param originBus the bus placed at the radio map's origin (default: the bus of the first relay)
 */
public record FeederSection(@JsonProperty(value = "script", required = true)
                            @JsonSerialize(using = ScenarioWriter.FilePath.class) String script,
                            @JsonProperty("commands") List<String> commands,
                            @JsonProperty("bus_coords") String busCoords,
                            @JsonProperty("origin_bus") String originBus) {

    public static final String BUILTIN = "builtin:";

    public FeederSection {
        if (script == null || script.isBlank()) {
            throw new IllegalArgumentException("script must name an OpenDSS file or builtin:european-lv");
        }
        commands = commands == null ? List.of() : List.copyOf(commands);
    }
}
