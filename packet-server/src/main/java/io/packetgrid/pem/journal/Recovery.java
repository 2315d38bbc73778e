package io.packetgrid.pem.journal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What reading a journal folder found: the valid records (each (device, seq) once), the segments,
 * and every {@link Finding} (damage skipped, tail trimmed, empty or missing segments, repeats).
 *
 * @param nextSegment the number a new segment gets
 */
public record Recovery(long records, long segments, List<Finding> findings, int nextSegment) {

    public Recovery {
        findings = List.copyOf(findings);
    }

    /** Bytes trimmed from (or, read-only, found at) the end of the last segment. */
    public long truncatedBytes() {
        return findings.stream().filter(f -> f.kind() == Finding.Kind.TAIL_TRIMMED || f.kind() == Finding.Kind.TAIL)
                .mapToLong(Finding::bytes).sum();
    }

    /** Damaged bytes skipped inside the ledger. */
    public long damagedBytes() {
        return findings.stream().filter(f -> f.kind() == Finding.Kind.DAMAGED).mapToLong(Finding::bytes).sum();
    }

    public boolean clean() {
        return findings.isEmpty();
    }

    /** Every finding, one after the other ("; "), or "" when the folder is clean. */
    public String describe() {
        return findings.stream().map(Finding::describe).collect(Collectors.joining("; "));
    }
}
