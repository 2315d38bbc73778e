package io.packetgrid.studies.coupled;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.feeders.SyntheticFeeders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the coupled study's variants are scheduled: side by side from the start, the tracking variants reading the
 * baseline variant's power as it is produced. The reference is the same study with one thread, where the variants run
 * one after another, the baseline finished before any tracking variant starts: with 2 and 4 threads every output file
 * is the same, byte for byte. A baseline that fails ends the study with its own error, without a hang.
 */
class VariantSchedulingTest {
    @TempDir
    Path dir;

    static final String VARIANTS = """
            - {name: uncontrolled, control: local}
            - {name: pem, control: pem}
            - {name: pem_grid_aware, control: pem, grid_aware: true}""";

    @Test
    void anMvStudyGivesTheSameFilesWithOneTwoAndFourThreads() throws IOException {
        Path master = SyntheticFeeders.europeanLvOnMv(2, 2, dir.resolve("net"));
        // two European LV feeders on an 11 kV cable behind a tapped 66/11 kV substation (MvNetworkStudyTest's network);
        // 40 minutes = 1.33 target windows: the last block is cut short
        String yaml = """
                kind: coupled
                name: mv
                seed: 4
                start: 17h
                duration: 40m
                grid_step: 1m
                device_step: 10s
                observe_from: 0s
                feeder:
                  script: %s
                  commands: [BatchEdit Load..* vminpu=0.5 vmaxpu=1.5]
                  mv: {oltc: {vreg_pu: 1.04, band_pct: 1.5, delay: 30s}}
                households:
                  mix: {water_heater: 1.0, ev_charger: 0.5}
                network: {model: ideal}
                pem: {packet: 5m, ev_packet: 15m, mttr: 5m, ev_mttr: 1m}
                target: {kind: baseline, baseline_variant: uncontrolled, window: 30m, offset_pct: -5, amplitude_pct: 10}
                grid_limits: {gate_margin_pu: 0.02}
                variants:
                %s
                outputs: {plots: false}
                """.formatted(master.toString().replace('\\', '/'), VARIANTS.indent(2).stripTrailing());
        sameFiles(yaml);
    }

    @Test
    void anLvStudyGivesTheSameFilesWithOneTwoAndFourThreads() throws IOException {
        String yaml = Scenarios.evening("{model: ideal}", VARIANTS.lines().map(l -> l.substring(2)).toArray(String[]::new))
                .replace("duration: 3h", "duration: 70m");
        sameFiles(yaml);
    }

    private void sameFiles(String yaml) throws IOException {
        assertTrue(yaml.contains("name: pem_grid_aware") && yaml.contains("baseline_variant: uncontrolled"), yaml);
        Scenarios.run(yaml, dir.resolve("t1"), 1);
        List<Path> files = files(dir.resolve("t1"));
        assertTrue(files.size() > 10, "files: " + files);
        for (int threads : new int[] {2, 4}) {
            Path out = dir.resolve("t" + threads);
            Scenarios.run(yaml, out, threads);
            assertEquals(files, files(out), threads + " threads: the same files");
            for (Path f : files) {
                assertArrayEquals(Files.readAllBytes(dir.resolve("t1").resolve(f)), Files.readAllBytes(out.resolve(f)),
                        threads + " threads: " + f);
            }
        }
    }

    /** Every result file (not the kernel's wall-time profile). */
    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).filter(p -> !p.endsWith("profile.txt")).sorted().toList();
        }
    }

    @Test
    void aFailingBaselineEndsTheStudyWithItsOwnErrorWithoutAHang() throws IOException {
        String yaml = Scenarios.evening("{model: ideal}", VARIANTS.lines().map(l -> l.substring(2)).toArray(String[]::new))
                .replace("duration: 3h", "duration: 2h");
        for (int threads : new int[] {1, 2, 4}) {
            Path out = Files.createDirectories(dir.resolve("fail" + threads));
            // the baseline variant's output folder cannot be made: only that run fails, as it starts
            Files.writeString(out.resolve("uncontrolled"), "in the way");
            PacketGridException e = assertTimeoutPreemptively(Duration.ofSeconds(120),
                    () -> assertThrows(PacketGridException.class, () -> Scenarios.run(yaml, out, threads)));
            assertTrue(e.toString().contains("uncontrolled") && e.toString().contains("cannot create output folder"),
                    threads + " threads: " + e);
        }
    }
}
