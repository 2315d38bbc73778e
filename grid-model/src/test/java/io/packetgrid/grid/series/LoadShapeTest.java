package io.packetgrid.grid.series;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** OpenDSS LoadShape lookup: point round(hour/interval) 1-based, wrapping, Q follows P unless actual. */
class LoadShapeTest {

    @Test
    void fixedIntervalPicksTheNearestPointAndWraps() {
        LoadShape s = new LoadShape("s", 1.0 / 60.0, new double[] {1, 2, 3, 4}, null, null, false, false);
        assertEquals(1, s.at(1.0 / 60.0)[0]);        // minute 1 -> point 1
        assertEquals(4, s.at(4.0 / 60.0)[0]);        // minute 4 -> point 4
        assertEquals(1, s.at(5.0 / 60.0)[0]);        // wraps
        assertEquals(4, s.at(0.0)[0]);               // hour 0 -> the last point
        assertEquals(2, s.at(2.0 / 60.0)[1]);        // Q multiplier follows P
        LoadShape actual = new LoadShape("a", 1.0, new double[] {5, 6}, null, null, true, false);
        assertEquals(0.0, actual.at(1.0)[1]);        // in actual units Q is 0 without qmult
    }

    @Test
    void givenHoursInterpolate() {
        LoadShape s = new LoadShape("h", 0, new double[] {0, 10}, null, new double[] {1, 3}, false, false);
        assertEquals(5.0, s.at(2.0)[0], 1e-12);
        assertEquals(0.0, s.at(1.0)[0], 1e-12);
    }
}
