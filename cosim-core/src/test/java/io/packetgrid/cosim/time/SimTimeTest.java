package io.packetgrid.cosim.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.packetgrid.cosim.error.PacketGridException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SimTimeTest {

    @ParameterizedTest
    @CsvSource({
            "1m, 60000000000",
            "10s, 10000000000",
            "250us, 250000",
            "250µs, 250000",
            "1.5ms, 1500000",
            "1h30m, 5400000000000",
            "1d, 86400000000000",
            "0, 0",
            "0s, 0",
            "100ns, 100",
            "0.5s, 500000000",
            "2 min, 120000000000",
            "1m 30s, 90000000000",
    })
    void parsesDurations(String text, long ns) {
        assertEquals(ns, SimTime.parse(text));
    }

    @ParameterizedTest
    @CsvSource({
            "60000000000, 1m",
            "10000000000, 10s",
            "250000, 250us",
            "90000000000, 1m30s",
            "1500000, 1ms500us",
            "0, 0s",
            "86400000000000, 1d",
            "1, 1ns",
    })
    void formatsDurationsExactly(long ns, String text) {
        assertEquals(text, SimTime.format(ns));
        assertEquals(ns, SimTime.parse(text), "format is the inverse of parse");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ten", "", "10", "10x", "s", "1.5ns", "-1s", "1e3s", "10s5"})
    void rejectsWhatIsNotADuration(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SimTime.parse(text));
        assertEquals("expected a duration like 10s, got '" + text + "'", e.getMessage());
    }

    @Test
    void reportsWhereABadDurationIs() {
        PacketGridException e = assertThrows(PacketGridException.class, () -> SimTime.parse("ten", "federates[2].step"));
        assertEquals("federates[2].step: expected a duration like 10s, got 'ten'", e.userMessage());
    }

    @Test
    void printsSecondsAsExactDecimals() {
        assertEquals("60", SimTime.toSecondsString(60 * SimTime.S));
        assertEquals("60.25", SimTime.toSecondsString(60 * SimTime.S + 250 * SimTime.MS));
        assertEquals("0.000001", SimTime.toSecondsString(SimTime.US));
        assertEquals("0.000000001", SimTime.toSecondsString(1));
    }

    @Test
    void roundTripsEveryPowerOfTenAndMixedValues() {
        long[] samples = {7, 999, 1_001, 12_345_678, 61 * SimTime.S + 1, 3 * SimTime.D + 7 * SimTime.MS};
        for (long ns : samples) {
            assertEquals(ns, SimTime.parse(SimTime.format(ns)));
        }
    }
}
