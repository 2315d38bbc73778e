package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Where the feeder is (YAML {@code site:}): for the sun's position and the clock of weather, price and
 * base-load files. Defaults: Helsinki.
 *
 * @param timeZone an IANA zone ({@code Europe/Helsinki}) or a fixed offset ({@code +02:00}); a calendar
 *                 {@code start} is local time in it, and the run's clock then runs on from the start (a
 *                 daylight-saving change during the run does not shift the households' hours)
 */
public record SiteSpec(@JsonProperty("latitude_deg") Double latitudeDeg,
                       @JsonProperty("longitude_deg") Double longitudeDeg,
                       @JsonProperty("time_zone") String timeZone) {

    public SiteSpec {
        latitudeDeg = latitudeDeg == null ? 60.17 : latitudeDeg;
        longitudeDeg = longitudeDeg == null ? 24.94 : longitudeDeg;
        timeZone = timeZone == null ? "Europe/Helsinki" : timeZone;
        if (!(Math.abs(latitudeDeg) <= 90)) {
            throw new IllegalArgumentException("latitude_deg must lie in [-90, 90], got " + latitudeDeg);
        }
        if (!(Math.abs(longitudeDeg) <= 180)) {
            throw new IllegalArgumentException("longitude_deg must lie in [-180, 180], got " + longitudeDeg);
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("time_zone: unknown zone '" + timeZone + "' (an IANA name like Europe/Helsinki, or +02:00)");
        }
    }

    public static SiteSpec helsinki() {
        return new SiteSpec(null, null, null);
    }

    /** Local time minus UTC at the local date-time {@code at}, hours (daylight saving included). */
    public double utcOffsetH(LocalDateTime at) {
        return ZoneId.of(timeZone).getRules().getOffset(at).getTotalSeconds() / 3600.0;
    }
}
