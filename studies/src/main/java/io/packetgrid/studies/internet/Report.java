package io.packetgrid.studies.internet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.pem.sim.DeviceFleetFederate;
import io.packetgrid.pem.sim.ServiceAgent;
import io.packetgrid.pem.sim.ServiceServerFederate;
import io.packetgrid.studies.report.CsvTable;
import io.packetgrid.studies.report.Summary;
import io.packetgrid.studies.run.RunContext;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The energy_internet study's outputs: the metrics (CLI.md's names), {@code requests.csv} (each
 * request's outcome), {@code power.csv} (per device step: renewable, load, import, export, each
 * device), and the three-panel figure after the founding paper's Fig. 4.
 *
 * <p>Energy flows per device interval: load L = the devices' power, renewable R = PV + wind as
 * generated; import = max(0, L − R), export = max(0, R − L) (surplus not used is fed in);
 * {@code self_sufficiency_pct} = Σ min(L, R) / Σ L; {@code energy_cost} = Σ import·price − export·feed-in;
 * {@code forced_use_kwh}: energy the devices drew from the instant they went to forced use;
 * {@code deadlines_met_pct}: accepted requests whose device had its service done at its deadline (the
 * EV at its target, the dishwasher's programme run, the sauna at its temperature);
 * {@code forecast_rmse_kw}: the day-ahead (first) plan's renewable forecast against the actual slot means.
 */
final class Report {
    private Report() {
    }

    static Summary write(EnergyInternetScenario s, Path dir, RunContext ctx, List<ServiceAgent> agents, List<String[]> labels,
                         Observer obs, ServiceServerFederate server, DeviceFleetFederate fleet, double[] renewable,
                         EnergyInternetStudy.Forecasts forecasts, LocalDateTime start, double wallS) {
        double dtH = s.deviceStep().seconds() / 3600;
        int n = obs.rows.size();
        int m = agents.size();
        double startH = start.getHour() + start.getMinute() / 60.0;
        double imp = 0;
        double exp = 0;
        double load = 0;
        double local = 0;
        double cost = 0;
        double[] forced = new double[m];
        try (CsvTable c = new CsvTable(dir.resolve("power.csv"), header(labels), 6)) {
            for (int k = 0; k < n; k++) {
                double[] row = obs.rows.get(k);
                double l = 0;
                for (int i = 0; i < m; i++) {
                    l += row[1 + i];
                    long since = agents.get(i).forcedSinceNs();
                    if (since >= 0 && row[0] * 1e9 >= since) {
                        forced[i] += row[1 + i] * dtH;
                    }
                }
                double r = renewable[Math.min(renewable.length - 1, k)];
                double in = Math.max(0, l - r);
                double out = Math.max(0, r - l);
                if (k < n - 1) { // the last row is the end of the run, not an interval
                    imp += in * dtH;
                    exp += out * dtH;
                    load += l * dtH;
                    local += Math.min(l, r) * dtH;
                    cost += in * dtH * s.supply().importPrice(startH + row[0] / 3600) - out * dtH * s.supply().exportPrice();
                }
                Object[] cells = new Object[6 + m];
                cells[0] = row[0];
                cells[1] = (startH + row[0] / 3600) % 24;
                cells[2] = r;
                cells[3] = l;
                cells[4] = in;
                cells[5] = out;
                for (int i = 0; i < m; i++) {
                    cells[6 + i] = row[1 + i];
                }
                c.row(cells);
            }
        }
        int accepted = 0;
        int met = 0;
        double forcedKwh = 0;
        try (CsvTable c = new CsvTable(dir.resolve("requests.csv"), List.of("household", "device", "requested_s", "deadline_s",
                "energy_kwh", "accepted", "rejections", "forced_from_s", "met"), 6)) {
            for (int i = 0; i < m; i++) {
                ServiceAgent a = agents.get(i);
                boolean acc = a.accepted();
                accepted += acc ? 1 : 0;
                met += acc && obs.met[i] ? 1 : 0;
                forcedKwh += forced[i];
                var r = a.request();
                c.row(labels.get(i)[0], labels.get(i)[1], r == null ? Double.NaN : r.earliestStartNs() / 1e9,
                        r == null ? Double.NaN : r.deadlineNs() / 1e9, r == null ? 0.0 : r.energyKwh(), acc ? 1 : 0, a.rejections(),
                        a.forcedSinceNs() < 0 ? Double.NaN : a.forcedSinceNs() / 1e9, obs.met[i] ? 1 : 0);
            }
        }
        double rmse = forecastRmse(forecasts);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("deadlines_met_pct", accepted == 0 ? Double.NaN : round(100.0 * met / accepted, 3));
        metrics.put("requests", (long) m);
        metrics.put("requests_rejected", server.server().rejected());
        metrics.put("forced_use_kwh", round(forcedKwh, 4));
        metrics.put("import_kwh", round(imp, 4));
        metrics.put("export_kwh", round(exp, 4));
        metrics.put("load_kwh", round(load, 4));
        metrics.put("self_sufficiency_pct", load == 0 ? Double.NaN : round(100 * local / load, 3));
        metrics.put("energy_cost", round(cost, 4));
        metrics.put("forecast_rmse_kw", round(rmse, 4));
        Summary summary = new Summary("energy_internet", s.name(), s.seed());
        ObjectNode root = summary.root();
        root.put("start", s.start());
        root.put("duration_s", s.duration().seconds());
        root.put("households", s.households().size());
        root.put("weather", s.weather());
        ObjectNode v = summary.variant("energy_internet");
        for (Map.Entry<String, Object> e : metrics.entrySet()) {
            if (e.getValue() instanceof Double d) {
                if (Double.isFinite(d)) {
                    v.put(e.getKey(), d);
                } else {
                    v.putNull(e.getKey());
                }
            } else {
                v.put(e.getKey(), (Long) e.getValue());
            }
        }
        summary.write(dir);
        figure(dir.resolve("energy_internet.png"), obs, labels, renewable, startH, s.name());
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "PacketGrid energy_internet study '%s': %d households, %d requests, %s from %s, seed %d%n",
                s.name(), s.households().size(), m, s.duration(), s.start(), s.seed()));
        for (Map.Entry<String, Object> e : metrics.entrySet()) {
            text.append(String.format(Locale.ROOT, "%-24s %12s%n", e.getKey(), e.getValue()));
        }
        ctx.out().print(text);
        ctx.out().printf(Locale.ROOT, "simulated in %.1f s%n", wallS);
        return summary;
    }

    private static List<String> header(List<String[]> labels) {
        List<String> h = new ArrayList<>(List.of("time_s", "hour_of_day", "renewable_kw", "load_kw", "import_kw", "export_kw"));
        for (String[] l : labels) {
            h.add(l[0] + "_" + l[1] + "_kw");
        }
        return h;
    }

    private static double forecastRmse(EnergyInternetStudy.Forecasts f) {
        if (f.issued.isEmpty()) {
            return Double.NaN;
        }
        double first = f.issued.get(0)[0];
        double sq = 0;
        int n = 0;
        for (double[] e : f.issued) {
            if (e[0] == first) {
                sq += (e[2] - e[3]) * (e[2] - e[3]);
                n++;
            }
        }
        return Math.sqrt(sq / n);
    }

    static double round(double v, int digits) {
        return Double.isFinite(v) ? new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).doubleValue() : v;
    }

    /** Three panels: aggregate against renewable and import; each device's power; EV charge and sauna temperature. */
    private static void figure(Path file, Observer obs, List<String[]> labels, double[] renewable, double startH, String name) {
        System.setProperty("java.awt.headless", "true");
        int n = obs.rows.size();
        int m = labels.size();
        double[] hours = new double[n];
        double[] agg = new double[n];
        double[] ren = new double[n];
        double[] imp = new double[n];
        for (int k = 0; k < n; k++) {
            double[] row = obs.rows.get(k);
            hours[k] = startH + row[0] / 3600;
            for (int i = 0; i < m; i++) {
                agg[k] += row[1 + i];
            }
            ren[k] = renewable[Math.min(renewable.length - 1, k)];
            imp[k] = Math.max(0, agg[k] - ren[k]);
        }
        XYChart a = chart(name + ": loads against local renewable and import", "kW");
        line(a, "aggregate load", hours, agg);
        line(a, "local renewable (PV + wind)", hours, ren);
        line(a, "import", hours, imp);
        XYChart b = chart("allocation per device", "kW");
        XYChart c = chart("EV state of charge (%) and sauna temperature (°C)", "% / °C");
        for (int i = 0; i < m; i++) {
            double[] p = new double[n];
            double[] soc = new double[n];
            double[] temp = new double[n];
            boolean hasSoc = false;
            boolean hasTemp = false;
            for (int k = 0; k < n; k++) {
                double[] row = obs.rows.get(k);
                p[k] = row[1 + i];
                soc[k] = row[1 + m + i];
                temp[k] = row[1 + 2 * m + i];
                hasSoc |= !Double.isNaN(soc[k]);
                hasTemp |= !Double.isNaN(temp[k]);
            }
            String label = labels.get(i)[0] + " " + labels.get(i)[1];
            line(b, label, hours, p);
            if (hasSoc) {
                line(c, label + " SoC", hours, soc);
            }
            if (hasTemp) {
                line(c, label + " temperature", hours, temp);
            }
        }
        try {
            BufferedImage[] parts = {BitmapEncoder.getBufferedImage(a), BitmapEncoder.getBufferedImage(b), BitmapEncoder.getBufferedImage(c)};
            BufferedImage all = new BufferedImage(parts[0].getWidth(), parts[0].getHeight() * 3, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = all.createGraphics();
            for (int i = 0; i < 3; i++) {
                g.drawImage(parts[i], 0, i * parts[0].getHeight(), null);
            }
            g.dispose();
            ImageIO.write(all, "png", file.toFile());
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write the figure: " + e.getMessage());
        }
    }

    private static XYChart chart(String title, String y) {
        XYChart ch = new XYChartBuilder().width(1100).height(360).title(title).xAxisTitle("hour of day").yAxisTitle(y).build();
        ch.getStyler().setMarkerSize(0);
        ch.getStyler().setAntiAlias(false);
        return ch;
    }

    private static void line(XYChart ch, String name, double[] x, double[] y) {
        XYSeries s = ch.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
    }
}
