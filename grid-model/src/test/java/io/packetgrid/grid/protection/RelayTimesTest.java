package io.packetgrid.grid.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Relay operate times against the IEC 60255-151 formula t = TMS · k / ((I/Is)^α − 1) with the published
 * constants: standard inverse k = 0.14, α = 0.02; very inverse 13.5, 1; extremely inverse 80, 2;
 * long-time inverse 120, 1. Expected values worked by hand, e.g. standard inverse at 10 × Is:
 * 10^0.02 = e^(0.02 ln 10) = e^0.0460517 = 1.0471285, so t = 0.14 / 0.0471285 = 2.97060 s;
 * very inverse at 10 × Is: 13.5 / 9 = 1.5 s; extremely inverse at 10 × Is: 80 / 99 = 0.808081 s.
 */
class RelayTimesTest {

    @ParameterizedTest(name = "{0} at {1} x Is, TMS {2}")
    @CsvSource({
        "si,  2,  1.0, 10.029027",      // 0.14 / (2^0.02 − 1) = 0.14 / 0.0139594
        "si,  5,  1.0, 4.279720",       // 0.14 / 0.0327124
        "si,  10, 1.0, 2.970599",
        "si,  20, 1.0, 2.267356",       // 0.14 / 0.0617459
        "si,  10, 0.1, 0.2970599",
        "vi,  2,  1.0, 13.5",
        "vi,  5,  0.5, 1.6875",         // 0.5 · 13.5 / 4
        "vi,  10, 1.0, 1.5",
        "ei,  2,  1.0, 26.666667",      // 80 / 3
        "ei,  5,  1.0, 3.333333",       // 80 / 24
        "ei,  10, 0.2, 0.1616162",      // 0.2 · 80 / 99
        "lti, 10, 1.0, 13.333333",      // 120 / 9
    })
    void inverseCurvesFollowTheIecFormula(String curve, double multiple, double tms, double expectedS) {
        TimeCurve c = TimeCurve.byLabel(curve);
        OvercurrentElement s = OvercurrentElement.inverse(c, 100, tms);
        assertEquals(expectedS, s.operateTimeS(100 * multiple), 1e-6 * expectedS);
        assertEquals(expectedS, c.inverseTimeS(multiple, tms, 20), 1e-6 * expectedS);
    }

    @Test
    void publishedConstants() {
        assertEquals(0.14, TimeCurve.STANDARD_INVERSE.k());
        assertEquals(0.02, TimeCurve.STANDARD_INVERSE.alpha());
        assertEquals(13.5, TimeCurve.VERY_INVERSE.k());
        assertEquals(1.0, TimeCurve.VERY_INVERSE.alpha());
        assertEquals(80.0, TimeCurve.EXTREMELY_INVERSE.k());
        assertEquals(2.0, TimeCurve.EXTREMELY_INVERSE.alpha());
    }

    @Test
    void belowPickupNeverAndAboveTwentyTimesHeld() {
        OvercurrentElement s = OvercurrentElement.inverse(TimeCurve.VERY_INVERSE, 100, 1);
        assertEquals(Double.POSITIVE_INFINITY, s.operateTimeS(100));
        assertEquals(Double.POSITIVE_INFINITY, s.operateTimeS(50));
        assertEquals(13.5 / 19, s.operateTimeS(2000), 1e-12);
        assertEquals(13.5 / 19, s.operateTimeS(5000), 1e-12);
        OvercurrentElement dt = OvercurrentElement.definite(300, 0.05);
        assertEquals(0.05, dt.operateTimeS(301));
        assertEquals(Double.POSITIVE_INFINITY, dt.operateTimeS(299));
    }

    @Test
    void relayTakesItsFastestStageOverPhasesAndResidual() {
        OvercurrentRelay r = new OvercurrentRelay("R1", "Line.L1", 1,
                List.of(OvercurrentElement.inverse(TimeCurve.STANDARD_INVERSE, 400, 0.1), OvercurrentElement.definite(4000, 0.02)),
                List.of(OvercurrentElement.definite(150, 0.3)));
        // 4000 A on phase b: SI at 10 x = 0.29706 s, residual 300 A → 0.3 s: the SI stage wins
        assertEquals(0.2970599, r.operateTimeS(new double[] {50, 4000, 50}, 300), 1e-6);
        // 4500 A: the definite high-set stage (0.02 s)
        assertEquals(0.02, r.operateTimeS(new double[] {4500, 50, 50}, 0), 1e-12);
        assertTrue(r.picksUp(new double[] {0, 0, 0}, 151));
        assertFalse(r.picksUp(new double[] {399, 399, 399}, 149));
        assertEquals(Double.POSITIVE_INFINITY, r.operateTimeS(new double[] {399, 399, 399}, 149));
    }

    @Test
    void varyingCurrentIntegratesOneOverTime() {
        // VI, Is = 100 A, TMS 1: at 1000 A t = 1.5 s, at 400 A t = 4.5 s. Run 0.75 s at 1000 A (half way),
        // then 400 A: the other half takes 2.25 s → operate at 3.0 s (IEC 60255-151 integral criterion).
        InverseTimeIntegrator i = new InverseTimeIntegrator(OvercurrentElement.inverse(TimeCurve.VERY_INVERSE, 100, 1));
        i.update(0.0, 1000);
        assertEquals(1.5, i.operateAtS(), 1e-12);
        i.update(0.75, 400);
        assertEquals(3.0, i.operateAtS(), 1e-12);
        i.update(1.0, 50);   // drops out: resets
        assertFalse(i.started());
        i.update(2.0, 1000);
        assertEquals(3.5, i.operateAtS(), 1e-12);
    }

    @Test
    void voltageStagesAndIeee1547Defaults() {
        VoltageRelay v = VoltageRelay.ieee1547CategoryII();
        assertEquals(0.16, v.operateTimeS(new double[] {0.40, 1.0, 1.0}));
        assertEquals(10.0, v.operateTimeS(new double[] {0.65, 1.0, 1.0}));
        assertEquals(2.0, v.operateTimeS(new double[] {1.12}));
        assertEquals(0.16, v.operateTimeS(new double[] {1.25}));
        assertEquals(Double.POSITIVE_INFINITY, v.operateTimeS(new double[] {0.98, 1.02, 1.05}));
        // a balanced island stays near 1 pu: passive stages do not see it
        assertEquals(Double.POSITIVE_INFINITY, v.operateTimeS(new double[] {IslandVoltage.pu(50, 52)}));
        assertEquals(0.16, v.operateTimeS(new double[] {IslandVoltage.pu(10, 60)}));
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> OvercurrentElement.inverse(TimeCurve.STANDARD_INVERSE, 0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> OvercurrentElement.inverse(TimeCurve.STANDARD_INVERSE, 100, 0));
        assertThrows(IllegalArgumentException.class, () -> new Breaker("cb", "Line.L1", -0.01, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new OvercurrentRelay("r", "Line.L1", 1, List.of(), List.of()));
    }
}
