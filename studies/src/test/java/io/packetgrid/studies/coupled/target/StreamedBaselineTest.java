package io.packetgrid.studies.coupled.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A baseline target over a baseline still being produced (another thread appends the finished intervals) against the
 * same target over the finished series, the reference: every value bit for bit; a value waits only for the blocks it
 * interpolates between; a producer's failure reaches a waiting reader.
 */
class StreamedBaselineTest {
    static final long S = 1_000_000_000L;

    /** The rows (t_s, p_kw) a fleet's interval trace holds. */
    static List<double[]> rows(double[] kw, int n) {
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(new double[] {k * 10.0, kw[k]});
        }
        return out;
    }

    @Test
    void aStreamedTargetEqualsTheFinishedSeriesTargetBitForBitAtEveryStep() throws Exception {
        for (long run = 1; run <= 6; run++) {
            long seed = run;
            Random r = new Random(seed);
            // 10-s steps, a 35-s window (not a multiple of the step), 1,003 steps (not a multiple of the window's 3 steps)
            long step = 10 * S;
            long window = 35 * S;
            int steps = 1003;
            int reached = steps - r.nextInt(4); // the run may stop short of the last intervals: NaN there
            double[] kw = new double[steps];
            java.util.Arrays.fill(kw, Double.NaN);
            for (int k = 0; k < reached; k++) {
                kw[k] = r.nextInt(20) == 0 ? Double.NaN : 50 + 400 * r.nextDouble();
            }
            BaselineTarget reference = new BaselineTarget(kw, step, window, -0.05, 0.10, 100 * S);
            BaselineSeries series = BaselineSeries.streamed("uncontrolled", steps);
            BaselineTarget streamed = new BaselineTarget(series, step, window, -0.05, 0.10, 100 * S);
            List<double[]> trace = Collections.synchronizedList(new ArrayList<>());
            Thread producer = new Thread(() -> {
                int k = 0;
                while (k < reached) {
                    int chunk = 1 + r.nextInt(40);
                    for (int j = 0; j < chunk && k < reached; j++, k++) {
                        trace.add(new double[] {k * 10.0, kw[k]});
                    }
                    series.extend(new ArrayList<>(trace));
                    Thread.yield();
                }
                series.complete();
            });
            producer.start();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                for (int k = 0; k <= steps + 2; k++) {
                    for (long t : new long[] {k * step, k * step + step / 3}) {
                        assertEquals(Double.doubleToRawLongBits(reference.targetKw(t)), Double.doubleToRawLongBits(streamed.targetKw(t)),
                                "seed " + seed + ", t = " + t / 1e9 + " s");
                        assertEquals(Double.doubleToRawLongBits(reference.baselineKw(t)),
                                Double.doubleToRawLongBits(streamed.baselineKw(t)), "seed " + seed + ", t = " + t / 1e9 + " s");
                    }
                }
            });
            producer.join();
        }
    }

    @Test
    void aValueWaitsOnlyForTheBlocksItInterpolatesBetween() throws Exception {
        // 1-s samples, 4-s blocks: centres at 2, 6, 10, 14 s; 16 samples
        double[] kw = new double[16];
        for (int i = 0; i < kw.length; i++) {
            kw[i] = i * i;
        }
        BaselineTarget reference = new BaselineTarget(kw, S, 4 * S, 0, 0, 0);
        BaselineSeries series = BaselineSeries.streamed("uncontrolled", 16);
        BaselineTarget streamed = new BaselineTarget(series, S, 4 * S, 0, 0, 0);
        series.extend(rows(kw, 8)); // blocks 0 and 1 final
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            // before block 1's centre (6 s) only blocks 0 and 1 are needed
            for (long t = 0; t < 6 * S; t += S / 2) {
                assertEquals(reference.targetKw(t), streamed.targetKw(t), 0.0, "t = " + t);
            }
        });
        // from block 1's centre on the value interpolates toward block 2: it waits for block 2's last sample
        CompletableFuture<Double> later = CompletableFuture.supplyAsync(() -> streamed.targetKw(6 * S + 1));
        series.extend(rows(kw, 11));
        assertThrows(TimeoutException.class, () -> later.get(300, TimeUnit.MILLISECONDS), "block 2 is not final yet");
        series.extend(rows(kw, 12));
        assertEquals(reference.targetKw(6 * S + 1), later.get(5, TimeUnit.SECONDS), 0.0);
        // at and after the last block's centre: the whole series, final when the run says it is over (here short of the
        // last interval, which stays NaN and is skipped in the last block's mean, as in the finished series)
        CompletableFuture<Double> end = CompletableFuture.supplyAsync(() -> streamed.targetKw(20 * S));
        series.extend(rows(kw, 15));
        assertThrows(TimeoutException.class, () -> end.get(300, TimeUnit.MILLISECONDS), "the run is not over yet");
        series.complete();
        double[] shortRun = kw.clone();
        shortRun[15] = Double.NaN;
        assertEquals(new BaselineTarget(shortRun, S, 4 * S, 0, 0, 0).targetKw(20 * S), end.get(5, TimeUnit.SECONDS), 0.0);
        assertEquals((12 * 12 + 13 * 13 + 14 * 14) / 3.0, streamed.targetKw(20 * S), 1e-12, "mean of the last block's 3 samples");
    }

    @Test
    void aFailedBaselineRunFailsTheReaderThatWaitsForIt() {
        BaselineSeries series = BaselineSeries.streamed("uncontrolled", 100);
        BaselineTarget streamed = new BaselineTarget(series, S, 10 * S, 0, 0, 0);
        series.extend(rows(new double[100], 30));
        assertEquals(0, streamed.targetKw(5 * S), 0.0);
        CompletableFuture<Double> waiting = CompletableFuture.supplyAsync(() -> streamed.targetKw(50 * S));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Thread.sleep(100);
            series.fail(new PacketGridException("uncontrolled/grid.csv", "cannot write: disk full"));
            ExecutionException e = assertThrows(ExecutionException.class, waiting::get);
            PacketGridException p = (PacketGridException) e.getCause();
            assertTrue(p.toString().contains("baseline variant 'uncontrolled' failed")
                    && p.toString().contains("uncontrolled/grid.csv: cannot write: disk full"), p.toString());
            // a reader that comes later gets the same failure, without waiting
            assertThrows(PacketGridException.class, () -> streamed.targetKw(90 * S));
        });
    }
}
