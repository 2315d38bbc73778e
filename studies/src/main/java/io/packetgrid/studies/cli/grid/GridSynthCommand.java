package io.packetgrid.studies.cli.grid;

import io.packetgrid.grid.feeders.SyntheticFeeders;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code grid synth --copies K --out DIR}: writes K copies of the European LV feeder under one MV bus. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic feeder: K copies of the bundled IEEE European LV feeder under one 11 kV bus.",
                "Constant-PQ loads, a 1440-step one-minute time series and three load monitors (K=1: the benchmark setting)."})
public final class GridSynthCommand implements Callable<Integer> {
    @Option(names = "--copies", defaultValue = "1", description = "Number of feeder copies (default ${DEFAULT-VALUE}).")
    int copies;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write Master.dss and its data into.")
    Path out;

    @Override
    public Integer call() {
        Path m = SyntheticFeeders.europeanLvCopies(copies, out);
        System.out.println(m);
        return 0;
    }
}
