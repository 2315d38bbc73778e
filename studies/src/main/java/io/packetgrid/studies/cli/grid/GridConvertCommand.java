package io.packetgrid.studies.cli.grid;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.convert.ConversionReport;
import io.packetgrid.grid.convert.LoadProfiles;
import io.packetgrid.grid.convert.MvLvScriptWriter;
import io.packetgrid.grid.convert.MvLvWorkbook;
import io.packetgrid.grid.convert.XlsxTables;
import io.packetgrid.grid.feeders.BundledFeeders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code grid convert WORKBOOK.xlsx --out DIR}: an AusNet MV-LV workbook (Team-Nando/MV-LV-Networks)
 * to OpenDSS scripts that {@code grid run DIR/Master.dss} solves (docs/grid-model.md).
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Converts an MV-LV network workbook in the AusNet format to OpenDSS scripts.",
                "The University of Melbourne's format: sheets mv_net_txs, linecodes, lines, lvtx, lv_lines, lv_loads,",
                "optionally mvtx, mvcaps, buscoords. Writes DIR/Master.dss and the files it redirects to."})
public final class GridConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "WORKBOOK.xlsx", description = "The network's Excel workbook.")
    Path workbook;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write Master.dss and its files into.")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "OpenDSS circuit name (default: from the workbook's file name).")
    String name;

    @Option(names = "--profiles", paramLabel = "FOLDER",
            description = {"Folder of the household profiles load_profile_1..100.txt as the scripts should name it, relative to DIR.",
                    "Default: the IEEE European LV profiles shipped with PacketGrid are copied into DIR/profiles."})
    String profiles;

    @Override
    public Integer call() {
        String file = workbook.getFileName() == null ? workbook.toString() : workbook.getFileName().toString();
        String circuit = name != null ? name : defaultName(file);
        MvLvWorkbook wb = MvLvWorkbook.of(file, XlsxTables.read(workbook));
        String folder = profiles != null ? profiles : "profiles";
        ConversionReport r = MvLvScriptWriter.write(wb, new MvLvScriptWriter.Options(circuit, new LoadProfiles(folder)), out);
        if (profiles == null) {
            copyProfiles(out.resolve(folder));
        }
        System.out.printf(Locale.ROOT, "%s: %d residential + %d C&I customers, %d distribution transformers (%d on SWER), %.0f kVA connected%n",
                circuit, r.residentialCustomers(), r.commercialCustomers(), r.transformers(), r.swerTransformers(), r.connectedKva());
        System.out.printf(Locale.ROOT, "lines: MV %.3f km, SWER %.3f km, LV %.3f km; %d regulator banks, %d SWER isolators, %d capacitor banks%n",
                r.mvKm(), r.swerKm(), r.lvKm(), r.regulators(), r.isolators(), r.capacitors());
        System.out.println(out.resolve("Master.dss"));
        return 0;
    }

    /** {@code Network_3_Urban_HPK11.xlsx} becomes {@code ausnet_hpk11}; other names their base name. */
    static String defaultName(String file) {
        String base = file.replaceFirst("(?i)\\.xlsx$", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)^Network_\\d+_(?:Urban|Rural)_(\\w+)$").matcher(base);
        String n = m.matches() ? "ausnet_" + m.group(1) : base;
        return n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_\\-]", "_");
    }

    private static void copyProfiles(Path dir) {
        Path src = BundledFeeders.europeanLv().getParent();
        try {
            Files.createDirectories(dir);
            try (Stream<Path> s = Files.list(src.resolve("Daily_1min_100profiles"))) {
                for (Path p : s.toList()) {
                    Files.copy(p, dir.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.copy(src.resolve("LICENSE-EPRI.txt"), dir.resolve("LICENSE-EPRI.txt"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new PacketGridException(dir.toString(), "cannot copy the household profiles: " + e.getMessage());
        }
    }
}
