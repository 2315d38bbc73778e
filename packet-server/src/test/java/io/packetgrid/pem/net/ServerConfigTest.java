package io.packetgrid.pem.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.pem.journal.SyncMode;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DenyReason;
import io.packetgrid.pem.packet.DeviceClass;
import io.packetgrid.pem.packet.PacketRequest;
import io.packetgrid.pem.policy.TrackingPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code serve --config}: the documented example parses and builds the policy it describes. */
class ServerConfigTest {
    static final String EXAMPLE = """
            policy:
              mode: track
              target_kw: 5
              rule: half_packet
              ramp_kw_per_min: 300
              max_packet: 30m
              order: [cooker, ev_charger]
              fairness: longest_waiting
              class_cap_kw: {ev_charger: 50}
            limits: {rate_per_s: 10, burst: 20}
            journal: {sync: write, batch_max: 4096}
            udp_channels: 1
            """;

    @Test
    void documentedExample() {
        ServerConfig c = YamlFiles.read(EXAMPLE, "serve.yaml", ServerConfig.class);
        assertEquals(10, c.ratePerS());
        assertEquals(SyncMode.WRITE, c.syncMode());
        TrackingPolicy p = c.buildPolicy();
        List<PacketRequest> reqs = List.of(
                new PacketRequest(1, 1, DeviceClass.EV_CHARGER, 7, 0, 3_600_000_000_000L, ConnectionPoint.UNKNOWN),
                new PacketRequest(2, 1, DeviceClass.COOKER, 3, 0, 600_000_000_000L, ConnectionPoint.UNKNOWN));
        var r = p.decide(reqs, 0);
        assertTrue(r.get(1).accepted(), "cooker first");
        assertEquals(DenyReason.TRACKING, r.get(0).reason(), "5 − 3 = 2 < 7/2");
    }

    @Test
    void defaultsAcceptEverythingAndWriteThrough() {
        ServerConfig c = ServerConfig.defaults();
        assertEquals(SyncMode.WRITE, c.syncMode());
        assertEquals(SyncMode.FSYNC, YamlFiles.read("journal: {sync: fsync}\n", "s.yaml", ServerConfig.class).syncMode());
        assertTrue(c.buildPolicy().decide(List.of(new PacketRequest(1, 1, DeviceClass.OTHER, 300, 0, 1, ConnectionPoint.UNKNOWN)), 0)
                .get(0).accepted());
    }

    @Test
    void badFieldsAreOneLine() {
        PacketGridException e = assertThrows(PacketGridException.class,
                () -> YamlFiles.read("limits: {rate: 10}\n", "serve.yaml", ServerConfig.class));
        assertTrue(e.userMessage().startsWith("serve.yaml:1: limits.rate: unknown field 'rate'"), e.userMessage());
        PacketGridException m = assertThrows(PacketGridException.class,
                () -> YamlFiles.read("policy: {mode: sometimes}\n", "serve.yaml", ServerConfig.class).buildPolicy());
        assertEquals("policy.mode: expected one of track, accept_all, deny_all, got 'sometimes'", m.userMessage());
    }
}
