package io.packetgrid.pem.series;

import io.packetgrid.cosim.error.PacketGridException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A time series read from CSV, as users keep weather, prices and base-load shapes: a header row, a
 * column {@code time} holding local date-times in ISO-8601 ({@code 2026-01-15T12:00} or with seconds)
 * at a fixed step, and numeric columns named with their units ({@code ghi_w_m2}, {@code air_c},
 * {@code wind_m_s}, {@code price_per_kwh}, {@code kw}). Blank lines and lines starting with {@code #}
 * are skipped; other columns are ignored. Every error names the file, the line and the column.
 *
 * @param start  time of the first row
 * @param stepS  seconds between rows
 */
public record TimeSeriesCsv(Path file, LocalDateTime start, long stepS, Map<String, double[]> columns) {

    /** Reads {@code file}, requiring the named columns. */
    public static TimeSeriesCsv read(Path file, List<String> required) {
        return read(file, required, List.of());
    }

    /**
     * Reads {@code file}, requiring the named columns and also reading the {@code optional} ones where the
     * header has them ({@link #columns()} then holds them).
     */
    public static TimeSeriesCsv read(Path file, List<String> required, List<String> optional) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot read: " + e.getMessage());
        }
        String[] header = null;
        int headerLine = 0;
        List<LocalDateTime> times = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<String> wanted = new ArrayList<>(required);
        int[] index = null;
        int timeCol = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String at = file + ":" + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (header == null) {
                header = f;
                headerLine = i + 1;
                Map<String, Integer> byName = new HashMap<>();
                for (int k = 0; k < f.length; k++) {
                    byName.put(f[k].strip().toLowerCase(Locale.ROOT), k);
                }
                Integer t = byName.get("time");
                if (t == null) {
                    throw new PacketGridException(at, "no column 'time' in the header (columns: " + String.join(", ", f) + ")");
                }
                timeCol = t;
                for (String o : optional) {
                    if (byName.containsKey(o) && !wanted.contains(o)) {
                        wanted.add(o);
                    }
                }
                index = new int[wanted.size()];
                for (int k = 0; k < wanted.size(); k++) {
                    Integer c = byName.get(wanted.get(k));
                    if (c == null) {
                        throw new PacketGridException(at, "no column '" + wanted.get(k) + "' in the header (columns: "
                                + String.join(", ", f) + ")");
                    }
                    index[k] = c;
                }
                continue;
            }
            if (f.length != header.length) {
                throw new PacketGridException(at, f.length + " fields, the header has " + header.length);
            }
            try {
                times.add(LocalDateTime.parse(f[timeCol].strip()));
            } catch (DateTimeParseException e) {
                throw new PacketGridException(at, "column 'time': expected a date-time like 2026-01-15T12:00, got '" + f[timeCol] + "'");
            }
            double[] v = new double[wanted.size()];
            for (int k = 0; k < v.length; k++) {
                String s = f[index[k]].strip();
                try {
                    v[k] = Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new PacketGridException(at, "column '" + wanted.get(k) + "': expected a number, got '" + s + "'");
                }
                if (!Double.isFinite(v[k])) {
                    throw new PacketGridException(at, "column '" + wanted.get(k) + "': not a finite number: '" + s + "'");
                }
            }
            rows.add(v);
        }
        if (header == null) {
            throw new PacketGridException(file.toString(), "empty: a header and at least two rows are needed");
        }
        if (rows.size() < 2) {
            throw new PacketGridException(file + ":" + headerLine, "at least two rows are needed (the step is their spacing)");
        }
        long step = Duration.between(times.get(0), times.get(1)).getSeconds();
        if (step <= 0) {
            throw new PacketGridException(file.toString(), "times must increase (rows 1 and 2: " + times.get(0) + ", " + times.get(1) + ")");
        }
        for (int r = 2; r < times.size(); r++) {
            if (Duration.between(times.get(r - 1), times.get(r)).getSeconds() != step) {
                throw new PacketGridException(file + ": row " + (r + 1), "time " + times.get(r) + " breaks the fixed step of " + step + " s");
            }
        }
        Map<String, double[]> cols = new java.util.LinkedHashMap<>();
        for (int k = 0; k < wanted.size(); k++) {
            double[] c = new double[rows.size()];
            for (int r = 0; r < c.length; r++) {
                c[r] = rows.get(r)[k];
            }
            cols.put(wanted.get(k), c);
        }
        return new TimeSeriesCsv(file, times.get(0), step, cols);
    }

    public double[] column(String name) {
        return columns.get(name).clone();
    }

    /** The header's column names as read (lower case), for files whose columns a caller matches by pattern. */
    public static List<String> header(Path file) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    List<String> out = new ArrayList<>();
                    for (String c : t.split(",", -1)) {
                        out.add(c.strip().toLowerCase(Locale.ROOT));
                    }
                    return out;
                }
            }
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot read: " + e.getMessage());
        }
        throw new PacketGridException(file.toString(), "empty: a header and at least two rows are needed");
    }

    /**
     * Checks that a series of {@code count} samples at {@code stepS} from {@code start} covers a run from
     * {@code from} lasting {@code durationS}: its first sample at or before the run's start, its last interval
     * reaching the run's end. {@code where} names the file or field in the error.
     */
    public static void checkCovers(LocalDateTime start, long stepS, int count, LocalDateTime from, double durationS, String where) {
        long lead = Duration.between(start, from).getSeconds();
        if (lead < 0) {
            throw new PacketGridException(where, "starts at " + start + ", after the study's start " + from);
        }
        double end = lead + durationS;
        if (count * (double) stepS < end) {
            throw new PacketGridException(where, "ends at " + start.plusSeconds(count * stepS) + ", before the study's end "
                    + from.plusSeconds((long) Math.ceil(durationS)));
        }
    }
}
