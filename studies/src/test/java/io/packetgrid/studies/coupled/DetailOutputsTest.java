package io.packetgrid.studies.coupled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.studies.report.Summary;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detailed tables ({@code outputs.detail}), read back with an independent reader (java.util.zip and
 * Apache Commons CSV, not the writer's code): every table loads; per grid step the households' power
 * adds up to the feeder's total within 1e-9 relative; every household has one row per step; node
 * voltages lie within the feeder's range; the structured event log's counts equal the summary's; the radio tables
 * add up, exactly, to the variant's radio totals in summary.json (messages sent and lost, {@code radio_loss_pct},
 * {@code messages_per_device}, {@code reply_timeouts}) and the cells to the devices.
 */
class DetailOutputsTest {
    @TempDir
    Path out;

    static List<CSVRecord> read(Path gz) throws Exception {
        try (Reader r = new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void detailedTablesAddUpAndReadBack() throws Exception {
        String yaml = Scenarios.evening("{model: radio}", "{name: uncontrolled, control: local}", "{name: pem, control: pem}")
                .replace("outputs: {plots: false}",
                        "outputs: {plots: false, detail: {households: true, devices: true, node_voltages: [all], stride: 2, events: true, radio: true}}");
        assertTrue(yaml.contains("detail:"));
        Summary s = Scenarios.run(yaml, out, 2);
        assertFalse(s.variants().get("pem").has("mv_v_min_pu"), "an LV feeder under its source bus has no MV metrics");
        for (String v : List.of("uncontrolled", "pem")) {
            Path d = out.resolve(v).resolve("detail");
            List<CSVRecord> hh = read(d.resolve("households.csv.gz"));
            List<CSVRecord> feeders = read(d.resolve("feeders.csv.gz"));
            List<CSVRecord> nodes = read(d.resolve("node_voltages.csv.gz"));
            assertEquals(3 * 60 / 2 + 1, feeders.size(), v + ": every second grid step of 3 h, both ends included");
            assertEquals(55 * feeders.size(), hh.size(), v + ": one row per household and step");
            Map<String, Double> sum = new HashMap<>();
            for (CSVRecord r : hh) {
                sum.merge(r.get("time_s"), Double.parseDouble(r.get("p_kw")), Double::sum);
                double vpu = Double.parseDouble(r.get("v_pu"));
                assertTrue(vpu > 0.8 && vpu < 1.2, v + ": a household voltage " + r);
            }
            for (CSVRecord f : feeders) {
                double total = Double.parseDouble(f.get("households_kw"));
                double rows = sum.get(f.get("time_s"));
                assertEquals(total, rows, 1e-9 * Math.abs(total), v + " at " + f.get("time_s") + " s: households add up to the feeder");
                assertEquals(Double.parseDouble(f.get("base_kw")) + Double.parseDouble(f.get("devices_kw")), total, 1e-9 * total);
            }
            assertTrue(nodes.size() > 1000, v + ": node voltages");
            List<CSVRecord> devices = read(d.resolve("devices.csv.gz"));
            int perStep = (int) devices.stream().filter(r -> r.get("time_s").equals("0")).count();
            assertTrue(perStep >= 55, v + ": every device (a water heater in every household, and more)");
            assertEquals(perStep * feeders.size(), devices.size(), v + ": one row per device and written step");
            Map<String, Double> devSum = new HashMap<>();
            for (CSVRecord r : devices) {
                devSum.merge(r.get("time_s"), Double.parseDouble(r.get("p_kw")), Double::sum);
                if (r.get("class").equals("water_heater")) {
                    double c = Double.parseDouble(r.get("state"));
                    assertTrue(c > 30 && c < 80, v + ": a tank temperature in °C: " + r);
                }
            }
            for (CSVRecord f : feeders) {
                // the devices' power at a grid step is what the grid saw of them (PV included, negative)
                assertEquals(Double.parseDouble(f.get("devices_kw")), devSum.get(f.get("time_s")), 1e-9 * Math.max(1,
                        Math.abs(Double.parseDouble(f.get("devices_kw")))), v + " at " + f.get("time_s") + " s: devices add up");
            }
            assertTrue(nodes.get(0).isMapped("bus") && nodes.get(0).isMapped("node") && nodes.get(0).isMapped("v_v"));

            List<CSVRecord> ev = read(d.resolve("events.csv.gz"));
            Map<String, Long> kinds = new HashMap<>();
            long optOutOff = 0;
            for (CSVRecord e : ev) {
                kinds.merge(e.get("kind"), 1L, Long::sum);
                if (e.get("kind").equals("interrupt") && Double.parseDouble(e.get("kw")) > 0) {
                    optOutOff++;
                }
            }
            if (v.equals("pem")) {
                assertEquals((long) Scenarios.metric(s, v, "reply_timeouts"), kinds.getOrDefault("reply_timeout", 0L), "reply timeouts");
                assertEquals((long) Scenarios.metric(s, v, "late_starts"), kinds.getOrDefault("late_start", 0L), "late starts");
                assertEquals((long) Scenarios.metric(s, v, "opt_outs"), kinds.getOrDefault("opt_out_on", 0L) + optOutOff, "opt-outs");
                List<String> cols = new ArrayList<>(ev.get(0).getParser().getHeaderNames());
                assertTrue(cols.containsAll(List.of("time_s", "source", "feeder", "kind", "household", "device", "kw", "seq")), cols.toString());
                CSVRecord first = ev.stream().filter(e -> e.get("kind").equals("opt_out_on")).findFirst().orElseThrow();
                assertEquals("f1", first.get("feeder"));
                assertTrue(first.get("device").startsWith("f1/" + first.get("household") + "/"), first.toString());
                radioTablesAddUpToTheSummary(s, d, perStep);
            } else {
                assertFalse(Files.exists(d.resolve("radio_devices.csv.gz")), "no radio under local control");
            }
        }
    }

    static long sum(List<CSVRecord> rows, String column) {
        long n = 0;
        for (CSVRecord r : rows) {
            n += Long.parseLong(r.get(column));
        }
        return n;
    }

    /** The per-device and per-cell radio tables against the variant's totals in summary.json, exactly. */
    private static void radioTablesAddUpToTheSummary(Summary s, Path d, int fleetDevices) throws Exception {
        List<CSVRecord> devices = read(d.resolve("radio_devices.csv.gz"));
        List<CSVRecord> cells = read(d.resolve("radio_cells.csv.gz"));
        assertEquals(fleetDevices, devices.size(), "one row per device of the fleet (no other radio endpoint here)");
        assertEquals(s.root().get("devices").asInt(), devices.size());
        var radio = s.variants().get("pem").get("radio");
        long delivered = sum(devices, "uplink_delivered") + sum(devices, "downlink_delivered");
        long lost = sum(devices, "uplink_lost") + sum(devices, "downlink_lost");
        assertEquals(radio.get("sent").asLong(), sum(devices, "uplink_sent") + sum(devices, "downlink_sent"), "messages sent");
        assertEquals((long) Scenarios.metric(s, "pem", "messages_lost"), lost, "messages lost");
        assertEquals(radio.get("lost").asLong(), lost);
        // the radio's own count calls a message delivered once decided, even if it arrives after the end
        assertEquals(radio.get("in_flight_at_end").asLong() + (radio.get("delivered").asLong() - delivered), sum(devices, "in_flight"),
                "in flight at the end");
        // radio_loss_pct and messages_per_device as CoupledMetrics defines them, from the table's sums
        assertEquals(Scenarios.metric(s, "pem", "radio_loss_pct"), CoupledMetrics.round(100.0 * lost / (delivered + lost), 4),
                "radio_loss_pct from the devices' rows");
        double perDevice = (sum(devices, "uplink_sent") + sum(devices, "downlink_delivered")) / (double) devices.size();
        assertEquals(Scenarios.metric(s, "pem", "messages_per_device"), CoupledMetrics.round(perDevice, 3),
                "messages_per_device: requests and events sent, replies received");
        assertEquals((long) Scenarios.metric(s, "pem", "reply_timeouts"), sum(devices, "reply_timeouts"), "reply timeouts");
        for (String c : List.of("uplink", "downlink")) {
            assertEquals(sum(devices, c + "_sent"), sum(cells, c + "_messages"), c + ": the cells add up to the devices");
            assertEquals(sum(devices, c + "_delivered"), sum(cells, c + "_delivered"), c);
            assertEquals(sum(devices, c + "_lost"), sum(cells, c + "_lost"), c);
        }
        long byReason = 0;
        for (String r : List.of("harq", "rach", "msg3", "dl_harq", "deadline", "outage", "no_service")) {
            byReason += sum(cells, "lost_" + r);
            assertEquals(radio.get("lost_by_reason").path(r.replace("dl_harq", "dl-harq")).asLong(0), sum(cells, "lost_" + r), r);
        }
        assertEquals(lost, byReason, "losses by reason");
        assertEquals(1, cells.size(), "one aggregator");
        assertEquals(devices.size(), Long.parseLong(cells.get(0).get("devices")));
        for (CSVRecord r : devices) {
            assertEquals("gnb1", r.get("aggregator"));
            long open = Long.parseLong(r.get("uplink_sent")) - Long.parseLong(r.get("uplink_delivered")) - Long.parseLong(r.get("uplink_lost"))
                    + Long.parseLong(r.get("downlink_sent")) - Long.parseLong(r.get("downlink_delivered"))
                    - Long.parseLong(r.get("downlink_lost"));
            assertEquals(open, Long.parseLong(r.get("in_flight")), r.toString());
            assertTrue(open >= 0, r.toString());
        }
    }
}
