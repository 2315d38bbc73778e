package io.packetgrid.studies.run;

import io.packetgrid.cosim.error.PacketGridException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run's output folder, written so that a failed or killed run never leaves results that look valid.
 * The study writes into a staging folder beside the target, {@code <DIR>.partial}; only when it has
 * succeeded are its files moved into {@code DIR}, {@code summary.json} last (a rename on the same
 * file system). So {@code DIR/summary.json} exists exactly when a run completed:
 * <ul>
 *   <li>success into an absent or empty {@code DIR}: the staging folder is renamed to {@code DIR};</li>
 *   <li>success into a folder holding an earlier run: its {@code summary.json} goes first, then each
 *       new file or folder replaces the one of the same name, then the new {@code summary.json} comes;</li>
 *   <li>failure: the partial outputs, with {@code run.json} saying {@code "status": "failed"} and why,
 *       and no {@code summary.json}, become {@code DIR} if it is absent or empty, else
 *       {@code DIR.failed} (an earlier run's results in {@code DIR} stay as they were);</li>
 *   <li>a killed process leaves {@code DIR.partial}, without {@code summary.json}; the next run into
 *       {@code DIR} clears it.</li>
 * </ul>
 * While it runs, a run holds an operating-system lock on {@code DIR.lock} (released by the system when
 * the process dies, so a killed run never blocks the next one): a second run into the same folder at the
 * same time is refused instead of deleting the first one's staging folder under it.
 */
public final class RunFolder {
    private static final String SUMMARY = "summary.json";

    private final Path target;
    private final Path staging;
    private final Path lockFile;
    private final FileChannel lockChannel;

    private RunFolder(Path target, Path staging, Path lockFile, FileChannel lockChannel) {
        this.target = target;
        this.staging = staging;
        this.lockFile = lockFile;
        this.lockChannel = lockChannel;
    }

    /**
     * Starts a run into {@code target}: takes the folder's lock (refused while another run writes there),
     * clears a leftover staging folder of an earlier, killed run and creates it anew.
     */
    public static RunFolder open(Path target) {
        Path t = target.toAbsolutePath().normalize();
        Path staging = sibling(t, ".partial");
        Path lockFile = sibling(t, ".lock");
        FileChannel channel = lock(t, lockFile);
        try {
            deleteTree(staging);
            Files.createDirectories(staging);
        } catch (IOException e) {
            unlock(lockFile, channel);
            throw new PacketGridException(staging.toString(), "cannot create the run's folder: " + e.getMessage());
        }
        return new RunFolder(t, staging, lockFile, channel);
    }

    private static FileChannel lock(Path target, Path lockFile) {
        FileChannel channel;
        try {
            Files.createDirectories(lockFile.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new PacketGridException(lockFile.toString(), "cannot create the run's lock file: " + e.getMessage());
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;   // this process already runs into the folder
        } catch (IOException e) {
            closeQuietly(channel);
            throw new PacketGridException(lockFile.toString(), "cannot lock the run's folder: " + e.getMessage());
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new PacketGridException(target.toString(), "another run is writing into this folder now (it holds "
                    + lockFile.getFileName() + "); wait for it to finish or choose another output folder");
        }
        return channel;
    }

    /** Removes the lock file, then releases the lock (closing the channel releases it). */
    private static void unlock(Path lockFile, FileChannel channel) {
        try {
            Files.deleteIfExists(lockFile);
        } catch (IOException ignored) {
            // a stale lock file is harmless: the lock is the operating system's, not the file's presence
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    /** The staging folder of a run into {@code target} (what a killed run leaves). */
    public static Path stagingOf(Path target) {
        return sibling(target.toAbsolutePath().normalize(), ".partial");
    }

    private static Path sibling(Path t, String suffix) {
        if (t.getFileName() == null) {
            throw new PacketGridException(t.toString(), "cannot write a run into the root folder");
        }
        return t.resolveSibling(t.getFileName() + suffix);
    }

    /** Where the study writes while it runs. */
    public Path dir() {
        return staging;
    }

    /** Where the results end up. */
    public Path target() {
        return target;
    }

    /** Moves the completed run into place; {@code summary.json} is the last file to arrive. */
    public Path publish() {
        try {
            if (isAbsentOrEmpty(target)) {
                Files.deleteIfExists(target);
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                unlock(lockFile, lockChannel);
                return target;
            }
            Files.deleteIfExists(target.resolve(SUMMARY));
            List<Path> entries = new ArrayList<>();
            try (Stream<Path> s = Files.list(staging)) {
                s.sorted().forEach(entries::add);
            }
            Path summary = null;
            for (Path e : entries) {
                if (e.getFileName().toString().equals(SUMMARY)) {
                    summary = e;
                    continue;
                }
                Path dest = target.resolve(e.getFileName().toString());
                deleteTree(dest);
                Files.move(e, dest, StandardCopyOption.ATOMIC_MOVE);
            }
            if (summary != null) {
                Files.move(summary, target.resolve(SUMMARY), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.delete(staging);
            unlock(lockFile, lockChannel);
            return target;
        } catch (IOException e) {
            unlock(lockFile, lockChannel);
            throw new PacketGridException(target.toString(), "cannot move the run's results into place: " + e.getMessage());
        }
    }

    /**
     * Keeps a failed run's partial outputs where a user finds them (see the class comment); never throws
     * over the run's own error. Returns where they are, or null if they could not be moved.
     */
    public Path abandon() {
        try {
            Files.deleteIfExists(staging.resolve(SUMMARY));
            Path dest = isAbsentOrEmpty(target) ? target : sibling(target, ".failed");
            if (!dest.equals(target)) {
                deleteTree(dest);
            }
            Files.deleteIfExists(dest);
            Files.move(staging, dest, StandardCopyOption.ATOMIC_MOVE);
            return dest;
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            unlock(lockFile, lockChannel);
        }
    }

    private static boolean isAbsentOrEmpty(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            throw new PacketGridException(dir.toString(), "exists and is not a folder");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Deletes a file or a folder with everything in it; absent is fine. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            List<Path> children;
            try (Stream<Path> s = Files.list(root)) {
                children = s.toList();
            }
            for (Path c : children) {
                deleteTree(c);
            }
        }
        try {
            Files.delete(root);
        } catch (DirectoryNotEmptyException e) {
            throw new IOException("cannot delete " + root + ": not empty", e);
        }
    }
}
