package io.packetgrid.studies.sweep.slurm;

import java.nio.file.Path;
import java.util.List;

/**
 * The two batch scripts of a sweep on Slurm: a job array whose task {@code i} runs shard {@code i} of N
 * ({@code sweep SWEEP.yaml --task i --tasks N}), and a collect job that merges the results once every
 * task succeeded (submitted with {@code --dependency=afterok:<array job>}). Paths are absolute, so the
 * scripts run from any folder; they must be visible on the compute nodes (a shared file system).
 */
public final class SlurmScripts {
    public static final String ARRAY_FILE = "sweep.sbatch";
    public static final String COLLECT_FILE = "collect.sbatch";

    private SlurmScripts() {
    }

    /**
     * @param launch the command that starts PacketGrid, already quoted for the shell
     *               (e.g. {@code '/opt/packetgrid/packetgrid'})
     */
    public static String array(String name, int runs, Path sweepFile, Path dir, String launch, SlurmJob job) {
        Path slurmDir = dir.resolve("slurm");
        StringBuilder b = new StringBuilder();
        b.append("#!/bin/bash\n");
        b.append("# PacketGrid sweep '").append(name).append("': ").append(runs).append(" runs of ").append(sweepFile.getFileName())
                .append(" in ").append(job.tasks()).append(" array tasks\n");
        b.append("# (task i runs the sweep's runs i, i+").append(job.tasks()).append(", i+").append(2 * job.tasks()).append(", ...).\n");
        b.append("# Written by `packetgrid sweep --slurm`. To submit by hand:\n");
        b.append("#   jid=$(sbatch --parsable ").append(quote(slurmDir.resolve(ARRAY_FILE))).append(")\n");
        b.append("#   sbatch --dependency=afterok:$jid --kill-on-invalid-dep=yes ").append(quote(slurmDir.resolve(COLLECT_FILE))).append('\n');
        b.append("# Finished runs are never recomputed: resubmit after a failure or time-out to finish the rest.\n");
        b.append("#SBATCH --job-name=").append(jobName(name)).append('\n');
        b.append("#SBATCH --array=0-").append(job.tasks() - 1).append(job.maxRunning() == null ? "" : "%" + job.maxRunning()).append('\n');
        b.append("#SBATCH --cpus-per-task=").append(job.cpusPerTask()).append('\n');
        b.append("#SBATCH --mem=").append(job.mem()).append('\n');
        b.append("#SBATCH --time=").append(job.time()).append('\n');
        b.append("#SBATCH --output=").append(job.output()).append('\n');
        common(b, job);
        b.append("set -euo pipefail\n");
        b.append("export PACKETGRID_NO_BUILD=1   # never rebuild on a compute node\n");
        b.append("exec ").append(launch).append(" sweep ").append(quote(sweepFile)).append(" --out ").append(quote(dir))
                .append(" --task \"$SLURM_ARRAY_TASK_ID\" --tasks ").append(job.tasks())
                .append(" --workers ").append(job.cpusPerTask()).append('\n');
        return b.toString();
    }

    public static String collect(String name, Path dir, String launch, SlurmJob job) {
        StringBuilder b = new StringBuilder();
        b.append("#!/bin/bash\n");
        b.append("# Merges the results of PacketGrid sweep '").append(name).append("' into ")
                .append(quote(dir.resolve("results.csv"))).append(" once every array task succeeded.\n");
        b.append("#SBATCH --job-name=").append(jobName(name)).append("-collect\n");
        b.append("#SBATCH --cpus-per-task=1\n");
        b.append("#SBATCH --mem=").append(SlurmJob.COLLECT_MEM).append('\n');
        b.append("#SBATCH --time=").append(SlurmJob.COLLECT_TIME).append('\n');
        b.append("#SBATCH --output=").append(collectOutput(job)).append('\n');
        common(b, job);
        b.append("set -euo pipefail\n");
        b.append("export PACKETGRID_NO_BUILD=1\n");
        b.append("exec ").append(launch).append(" sweep collect ").append(quote(dir)).append('\n');
        return b.toString();
    }

    /** The collect job's log: beside the array tasks' logs, named by job name and id. */
    static String collectOutput(SlurmJob job) {
        int slash = job.output().lastIndexOf('/');
        return (slash < 0 ? "" : job.output().substring(0, slash + 1)) + "%x-%j.out";
    }

    private static void common(StringBuilder b, SlurmJob job) {
        if (job.partition() != null) {
            b.append("#SBATCH --partition=").append(job.partition()).append('\n');
        }
        if (job.account() != null) {
            b.append("#SBATCH --account=").append(job.account()).append('\n');
        }
        for (String o : job.options()) {
            b.append("#SBATCH ").append(o).append('\n');
        }
    }

    static String jobName(String name) {
        return "pg-" + name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /** A path or word quoted for bash (single quotes; a quote inside becomes '\''). */
    public static String quote(Object s) {
        return "'" + s.toString().replace("'", "'\\''") + "'";
    }

    /** Several words, each quoted. */
    public static String quoteAll(List<String> words) {
        return String.join(" ", words.stream().map(SlurmScripts::quote).toList());
    }
}
