package io.packetgrid.studies.coupled.household;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.packetgrid.studies.coupled.scenario.DeviceParams;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The shared outdoor curve gives every reader, at every instant, the bits of the cosine taken afresh. */
class SharedCurveTest {

    private static final DeviceParams.HeatPumpSpec SPEC = new DeviceParams.HeatPumpSpec(null, null, null, null, null, null, null, null);
    private static final DoubleUnaryOperator DIRECT = tS -> SPEC.outdoorC(17 + tS / 3600);

    @Test
    void readersAtInterleavedInstantsGetTheDirectValueBitForBit() {
        SharedCurve shared = new SharedCurve(DIRECT);
        // three variants a few hours apart, each with 40 heat pumps per control step, and replies between steps
        for (int step = 0; step < 3000; step++) {
            for (int variant = 0; variant < 3; variant++) {
                double t = step * 10.0 + variant * 7200;
                for (int pump = 0; pump < 40; pump++) {
                    double tS = pump % 13 == 0 ? t + pump * 0.173 : t;
                    assertEquals(Double.doubleToRawLongBits(DIRECT.applyAsDouble(tS)), Double.doubleToRawLongBits(shared.applyAsDouble(tS)),
                            "t " + tS);
                }
            }
        }
        // the winter curve itself: 3 °C mean, 4 °C amplitude, coldest at 5 h (DeviceParams.HeatPumpSpec's defaults)
        assertEquals(-1.0, new SharedCurve(tS -> SPEC.outdoorC(5 + tS / 3600)).applyAsDouble(0), 1e-12);
        assertEquals(7.0, new SharedCurve(tS -> SPEC.outdoorC(5 + tS / 3600)).applyAsDouble(12 * 3600), 1e-12);
    }

    @Test
    void fleetsOnTwoThreadsShareItSafely() throws Exception {
        SharedCurve shared = new SharedCurve(DIRECT);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int thread = 0; thread < 2; thread++) {
                int offset = thread;
                done.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int step = 0; step < 20_000; step++) {
                        double tS = (step + offset * 3) * 10.0;
                        wrong += Double.doubleToRawLongBits(shared.applyAsDouble(tS)) == Double.doubleToRawLongBits(DIRECT.applyAsDouble(tS)) ? 0 : 1;
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> f : done) {
                assertEquals(0, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
