package io.packetgrid.studies.sweep.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Property: for any number of runs M and shards N, the shards partition the runs (each exactly once). */
class ShardsTest {

    private static void assertPartition(int m, int n) {
        List<Integer> runs = IntStream.range(0, m).boxed().toList();
        int[] seen = new int[m];
        int largest = 0;
        int smallest = Integer.MAX_VALUE;
        for (int task = 0; task < n; task++) {
            List<Integer> shard = Shards.of(runs, task, n);
            largest = Math.max(largest, shard.size());
            smallest = Math.min(smallest, shard.size());
            int prev = -1;
            for (int r : shard) {
                seen[r]++;
                assertTrue(r > prev, "a shard keeps canonical order");
                prev = r;
            }
        }
        for (int r = 0; r < m; r++) {
            assertEquals(1, seen[r], "run " + r + " of " + m + " with " + n + " shards");
        }
        assertTrue(largest - smallest <= 1, "balanced: shard sizes differ by at most one");
    }

    @Test
    void everyRunInExactlyOneShardExhaustivelyForSmallSizes() {
        for (int m = 0; m <= 60; m++) {
            for (int n = 1; n <= 70; n++) {
                assertPartition(m, n);
            }
        }
    }

    @Test
    void everyRunInExactlyOneShardForRandomLargeSizes() {
        SplittableRandom rnd = new SplittableRandom(20261126L);
        for (int k = 0; k < 200; k++) {
            assertPartition(rnd.nextInt(0, 20_000), rnd.nextInt(1, 5_000));
        }
    }

    @Test
    void badShardNumbersAreOneLine() {
        List<Integer> runs = new ArrayList<>(List.of(1, 2, 3));
        assertEquals("--task: must be from 0 to 3 for --tasks 4, got 4",
                assertThrows(PacketGridException.class, () -> Shards.of(runs, 4, 4)).userMessage());
        assertEquals("--tasks: must be ≥ 1, got 0",
                assertThrows(PacketGridException.class, () -> Shards.of(runs, 0, 0)).userMessage());
    }
}
