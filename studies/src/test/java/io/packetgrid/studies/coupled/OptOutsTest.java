package io.packetgrid.studies.coupled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.studies.report.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code opt_outs} in summary.json and the {@code opt_out} rows of the variant's events.csv count the same
 * thing: every opt-out of a device, both the tank falling below its band while in standby (opt-out ON)
 * and a packet interrupted at the top of the band (opt-out OFF). The log once showed only the first kind,
 * 720 rows against 792 in the summary.
 */
class OptOutsTest {
    @TempDir
    Path out;

    @Test
    void theSummaryAndTheEventLogAgree() throws Exception {
        Summary s = Scenarios.run(Scenarios.evening("{model: ideal}", "{name: uncontrolled, control: local}",
                "{name: pem, control: pem}"), out, 2);
        long summary = (long) Scenarios.metric(s, "pem", "opt_outs");
        long rows = Files.readAllLines(out.resolve("pem").resolve("events.csv")).stream().filter(l -> l.contains(",opt_out,")).count();
        assertTrue(summary > 0, "the evening has opt-outs");
        assertEquals(summary, rows, "summary.json opt_outs = opt_out rows in pem/events.csv");
    }
}
