package io.packetgrid.studies.sweep.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.studies.sweep.Fixture;
import io.packetgrid.studies.sweep.Sweeps;
import io.packetgrid.studies.sweep.plan.SweepPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job scripts, and submission through a stand-in for sbatch that records its arguments. */
class SlurmSubmissionTest {
    @TempDir
    Path tmp;

    private static final SlurmJob JOB = new SlurmJob(4, 2, "3G", "00:20:00", "short", null, 2, List.of("--qos=fast"),
            "/scratch/logs/%x-%A_%a.out");

    private SweepPlan plan() {
        return Sweeps.plan(new Fixture(tmp).sweep("name: demo\naxes: {x: [1, 2, 3]}\nreplications: 2\n"));
    }

    @Test
    void theArrayScriptRunsOneShardPerTaskWithTheSettings() {
        SweepPlan plan = plan();
        Path dir = tmp.resolve("out dir");
        SlurmSubmission.Scripts s = SlurmSubmission.write(plan, dir, JOB, "'/opt/pg/packetgrid'");
        String a = s.arrayText();
        assertTrue(a.startsWith("#!/bin/bash\n# PacketGrid sweep 'demo': 6 runs of sweep.yaml in 4 array tasks\n"), a);
        for (String line : List.of("#SBATCH --job-name=pg-demo", "#SBATCH --array=0-3%2", "#SBATCH --cpus-per-task=2",
                "#SBATCH --mem=3G", "#SBATCH --time=00:20:00", "#SBATCH --output=/scratch/logs/%x-%A_%a.out",
                "#SBATCH --partition=short", "#SBATCH --qos=fast", "export PACKETGRID_NO_BUILD=1   # never rebuild on a compute node",
                "exec '/opt/pg/packetgrid' sweep '" + tmp.resolve("sweep.yaml") + "' --out '" + dir
                        + "' --task \"$SLURM_ARRAY_TASK_ID\" --tasks 4 --workers 2")) {
            assertTrue(a.lines().anyMatch(line::equals), "missing line: " + line + "\n" + a);
        }
        assertTrue(a.lines().noneMatch(l -> l.startsWith("#SBATCH --account")), "no account unless given");
        int firstCommand = a.lines().toList().indexOf("set -euo pipefail");
        assertTrue(a.lines().toList().subList(0, firstCommand).stream().allMatch(l -> l.startsWith("#")),
                "all #SBATCH lines come before the first command (sbatch stops reading there)");
        assertTrue(s.collectText().lines().anyMatch(("exec '/opt/pg/packetgrid' sweep collect '" + dir + "'")::equals), s.collectText());
        assertTrue(s.collectText().lines().anyMatch("#SBATCH --output=/scratch/logs/%x-%j.out"::equals), "collect log beside the tasks' logs");
        assertTrue(Files.isRegularFile(dir.resolve("slurm/sweep.sbatch")) && Files.isRegularFile(dir.resolve("plan.json")));
        assertTrue(Files.isDirectory(dir.resolve("slurm/logs")));
    }

    @Test
    void aLogPathWithABlankIsRefusedInOneLine() {
        SlurmJob blank = new SlurmJob(4, 1, "1G", "10", null, null, null, List.of(), tmp.resolve("my logs/%x-%A_%a.out").toString());
        PacketGridException e = assertThrows(PacketGridException.class, () -> SlurmSubmission.write(plan(), tmp.resolve("out"), blank, "pg"));
        assertTrue(e.userMessage().startsWith("--slurm-output: the task log path '" + tmp.resolve("my logs")), e.userMessage());
    }

    @Test
    void quotingSurvivesQuotesInPaths() {
        assertEquals("'/a/it'\\''s here'", SlurmScripts.quote("/a/it's here"));
    }

    @Test
    void submitsTheArrayThenTheCollectJobAfterItSucceeds() throws Exception {
        SweepPlan plan = plan();
        Path calls = tmp.resolve("calls.txt");
        Path fake = tmp.resolve("fake-sbatch");
        Files.writeString(fake, """
                #!/bin/bash
                echo "$*" >> '%s'
                n=$(wc -l < '%s')
                echo "$((1000 + n));cluster"
                """.formatted(calls, calls));
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        SlurmSubmission.Scripts s = SlurmSubmission.write(plan, tmp.resolve("out"), JOB, "packetgrid");
        SlurmSubmission.Jobs jobs = SlurmSubmission.submit(s, new Sbatch(fake.toString()));
        assertEquals("1001", jobs.arrayJob());
        assertEquals("1002", jobs.collectJob());
        List<String> args = Files.readAllLines(calls);
        assertEquals("--parsable " + s.array(), args.get(0));
        assertEquals("--parsable --dependency=afterok:1001 --kill-on-invalid-dep=yes " + s.collect(), args.get(1));
    }

    @Test
    void withoutSbatchSubmissionSaysSlurmIsMissing() {
        SlurmSubmission.Scripts s = SlurmSubmission.write(plan(), tmp.resolve("out"), JOB, "packetgrid");
        Sbatch.NotAvailable e = assertThrows(Sbatch.NotAvailable.class,
                () -> SlurmSubmission.submit(s, new Sbatch(tmp.resolve("no-sbatch").toString())));
        assertTrue(e.getMessage().startsWith(tmp.resolve("no-sbatch") + " not found"), e.getMessage());
    }

    @Test
    void aRefusalOfSbatchIsOneLine() throws IOException {
        Path fake = tmp.resolve("refusing-sbatch");
        Files.writeString(fake, "#!/bin/bash\necho 'sbatch: error: Batch job submission failed: Invalid partition name specified' >&2\nexit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        SlurmSubmission.Scripts s = SlurmSubmission.write(plan(), tmp.resolve("out"), JOB, "packetgrid");
        PacketGridException e = assertThrows(PacketGridException.class, () -> SlurmSubmission.submit(s, new Sbatch(fake.toString())));
        assertEquals(fake + ": refused sweep.sbatch (exit 1): sbatch: error: Batch job submission failed: Invalid partition name specified",
                e.userMessage());
    }
}
