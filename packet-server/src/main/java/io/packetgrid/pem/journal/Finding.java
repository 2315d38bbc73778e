package io.packetgrid.pem.journal;

import java.nio.file.Path;

/**
 * Something recovery found in a journal folder besides good records, with exactly where it is:
 * the segment file, the byte offset in it and how many bytes (docs/protocol.md "Recovery").
 *
 * @param records for {@link Kind#DUPLICATES}: how many records were repeats; otherwise 0
 * @param savedAs for {@link Kind#TAIL_TRIMMED}: the file the trimmed bytes were copied to (null if none)
 */
public record Finding(Kind kind, Path segment, long offset, long bytes, long records, Path savedAs) {

    /** What was found. */
    public enum Kind {
        /** Bytes that are no valid record, followed by valid records (or at the end of a segment that is not the last): skipped, left on disk. */
        DAMAGED,
        /** Bytes after the last valid record of the last segment (a write cut short): trimmed on recovery, copied aside first. */
        TAIL_TRIMMED,
        /** The same, seen by a read-only scan (nothing changed). */
        TAIL,
        /** A segment that is not the last and is shorter than a segment header: whatever it held is gone. */
        EMPTY_SEGMENT,
        /** The last segment was cut while its header was written (the server stopped as it created it): header completed. */
        HEADER_COMPLETED,
        /** Records whose (device, seq) an earlier record already holds: counted once. */
        DUPLICATES,
        /** Segment numbers missing from the sequence (offset: the first missing number, bytes: how many). */
        MISSING_SEGMENTS
    }

    /** One line for people: what, where, how much. */
    public String describe() {
        String seg = segment == null ? "" : segment.getFileName().toString();
        return switch (kind) {
            case DAMAGED -> "skipped " + bytes + " damaged bytes at offset " + offset + " of " + seg
                    + " (" + wholeRecords(bytes) + "; left on disk)";
            case TAIL_TRIMMED -> "trimmed a torn tail of " + bytes + " bytes at offset " + offset + " of " + seg
                    + (savedAs == null ? "" : " (copied to " + savedAs.getFileName() + ")");
            case TAIL -> "a torn tail of " + bytes + " bytes at offset " + offset + " of " + seg + " (trimmed when the server starts)";
            case EMPTY_SEGMENT -> seg + " is empty (" + bytes + " bytes) though later segments exist: its records, if it had any, are lost";
            case HEADER_COMPLETED -> "completed the header of " + seg + " (" + bytes + " bytes: the server stopped while creating it)";
            case DUPLICATES -> "ignored " + records + " records of " + seg + " already read from earlier segments";
            case MISSING_SEGMENTS -> bytes == 1 ? "segment " + offset + " is missing" : "segments " + offset + " to " + (offset + bytes - 1) + " are missing";
        };
    }

    private static String wholeRecords(long bytes) {
        long n = bytes / JournalRecord.BYTES;
        long rest = bytes % JournalRecord.BYTES;
        return n == 1 && rest == 0 ? "one record" : rest == 0 ? n + " records" : "about " + (n + 1) + " records";
    }
}
