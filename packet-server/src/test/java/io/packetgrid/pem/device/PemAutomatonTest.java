package io.packetgrid.pem.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.pem.packet.DenyReason;
import io.packetgrid.pem.packet.DeviceEvent;
import io.packetgrid.pem.packet.PacketReply;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Opt-out, rejoin, packets, lost and late replies (ACC 2017 §III; PEM-NOTES §1.6, §8). */
class PemAutomatonTest {
    static final long S = 1_000_000_000L;
    final PemBand band = PemBand.acc2017(55); // [51.7, 58.3], rejoin [52.8, 57.2]
    final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
    final PemAutomaton.Config cfg = new PemAutomaton.Config(1.0 / 300, 300 * S, 5 * S);

    @Test
    void tooColdOptsOutOnAndRejoinsInsideTheTighterBand() {
        FakeDevice d = new FakeDevice(band, 51.6);
        PemAutomaton a = new PemAutomaton(cfg);
        assertEquals(PemAutomaton.Output.EVENT, a.step(0, 10, d, rng));
        assertEquals(DeviceEvent.Type.OPT_OUT_ON, a.lastEvent());
        assertEquals(4.5, a.lastEventKw());
        assertEquals(PemAutomaton.Mode.OPT_OUT_ON, a.mode());
        assertEquals(4.5, a.powerKw(d));
        d.x = 52.5; // back inside the dead-band but not the recovery band: stays out (no chattering)
        assertEquals(PemAutomaton.Output.NONE, a.step(10 * S, 10, d, rng));
        assertEquals(PemAutomaton.Mode.OPT_OUT_ON, a.mode());
        d.x = 52.8;
        assertEquals(PemAutomaton.Output.EVENT, a.step(20 * S, 10, d, rng));
        assertEquals(DeviceEvent.Type.REJOIN, a.lastEvent());
        assertEquals(PemAutomaton.Mode.STANDBY, a.mode());
        assertEquals(0, a.powerKw(d));
    }

    @Test
    void tooHotInterruptsAPacketAndNeverHeats() {
        FakeDevice d = new FakeDevice(band, 56);
        PemAutomaton a = new PemAutomaton(cfg);
        a.startInPacket(0, 300 * S);
        assertEquals(4.5, a.powerKw(d));
        d.x = 58.3;
        assertEquals(PemAutomaton.Output.EVENT, a.step(10 * S, 10, d, rng));
        assertEquals(DeviceEvent.Type.INTERRUPT, a.lastEvent());
        assertEquals(PemAutomaton.Mode.OPT_OUT_OFF, a.mode());
        assertEquals(0, a.powerKw(d));
        // an acceptance now is ignored: a TCL under PEM never heats above T_max (ACC 2017)
        assertFalse(a.onReply(new PacketReply(1, a.seq(), true, 10 * S, 300 * S, DenyReason.NONE), 10 * S, d));
        d.x = 57.5;
        a.step(20 * S, 10, d, rng);
        assertEquals(PemAutomaton.Mode.OPT_OUT_OFF, a.mode());
        d.x = 57.2;
        a.step(30 * S, 10, d, rng);
        assertEquals(PemAutomaton.Mode.STANDBY, a.mode());
    }

    @Test
    void packetRunsForItsDurationThenExpires() {
        FakeDevice d = new FakeDevice(band, 52.0); // cold: μ large, requests soon
        PemAutomaton a = new PemAutomaton(cfg);
        long t = 0;
        while (a.step(t, 10, d, rng) != PemAutomaton.Output.REQUEST) {
            t += 10 * S;
        }
        assertEquals(PemAutomaton.Mode.AWAITING_REPLY, a.mode());
        assertTrue(a.onReply(new PacketReply(1, a.seq(), true, t, 300 * S, DenyReason.NONE), t, d));
        assertEquals(PemAutomaton.Mode.PACKET, a.mode());
        assertEquals(4.5, a.powerKw(d));
        a.step(t + 290 * S, 10, d, rng);
        assertEquals(PemAutomaton.Mode.PACKET, a.mode());
        a.step(t + 300 * S, 10, d, rng);
        assertEquals(PemAutomaton.Mode.STANDBY, a.mode());
        assertEquals(0, a.powerKw(d));
    }

    @Test
    void lostReplyTimesOutAndTheDeviceRequestsAgain() {
        FakeDevice d = new FakeDevice(band, 51.8); // near T_min: requests with probability ~1
        PemAutomaton a = new PemAutomaton(cfg);
        assertEquals(PemAutomaton.Output.REQUEST, a.step(0, 10, d, rng));
        long first = a.seq();
        // no reply: at the next step (10 s > 5 s timeout) it is back in standby and requests again
        assertEquals(PemAutomaton.Output.REQUEST, a.step(10 * S, 10, d, rng));
        assertEquals(first + 1, a.seq());
        assertEquals(1, a.timeouts());
    }

    @Test
    void lateAcceptanceStartsLateAndEndsWhenTheServerScheduledIt() {
        FakeDevice d = new FakeDevice(band, 51.8);
        PemAutomaton a = new PemAutomaton(cfg);
        a.step(0, 10, d, rng);
        long seq = a.seq();
        a.step(10 * S, 10, d, rng); // timed out, asked again (seq + 1)
        // the first acceptance arrives 12 s late
        assertTrue(a.onReply(new PacketReply(1, seq, true, 0, 300 * S, DenyReason.NONE), 12 * S, d));
        assertEquals(PemAutomaton.Mode.PACKET, a.mode());
        assertEquals(1, a.lateStarts());
        assertEquals(300 * S, a.packetEndNs());
        // the denial of the first request arriving late is ignored
        PemAutomaton b = new PemAutomaton(cfg);
        b.step(0, 10, d, rng);
        b.step(10 * S, 10, d, rng);
        assertFalse(b.onReply(new PacketReply(1, b.seq() - 1, false, 0, 0, DenyReason.TRACKING), 12 * S, d));
        assertEquals(PemAutomaton.Mode.AWAITING_REPLY, b.mode());
    }

    @Test
    void denialReturnsToStandby() {
        FakeDevice d = new FakeDevice(band, 51.8);
        PemAutomaton a = new PemAutomaton(cfg);
        a.step(0, 10, d, rng);
        a.onReply(new PacketReply(1, a.seq(), false, 0, 0, DenyReason.TRACKING), 0, d);
        assertEquals(PemAutomaton.Mode.STANDBY, a.mode());
        assertEquals(1, a.deniedCount());
    }

    @Test
    void batteryDischargeRequestsAboveItsSetPoint() {
        PemBand b = new PemBand(0.55, 0.75, 0.95, 0.60, 0.90);
        FakeDevice d = new FakeDevice(b, 0.94);
        d.discharge = 5;
        PemAutomaton a = new PemAutomaton(cfg);
        long t = 0;
        PemAutomaton.Output o;
        while ((o = a.step(t, 10, d, rng)) != PemAutomaton.Output.REQUEST) {
            t += 10 * S;
        }
        assertEquals(PemAutomaton.Output.REQUEST, o);
        assertEquals(-5, a.requestKw(d));
        a.onReply(new PacketReply(1, a.seq(), true, t, 300 * S, DenyReason.NONE), t, d);
        assertEquals(-5, a.powerKw(d));
    }
}
