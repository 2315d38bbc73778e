package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.packetgrid.cosim.scenario.SimDuration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * When a coupled study begins (YAML {@code start:}): a time of day ({@code 12h}: load shapes, PV, outdoor
 * temperature and plug-in hours are read at {@code start + t} of any day), or a calendar date and time,
 * local time of the site ({@code 2026-01-15T12:00}: the sun, the weather, prices and base loads are those
 * of that date). Either way {@link #ns()} and {@link #seconds()} are the time of day.
 *
 * @param ns   time of day, ns
 * @param date the calendar start (local date-time of the site), or null for a time of day
 */
public record StudyStart(long ns, LocalDateTime date) {
    private static final long DAY_NS = 86_400_000_000_000L;

    public StudyStart {
        if (ns < 0 || ns >= DAY_NS) {
            throw new IllegalArgumentException("start is a time of day, below 24h, or a date-time like 2026-01-15T12:00");
        }
    }

    /** A duration as time of day ({@code 12h}, {@code 6h30m}) or a local date-time ({@code 2026-01-15T12:00}, or with seconds). */
    @JsonCreator
    public static StudyStart parse(String text) {
        if (text != null && text.contains("T") && text.contains("-")) {
            LocalDateTime d;
            try {
                d = LocalDateTime.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("start: expected a time of day (12h) or a local date-time like 2026-01-15T12:00, got '"
                        + text + "'");
            }
            if (d.getNano() != 0) {
                throw new IllegalArgumentException("start: whole seconds only, got '" + text + "'");
            }
            return new StudyStart(d.toLocalTime().toSecondOfDay() * 1_000_000_000L, d);
        }
        return new StudyStart(SimDuration.parse(text).ns(), null);
    }

    public static StudyStart ofTimeOfDay(long ns) {
        return new StudyStart(ns, null);
    }

    /** Time of day at t = 0, s. */
    public double seconds() {
        return ns / 1e9;
    }

    /** Whether the start names a date. */
    public boolean calendar() {
        return date != null;
    }

    @JsonValue
    @Override
    public String toString() {
        return date != null ? date.toString() : SimDuration.ofNs(ns).toString();
    }
}
