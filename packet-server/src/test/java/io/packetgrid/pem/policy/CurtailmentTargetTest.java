package io.packetgrid.pem.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The target raised by exactly the measured curtailment (available minus delivered), never lowered. */
class CurtailmentTargetTest {
    @Test
    void raisesTheTargetByWhatTheInvertersHoldBack() {
        InverterMeasurements m = new InverterMeasurements();
        CurtailmentTarget t = new CurtailmentTarget(TargetSignal.constant(40), m);
        assertEquals(40, t.targetKw(0), 0);
        m.update(30, 22.5);                         // a volt-watt cap holds back 7.5 kW
        assertEquals(47.5, t.targetKw(0), 1e-12);
        m.update(30, 30.2);                         // delivered above the estimate of available: no curtailment
        assertEquals(40, t.targetKw(0), 0);
    }
}
