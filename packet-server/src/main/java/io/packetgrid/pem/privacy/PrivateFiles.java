package io.packetgrid.pem.privacy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Files only their owner may read: secret keys and the packet ledger (folders 0700, files 0600).
 * The mode is asked for at creation and then set explicitly, because the process's umask can only
 * take bits away from a creation mode (0600 under umask 0277 would give 0400) and a file that
 * already existed keeps its old mode when opened. On file systems without POSIX permissions
 * (Windows) the operating system's defaults apply.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /** Creates the folder (and its parents) if missing and makes it 0700. */
    public static void folder(Path dir) throws IOException {
        Files.createDirectories(dir);
        restrict(dir, FOLDER);
    }

    /** Makes an existing file 0600. */
    public static void restrict(Path file) throws IOException {
        restrict(file, FILE);
    }

    private static void restrict(Path p, Set<PosixFilePermission> mode) throws IOException {
        if (POSIX && !Files.getPosixFilePermissions(p).equals(mode)) {
            Files.setPosixFilePermissions(p, mode);
        }
    }

    /** Opens a new file (it must not exist) as 0600 with the given options besides CREATE_NEW. */
    public static FileChannel create(Path file, OpenOption... options) throws IOException {
        List<OpenOption> all = new ArrayList<>(List.of(options));
        all.add(StandardOpenOption.CREATE_NEW);
        FileAttribute<?>[] attrs = POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
        FileChannel ch = FileChannel.open(file, new java.util.HashSet<>(all), attrs);
        try {
            restrict(file, FILE);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return ch;
    }

    /** What writes a file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(java.io.Writer w) throws IOException;
    }

    /**
     * Writes {@code target} (0600) through a private temporary file in the same folder, flushed and then
     * renamed over it: readers never see a half-written file, and the secret never sits in a file
     * others can read, even for a moment, whatever the mode of a file it replaces.
     */
    public static void writeAtomically(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Files.deleteIfExists(tmp);
        boolean done = false;
        try (FileChannel ch = create(tmp, StandardOpenOption.WRITE);
             java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                     java.nio.channels.Channels.newOutputStream(ch), java.nio.charset.StandardCharsets.US_ASCII), 1 << 16)) {
            content.writeTo(w);
            w.flush();
            ch.force(true);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
        try {
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
