package io.packetgrid.grid.dss;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A running SHA-256 over everything a script run has executed so far: every command line in execution order (a
 * redirected file's lines where its Redirect runs) and the data files its definitions read (load shape and XY-curve
 * files). Two runs with equal fingerprints at a command have executed the same commands on the same data, so their
 * definitions there are equal (the reader is deterministic). Kept only for runs that share a {@link ScriptMemo}.
 */
final class ScriptFingerprint {
    private static final byte[] LINE_END = {'\n'};
    private static final byte[] DATA = {0, 'd', 'a', 't', 'a', 0};
    private final MessageDigest sha;

    ScriptFingerprint() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required algorithm of every Java platform", e);
        }
    }

    /** A command line about to be executed. */
    void line(String line) {
        sha.update(line.getBytes(StandardCharsets.ISO_8859_1));
        sha.update(LINE_END);
    }

    /** A text data file's lines, as a definition read them. */
    void data(List<String> lines) {
        sha.update(DATA);
        for (String l : lines) {
            line(l);
        }
        sha.update(DATA);
    }

    /** A binary data file's bytes. */
    void data(byte[] bytes) {
        sha.update(DATA);
        sha.update(bytes);
        sha.update(DATA);
    }

    /** The fingerprint so far (the run goes on). */
    String now() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) sha.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the platform's SHA-256 cannot be cloned", e);
        }
    }
}
