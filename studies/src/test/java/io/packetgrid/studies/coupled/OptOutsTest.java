package io.packetgrid.studies.coupled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.studies.report.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code opt_outs} in summary.json and the variant's events.csv count the same opt-outs: a device below its
 * band in standby ({@code opt_out_on}) and a consuming packet interrupted at the top of the band
 * ({@code interrupt} with a positive {@code kw=}: the device opts out OFF). A discharge interrupted at the
 * bottom ({@code interrupt}, negative kW) is not an opt-out. The log once showed only the first kind, 720
 * rows against 792 in the summary.
 */
class OptOutsTest {
    @TempDir
    Path out;

    @Test
    void theSummaryAndTheEventLogAgree() throws Exception {
        Summary s = Scenarios.run(Scenarios.evening("{model: ideal}", "{name: uncontrolled, control: local}",
                "{name: pem, control: pem}"), out, 2);
        long summary = (long) Scenarios.metric(s, "pem", "opt_outs");
        List<String> events = Files.readAllLines(out.resolve("pem").resolve("events.csv"));
        long on = events.stream().filter(l -> l.contains(",opt_out_on,")).count();
        long off = events.stream().filter(l -> l.contains(",interrupt,") && !l.contains("kw=-")).count();
        long rows = on + off;
        assertTrue(summary > 0, "the evening has opt-outs");
        assertTrue(on > 0 && off > 0, "both kinds occur: " + on + " on, " + off + " off");
        assertEquals(summary, rows, "summary.json opt_outs = opt_out_on rows + interrupt rows of consuming packets in pem/events.csv");
    }
}
