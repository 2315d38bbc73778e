package io.packetgrid.grid.feeders;

import io.packetgrid.cosim.error.PacketGridException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Synthetic test feeders built from the bundled European LV feeder: {@code K} copies of its
 * transformer, lines and loads under one 11 kV source bus (bus and element names prefixed
 * {@code cK_}), loads constant-PQ ({@code vminpu=0.5 vmaxpu=1.5}) and a one-day yearly-mode time
 * series of one-minute steps, with monitors on loads 1, 32 and 53 of the first copy. With
 * {@code K = 1} this is the benchmark setting of the issue (Master.dss plus the published
 * time-series setup); larger {@code K} shows how the cost grows with the number of nodes (above
 * 100 copies with {@code Set maxiterations=100}).
 */
public final class SyntheticFeeders {
    private static final Pattern BUS = Pattern.compile("(?i)(bus[12]=)([^\\s.\\]]+)");
    private static final Pattern NAME = Pattern.compile("(?i)^(New\\s+(?:Line|Load|Transformer)\\.)(\\S+)");
    private static final Pattern XFMR_BUSES = Pattern.compile("(?i)Buses=\\[SourceBus\\s+(\\S+)\\]");

    /**
     * Above about a hundred copies the feeders' common 11 kV source carries so much load that OpenDSS's
     * fixed point (the one PacketGrid follows) needs more than its default 15 iterations: 1000 copies
     * take 18 at the first step and about 9 at later ones.
     */
    static final String MORE_ITERATIONS = "! all copies share one source: the fixed point needs more than the default 15 iterations\n"
            + "Set maxiterations=100\n";

    private SyntheticFeeders() {
    }

    /** Writes the K-copy feeder into {@code dir} and returns its {@code Master.dss}. */
    public static Path europeanLvCopies(int copies, Path dir) {
        if (copies < 1 || copies > 10_000) {
            throw new PacketGridException("--copies", "must be between 1 and 10000");
        }
        Path src = BundledFeeders.europeanLv().getParent();
        try {
            Files.createDirectories(dir.resolve("Daily_1min_100profiles"));
            for (String f : List.of("LineCode.txt", "LoadShapes.txt", "LICENSE-EPRI.txt", "SOURCES.md")) {
                Files.copy(src.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
            try (Stream<Path> s = Files.list(src.resolve("Daily_1min_100profiles"))) {
                for (Path p : s.toList()) {
                    Files.copy(p, dir.resolve("Daily_1min_100profiles").resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            List<String> lines = Files.readAllLines(src.resolve("Lines.txt"), StandardCharsets.ISO_8859_1);
            List<String> loads = Files.readAllLines(src.resolve("Loads.txt"), StandardCharsets.ISO_8859_1);
            List<String> xfmr = Files.readAllLines(src.resolve("Transformers.txt"), StandardCharsets.ISO_8859_1);
            StringBuilder body = new StringBuilder();
            for (int k = 1; k <= copies; k++) {
                String prefix = "c" + k + "_";
                for (String l : xfmr) {
                    body.append(rename(XFMR_BUSES.matcher(l).replaceAll("Buses=[SourceBus " + prefix + "$1]"), prefix)).append('\n');
                }
                for (String l : lines) {
                    body.append(rename(renameBuses(l, prefix), prefix)).append('\n');
                }
                for (String l : loads) {
                    body.append(rename(renameBuses(l, prefix), prefix)).append('\n');
                }
            }
            Files.writeString(dir.resolve("Copies.txt"), body.toString(), StandardCharsets.ISO_8859_1);
            String master = "! " + copies + " copies of the IEEE European LV test feeder under one 11 kV bus (PacketGrid synthetic feeder)\n"
                    + "clear\nSet DefaultBaseFrequency=50\nNew circuit.EuropeanLVx" + copies + "\n"
                    + "Edit Vsource.Source BasekV=11 pu=1.05 ISC3=3000 ISC1=5\n"
                    + "Redirect LineCode.txt\nRedirect LoadShapes.txt\nbatchedit loadshape..* useactual=no\n"
                    + "Redirect Copies.txt\n"
                    + "New Monitor.c1_load1_vi Load.c1_LOAD1 1 mode=0\n"
                    + "New Monitor.c1_load32_vi Load.c1_LOAD32 1 mode=0\n"
                    + "New Monitor.c1_load53_vi Load.c1_LOAD53 1 mode=0\n"
                    + "Set voltagebases=[11 .416]\nCalcvoltagebases\n"
                    + "BatchEdit Load..* vminpu=0.5 vmaxpu=1.5\n"
                    + (copies > 100 ? MORE_ITERATIONS : "")
                    + "Set mode=yearly number=1440 stepsize=1m\nSolve\n";
            Path m = dir.resolve("Master.dss");
            Files.writeString(m, master, StandardCharsets.ISO_8859_1);
            return m;
        } catch (IOException e) {
            throw new PacketGridException(dir.toString(), "cannot write the synthetic feeder: " + e.getMessage());
        }
    }

    private static String renameBuses(String line, String prefix) {
        Matcher m = BUS.matcher(line);
        return m.replaceAll(r -> r.group(1) + prefix + r.group(2));
    }

    private static String rename(String line, String prefix) {
        Matcher m = NAME.matcher(line);
        return m.replaceFirst(r -> r.group(1) + prefix + r.group(2));
    }
}
