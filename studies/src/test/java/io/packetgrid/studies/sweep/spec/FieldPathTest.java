package io.packetgrid.studies.sweep.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FieldPathTest {

    @Test
    void namesAndListEntries() {
        FieldPath p = FieldPath.parse("households[2].heater.kw", "w");
        assertEquals(List.of(new FieldPath.Name("households"), new FieldPath.Index(2), new FieldPath.Name("heater"),
                new FieldPath.Name("kw")), p.segments());
        assertEquals("households[2]", p.prefix(2));
        assertEquals("households[2].heater", p.prefix(3));
    }

    @Test
    void prefixesOverlap() {
        FieldPath pem = FieldPath.parse("pem", "w");
        FieldPath minutes = FieldPath.parse("pem.packet_minutes", "w");
        FieldPath other = FieldPath.parse("pem_x", "w");
        assertTrue(pem.isPrefixOf(minutes));
        assertTrue(minutes.overlaps(pem));
        assertFalse(other.overlaps(pem));
        assertFalse(minutes.isPrefixOf(pem));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".a", "a.", "a..b", "a[", "a[]", "a[x]", "a b", "[0]", "a.[0]", "a[0]b"})
    void malformedPathsAreOneLineNamingTheSweepField(String text) {
        PacketGridException e = assertThrows(PacketGridException.class, () -> FieldPath.parse(text, "s.yaml:4: axes"));
        assertEquals("s.yaml:4: axes", e.location());
        assertTrue(e.getMessage().startsWith("'" + text + "' is not a field path"), e.getMessage());
    }
}
