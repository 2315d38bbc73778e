package io.packetgrid.cosim.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PacketGridExceptionTest {

    @Test
    void binaryJunkQuotedFromAnInputIsEscapedNeverPrintedRaw() {
        // what a DSS reader quoted from a binary file: NUL, SOH, bytes 0xff 0xfe read as Latin-1, an ANSI colour escape
        PacketGridException e = new PacketGridException("j.dss:3", "unknown command '\u0000\u0001\u00ff\u00feABC\u001b[31m'");
        assertEquals("j.dss:3: unknown command '\\x00\\x01\u00ff\u00feABC\\x1b[31m'", e.userMessage());
        // a line break cannot split the one line; undecodable input (U+FFFD) and format characters are visible
        assertEquals("f: a\\x0ab \\ufffd \\u200b", new PacketGridException("f", "a\nb \uFFFD \u200B").userMessage());
        // ordinary text, accents and emoji stay as they are
        assertEquals("feeder.dss:12: Ω ≥ 1 µs é \uD83D\uDE00", new PacketGridException("feeder.dss:12", "Ω ≥ 1 µs é \uD83D\uDE00").userMessage());
    }
}
