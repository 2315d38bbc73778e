package io.packetgrid.studies.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * {@code report.html} is self-contained and renders in a real browser: the page references nothing
 * outside itself (no http, no file, no script), and Debian's chromium, headless and offline, shows its
 * headings, its table and the embedded plot (a screenshot with the plot's colours in it). Skipped, with a
 * message, where chromium is not installed ({@code .ci/run} installs it).
 */
class HtmlReportBrowserTest {

    static Path page(Path dir) throws Exception {
        System.setProperty("java.awt.headless", "true");
        XYChart c = new XYChartBuilder().width(400).height(300).title("test plot").build();
        c.addSeries("rising", new double[] {0, 1, 2}, new double[] {0, 1, 4}).setLineColor(new java.awt.Color(0xD62728));
        BitmapEncoder.saveBitmap(c, dir.resolve("test_plot.png").toString(), BitmapEncoder.BitmapFormat.PNG);
        ObjectNode summary = Summary.JSON.createObjectNode();
        summary.put("study", "coupled").put("scenario", "t <&> \"q\"").put("seed", 3);
        summary.putObject("variants").putObject("pem").put("tracking_mae_pct", 3.739).putObject("radio").put("sent", 12);
        ObjectNode info = Summary.JSON.createObjectNode();
        info.put("version", "x").put("command", "run t.yaml");
        info.putArray("warnings").add("the households have no devices");
        HtmlReport.write(dir, summary, info, "kind: coupled\nname: t\n");
        return dir.resolve(HtmlReport.FILE);
    }

    @Test
    void thePageIsSelfContained(@TempDir Path dir) throws Exception {
        String html = Files.readString(page(dir), StandardCharsets.UTF_8);
        assertTrue(html.contains("data:image/png;base64,"), "the plot is embedded");
        for (String outside : new String[] {"http:", "https:", "file:", "<script", "<link", "@import", "url("}) {
            assertTrue(!html.contains(outside), "the page refers to something outside itself: " + outside);
        }
        assertTrue(html.contains("t &lt;&amp;&gt; &quot;q&quot;"), "text is escaped");
        assertTrue(html.contains("radio.sent"), "nested metrics are flattened");
        assertTrue(html.contains("the households have no devices"), "warnings shown");
    }

    static String chromium() {
        for (String c : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        return null;
    }

    static String run(Path profile, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
        assertEquals(0, p.exitValue(), "chromium exit code");
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void chromiumRendersTheHeadingsTheTableAndThePlot(@TempDir Path dir) throws Exception {
        assumeTrue(chromium() != null, "chromium is not installed (apt-get install chromium; .ci/run does): browser check skipped");
        Path page = page(dir);
        String dom = run(dir.resolve("profile1"), List.of("--dump-dom", page.toUri().toString()));
        for (String h : new String[] {"<h1>PacketGrid coupled study", "<h2>Summary</h2>", "<h2>Warnings</h2>", "<h2>Plots</h2>",
                "<h2>Provenance</h2>", "<h2>Effective scenario</h2>", "tracking_mae_pct"}) {
            assertTrue(dom.contains(h), "the rendered page shows " + h);
        }
        Path shot = dir.resolve("shot.png");
        run(dir.resolve("profile2"), List.of("--screenshot=" + shot, "--window-size=1000,2400", page.toUri().toString()));
        BufferedImage img = ImageIO.read(new File(shot.toString()));
        assertTrue(img != null && img.getWidth() > 100 && img.getHeight() > 100, "a screenshot");
        int red = 0;
        int dark = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                if (r > 180 && g < 80 && b < 80) {
                    red++;   // the plot's series
                }
                if (r < 90 && g < 90 && b < 90) {
                    dark++;  // text
                }
            }
        }
        assertTrue(dark > 200, "text is drawn (" + dark + " dark pixels)");
        assertTrue(red > 20, "the embedded plot is drawn (" + red + " pixels of the series' red)");
    }
}
