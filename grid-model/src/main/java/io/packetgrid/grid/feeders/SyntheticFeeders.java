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

    /** MV cable of the synthetic MV network: AusNet's 185 mm2 aluminium 22 kV cable, code CDR017 (sheet linecodes). */
    static final String MV_CABLE = "New LineCode.mv_cdr017 nphases=3 r1=0.211 x1=0.106 b1=70.086 r0=0.257 x0=0.801 b0=70.086 units=km"
            + " normamps=315 emergamps=315\n";
    /** Length of each MV cable section, km (one section per distribution transformer, 300 m apart as on the study's map). */
    static final double MV_SECTION_KM = 0.3;

    /**
     * K copies of the European LV feeder on a real MV network: a 66 kV source (the AusNet networks'
     * source impedance), a 66/11 kV zone-substation transformer rated like IEEE 8500's substation
     * (27.5 MVA, 15.51 % reactance, 0.672 % resistance per winding; Dyn), and radial 11 kV cable feeders
     * of {@code perFeeder} distribution transformers each, 300 m of AusNet's 185 mm2 aluminium cable
     * (CDR017) between successive ones; every copy's own 11/0.416 kV 800 kVA transformer hangs on its
     * MV node. Copy k's load i follows profile {@code ((k-1)·55 + i-1) mod 100 + 1} of the feeder's
     * 100 published profiles (all 100 used in turn). Copy k's LV busbar sits at (300 (k-1 mod 10), -300 floor((k-1)/10)) m
 * with its buses where the feeder's coordinates put them (the layout of the single-feeder copies), its
 * MV node at the busbar. Ends with a snapshot solve; no time series.
     */
    public static Path europeanLvOnMv(int copies, int perFeeder, Path dir) {
        if (copies < 1 || copies > 10_000 || perFeeder < 1) {
            throw new PacketGridException("copies", "must be between 1 and 10000 (and at least one per MV feeder)");
        }
        Path src = BundledFeeders.europeanLv().getParent();
        try {
            Files.createDirectories(dir.resolve("Daily_1min_100profiles"));
            for (String f : List.of("LineCode.txt", "LICENSE-EPRI.txt")) {
                Files.copy(src.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
            try (Stream<Path> s = Files.list(src.resolve("Daily_1min_100profiles"))) {
                for (Path p : s.toList()) {
                    Files.copy(p, dir.resolve("Daily_1min_100profiles").resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            StringBuilder shapes = new StringBuilder();
            for (int n = 1; n <= 100; n++) {
                shapes.append("New Loadshape.Shape_").append(n).append(" npts=1440 minterval=1 mult=(file=Daily_1min_100profiles/load_profile_")
                        .append(n).append(".txt) useactual=true\n");
            }
            Files.writeString(dir.resolve("LoadShapes.txt"), shapes.toString(), StandardCharsets.ISO_8859_1);
            List<String> lines = Files.readAllLines(src.resolve("Lines.txt"), StandardCharsets.ISO_8859_1);
            List<String> loads = Files.readAllLines(src.resolve("Loads.txt"), StandardCharsets.ISO_8859_1);
            List<String> xfmr = Files.readAllLines(src.resolve("Transformers.txt"), StandardCharsets.ISO_8859_1);
            List<String> coords = Files.readAllLines(src.resolve("Buscoords.txt"), StandardCharsets.ISO_8859_1);
            double[] origin = null;   // the feeder's LV busbar (bus 1)
            for (String c : coords) {
                String[] f = c.trim().split("[\\s,]+");
                if (f.length >= 3 && f[0].equals("1")) {
                    origin = new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])};
                }
            }
            StringBuilder mv = new StringBuilder(MV_CABLE);
            StringBuilder body = new StringBuilder();
            StringBuilder xy = new StringBuilder("mv_bus,-300,0\n");
            int feeders = (copies + perFeeder - 1) / perFeeder;
            for (int k = 1; k <= copies; k++) {
                int f = (k - 1) / perFeeder + 1;
                int j = (k - 1) % perFeeder + 1;
                String node = "mv_f" + f + "_" + j;
                String from = j == 1 ? "mv_bus" : "mv_f" + f + "_" + (j - 1);
                mv.append("New Line.mv_f").append(f).append('_').append(j).append(" bus1=").append(from).append(" bus2=").append(node)
                        .append(" linecode=mv_cdr017 length=").append(MV_SECTION_KM).append(" units=km\n");
                String prefix = "c" + k + "_";
                for (String l : xfmr) {
                    body.append(rename(XFMR_BUSES.matcher(l).replaceAll("Buses=[" + node + " " + prefix + "$1]"), prefix)).append('\n');
                }
                for (String l : lines) {
                    body.append(rename(renameBuses(l, prefix), prefix)).append('\n');
                }
                // copy k's LV busbar at (300 col, -300 row) m, ten copies a row, its MV node beside it
                double ox = ((k - 1) % 10) * 300.0;
                double oy = -((k - 1) / 10) * 300.0;
                xy.append(node).append(',').append(ox).append(',').append(oy).append('\n');
                for (String c : coords) {
                    String[] fld = c.trim().split("[\\s,]+");
                    if (fld.length >= 3 && origin != null) {
                        double x = Double.parseDouble(fld[1]) - origin[0] + ox;
                        double y = Double.parseDouble(fld[2]) - origin[1] + oy;
                        xy.append(prefix).append(fld[0]).append(',').append(String.format(java.util.Locale.ROOT, "%.3f,%.3f", x, y))
                                .append('\n');
                    }
                }
                int offset = (k - 1) * 55;
                for (String l : loads) {
                    String renamed = rename(renameBuses(l, prefix), prefix);
                    Matcher m = SHAPE.matcher(renamed);
                    if (m.find()) {
                        int i = Integer.parseInt(m.group(2));
                        renamed = m.replaceFirst("$1" + ((offset + i - 1) % 100 + 1));
                    }
                    body.append(renamed).append('\n');
                }
            }
            Files.writeString(dir.resolve("MV.txt"), mv.toString(), StandardCharsets.ISO_8859_1);
            Files.writeString(dir.resolve("Buscoords.csv"), xy.toString(), StandardCharsets.ISO_8859_1);
            Files.writeString(dir.resolve("Copies.txt"), body.toString(), StandardCharsets.ISO_8859_1);
            String master = "! " + copies + " copies of the IEEE European LV test feeder on " + feeders + " radial 11 kV feeders of " + perFeeder
                    + " (PacketGrid synthetic MV-LV network; SyntheticFeeders.europeanLvOnMv)\n"
                    + "clear\nSet DefaultBaseFrequency=50\n"
                    + "New circuit.EuropeanLVonMV" + copies + " bus1=sourcebus basekv=66 pu=1 phases=3 R1=0.52824 X1=2.113 R0=0.59157 X0=1.7747\n"
                    + "New Transformer.zone phases=3 windings=2 buses=[sourcebus mv_bus] conns=[delta wye] kVs=[66 11] kVAs=[27500 27500]"
                    + " xhl=15.51 %Rs=[0.67202 0.67202]\n"
                    + "Redirect MV.txt\nRedirect LineCode.txt\nRedirect LoadShapes.txt\n"
                    + "Redirect Copies.txt\n"
                    + "Set voltagebases=[66 11 .416]\nCalcvoltagebases\n"
                    + "BusCoords Buscoords.csv\n"
                    + "Solve\n";
            Path m = dir.resolve("Master.dss");
            Files.writeString(m, master, StandardCharsets.ISO_8859_1);
            return m;
        } catch (IOException e) {
            throw new PacketGridException(dir.toString(), "cannot write the synthetic MV network: " + e.getMessage());
        }
    }

    private static final Pattern SHAPE = Pattern.compile("(?i)(Yearly=Shape_)(\\d+)");

    private static String renameBuses(String line, String prefix) {
        Matcher m = BUS.matcher(line);
        return m.replaceAll(r -> r.group(1) + prefix + r.group(2));
    }

    private static String rename(String line, String prefix) {
        Matcher m = NAME.matcher(line);
        return m.replaceFirst(r -> r.group(1) + prefix + r.group(2));
    }
}
