package io.packetgrid.studies.cli;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.studies.sweep.Sweeps;
import io.packetgrid.studies.sweep.plan.Run;
import io.packetgrid.studies.sweep.plan.SweepPlan;
import io.packetgrid.studies.sweep.results.Collected;
import io.packetgrid.studies.sweep.results.Collector;
import io.packetgrid.studies.sweep.slurm.Sbatch;
import io.packetgrid.studies.sweep.slurm.SlurmJob;
import io.packetgrid.studies.sweep.slurm.SlurmScripts;
import io.packetgrid.studies.sweep.slurm.SlurmSubmission;
import io.packetgrid.studies.sweep.spec.SlurmSettings;
import io.packetgrid.studies.sweep.spec.SweepFiles;
import io.packetgrid.studies.sweep.spec.Values;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sweep SWEEP.yaml [--out DIR] [--workers K] [--task I --tasks N] [--slurm]} and
 * {@code sweep collect DIR} (CLI.md; the sweep file is described in docs/sweeps.md).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Runs a parameter sweep of a study: a base scenario, axes of values, seeds.",
                "Locally with K workers, one shard of N (--task I --tasks N), or as a Slurm job array (--slurm).",
                "Finished runs are never recomputed; results.csv does not depend on workers or shards.",
                "See docs/sweeps.md for the sweep file."},
        subcommands = {SweepCommand.Collect.class})
public final class SweepCommand implements Callable<Integer> {
    private static final Pattern MEM = Pattern.compile("[0-9]+[KMGT]?");
    private static final Pattern TIME = Pattern.compile("([0-9]+-)?[0-9]+(:[0-9]{1,2}){0,2}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.,-]+");

    @Parameters(index = "0", arity = "0..1", paramLabel = "SWEEP.yaml", description = "The sweep file.")
    Path sweepFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Sweep folder (default runs/sweep-<name>/); rerun with the same folder to resume.")
    Path out;

    @Option(names = "--workers", paramLabel = "K", description = "Runs in parallel in this process (default: available cores).")
    Integer workers;

    @Option(names = "--task", paramLabel = "I", description = "Run only shard I (0-based) of --tasks N.")
    Integer task;

    @Option(names = "--tasks", paramLabel = "N", description = "Number of shards (with --task), or of Slurm array tasks (with --slurm).")
    Integer tasks;

    @Option(names = "--slurm", description = "Write a Slurm job array (one task per shard) and a collect job, print the array script, and submit both.")
    boolean slurm;

    @Option(names = "--no-submit", description = "With --slurm: write and print the scripts, do not submit them.")
    boolean noSubmit;

    @Option(names = "--slurm-cpus-per-task", paramLabel = "C", description = "Cores per array task, also its workers (default 1).")
    Integer cpusPerTask;

    @Option(names = "--slurm-mem", paramLabel = "MEM", description = "Memory per array task, e.g. 2G (default 2G).")
    String mem;

    @Option(names = "--slurm-time", paramLabel = "TIME", description = "Time limit per array task, e.g. 01:00:00 (default 01:00:00).")
    String time;

    @Option(names = "--slurm-partition", paramLabel = "P", description = "Partition.")
    String partition;

    @Option(names = "--slurm-account", paramLabel = "A", description = "Account.")
    String account;

    @Option(names = "--slurm-max-running", paramLabel = "M", description = "At most M array tasks at once (%%M).")
    Integer maxRunning;

    @Option(names = "--slurm-output", paramLabel = "PATTERN", description = "Log file pattern of the array tasks (default DIR/slurm/logs/%%x-%%A_%%a.out).")
    String output;

