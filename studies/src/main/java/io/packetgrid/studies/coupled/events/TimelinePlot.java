package io.packetgrid.studies.coupled.events;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.studies.coupled.scenario.CoupledScenario;
import io.packetgrid.studies.protection.sim.ProtectionCoSimulation;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code timeline.png} of one variant, panels stacked: the LV voltage envelope; the community battery's
 * power and state of charge; the supply (households without it, the island) and every breaker's state over
 * the run; and for each fault a close-up from just before its inception to its clearing: the breakers'
 * states and the protection messages sent (delivered and lost) in milliseconds.
 */
final class TimelinePlot {
    private static final int WIDTH = 1100;
    private static final int HEIGHT = 300;

    private TimelinePlot() {
    }

    static void draw(Path file, CoupledScenario s, String variant, EventResults r) {
        System.setProperty("java.awt.headless", "true");
        List<XYChart> charts = new ArrayList<>();
        List<TimelineRecorder.Row> rows = r.recorder().rows();
        double[] h = new double[rows.size()];
        for (int i = 0; i < h.length; i++) {
            h[i] = (s.start().seconds() + rows.get(i).tS()) / 3600;
        }
        XYChart v = chart(variant + ": LV voltage envelope", "hour of day", "voltage (pu)");
        line(v, "v_min", h, rows.stream().mapToDouble(TimelineRecorder.Row::vMinPu).toArray(), new Color(0x1F77B4));
        line(v, "v_max", h, rows.stream().mapToDouble(TimelineRecorder.Row::vMaxPu).toArray(), new Color(0xD62728));
        charts.add(v);
        if (s.island() != null) {
            XYChart b = chart("community battery", "hour of day", "power (kW) / SoC (%)");
            line(b, "battery_kw", h, rows.stream().mapToDouble(x -> Double.isNaN(x.batteryKw()) ? 0 : x.batteryKw()).toArray(),
                    new Color(0x2CA02C));
            line(b, "soc_pct", h, rows.stream().mapToDouble(x -> Double.isNaN(x.socPct()) ? 0 : x.socPct()).toArray(),
                    new Color(0x9467BD));
            charts.add(b);
        }
        XYChart sup = chart("supply and switching", "hour of day", "households / state");
        line(sup, "households_without_supply", h, rows.stream().mapToDouble(x -> x.householdsOut()).toArray(), new Color(0x8C564B));
        if (s.island() != null) {
            line(sup, "islanded (x10)", h, rows.stream().mapToDouble(x -> 10 * x.islanded()).toArray(), new Color(0xFF7F0E));
        }
        ProtectionCoSimulation.Outcome p = r.protection();
        double endH = h.length == 0 ? 0 : h[h.length - 1];
        double startH = s.start().seconds() / 3600;
        if (p != null) {
            int k = 0;
            for (Map.Entry<String, List<Long>> e : p.opensNs().entrySet()) {
                double[][] st = states(e.getValue(), p.closesNs().get(e.getKey()), startH * 3600e9 - s.start().ns(), s, endH);
                line(sup, e.getKey() + " closed (x5)", scale(st[0], 1), scale(st[1], 5), PALETTE[k++ % PALETTE.length]);
            }
        }
        charts.add(sup);
        int shown = 0;
        for (long[] f : r.faultTimes()) {
            if (shown++ >= 3) {
                break;
            }
            charts.add(zoom(variant, f, r));
        }
        write(file, charts);
    }

    private static final Color[] PALETTE = {new Color(0x17BECF), new Color(0xBCBD22), new Color(0x7F7F7F), new Color(0xE377C2)};

