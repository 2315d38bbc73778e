package io.packetgrid.grid.dss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** OpenDSS parser rules (ParserDel.pas, Command.pas), checked on hand-made lines. */
class ReaderTest {

    @Test
    void tokenizerSplitsNamedPositionalQuotedAndComments() {
        DssTokenizer t = new DssTokenizer("New Line.L1 bus1=a.1.2 Length = 2.5, units=ft [1 2 3] (8 1000 /) ! the rest is a comment");
        assertEquals(new DssTokenizer.Param("", "New", false), t.next());
        assertEquals(new DssTokenizer.Param("", "Line.L1", false), t.next());
        assertEquals(new DssTokenizer.Param("bus1", "a.1.2", false), t.next());
        assertEquals(new DssTokenizer.Param("Length", "2.5", false), t.next());
        assertEquals(new DssTokenizer.Param("units", "ft", false), t.next());
        assertEquals(new DssTokenizer.Param("", "1 2 3", true), t.next());
        assertEquals(new DssTokenizer.Param("", "8 1000 /", true), t.next());
        assertEquals("", t.next().value());
        DssTokenizer c = new DssTokenizer("Set x=1 // comment");
        c.next();
        assertEquals("1", c.next().value());
        assertEquals("", c.next().value());
        // an unclosed bracket: the value is the rest of the line (OpenDSS ParserDel.pas ParseToEndChar), reported to the caller
        DssTokenizer u = new DssTokenizer("taps=[1 1.0625");
        assertEquals(new DssTokenizer.Param("taps", "1 1.0625", true), u.next());
        assertEquals("[", u.unclosed());
    }

    @Test
    void inlineMathIsReversePolish() {
        assertEquals(0.008, Rpn.eval("8 1000 /"), 1e-15);
        assertEquals(0.0005, Rpn.eval(".5 1000 /"), 1e-15);
        assertEquals(5.0, Rpn.eval("3 sqr 16 + sqrt"), 1e-12);
    }

    @Test
    void abbreviationsResolveToTheFirstNameInOrder() {
        PropertyTable t = new PropertyTable("Calcvoltagebases", "CalcIncMatrix", "kV", "kVA", "kVAs");
        assertEquals(0, t.find("calcv"));
        assertEquals(0, t.find("calc"));
        assertEquals(2, t.find("kv"));
        assertEquals(3, t.find("KVA"));
        assertEquals(-1, t.find("x"));
    }

    @Test
    void arraysAndMatrixRows() {
        assertEquals(List.of("1.0", "1.0625"), DssValues.toStrings("1.0 1.0625"));
        double[] a = DssValues.toArray("0.3465 | 0.1560 0.3375", "t", "rmatrix");
        assertEquals(3, a.length);
        assertEquals(2, DssValues.toRows("0.3465 | 0.1560 0.3375", "t", "rmatrix").size());
    }
}
