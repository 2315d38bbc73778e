package io.packetgrid.studies.coupled;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report draws its plots side by side (one thread each, up to the run's threads): the oracle is the same study
 * drawn on one thread, one plot after another; every PNG must be the same, byte for byte.
 */
class ReportPlotsTest {
    @TempDir
    Path dir;

    @Test
    void plotsDrawnSideBySideAreTheSameFiles() throws IOException {
        String yaml = Scenarios.evening("{model: ideal}", "{name: uncontrolled, control: local}", "{name: pem, control: pem}")
                .replace("duration: 3h", "duration: 20m").replace("outputs: {plots: false}", "outputs: {plots: true}");
        Scenarios.run(yaml, dir.resolve("t1"), 1);
        Scenarios.run(yaml, dir.resolve("t3"), 3);
        List<Path> pngs = pngs(dir.resolve("t1"));
        // power, voltage envelope, latency and one feeder map per variant
        assertEquals(List.of("feeder_map_pem.png", "feeder_map_uncontrolled.png", "latency_cdf.png", "power_vs_target.png",
                "voltage_envelope.png"), pngs.stream().map(Path::toString).toList());
        assertEquals(pngs, pngs(dir.resolve("t3")));
        for (Path p : pngs) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("t1").resolve(p)), Files.readAllBytes(dir.resolve("t3").resolve(p)),
                    p.toString());
        }
    }

    private static List<Path> pngs(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.toString().endsWith(".png")).map(root::relativize).sorted().toList();
        }
    }
}
