package io.packetgrid.studies.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.packetgrid.cosim.error.PacketGridException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary.json never holds a non-finite number (issue #12 M3: "Infinity" was written as a string). */
class SummaryFiniteTest {

    @Test
    void aMetricThatDoesNotApplyIsNullAndAnInfiniteOneFailsTheRun(@TempDir Path dir) throws Exception {
        Summary s = new Summary("acc2017", "x", 1);
        s.variant("pem").put("latency_p50_ms", Double.NaN).put("tracking_mae_pct", 1.5);
        s.root().putArray("series").add(2.0).add(Double.NaN);
        s.write(dir);
        assertEquals(Summary.JSON.readTree("{\"study\":\"acc2017\",\"scenario\":\"x\",\"seed\":1,\"variants\":{\"pem\":"
                + "{\"latency_p50_ms\":null,\"tracking_mae_pct\":1.5}},\"series\":[2.0,null]}"),
                Summary.JSON.readTree(Files.readString(dir.resolve("summary.json"))));
        Summary bad = new Summary("acc2017", "x", 1);
        bad.variant("pem_5min").put("tracking_rms_kw", Double.POSITIVE_INFINITY);
        Path other = dir.resolve("other");
        assertEquals(other.resolve("summary.json") + ": variants.pem_5min.tracking_rms_kw: is infinite (a computation overflowed:"
                + " check the scenario's values)", assertThrows(PacketGridException.class, () -> bad.write(other)).userMessage());
        assertFalse(Files.exists(other.resolve("summary.json")));
    }
}
