package io.packetgrid.cosim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same-time algebraic loops: a grid and a voltage-dependent load iterated to a fixed point. */
class IterationTest {

    /**
     * A constant-impedance-like load on a source behind an impedance: the grid gives v = 1 − 0.1·p,
     * the load draws p = v² (p in pu of its rating at 1 pu). The fixed point solves v = 1 − 0.1·v²:
     * v* = (−1 + √1.4)/0.2 = 0.916079783… (hand-derived), reached by iterating the two federates.
     */
    @Test
    void aGridLoadLoopConvergesToTheHandDerivedFixedPoint() {
        ValueKey<Double> p = ValueKey.ofDouble("load/p_pu", 1e-13);
        ValueKey<Double> v = ValueKey.ofDouble("grid/v_pu", 1e-13);
        double[] last = new double[1];
        List<Integer> iterations = new ArrayList<>();
        Federation f = new Federation()
                .add(Feds.of("load", s -> {
                    s.publishes(p, 1.0);
                    s.wakesOn(v);
                    return 0;
                }, st -> {
                    double vv = st.read(v);
                    st.publish(p, vv * vv);
                    iterations.add(st.iteration());
                    return st.now() + SimTime.MIN;
                }))
                .add(Feds.of("grid", s -> {
                    s.publishes(v, 1.0);
                    s.wakesOn(p);
                    s.after("load");
                    return 0;
                }, st -> {
                    double vv = 1 - 0.1 * st.read(p);
                    last[0] = vv;
                    st.publish(v, vv);
                    return st.now() + SimTime.MIN;
                }));
        RunReport r = f.run(KernelOptions.of(1, 0));
        double exact = (-1 + Math.sqrt(1.4)) / 0.2;
        assertEquals(exact, last[0], 1e-12);
        assertTrue(r.iterations() > 3 && r.iterations() < 40, "iterations " + r.iterations());
        assertEquals(0, (int) iterations.get(0));
        assertEquals(r.iterations(), (long) iterations.get(iterations.size() - 1));
    }

    @Test
    void aDivergingLoopStopsAtTheBoundNamingTheFederatesAndValues() {
        ValueKey<Double> x = ValueKey.ofDouble("x", 0);
        ValueKey<Double> y = ValueKey.ofDouble("y", 0);
        Federation f = new Federation()
                .add(Feds.of("fx", s -> {
                    s.publishes(x, 0.0);
                    s.wakesOn(y);
                    return 5 * SimTime.S;
                }, st -> {
                    st.publish(x, st.read(y) + 1);
                    return SimTime.NEVER;
                }))
                .add(Feds.of("fy", s -> {
                    s.publishes(y, 0.0);
                    s.wakesOn(x);
                    return 5 * SimTime.S;
                }, st -> {
                    st.publish(y, st.read(x) + 1);
                    return SimTime.NEVER;
                }));
        PacketGridException e = assertThrows(PacketGridException.class,
                () -> f.run(KernelOptions.of(1, SimTime.MIN).withMaxIterations(20)));
        String m = e.userMessage();
        assertTrue(m.startsWith("federation: cannot advance past t=5s: after 20 iterations at this time"), m);
        assertTrue(m.contains("value 'x' changed") || m.contains("value 'y' changed"), m);
        assertTrue(m.contains("values still changing:"), m);
    }

    /**
     * A value nobody wakes on is not compared on commit, but the stall error still names it among the values
     * changing in the last pass (whatever the limit), and a value published unchanged is not named.
     */
    @Test
    void aStallNamesAValueNobodyWakesOnThatKeepsChanging() {
        for (int max : new int[] {1, 2, 5}) {
            ValueKey<Double> z = ValueKey.ofDouble("z", 0);
            ValueKey<Double> still = ValueKey.ofDouble("still", 0);
            double[] n = {0};
            Federation f = new Federation()
                    .add(Feds.of("zeno", s -> {
                        s.publishes(z, 0.0);
                        s.publishes(still, 7.0);
                        return 3 * SimTime.S;
                    }, st -> {
                        st.publish(z, ++n[0]);
                        st.publish(still, 7.0);
                        return st.now();
                    }));
            PacketGridException e = assertThrows(PacketGridException.class,
                    () -> f.run(KernelOptions.of(1, SimTime.MIN).withMaxIterations(max)));
            String m = e.userMessage();
            assertTrue(m.endsWith("values still changing: z"), max + ": " + m);
        }
    }

    @Test
    void aFederateThatKeepsAskingForTheCurrentTimeIsReportedAsBlocking() {
        Federation f = new Federation()
                .add(Feds.of("zeno", s -> 3 * SimTime.S, st -> st.now()))
                .add(Feds.of("clock", s -> 0, st -> st.now() + SimTime.S));
        PacketGridException e = assertThrows(PacketGridException.class, () -> f.run(KernelOptions.of(1, SimTime.MIN)));
        assertEquals("federation: cannot advance past t=3s: after 100 iterations at this time, still due: "
                + "zeno (requested t=3s, requested the current time);", e.userMessage());
    }

    @Test
    void aFederateKeptBusyByMessagesAtTheCurrentTimeIsReportedWithTheSender() {
        // an ideal network delivers at once: every step's message to itself wakes it again at the same time
        Federation f = new Federation()
                .add(Feds.of("echo", s -> {
                    s.endpoint("echo/in");
                    return 2 * SimTime.S;
                }, st -> {
                    st.send("echo/in", "echo/in", "again", 1, "test");
                    return SimTime.NEVER;
                }));
        PacketGridException e = assertThrows(PacketGridException.class, () -> f.run(KernelOptions.of(1, SimTime.MIN)));
        assertEquals("federation: cannot advance past t=2s: after 100 iterations at this time, still due: "
                + "echo (requested t=2s, message from 'echo/in');", e.userMessage());
    }

    @Test
    void valueChangesWithinToleranceDoNotWake() {
        ValueKey<Double> v = ValueKey.ofDouble("v_pu", 1e-3);
        int[] wakes = new int[1];
        Federation f = new Federation()
                .add(Feds.of("src", s -> {
                    s.publishes(v, 1.0);
                    return 0;
                }, st -> {
                    st.publish(v, 1.0 + 1e-4 * (st.now() % 2)); // tiny jitter
                    return st.now() + 1;
                }))
                .add(Feds.of("watcher", s -> {
                    s.wakesOn(v);
                    return SimTime.NEVER;
                }, st -> {
                    wakes[0]++;
                    return SimTime.NEVER;
                }));
        f.run(KernelOptions.of(1, 100));
        assertEquals(0, wakes[0]);
    }

    @Test
    void aWakeUpStepsASubscriberThatWasNotDue() {
        ValueKey<Boolean> fault = ValueKey.of("fault", Boolean.class);
        List<Long> tripped = new ArrayList<>();
        Federation f = new Federation()
                .add(Feds.of("grid", s -> {
                    s.publishes(fault, false);
                    return 0;
                }, st -> {
                    st.publish(fault, st.now() >= 30 * SimTime.S);
                    return st.now() + 10 * SimTime.S;
                }))
                .add(Feds.of("relay", s -> {
                    s.wakesOn(fault);
                    s.after("grid");
                    return SimTime.NEVER;
                }, st -> {
                    if (st.read(fault)) {
                        tripped.add(st.now());
                    }
                    return SimTime.NEVER;
                }));
        RunReport r = f.run(KernelOptions.of(1, SimTime.MIN));
        assertEquals(List.of(30 * SimTime.S), tripped);
        assertEquals(0, r.iterations(), "a wake into a later layer needs no extra pass");
    }
}
