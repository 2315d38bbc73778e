package io.packetgrid.pem.journal;

/** When a journal batch counts as durable. */
public enum SyncMode {
    /** After {@code fdatasync} (FileChannel.force(false)): survives a power cut. */
    FSYNC,
    /** After the write reached the operating system: survives a killed server process (SIGKILL), not a power cut. */
    WRITE
}