    /** Around a fault: breaker states and the messages, ms from inception. */
    private static XYChart zoom(String variant, long[] f, EventResults r) {
        long t0 = f[0];
        long end = f[1] == SimTime.NEVER ? t0 + 2 * SimTime.S : Math.max(f[1] + 200 * SimTime.MS, t0 + 300 * SimTime.MS);
        if (r.protection() != null) {
            // through the reclosing: every breaker change within 3 s of the inception
            for (Map.Entry<String, List<Long>> e : r.protection().opensNs().entrySet()) {
                List<Long> all = new ArrayList<>(e.getValue());
                all.addAll(r.protection().closesNs().get(e.getKey()));
                for (long t : all) {
                    if (t >= t0 && t <= t0 + 3 * SimTime.S) {
                        end = Math.max(end, t + 100 * SimTime.MS);
                    }
                }
            }
        }
        XYChart c = chart(String.format(java.util.Locale.ROOT, "fault at %.0f s: breakers and protection messages (isolated %s)",
                t0 / 1e9, f[1] == SimTime.NEVER ? "never" : String.format(java.util.Locale.ROOT, "after %.1f ms", (f[1] - t0) / 1e6)),
                "ms from inception", "state / message");
        ProtectionCoSimulation.Outcome p = r.protection();
        int k = 0;
        if (p != null) {
            for (Map.Entry<String, List<Long>> e : p.opensNs().entrySet()) {
                List<double[]> pts = new ArrayList<>();
                boolean closed = true;
                pts.add(new double[] {-100, 1});
                List<long[]> changes = new ArrayList<>();
                for (long t : e.getValue()) {
                    changes.add(new long[] {t, 0});
                }
                for (long t : p.closesNs().get(e.getKey())) {
                    changes.add(new long[] {t, 1});
                }
                changes.sort((a, b) -> Long.compare(a[0], b[0]));
                for (long[] ch : changes) {
                    if (ch[0] < t0 - 100 * SimTime.MS || ch[0] > end) {
                        closed = ch[1] == 1;
                        continue;
                    }
                    double ms = (ch[0] - t0) / 1e6;
                    pts.add(new double[] {ms, closed ? 1 : 0});
                    closed = ch[1] == 1;
                    pts.add(new double[] {ms, closed ? 1 : 0});
                }
                pts.add(new double[] {(end - t0) / 1e6, closed ? 1 : 0});
                double[] x = pts.stream().mapToDouble(q -> q[0]).toArray();
                double lift = 1 + 0.05 * k;   // breakers drawn slightly apart
                double[] y = pts.stream().mapToDouble(q -> q[1] * lift).toArray();
                line(c, e.getKey() + " closed", x, y, PALETTE[k++ % PALETTE.length]);
            }
        }
        List<Double> sx = new ArrayList<>();
        List<Double> sy = new ArrayList<>();
        List<Double> lx = new ArrayList<>();
        List<Double> ly = new ArrayList<>();
        for (EventNetwork.Sent m : r.messages()) {
            if (m.sentNs() >= t0 - 100 * SimTime.MS && m.sentNs() <= end) {
                double lane = 0.3 + 0.04 * ((sx.size() + lx.size()) % 10);   // one lane per message, so that they do not overlap
                if (m.delivered()) {
                    sx.add((m.sentNs() + m.latencyNs() - t0) / 1e6);
                    sy.add(lane);
                } else {
                    lx.add((m.sentNs() - t0) / 1e6);
                    ly.add(lane);
                }
            }
        }
        if (!sx.isEmpty()) {
            XYSeries d = c.addSeries("message delivered (at arrival)", sx, sy);
            d.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            d.setMarker(SeriesMarkers.CIRCLE);
            d.setMarkerColor(new Color(0x2CA02C));
        }
        if (!lx.isEmpty()) {
            XYSeries d = c.addSeries("message lost (sent)", lx, ly);
            d.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            d.setMarker(SeriesMarkers.CROSS);
            d.setMarkerColor(new Color(0xD62728));
        }
        return c;
    }

    /** A breaker's state as a step function over the run, hours of day: 1 closed, 0 open. */
    private static double[][] states(List<Long> opens, List<Long> closes, double ignored, CoupledScenario s, double endH) {
        List<long[]> changes = new ArrayList<>();
        for (long t : opens) {
            changes.add(new long[] {t, 0});
        }
        for (long t : closes) {
            changes.add(new long[] {t, 1});
        }
        changes.sort((a, b) -> Long.compare(a[0], b[0]));
        List<double[]> pts = new ArrayList<>();
        double startH = s.start().seconds() / 3600;
        pts.add(new double[] {startH, 1});
        double state = 1;
        for (long[] ch : changes) {
            double hh = Timeline.hour(s, ch[0]);
            pts.add(new double[] {hh, state});
            state = ch[1];
            pts.add(new double[] {hh, state});
        }
        pts.add(new double[] {Math.max(endH, startH), state});
        return new double[][] {pts.stream().mapToDouble(q -> q[0]).toArray(), pts.stream().mapToDouble(q -> q[1]).toArray()};
    }

    private static double[] scale(double[] x, double f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * f;
        }
        return y;
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setMarkerSize(4);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        return c;
    }

    private static void line(XYChart c, String name, double[] x, double[] y, Color color) {
        if (x.length == 0) {
            return;
        }
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
    }

    private static void write(Path file, List<XYChart> charts) {
        BufferedImage all = new BufferedImage(WIDTH, HEIGHT * charts.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, all.getWidth(), all.getHeight());
        for (int i = 0; i < charts.size(); i++) {
            g.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)), 0, i * HEIGHT, null);
        }
        g.dispose();
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(all, "png", file.toFile());
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write the plot: " + e.getMessage());
        }
    }
}
