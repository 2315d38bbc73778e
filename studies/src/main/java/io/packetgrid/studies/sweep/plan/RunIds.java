package io.packetgrid.studies.sweep.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.packetgrid.studies.sweep.spec.Values;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A run's id: the first 64 bits (16 hex digits) of SHA-256 over the canonical JSON of the exact
 * scenario it runs (base scenario with the sweep's overrides and the seed applied). A result is thus
 * reused exactly when the same scenario is asked for again: adding values to an axis keeps the finished
 * runs, while editing the base scenario or a fixed override recomputes every run it changes. Stale
 * results can never be mixed in. With 64 bits, a collision among a million runs has a probability
 * of about 3·10⁻⁸ (birthday bound n²/2⁶⁵).
 */
public final class RunIds {
    /** Bumped if the way scenarios are run changes meaning, so old results are not reused. */
    static final String SALT = "packetgrid-sweep-run/1\n";

    private RunIds() {
    }

    public static String of(JsonNode scenario) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(SALT.getBytes(StandardCharsets.UTF_8));
            byte[] d = sha.digest(Values.canonical(scenario).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
