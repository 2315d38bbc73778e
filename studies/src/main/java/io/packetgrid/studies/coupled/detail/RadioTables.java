package io.packetgrid.studies.coupled.detail;

import io.packetgrid.pem.sim.DeviceAgent;
import io.packetgrid.pem.sim.DeviceFleetFederate;
import io.packetgrid.radio.network.CellRadioStatistics;
import io.packetgrid.radio.network.EndpointRadioStatistics;
import io.packetgrid.radio.network.RadioNetwork;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The radio tables of {@code outputs.detail.radio}, from the radio network's own per-device and per-cell
 * statistics as of the run's end ({@link RadioNetwork#endpointStatistics}, {@link RadioNetwork#cellStatistics}):
 * {@code radio_devices.csv.gz}, one row per device of the fleets (feeder order, then fleet order) with its
 * reply timeouts, then any other radio endpoint (the protection's IEDs); {@code radio_cells.csv.gz}, one row per
 * aggregator. A message is counted once, at the device it belongs to and at the cell of its first hop, so the
 * devices add up to the variant's radio totals and the cells to the devices.
 */
public final class RadioTables {
    public static final List<String> DEVICES = List.of("feeder", "household", "device", "class", "aggregator", "uplink_sent",
            "uplink_delivered", "uplink_lost", "downlink_sent", "downlink_delivered", "downlink_lost", "device_to_device_received",
            "in_flight", "attempts", "latency_sum_ms", "latency_p50_ms", "latency_p99_ms", "latency_max_ms", "reply_timeouts");

    private RadioTables() {
    }

    /** The cells' columns: the message counts, one {@code lost_<reason>} column per loss reason, the radio's counters. */
    public static List<String> cellColumns() {
        List<String> c = new ArrayList<>(List.of("aggregator", "devices", "uplink_messages", "uplink_delivered", "uplink_lost",
                "downlink_messages", "downlink_delivered", "downlink_lost"));
        for (String r : RadioNetwork.LOSS_REASONS) {
            c.add("lost_" + r.replace('-', '_'));
        }
        c.addAll(List.of("rach_preambles", "rach_collisions", "background_preambles", "msg3_transmissions", "uplink_noma_pairs",
                "pdsch_transmissions", "downlink_noma_pairs", "outage_s"));
        return c;
    }

    /**
     * Writes both tables into {@code dir}.
     *
     * @param feeders the feeders' names, in feeder order
     * @param fleets  their fleets, same order
     * @param endNs   the run's end (a message delivered later is in flight)
     */
    public static void write(Path dir, RadioNetwork radio, List<String> feeders, List<DeviceFleetFederate> fleets, long endNs) {
        Map<String, EndpointRadioStatistics> byEndpoint = new LinkedHashMap<>();
        for (EndpointRadioStatistics e : radio.endpointStatistics(endNs)) {
            byEndpoint.put(e.endpoint(), e);
        }
        Set<String> written = new HashSet<>();
        try (GzipTable t = new GzipTable(dir.resolve("radio_devices.csv.gz"), DEVICES, true)) {
            for (int f = 0; f < fleets.size(); f++) {
                for (DeviceAgent a : fleets.get(f).agents()) {
                    String ep = a.endpoint() == null ? feeders.get(f) + "/?/" + a.id() : a.endpoint();
                    String[] path = ep.split("/");
                    written.add(ep);
                    row(t, feeders.get(f), path.length >= 3 ? path[1] : "", ep,
                            a.device().deviceClass().name().toLowerCase(Locale.ROOT), byEndpoint.get(ep),
                            a.automaton() == null ? 0L : a.automaton().timeouts());
                }
            }
            for (EndpointRadioStatistics e : byEndpoint.values()) {
                if (!written.contains(e.endpoint())) {
                    String ep = e.endpoint();
                    row(t, "", "", ep, ep.startsWith("protection/") ? "protection" : "", e, null);
                }
            }
        }
        List<String> cols = cellColumns();
        try (GzipTable t = new GzipTable(dir.resolve("radio_cells.csv.gz"), cols, true)) {
            for (CellRadioStatistics c : radio.cellStatistics(endNs)) {
                List<Object> cells = new ArrayList<>(List.of(c.aggregator(), c.devices(), c.uplinkMessages(), c.uplinkDelivered(),
                        c.uplinkLost(), c.downlinkMessages(), c.downlinkDelivered(), c.downlinkLost()));
                for (String r : RadioNetwork.LOSS_REASONS) {
                    cells.add(c.lostByReason().get(r));
                }
                cells.addAll(List.of(c.rachPreambles(), c.rachCollisions(), c.backgroundPreambles(), c.msg3Transmissions(),
                        c.uplinkNomaPairs(), c.pdschTransmissions(), c.downlinkNomaPairs(), c.outageS()));
                t.row(cells.toArray());
            }
        }
    }

    /** One device's row; a device the radio never met (no position, no message) has zeros and no aggregator. */
    private static void row(GzipTable t, String feeder, String household, String endpoint, String deviceClass, EndpointRadioStatistics e,
                            Long replyTimeouts) {
        if (e == null) {
            t.row(feeder, household, endpoint, deviceClass, "", 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0.0, Double.NaN, Double.NaN,
                    Double.NaN, replyTimeouts);
            return;
        }
        t.row(feeder, household, endpoint, deviceClass, e.aggregator(), e.uplinkSent(), e.uplinkDelivered(), e.uplinkLost(),
                e.downlinkSent(), e.downlinkDelivered(), e.downlinkLost(), e.deviceToDeviceReceived(), e.inFlight(), e.attempts(),
                e.latencySumMs(), e.latencyP50Ms(), e.latencyP99Ms(), e.latencyMaxMs(), replyTimeouts);
    }
}
