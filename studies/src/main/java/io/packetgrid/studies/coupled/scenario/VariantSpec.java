package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One variant of the study (YAML {@code variants:} entry): the same households, draws and seed,
 * controlled differently.
 *
 * @param control   {@code local} (every device under its own controller: thermostats, EVs charging at
 *                  full power from plug-in, batteries idle, dishwashers starting when loaded, saunas heating
 *                  just in time; no messages), {@code pem}, or {@code energy_internet} (deadline devices:
 *                  dishwashers, saunas and EVs charging at any power, ask the Energy-Internet server for a
 *                  service; the other devices run PEM under the same server, whose target keeps the feeder's
 *                  import under its limit; docs/energy-internet.md)
 * @param gridAware the server also applies the grid gate (IREP 2022 Algorithm 1, predictive)
 * @param mode      {@code track} the target or {@code accept_all} requests (uncoordinated PEM)
 * @param network   overrides the study's {@code network:} for this variant
 * @param islandAware in an island the server tracks the community battery's power toward zero (packets only
 *                    from PV surplus, never beyond the battery's rating) and enters the emergency mode when
 *                    its SoC runs low (docs/scenario.md, islanding)
 */
public record VariantSpec(@JsonProperty(value = "name", required = true) String name,
                          @JsonProperty("control") Control control,
                          @JsonProperty("grid_aware") Boolean gridAware,
                          @JsonProperty("mode") Mode mode,
                          @JsonProperty("network") NetworkSpec network,
                          @JsonProperty("island_aware") Boolean islandAware) {

    /** A variant that is not island-aware. */
    public VariantSpec(String name, Control control, Boolean gridAware, Mode mode, NetworkSpec network) {
        this(name, control, gridAware, mode, network, null);
    }

    /** Controls. */
    public enum Control { LOCAL, PEM, ENERGY_INTERNET }

    /** Server modes. */
    public enum Mode { TRACK, ACCEPT_ALL }

    public VariantSpec {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+") || name.matches("\\.+")) { // a folder of the run: not . or ..
            throw new IllegalArgumentException("name must be letters, digits, '_', '.' or '-', got '" + name + "'");
        }
        control = control == null ? Control.PEM : control;
        // the Energy-Internet server sees congestion unless told not to
        gridAware = gridAware == null ? control == Control.ENERGY_INTERNET : gridAware;
        mode = mode == null ? Mode.TRACK : mode;
        islandAware = islandAware != null && islandAware;
        if (control == Control.LOCAL && (gridAware || network != null || islandAware)) {
            throw new IllegalArgumentException("variant " + name + ": grid_aware, island_aware and network apply to control: pem only");
        }
    }

    /** Whether a server coordinates the devices over the network (PEM or the Energy-Internet server). */
    public boolean pem() {
        return control != Control.LOCAL;
    }

    /** Whether deadline devices are served by the Energy-Internet server. */
    public boolean energyInternet() {
        return control == Control.ENERGY_INTERNET;
    }
}