    @Option(names = "--slurm-option", paramLabel = "OPT", description = "Extra #SBATCH option, e.g. --qos=short (repeatable).")
    List<String> extra = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (sweepFile == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'SWEEP.yaml' (or use: sweep collect DIR)");
        }
        if (task != null && tasks == null) {
            throw usage("--task needs --tasks N");
        }
        if (slurm && task != null) {
            throw usage("--slurm runs every task itself; leave out --task");
        }
        if (slurm && workers != null) {
            throw usage("with --slurm each array task runs --slurm-cpus-per-task workers; leave out --workers");
        }
        if (!slurm && (noSubmit || cpusPerTask != null || mem != null || time != null || partition != null || account != null
                || maxRunning != null || output != null || !extra.isEmpty())) {
            throw usage("--no-submit and --slurm-… options need --slurm");
        }
        if (tasks != null && tasks < 1) {
            throw usage("--tasks must be ≥ 1, got " + tasks);
        }
        if (task != null && (task < 0 || task >= tasks)) {
            throw usage("--task must be from 0 to " + (tasks - 1) + " for --tasks " + tasks + ", got " + task);
        }
        if (!slurm && task == null && tasks != null) {
            throw usage("--tasks needs --task I (or --slurm)");
        }
        if (workers != null && workers < 1) {
            throw usage("--workers must be ≥ 1, got " + workers);
        }
        SweepPlan plan = Sweeps.plan(sweepFile);
        Path dir = out != null ? out : Path.of("runs", "sweep-" + plan.spec().name());
        if (slurm) {
            return slurm(plan, dir);
        }
        int k = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        Sweeps.run(plan, dir, k, task == null ? 0 : task, tasks == null ? 1 : tasks, System.out);
        return 0;
    }

    private int slurm(SweepPlan plan, Path dir) {
        SlurmSettings f = plan.spec().slurm();
        int n = tasks != null ? tasks : f.tasks() != null ? f.tasks() : Math.max(1, Math.min(plan.runs().size(), 100));
        int cpus = cpusPerTask != null ? cpusPerTask : f.cpusPerTask() != null ? f.cpusPerTask() : SlurmJob.DEFAULT_CPUS;
        if (cpus < 1) {
            throw usage("--slurm-cpus-per-task must be ≥ 1, got " + cpus);
        }
        List<String> options = new ArrayList<>(f.options());
        for (String o : extra) {
            options.add(SweepFiles.sbatchOption(o, "--slurm-option"));
        }
        Path abs = dir.toAbsolutePath().normalize();
        SlurmJob job = new SlurmJob(n, cpus,
                checked("--slurm-mem", mem, MEM, f.mem(), SlurmJob.DEFAULT_MEM),
                checked("--slurm-time", time, TIME, f.time(), SlurmJob.DEFAULT_TIME),
                checked("--slurm-partition", partition, TOKEN, f.partition(), null),
                checked("--slurm-account", account, TOKEN, f.account(), null),
                maxRunning != null ? maxRunning : f.maxRunning(), options,
                output != null ? output : abs.resolve("slurm").resolve("logs").resolve("%x-%A_%a.out").toString());
        if (job.output().contains("\n") || job.output().isBlank()) {
            throw usage("--slurm-output must be one line");
        }
        SlurmSubmission.Scripts s = SlurmSubmission.write(plan, abs, job, launchCommand());
        System.out.print(s.arrayText());
        System.out.println("# scripts: " + s.array() + " and " + s.collect());
        System.out.flush();
        if (noSubmit) {
            return 0;
        }
        Sbatch sbatch = Sbatch.fromEnvironment();
        try {
            SlurmSubmission.Jobs jobs = SlurmSubmission.submit(s, sbatch);
            System.out.println("submitted array job " + jobs.arrayJob() + " (" + n + " tasks, " + plan.runs().size()
                    + " runs) and collect job " + jobs.collectJob() + " (after all tasks succeed); results: "
                    + abs.resolve(Collector.RESULTS));
            return 0;
        } catch (Sbatch.NotAvailable e) {
            throw new PacketGridException("--slurm", "Slurm is not available here: " + e.getMessage()
                    + "; the job scripts are in " + abs.resolve("slurm") + " to submit where Slurm runs");
        }
    }

    private String checked(String option, String cli, Pattern p, String fromFile, String dflt) {
        if (cli != null) {
            if (!p.matcher(cli).matches()) {
                throw usage(option + ": '" + cli + "' is not valid");
            }
            return cli;
        }
        return fromFile != null ? fromFile : dflt;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /**
     * How a batch job starts this PacketGrid: the project's {@code ./packetgrid} launcher when this runs
     * from its jar in {@code studies/target/}, otherwise this Java with this jar.
     */
    static String launchCommand() {
        Path code;
        try {
            code = Path.of(SweepCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return "packetgrid";
        }
        for (Path p = code.getParent(); p != null; p = p.getParent()) {
            Path launcher = p.resolve("packetgrid");
            if (Files.isRegularFile(launcher) && Files.isExecutable(launcher) && Files.isDirectory(p.resolve("studies"))) {
                return SlurmScripts.quote(launcher);
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return Files.isRegularFile(code) ? SlurmScripts.quote(java) + " -jar " + SlurmScripts.quote(code)
                : SlurmScripts.quote(java) + " -cp " + SlurmScripts.quote(System.getProperty("java.class.path"))
                + " io.packetgrid.studies.cli.Main";
    }

    /** {@code sweep collect DIR}. */
    @Command(name = "collect", mixinStandardHelpOptions = true,
            description = {"Merges the finished runs of a sweep folder into its results table, statistics and plots.",
                    "Writes DIR/results.csv (one row per point and seed), DIR/stats.csv (mean, sd, 95%% CI over seeds),",
                    "plots and report.html; lists the runs still missing."})
    static final class Collect implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", description = "The sweep folder (--out of the sweep).")
        Path dir;

        @Override
        public Integer call() {
            Collected c = Collector.collect(dir);
            System.out.println(Sweeps.describe(dir, c));
            if (c.missing().isEmpty()) {
                return 0;
            }
            for (Run r : c.missing()) {
                StringBuilder b = new StringBuilder("missing ").append(r.label()).append(" [").append(r.id()).append(']');
                for (int i = 0; i < c.plan().columns().size(); i++) {
                    b.append(i == 0 ? " " : ", ").append(c.plan().columns().get(i)).append('=').append(Values.display(r.params().get(i)));
                }
                String failure = c.failures().get(r.id());
                if (failure != null) {
                    b.append(" (failed: ").append(failure.lines().findFirst().orElse("")).append(')');
                }
                System.out.println(b);
            }
            System.out.flush();
            throw new PacketGridException(dir.toString(), c.missing().size() + " of " + c.plan().runs().size()
                    + " runs missing (listed above); run the sweep again with --out " + dir + " to compute them");
        }
    }
}
