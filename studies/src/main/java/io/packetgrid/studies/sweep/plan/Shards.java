package io.packetgrid.studies.sweep.plan;

import io.packetgrid.cosim.error.PacketGridException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which runs a shard executes: run {@code i} (in canonical order) belongs to shard {@code i mod N}.
 * Round-robin spreads the points of an axis whose cost grows along it, and the seeds of a point, over
 * all shards. Every run is in exactly one shard for any N ≥ 1 (tests check it).
 */
public final class Shards {
    private Shards() {
    }

    public static <T> List<T> of(List<T> runs, int task, int tasks) {
        if (tasks < 1) {
            throw new PacketGridException("--tasks", "must be ≥ 1, got " + tasks);
        }
        if (task < 0 || task >= tasks) {
            throw new PacketGridException("--task", "must be from 0 to " + (tasks - 1) + " for --tasks " + tasks + ", got " + task);
        }
        List<T> mine = new ArrayList<>();
        for (int i = task; i < runs.size(); i += tasks) {
            mine.add(runs.get(i));
        }
        return mine;
    }
}
