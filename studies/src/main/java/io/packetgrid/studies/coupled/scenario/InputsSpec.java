package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.packetgrid.cosim.scenario.ScenarioWriter;

/**
 * Time-series inputs of a study with a calendar {@code start} (YAML {@code inputs:}); each is a
 * {@code builtin:} name or a CSV file (path relative to the scenario) with a header, a column
 * {@code time} (local date-time of the site, ISO-8601, fixed step; the first row at or before the start)
 * and unit-named columns (docs/scenario.md):
 * <ul>
 *   <li>{@code weather}: {@code ghi_w_m2}, {@code air_c}, {@code wind_m_s} (at 10 m): PV from irradiance,
 *       heat pumps from the outdoor temperature, small turbines from the wind; {@code builtin:finnish-winter}
 *       and {@code builtin:finnish-summer} are seeded synthetic weeks for the site and date. Absent: the
 *       clear-sky half-sine PV and the sinusoidal outdoor temperature of {@code devices:}.</li>
 *   <li>{@code prices}: {@code price_per_kwh} (what importing costs) and, optionally,
 *       {@code export_price_per_kwh}; {@code builtin:finnish-winter|summer} are synthetic spot-based retail
 *       prices; absent: {@code flat_price_per_kwh}.</li>
 *   <li>{@code base_load}: {@code kw} (every household's base load) and/or {@code <load>_kw} per load of the
 *       feeder (e.g. {@code load12_kw}, taking precedence); {@code builtin:feeder} (default) keeps the script's
 *       own load shapes; {@code builtin:finnish-winter|summer} are synthetic households of the season. Loads that
 *       are not households (a base station, a shop) keep the script's load unless a {@code <load>_kw} column
 *       names them.</li>
 * </ul>
 *
 * @param flatPricePerKwh   import price without a price series, per kWh
 * @param exportPricePerKwh export (feed-in) price where the price series has no export column, per kWh
 */
public record InputsSpec(@JsonProperty("weather") @JsonSerialize(using = ScenarioWriter.FilePath.class) String weather,
                         @JsonProperty("prices") @JsonSerialize(using = ScenarioWriter.FilePath.class) String prices,
                         @JsonProperty("base_load") @JsonSerialize(using = ScenarioWriter.FilePath.class) String baseLoad,
                         @JsonProperty("flat_price_per_kwh") Double flatPricePerKwh,
                         @JsonProperty("export_price_per_kwh") Double exportPricePerKwh) {
    public static final String BUILTIN = "builtin:";

    public InputsSpec {
        baseLoad = baseLoad == null ? "builtin:feeder" : baseLoad;
        flatPricePerKwh = flatPricePerKwh == null ? 0.15 : flatPricePerKwh;
        exportPricePerKwh = exportPricePerKwh == null ? 0.03 : exportPricePerKwh;
        for (String[] f : new String[][] {{"weather", weather}, {"prices", prices}, {"base_load", baseLoad}}) {
            if (f[1] != null && f[1].isBlank()) {
                throw new IllegalArgumentException(f[0] + " must name a builtin: series or a CSV file");
            }
        }
        if (!Double.isFinite(flatPricePerKwh) || !Double.isFinite(exportPricePerKwh)) {
            throw new IllegalArgumentException("prices must be finite numbers");
        }
    }

    public static InputsSpec none() {
        return new InputsSpec(null, null, null, null, null);
    }

    /** Whether any input needs a calendar start (weather, prices or a base load other than the feeder's shapes). */
    public boolean needsCalendar() {
        return weather != null || prices != null || !baseLoad.equals("builtin:feeder");
    }
}
