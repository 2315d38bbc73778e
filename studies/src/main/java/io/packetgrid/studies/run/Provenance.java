package io.packetgrid.studies.run;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Where the running tool came from: its version, the git commit of the checkout it was built in, the Java runtime. */
final class Provenance {
    /** The tool's build: version, commit (null if unknown), uncommitted changes (null if unknown). */
    record Build(String version, String gitCommit, Boolean gitDirty) {
    }

    private static volatile Build build;

    private Provenance() {
    }

    static String java() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")";
    }

    /** Looked up once per process. */
    static Build build() {
        Build b = build;
        if (b == null) {
            String v = Provenance.class.getPackage().getImplementationVersion();
            Path root = checkout();
            String commit = root == null ? null : git(root, "rev-parse", "HEAD");
            Boolean dirty = null;
            if (commit != null) {
                // only tracked files count: build output and runs/ folders are not part of the source
                String status = git(root, "status", "--porcelain", "--untracked-files=no");
                dirty = status == null ? null : !status.isEmpty();
            }
            b = new Build(v == null ? "development build" : v, commit, dirty);
            build = b;
        }
        return b;
    }

    /**
     * The git checkout holding this code (the jar lives in {@code <checkout>/studies/target/}), or null when
     * the code does not run from a checkout (an installed copy).
     */
    private static Path checkout() {
        try {
            Path p = Path.of(Provenance.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            for (Path d = p; d != null; d = d.getParent()) {
                if (Files.exists(d.resolve(".git"))) {
                    return d;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** A git command's trimmed output, or null when git is missing, fails or takes longer than 5 s. */
    private static String git(Path dir, String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = dir.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
