package io.packetgrid.pem.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DenyReason;
import io.packetgrid.pem.packet.DeviceClass;
import io.packetgrid.pem.packet.PacketReply;
import io.packetgrid.pem.packet.PacketRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Emergency mode by hand: it enters only on an island below the entry SoC, leaves at the exit SoC or on
 * reconnection (hysteresis), counts its time exactly, and a tracking policy holding it serves only the
 * classes and priority levels the community rules mark as basic needs while it is on.
 */
class EmergencyModeTest {
    static final long MIN = 60_000_000_000L;

    static PacketRequest request(long id, DeviceClass c, int priority) {
        return new PacketRequest(id, 1, c, 3.0, priority, 5 * MIN, new ConnectionPoint(1, 1));
    }

    @Test
    void hysteresisAndTime() {
        StorageMeasurements s = new StorageMeasurements();
        EmergencyMode e = new EmergencyMode(30, 40);
        s.update(false, 10, 5, 50, 0);
        assertFalse(e.update(s, 0), "grid-connected: never");
        s.update(true, 35, 5, 50, MIN);
        assertFalse(e.update(s, MIN), "islanded above the entry level");
        s.update(true, 29.9, 5, 50, 2 * MIN);
        assertTrue(e.update(s, 2 * MIN));
        s.update(true, 35, -5, 50, 3 * MIN);
        assertTrue(e.update(s, 3 * MIN), "still below the exit level");
        assertEquals(MIN, e.emergencyNs(3 * MIN));
        s.update(true, 40, -5, 50, 5 * MIN);
        assertFalse(e.update(s, 5 * MIN), "back at the exit level");
        s.update(true, 20, 5, 50, 7 * MIN);
        assertTrue(e.update(s, 7 * MIN));
        s.update(false, 20, 0, 50, 8 * MIN);
        assertFalse(e.update(s, 8 * MIN), "reconnected");
        assertEquals(3 * MIN + MIN, e.emergencyNs(9 * MIN));
        assertEquals(2, e.entries());
        assertThrows(IllegalArgumentException.class, () -> new EmergencyMode(50, 40));
    }

    @Test
    void aPolicyInEmergencyServesBasicNeedsOnly() {
        StorageMeasurements s = new StorageMeasurements();
        CommunityRules rules = new CommunityRules(List.of(), Map.of(), Fairness.ARRIVAL, Set.of(DeviceClass.HEAT_PUMP), 5);
        TrackingPolicy p = TrackingPolicy.builder().mode(PolicyMode.ACCEPT_ALL).rules(rules)
                .emergency(new EmergencyMode(30, 40), s).build();
        List<PacketRequest> batch = List.of(request(1, DeviceClass.EV_CHARGER, 0), request(2, DeviceClass.HEAT_PUMP, 0),
                request(3, DeviceClass.WATER_HEATER, 5), request(4, DeviceClass.WATER_HEATER, 4));
        s.update(true, 50, 10, 50, 0);
        for (PacketReply r : p.decide(batch, 0)) {
            assertTrue(r.accepted(), "no emergency: all served");
        }
        s.update(true, 25, 10, 50, MIN);
        List<PacketReply> out = p.decide(batch, MIN);
        assertFalse(out.get(0).accepted());
        assertEquals(DenyReason.EMERGENCY, out.get(0).reason());
        assertTrue(out.get(1).accepted(), "a listed class");
        assertTrue(out.get(2).accepted(), "priority at the basic level");
        assertEquals(DenyReason.EMERGENCY, out.get(3).reason());
        assertEquals(2, p.stats().denied(DenyReason.EMERGENCY));
    }
}
