package io.packetgrid.studies.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.packetgrid.cosim.error.PacketGridException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A run folder's {@code report.html}: one self-contained page a person opens in a browser (plots
 * embedded as data URLs, styles inline, no script, nothing fetched from the network). A run's page
 * has its summary (the study's facts and the metrics table, one column per variant, or the
 * requirements table of a protection study), its warnings, every PNG plot of the folder, its
 * provenance ({@code run.json}) and the effective scenario; a sweep's page has its statistics table and
 * plots. Everything is read from what the run wrote, so the page shows exactly the files' numbers.
 */
public final class HtmlReport {
    public static final String FILE = "report.html";

    private final StringBuilder body = new StringBuilder();
    private final String title;

    public HtmlReport(String title) {
        this.title = title;
    }

    /** The page of one run folder (see the class comment); {@code runInfo} is its run.json. */
    public static void write(Path dir, JsonNode summary, JsonNode runInfo, String resolvedYaml) {
        String study = summary.path("study").asText(runInfo.path("study").asText("study"));
        String name = summary.path("scenario").asText(runInfo.path("scenario").asText(""));
        HtmlReport page = new HtmlReport("PacketGrid " + study + " study" + (name.isEmpty() ? "" : " '" + name + "'"));
        page.heading("Summary");
        Map<String, String> facts = new LinkedHashMap<>();
        summary.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode()) {
                facts.put(e.getKey(), text(e.getValue()));
            }
        });
        page.facts(facts);
        if (summary.path("variants").isObject() && !summary.get("variants").isEmpty()) {
            page.subheading("Metrics per variant");
            page.variants(summary.get("variants"));
        }
        summary.fields().forEachRemaining(e -> {
            if (e.getValue().isArray() && !e.getValue().isEmpty() && e.getValue().get(0).isObject()) {
                page.subheading(e.getKey().replace('_', ' '));
                page.rows(e.getValue());
            }
        });
        Path text = dir.resolve("summary.txt");
        if (Files.isRegularFile(text)) {
            page.subheading("As printed");
            page.pre(read(text));
        }
        page.warnings(runInfo.path("warnings"));
        page.plots(dir);
        page.heading("Provenance");
        Map<String, String> prov = new LinkedHashMap<>();
        runInfo.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("warnings")) {
                prov.put(e.getKey(), text(e.getValue()));
            }
        });
        page.facts(prov);
        page.heading("Effective scenario");
        page.paragraph("scenario.resolved.yaml: every field with its default filled in; running it again reproduces this run.");
        page.details("scenario.resolved.yaml", resolvedYaml);
        page.write(dir.resolve(FILE));
    }

    // ------------------------------------------------------------------ building blocks

    public HtmlReport heading(String h) {
        body.append("<h2>").append(esc(h)).append("</h2>\n");
        return this;
    }

    public HtmlReport subheading(String h) {
        body.append("<h3>").append(esc(h)).append("</h3>\n");
        return this;
    }

    public HtmlReport paragraph(String p) {
        body.append("<p>").append(esc(p)).append("</p>\n");
        return this;
    }

    public HtmlReport pre(String text) {
        body.append("<pre>").append(esc(text)).append("</pre>\n");
        return this;
    }

    public HtmlReport details(String summary, String text) {
        body.append("<details><summary>").append(esc(summary)).append("</summary><pre>").append(esc(text))
                .append("</pre></details>\n");
        return this;
    }

    /** A two-column table of names and values. */
    public HtmlReport facts(Map<String, String> facts) {
        body.append("<table class=\"facts\">\n");
        facts.forEach((k, v) -> body.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>\n"));
        body.append("</table>\n");
        return this;
    }

    /** A table with a header row; cells that look like numbers are right-aligned. */
    public HtmlReport table(List<String> header, List<List<String>> rows) {
        body.append("<table>\n<tr>");
        for (String h : header) {
            body.append("<th>").append(esc(h)).append("</th>");
        }
        body.append("</tr>\n");
        for (List<String> r : rows) {
            body.append("<tr>");
            for (String c : r) {
                body.append(numeric(c) ? "<td class=\"num\">" : "<td>").append(esc(c)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** Metrics of each variant: one row per metric (nested objects flattened as {@code a.b}), one column per variant. */
    HtmlReport variants(JsonNode variants) {
        Map<String, Map<String, String>> cols = new LinkedHashMap<>();
        Set<String> metrics = new LinkedHashSet<>();
        variants.fields().forEachRemaining(v -> {
            Map<String, String> m = new LinkedHashMap<>();
            flatten("", v.getValue(), m);
            cols.put(v.getKey(), m);
            metrics.addAll(m.keySet());
        });
        List<String> header = new ArrayList<>();
        header.add("metric");
        header.addAll(cols.keySet());
        List<List<String>> rows = new ArrayList<>();
        for (String metric : metrics) {
            List<String> r = new ArrayList<>();
            r.add(metric);
            for (Map<String, String> m : cols.values()) {
                r.add(m.getOrDefault(metric, "–"));
            }
            rows.add(r);
        }
        return table(header, rows);
    }

    /** A list of objects as a table, one row each (the union of their fields as columns). */
    HtmlReport rows(JsonNode list) {
        Set<String> cols = new LinkedHashSet<>();
        List<Map<String, String>> maps = new ArrayList<>();
        for (JsonNode n : list) {
            Map<String, String> m = new LinkedHashMap<>();
            flatten("", n, m);
            maps.add(m);
            cols.addAll(m.keySet());
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, String> m : maps) {
            List<String> r = new ArrayList<>();
            for (String c : cols) {
                r.add(m.getOrDefault(c, ""));
            }
            rows.add(r);
        }
        return table(new ArrayList<>(cols), rows);
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else {
            out.put(prefix, text(n));
        }
    }

    HtmlReport warnings(JsonNode warnings) {
        heading("Warnings");
        if (warnings == null || !warnings.isArray() || warnings.isEmpty()) {
            paragraph("None.");
            return this;
        }
        body.append("<ul class=\"warnings\">\n");
        for (JsonNode w : warnings) {
            body.append("<li>").append(esc(w.asText())).append("</li>\n");
        }
        body.append("</ul>\n");
        return this;
    }

    /** Every PNG under {@code dir}, by path, embedded. */
    public HtmlReport plots(Path dir) {
        List<Path> pngs = List.of();
        try (Stream<Path> s = Files.exists(dir) ? Files.walk(dir) : Stream.empty()) {
            pngs = s.filter(p -> p.getFileName().toString().endsWith(".png") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new PacketGridException(dir.toString(), "cannot list the plots: " + e.getMessage());
        }
        heading("Plots");
        if (pngs.isEmpty()) {
            paragraph("This run wrote no plots.");
        }
        for (Path p : pngs) {
            String rel = dir.relativize(p).toString().replace('\\', '/');
            byte[] png;
            try {
                png = Files.readAllBytes(p);
            } catch (IOException e) {
                throw new PacketGridException(p.toString(), "cannot read the plot: " + e.getMessage());
            }
            body.append("<figure><img alt=\"").append(esc(rel)).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>").append(esc(rel))
                    .append("</figcaption></figure>\n");
        }
        return this;
    }

    /** Writes the page. */
    public void write(Path file) {
        String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(title) + "</title>\n"
                + "<style>\n" + STYLE + "</style>\n</head>\n<body>\n<h1>" + esc(title) + "</h1>\n" + body + "</body>\n</html>\n";
        try {
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write: " + e.getMessage());
        }
    }

    private static final String STYLE = """
            body { font-family: sans-serif; margin: 2em; color: #222; max-width: 1200px; }
            h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; margin-top: 1.6em; }
            table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
            th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            table.facts th { background: #f4f4f4; }
            ul.warnings li { color: #8a4b00; }
            figure { margin: 1em 0; } img { max-width: 100%; border: 1px solid #eee; }
            figcaption { font-size: 0.85em; color: #555; }
            pre { background: #f7f7f7; padding: 0.6em; overflow-x: auto; font-size: 0.85em; }
            """;

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "–";
        }
        if (n.isValueNode()) {
            return n.asText();
        }
        return n.toString();
    }

    private static boolean numeric(String s) {
        return s.matches("-?[0-9][0-9.]*([eE][-+]?[0-9]+)?");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PacketGridException(f.toString(), "cannot read: " + e.getMessage());
        }
    }
}
