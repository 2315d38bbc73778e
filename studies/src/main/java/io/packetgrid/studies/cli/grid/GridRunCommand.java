package io.packetgrid.studies.cli.grid;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.api.ScriptRun;
import io.packetgrid.grid.feeders.BundledFeeders;
import io.packetgrid.grid.result.Limits;
import io.packetgrid.grid.result.NodeVoltage;
import io.packetgrid.grid.series.Simulation;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code grid run SCRIPT.dss [--out DIR] [--voltages FILE.csv]} (CLI.md). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Executes an OpenDSS script (paths relative to the script's folder).",
                "Exports go to --out; nothing is written beside the script."})
public final class GridRunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCRIPT.dss", description = "OpenDSS script to execute, or builtin:NAME for a feeder shipped "
            + "with PacketGrid (european-lv, ausnet-hpk11, ausnet-cre21, ...).")
    String scriptArg;

    private Path script;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "Folder for exports (default ./out).")
    Path out;

    @Option(names = "--voltages", paramLabel = "FILE.csv",
            description = "Write every node voltage of the final solved state: bus,node,vmag_v,vangle_deg,vmag_pu.")
    Path voltages;

    @Override
    public Integer call() {
        script = BundledFeeders.isBuiltin(scriptArg) ? BundledFeeders.resolve(scriptArg, "SCRIPT") : Path.of(scriptArg);
        if (!Files.isRegularFile(script)) {
            throw new PacketGridException(script.toString(), "script not found");
        }
        long t0 = System.nanoTime();
        ScriptRun dss = new ScriptRun(out);
        dss.run(script);
        if (!dss.hasCircuit()) {
            throw new PacketGridException(script.toString(), "the script defines no circuit");
        }
        Simulation sim = dss.simulation();
        if (!sim.solved()) {
            if (voltages != null) {
                throw new PacketGridException(script.toString(), "the script ends without a solved state (no Solve after the last change)");
            }
        }
        if (voltages != null) {
            writeVoltages(dss);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "circuit %s: %d buses, %d nodes; %d solutions, %d iterations, %.0f ms%n",
                dss.circuitName(), dss.busCount(), dss.nodeCount(), dss.totalSolutions(),
                dss.totalIterations(), ms));
        if (sim.solved()) {
            Limits lim = Limits.en50160();
            double[] range = dss.voltageRangePu(lim);
            double[] loss = dss.losses();
            double[] src = dss.sourcePower();
            int violations = dss.violationCount(lim);
            sb.append(String.format(Locale.ROOT, "final state: source %.3f kW %.3f kvar, losses %.3f kW, voltage %.4f..%.4f pu of nominal, %d violations (EN 50160)%n",
                    src[0] / 1000, src[1] / 1000, loss[0] / 1000, range[0], range[1], violations));
        }
        for (Path p : dss.exported()) {
            sb.append("exported ").append(p).append('\n');
        }
        if (voltages != null) {
            sb.append("voltages ").append(voltages).append('\n');
        }
        if (!dss.warnings().isEmpty()) {
            sb.append(dss.warnings().size()).append(" warning(s) (ignored properties or commands without effect on the power flow); first: ")
                    .append(dss.warnings().get(0)).append('\n');
        }
        System.out.print(sb);
        return 0;
    }

    private void writeVoltages(ScriptRun dss) {
        List<NodeVoltage> vs = dss.voltages();
        try {
            Path parent = voltages.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(voltages, StandardCharsets.UTF_8)) {
                w.write("bus,node,vmag_v,vangle_deg,vmag_pu\n");
                for (NodeVoltage v : vs) {
                    w.write(String.format(Locale.ROOT, "%s,%d,%.6f,%.6f,%.8f%n", v.bus(), v.node(), v.vmagV(), v.vangleDeg(), v.vmagPu()));
                }
            }
        } catch (IOException e) {
            throw new PacketGridException(voltages.toString(), "cannot write: " + e.getMessage());
        }
    }
}
