package io.packetgrid.studies.sweep.slurm;

import java.util.List;

/**
 * The Slurm settings of a sweep's job array, resolved from defaults, the sweep file's {@code slurm:}
 * section and the command line (in rising priority).
 *
 * @param tasks      array size: the sweep's runs are split into this many shards
 * @param maxRunning array throttle ({@code %N}), or null for none
 * @param output     log path pattern of the array tasks ({@code %x} job name, {@code %A} array job id,
 *                   {@code %a} task index)
 */
public record SlurmJob(int tasks, int cpusPerTask, String mem, String time, String partition, String account,
                       Integer maxRunning, List<String> options, String output) {
    public static final int DEFAULT_CPUS = 1;
    public static final String DEFAULT_MEM = "2G";
    public static final String DEFAULT_TIME = "01:00:00";
    /** The collect job is small: one core, little memory, a few minutes. */
    public static final String COLLECT_MEM = "1G";
    public static final String COLLECT_TIME = "00:15:00";

    public SlurmJob {
        options = List.copyOf(options);
    }
}
