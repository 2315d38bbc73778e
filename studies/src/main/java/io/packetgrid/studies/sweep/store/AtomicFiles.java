package io.packetgrid.studies.sweep.store;

import io.packetgrid.cosim.error.PacketGridException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Files that appear whole or not at all: written to a temporary file in the same folder (named after
 * the process and thread, so concurrent writers never share one), forced to disk, then renamed over
 * the target. A process killed at any moment leaves either the old file or the new one, never a part.
 */
public final class AtomicFiles {
    /** Temporary files end with this; readers skip them. */
    public static final String TMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    public static void write(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] bytes) {
        write(target, bytes, target.toAbsolutePath().getParent());
    }

    /**
     * Writes through a temporary file in {@code tmpDir}, which must be on the same file system as the
     * target (a rename is atomic only within one).
     */
    public static void write(Path target, byte[] bytes, Path tmpDir) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = tmpDir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().getId() + TMP_SUFFIX);
        try {
            Files.createDirectories(dir);
            Files.createDirectories(tmpDir);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original failure is what matters
            }
            throw new PacketGridException(target.toString(), "cannot write: " + e.getMessage());
        }
    }
}
