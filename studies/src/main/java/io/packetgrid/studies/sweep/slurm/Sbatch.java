package io.packetgrid.studies.sweep.slurm;

import io.packetgrid.cosim.error.PacketGridException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Submits batch scripts with {@code sbatch --parsable} and returns job ids. The command is
 * {@code sbatch} from the PATH, or {@code $PACKETGRID_SBATCH} (a site wrapper, or a stand-in in tests).
 */
public final class Sbatch {

    /** Slurm's sbatch is not on this machine. */
    public static final class NotAvailable extends Exception {
        private static final long serialVersionUID = 1L;

        NotAvailable(String message) {
            super(message);
        }
    }

    private final String command;

    public Sbatch(String command) {
        this.command = command;
    }

    public static Sbatch fromEnvironment() {
        String c = System.getenv("PACKETGRID_SBATCH");
        return new Sbatch(c == null || c.isBlank() ? "sbatch" : c);
    }

    public String command() {
        return command;
    }

    /** Submits {@code script} with extra options before it; returns the job id. */
    public String submit(Path script, List<String> options) throws NotAvailable {
        List<String> cmd = new ArrayList<>();
        cmd.add(command);
        cmd.add("--parsable");
        cmd.addAll(options);
        cmd.add(script.toString());
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new NotAvailable(command + " not found (" + e.getMessage().replaceFirst("^Cannot run program \"[^\"]*\": ", "") + ")");
        }
        try {
            // read both streams fully before waiting, so a chatty sbatch cannot block on a full pipe
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new PacketGridException(command, "did not answer within 120 s");
            }
            String stdout = new String(out, StandardCharsets.UTF_8).strip();
            String stderr = new String(err, StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                throw new PacketGridException(command, "refused " + script.getFileName() + " (exit " + p.exitValue() + "): "
                        + stderr.lines().filter(l -> !l.isBlank()).findFirst().orElse("no message"));
            }
            String id = stdout.lines().reduce((a, b) -> b).orElse("").split(";")[0].strip();
            if (!id.matches("[0-9]+")) {
                throw new PacketGridException(command, "printed no job id for " + script.getFileName() + " (got '" + stdout + "')");
            }
            return id;
        } catch (IOException e) {
            throw new PacketGridException(command, "cannot read its answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PacketGridException(command, "interrupted");
        }
    }
}
