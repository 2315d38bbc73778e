package io.packetgrid.studies.sweep.slurm;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.studies.sweep.plan.PlanFile;
import io.packetgrid.studies.sweep.plan.SweepPlan;
import io.packetgrid.studies.sweep.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code sweep --slurm}: writes the plan and the two job scripts into {@code DIR/slurm/}, then submits
 * the array and the collect job that depends on it ({@code afterok}; {@code --kill-on-invalid-dep=yes}
 * so a failed array cancels the collect job instead of leaving it pending forever).
 */
public final class SlurmSubmission {

    /** The scripts written. */
    public record Scripts(Path array, String arrayText, Path collect, String collectText) {
    }

    /** The jobs submitted. */
    public record Jobs(String arrayJob, String collectJob) {
    }

    private SlurmSubmission() {
    }

    public static Scripts write(SweepPlan plan, Path dir, SlurmJob job, String launch) {
        Path abs = dir.toAbsolutePath().normalize();
        if (job.output().chars().anyMatch(Character::isWhitespace)) {
            // #SBATCH lines are split at blanks: a log path with one would be cut
            throw new PacketGridException("--slurm-output", "the task log path '" + job.output()
                    + "' holds a blank, which #SBATCH lines cannot carry; give one without (e.g. --slurm-output /scratch/logs/%x-%A_%a.out)");
        }
        PlanFile.of(plan).write(abs);
        Path slurmDir = abs.resolve("slurm");
        try {
            Files.createDirectories(slurmDir.resolve("logs"));
        } catch (IOException e) {
            throw new PacketGridException(slurmDir.toString(), "cannot create: " + e.getMessage());
        }
        String array = SlurmScripts.array(plan.spec().name(), plan.runs().size(), plan.spec().path(), abs, launch, job);
        String collect = SlurmScripts.collect(plan.spec().name(), abs, launch, job);
        Path a = slurmDir.resolve(SlurmScripts.ARRAY_FILE);
        Path c = slurmDir.resolve(SlurmScripts.COLLECT_FILE);
        AtomicFiles.write(a, array);
        AtomicFiles.write(c, collect);
        return new Scripts(a, array, c, collect);
    }

    public static Jobs submit(Scripts s, Sbatch sbatch) throws Sbatch.NotAvailable {
        String array = sbatch.submit(s.array(), List.of());
        String collect = sbatch.submit(s.collect(), List.of("--dependency=afterok:" + array, "--kill-on-invalid-dep=yes"));
        return new Jobs(array, collect);
    }
}
