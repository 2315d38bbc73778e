package io.packetgrid.grid.dss;

import io.packetgrid.cosim.error.PacketGridException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * File names as OpenDSS scripts write them, resolved on this machine. Scripts are mostly written
 * on Windows, OpenDSS's home:
 * <ul>
 * <li>{@code \} separates folders: DSS C-API replaces it by {@code /} in every input file name on
 *     other systems (Utilities.pas AdjustInputFilePath); so does this reader, for every file a
 *     script names (Redirect, Compile, BusCoords, shape and curve files);</li>
 * <li>Windows file names ignore case, and scripts often differ in case from the files they name
 *     ({@code IEEELinecodes.DSS} for {@code IEEELineCodes.DSS}): when the exact name does not
 *     exist, each missing part of the path is matched without regard to case; a unique match is
 *     taken, several are an error (the name is ambiguous here, it would not be on Windows).</li>
 * </ul>
 */
final class DssPaths {
    private DssPaths() {
    }

    /**
     * The file {@code written} names, relative to {@code dir}: the exact path if it exists, else
     * the unique case-insensitive match, else the exact path (which then does not exist).
     *
     * @throws PacketGridException (at {@code where}) for an invalid name or an ambiguous match
     */
    static Path resolve(Path dir, String written, String where) {
        String name = written.replace('\\', '/');
        Path exact;
        try {
            exact = dir.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw new PacketGridException(where, "invalid file name '" + written + "'");
        }
        if (Files.exists(exact)) {
            return exact;
        }
        Path root = exact.getRoot();
        Path cur = root == null ? Path.of("") : root;
        for (Path part : exact) {
            Path next = cur.resolve(part);
            if (!Files.exists(next)) {
                List<Path> matches = caseInsensitive(cur, part.toString());
                if (matches.size() > 1) {
                    throw new PacketGridException(where, "file name '" + written + "' matches " + matches.size()
                            + " files that differ only in case (" + matches.get(0).getFileName() + ", "
                            + matches.get(1).getFileName() + "); write the exact name");
                }
                if (matches.isEmpty()) {
                    return exact;
                }
                next = matches.get(0);
            }
            cur = next;
        }
        return cur;
    }

    private static List<Path> caseInsensitive(Path dir, String part) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (p.getFileName().toString().equalsIgnoreCase(part)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }
}
