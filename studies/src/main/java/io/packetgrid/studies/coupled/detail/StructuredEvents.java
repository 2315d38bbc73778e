package io.packetgrid.studies.coupled.detail;

import io.packetgrid.cosim.error.PacketGridException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The event log with one column per field ({@code detail/events.csv.gz}): {@code time_s, source, feeder,
 * kind, household, device}, then every {@code key=value} field the events carry (the fleet's {@code kw},
 * {@code seq}, {@code kwh}; the grid's {@code nodes}, {@code v_min_pu}, ...), in name order, and {@code text}
 * for any words that are not a field. Read from the variant's {@code events.csv}, whose {@code detail}
 * column holds those fields as {@code key=value} words.
 */
public final class StructuredEvents {
    private StructuredEvents() {
    }

    /** Writes {@code target} from {@code events} (the kernel's {@code time_s,source,type,detail} log). */
    public static void write(Path events, Path target) {
        List<String[]> rows = new ArrayList<>();
        List<Map<String, String>> fields = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>();
        try (BufferedReader in = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
            String line = in.readLine();   // header
            while ((line = in.readLine()) != null) {
                String[] c = line.split(",", 4);
                if (c.length < 3) {
                    continue;
                }
                String detail = c.length == 4 ? unquote(c[3]) : "";
                Map<String, String> f = new LinkedHashMap<>();
                StringBuilder text = new StringBuilder();
                for (String w : detail.split(" ")) {
                    int eq = w.indexOf('=');
                    if (eq > 0) {
                        f.put(w.substring(0, eq), w.substring(eq + 1));
                    } else if (!w.isEmpty()) {
                        text.append(text.length() == 0 ? "" : " ").append(w);
                    }
                }
                if (text.length() > 0) {
                    f.put("text", text.toString());
                }
                f.keySet().stream().filter(k -> !k.equals("device")).forEach(keys::add);
                rows.add(c);
                fields.add(f);
            }
        } catch (IOException e) {
            throw new PacketGridException(events.toString(), "cannot read: " + e.getMessage());
        }
        List<String> header = new ArrayList<>(List.of("time_s", "source", "feeder", "kind", "household", "device"));
        header.addAll(keys);
        try (GzipTable t = new GzipTable(target, header, true)) {
            for (int r = 0; r < rows.size(); r++) {
                String[] c = rows.get(r);
                Map<String, String> f = fields.get(r);
                String device = f.getOrDefault("device", "");
                String[] path = device.split("/");
                String feeder = path.length >= 3 ? path[0] : c[1].contains("/") ? c[1].substring(0, c[1].indexOf('/')) : "";
                Object[] cells = new Object[header.size()];
                cells[0] = Double.parseDouble(c[0]);
                cells[1] = c[1];
                cells[2] = feeder;
                cells[3] = c[2];
                cells[4] = path.length >= 3 ? path[1] : "";
                cells[5] = device;
                int i = 6;
                for (String k : keys) {
                    cells[i++] = f.getOrDefault(k, "");
                }
                t.row(cells);
            }
        }
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s;
    }
}
