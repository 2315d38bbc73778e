package io.packetgrid.studies.sweep.spec;

import java.util.List;

/**
 * Slurm job settings from the sweep file's {@code slurm:} section; every field may be null (then the
 * command line or the defaults decide). {@code options} are extra {@code #SBATCH} options, e.g. {@code --qos=short}.
 */
public record SlurmSettings(Integer tasks, Integer cpusPerTask, String mem, String time, String partition,
                            String account, Integer maxRunning, List<String> options) {
    public static final SlurmSettings NONE = new SlurmSettings(null, null, null, null, null, null, null, List.of());

    public SlurmSettings {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
