package io.packetgrid.cosim.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRecorderTest {

    @Test
    void writesSeriesAndEventsWithExactTimesAndQuotedText(@TempDir Path dir) throws Exception {
        try (CsvRecorder rec = new CsvRecorder(dir)) {
            SeriesWriter s = rec.series("grid/voltages", List.of("v_min_pu", "v_max_pu"));
            s.row(60_000_000_000L, 0.95, 1.05);
            s.row(60_250_000_000L, 1, Double.NaN);
            rec.event(1_500, "server", "deny", "bus 34, phase \"a\"");
        }
        assertEquals("time_s,v_min_pu,v_max_pu\n60,0.95,1.05\n60.25,1,NaN\n", Files.readString(dir.resolve("grid/voltages.csv")));
        assertEquals("time_s,source,type,detail\n0.0000015,server,deny,\"bus 34, phase \"\"a\"\"\"\n",
                Files.readString(dir.resolve("events.csv")));
    }

    @Test
    void numbersPrintAsShortestRoundTripDecimals() {
        assertEquals("0.1", CsvFormat.number(0.1));
        assertEquals("230", CsvFormat.number(230.0));
        assertEquals("-1", CsvFormat.number(-1.0));
        assertEquals("1.0E-9", CsvFormat.number(1e-9));
        assertEquals("inf", CsvFormat.number(Double.POSITIVE_INFINITY));
        assertEquals(0.1 + 0.2, Double.parseDouble(CsvFormat.number(0.1 + 0.2)));
    }
}
