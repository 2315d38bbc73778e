package io.packetgrid.pem.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.message.FixedDelayNetwork;
import io.packetgrid.cosim.record.Recorder;
import io.packetgrid.cosim.kernel.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Qualitative facts of ACC 2017 §IV (PEM-NOTES §4.1) on the full 1000-heater Table I fleet:
 * PEM(5) tracks within 2 % mean absolute error; tracking improves from thermostat/uncoordinated
 * to PEM(30) to PEM(5); cycling falls with longer packets; the ramp limit cuts the rebound peak.
 */
class Acc2017ExperimentTest {
    static final long MIN = 60_000_000_000L;
    static Acc2017Experiment exp;
    static Acc2017Experiment.Result thermostat;
    static Acc2017Experiment.Result uncoordinated;
    static Acc2017Experiment.Result pem5;
    static Acc2017Experiment.Result pem30;

    @BeforeAll
    static void runAll() {
        exp = new Acc2017Experiment(Acc2017Experiment.Config.table1());
        double base = exp.baseline(2017, s -> new io.packetgrid.cosim.message.IdealNetwork());
        thermostat = exp.run(Acc2017Experiment.thermostat(), 2017, base);
        uncoordinated = exp.run(Acc2017Experiment.uncoordinated(5 * MIN), 2017, base);
        pem5 = exp.run(exp.tracking("pem_5min", 5 * MIN), 2017, base);
        pem30 = exp.run(exp.tracking("pem_30min", 30 * MIN), 2017, base);
        for (Acc2017Experiment.Result r : new Acc2017Experiment.Result[] {thermostat, uncoordinated, pem5, pem30}) {
            System.out.printf("%-18s base %.0f kW  MAE %.2f %%  RMS %.1f kW  cycles %.2f ± %.2f /h (switchings %.2f)  dT %.2f ± %.2f  msgs/dev %.1f%n",
                    r.name(), r.baselineKw(), r.trackingMaePct(), r.trackingRmsKw(), r.cyclesPerHour(), r.cyclesPerHourStd(), r.switchingsPerHour(),
                    r.tempDeviationMeanC(), r.tempDeviationStdC(), r.messagesPerDevice());
        }
    }

    @Test
    void pem5TracksWithinTwoPercent() {
        assertTrue(pem5.trackingMaePct() < 2, "PEM(5) MAE " + pem5.trackingMaePct());
    }

    @Test
    void schemeOrderingAsPublished() {
        // ACC 2017 Table II: E_M T3 (0.6) < T4 (1.3) < T1 (23) ≈ T2 (25); RMS likewise
        assertTrue(pem5.trackingMaePct() < pem30.trackingMaePct());
        assertTrue(pem30.trackingMaePct() < thermostat.trackingMaePct());
        assertTrue(pem30.trackingMaePct() < uncoordinated.trackingMaePct());
        assertTrue(pem30.trackingRmsKw() < thermostat.trackingRmsKw());
        // switching: thermostat (0.6/h) < PEM(30) (1.4/h) < PEM(5) (4.0/h) < uncoordinated (5.0/h)
        assertTrue(thermostat.cyclesPerHour() < pem30.cyclesPerHour());
        assertTrue(pem30.cyclesPerHour() < pem5.cyclesPerHour());
        assertTrue(pem5.switchingsPerHour() < uncoordinated.switchingsPerHour());
    }

    @Test
    void idealAndZeroDelayNetworksGiveTheSameResult() {
        Acc2017Experiment small = new Acc2017Experiment(Acc2017Experiment.Config.table1().withDevices(100).withDuration(180 * MIN));
        Acc2017Experiment.Result ideal = small.run(small.tracking("pem_5min", 5 * MIN), 7);
        Acc2017Experiment.Result zero = small.run(small.tracking("pem_5min", 5 * MIN), 7,
                Double.NaN, s -> new FixedDelayNetwork(0, 0, s.stream("net")), Recorder.discard(), ProgressListener.NONE);
        assertEquals(ideal.trackingRmsKw(), zero.trackingRmsKw());
        assertEquals(java.util.Arrays.toString(ideal.powerKw()), java.util.Arrays.toString(zero.powerKw()));
    }

    @Test
    void lostRepliesChangeBehaviourAndDevicesRetry() {
        Acc2017Experiment small = new Acc2017Experiment(Acc2017Experiment.Config.table1().withDevices(100).withDuration(180 * MIN));
        Acc2017Experiment.Result lossy = small.run(small.tracking("pem_5min", 5 * MIN), 7,
                Double.NaN, s -> new FixedDelayNetwork(20_000_000L, 0.3, s.stream("net")), Recorder.discard(), ProgressListener.NONE);
        assertTrue(lossy.timeouts() > 0, "lost requests/replies must time out");
        assertTrue(lossy.latencyP50Ms() >= 40, "two 20 ms hops: " + lossy.latencyP50Ms());
    }

    @Test
    void rampLimitCutsTheReboundPeak() {
        Acc2017Experiment longer = new Acc2017Experiment(Acc2017Experiment.Config.table1().withDuration(600 * MIN));
        long release = 540 * MIN;
        Acc2017Experiment.Result free = longer.run(Acc2017Experiment.rebound("rebound", 5 * MIN, 180 * MIN, 360 * MIN, 0), 2017);
        Acc2017Experiment.Result limited = longer.run(Acc2017Experiment.rebound("rebound_ramp", 5 * MIN, 180 * MIN, 360 * MIN, 300), 2017);
        double[] a = Acc2017Experiment.reboundPeak(free, release, 10 * MIN);
        double[] b = Acc2017Experiment.reboundPeak(limited, release, 10 * MIN);
        System.out.printf("rebound: before %.0f kW, peak %.0f kW (no limit) vs %.0f kW (300 kW/min): cut %.0f %%%n",
                a[0], a[1], b[1], 100 * (1 - (b[1] - b[0]) / (a[1] - a[0])));
        assertTrue(a[1] - a[0] > 2 * (b[1] - b[0]), "the ramp limit cuts the rebound peak");
    }
}
