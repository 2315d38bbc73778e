package io.packetgrid.studies.sweep.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.scenario.YamlFiles;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AxisValuesTest {

    private static List<JsonNode> values(String yaml) {
        return AxisValues.of(YamlFiles.read(yaml, "t", JsonNode.class), "s.yaml:3: axes.a");
    }

    private static List<String> cells(String yaml) {
        return values(yaml).stream().map(Values::cell).toList();
    }

    @Test
    void aDecimalRangeHitsItsEndExactly() {
        // 0.2·3 in binary floating point is 0.6000000000000001; the range is computed in decimal
        List<JsonNode> v = values("{from: 0, to: 0.6, step: 0.2}");
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6), v.stream().map(JsonNode::doubleValue).toList());
        assertTrue(v.stream().allMatch(JsonNode::isDouble));
    }

    @Test
    void anIntegerRangeGivesIntegers() {
        List<JsonNode> v = values("{from: 5, to: 30, step: 5}");
        assertEquals(List.of("5", "10", "15", "20", "25", "30"), v.stream().map(Values::cell).toList());
        assertTrue(v.stream().allMatch(JsonNode::isInt));
    }

    @Test
    void aRangeStopsAtTheLastValueNotBeyondTo() {
        assertEquals(List.of("0", "0.3", "0.6", "0.9"), cells("{from: 0, to: 1, step: 0.3}"));
        assertEquals(List.of("1", "0.5", "0"), cells("{from: 1, to: 0, step: -0.5}"));
        assertEquals(List.of("7"), cells("{from: 7, to: 7, step: 1}"));
    }

    @Test
    void listsKeepTheirValuesAndOrder() {
        assertEquals(List.of("30", "5", "pem", "true", "0.25"), cells("[30, 5, pem, true, 0.25]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{from: 0, to: 1, step: 0}            | range step must not be 0",
            "{from: 1, to: 0, step: 0.5}          | range from 1 to 0 is never reached with step 0.5 (to must be ≥ from)",
            "{from: 0, to: 1}                     | range needs 'step' (a range is {from: A, to: B, step: S})",
            "{from: 0, to: 1, stp: 1}             | unknown range field 'stp' (a range is {from: A, to: B, step: S})",
            "{from: 0, to: 1000000, step: 1}      | range has 1000001 values, more than 100000 (check from, to and step)",
            "[]                                   | needs at least one value",
            "[5, 15, 5.0]                         | value 5 is listed twice",
            "7                                    | expected a list of values like [5, 15, 30] or a range like {from: 0, to: 0.6, step: 0.2}, got a number '7'",
    })
    void badAxesAreOneLineNamingTheSweepField(String yaml, String message) {
        PacketGridException e = assertThrows(PacketGridException.class, () -> values(yaml));
        assertEquals("s.yaml:3: axes.a: " + message, e.userMessage());
    }

    @Test
    void aNonNumericBoundIsNamed() {
        PacketGridException e = assertThrows(PacketGridException.class, () -> values("{from: zero, to: 1, step: 0.5}"));
        assertEquals("s.yaml:3: axes.a.from: expected a number, got 'zero'", e.userMessage());
    }
}
