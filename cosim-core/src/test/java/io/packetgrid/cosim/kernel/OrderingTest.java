package io.packetgrid.cosim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderingTest {

    @Test
    void mixedRatesAreGrantedInTimeOrderAndOnlyWhenDue() {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Federation f = new Federation()
                .add(Feds.of("grid", s -> SimTime.MIN, st -> {
                    log.add(SimTime.format(st.now()) + " grid");
                    return st.now() + SimTime.MIN;
                }))
                .add(Feds.of("device", s -> 0, st -> {
                    log.add(SimTime.format(st.now()) + " device");
                    return st.now() + 25 * SimTime.S;
                }));
        RunReport r = f.run(KernelOptions.of(1, 2 * SimTime.MIN));
        assertEquals(List.of("0s device", "25s device", "50s device", "1m grid", "1m15s device",
                "1m40s device", "2m grid"), log);
        assertEquals(7, r.steps());
        assertEquals(2 * SimTime.MIN, r.endNs());
    }

    @Test
    void equalTimesFollowRegistrationOrderThenLayers() {
        List<String> log = new ArrayList<>();
        Federation f = new Federation();
        for (String n : List.of("c", "a", "b")) {
            f.add(Feds.of(n, s -> {
                if (n.equals("c")) {
                    s.after("b");
                }
                return 0;
            }, st -> {
                log.add(n);
                return SimTime.NEVER;
            }));
        }
        f.run(KernelOptions.of(1, 0));
        // c declared after b: it moves to the second layer; a and b keep registration order
        assertEquals(List.of("a", "b", "c"), log);
    }

    @Test
    void aLaterLayerSeesSameTimeValuesAndTheSameLayerDoesNot() {
        ValueKey<Double> p = ValueKey.ofDouble("p_kw", 0);
        List<String> seen = new ArrayList<>();
        Federation f = new Federation()
                .add(Feds.of("source", s -> {
                    s.publishes(p, 0.0);
                    return 10;
                }, st -> {
                    st.publish(p, (double) st.now());
                    return st.now() + 10;
                }))
                .add(Feds.of("peer", s -> {
                    s.subscribes(p);
                    return 10;
                }, st -> {
                    seen.add("peer@" + st.now() + "=" + st.read(p));
                    return st.now() + 10;
                }))
                .add(Feds.of("follower", s -> {
                    s.subscribes(p);
                    s.after("source");
                    return 10;
                }, st -> {
                    seen.add("follower@" + st.now() + "=" + st.read(p));
                    return st.now() + 10;
                }));
        f.run(KernelOptions.of(1, 20));
        assertEquals(List.of("peer@10=0.0", "follower@10=10.0", "peer@20=10.0", "follower@20=20.0"), seen);
    }

    @Test
    void aCycleOfAfterDeclarationsIsReportedWithTheFederatesInIt() {
        Federation f = new Federation()
                .add(Feds.of("grid", s -> {
                    s.after("server");
                    return SimTime.MIN;
                }, st -> SimTime.NEVER))
                .add(Feds.of("server", s -> {
                    s.after("grid");
                    return SimTime.MIN;
                }, st -> SimTime.NEVER));
        PacketGridException e = assertThrows(PacketGridException.class, () -> f.run(KernelOptions.of(1, SimTime.H)));
        assertTrue(e.userMessage().contains("grid -> server -> grid"), e.userMessage());
        assertTrue(e.userMessage().contains("t=1m"), e.userMessage());
    }

    @Test
    void requestingAnEarlierTimeThanGrantedIsAnErrorNamingTheFederate() {
        Federation f = new Federation().add(Feds.of("clock", s -> 100, st -> st.now() - 1));
        PacketGridException e = assertThrows(PacketGridException.class, () -> f.run(KernelOptions.of(1, 1000)));
        assertEquals("federate 'clock' at t=100ns: requested t=99ns, earlier than the time it was granted", e.userMessage());
    }

    @Test
    void aFederateThatThrowsIsNamedWithTheTime() {
        Federation f = new Federation().add(Feds.of("bad", s -> SimTime.S, st -> {
            throw new IllegalStateException("tank temperature is NaN");
        }));
        PacketGridException e = assertThrows(PacketGridException.class, () -> f.run(KernelOptions.of(1, SimTime.MIN)));
        assertEquals("federate 'bad' at t=1s: IllegalStateException: tank temperature is NaN", e.userMessage());
    }

    @Test
    void declarationErrorsNameBothParties() {
        ValueKey<Double> v = ValueKey.ofDouble("v", 0);
        Federation twoPublishers = new Federation()
                .add(Feds.of("a", s -> {
                    s.publishes(v, 0.0);
                    return 0;
                }, st -> SimTime.NEVER))
                .add(Feds.of("b", s -> {
                    s.publishes(v, 1.0);
                    return 0;
                }, st -> SimTime.NEVER));
        assertEquals("federate 'b': publishes value 'v', already published by 'a'",
                assertThrows(PacketGridException.class, () -> twoPublishers.run(KernelOptions.of(1, 1))).userMessage());

        Federation orphan = new Federation().add(Feds.of("c", s -> {
            s.subscribes(v);
            return 0;
        }, st -> SimTime.NEVER));
        assertEquals("federate 'c': subscribes to value 'v' that no federate publishes",
                assertThrows(PacketGridException.class, () -> orphan.run(KernelOptions.of(1, 1))).userMessage());

        assertThrows(PacketGridException.class, () -> new Federation()
                .add(Feds.of("x", s -> 0, st -> 0)).add(Feds.of("x", s -> 0, st -> 0)));
    }

    @Test
    void theProfileCountsStepsPerFederate() {
        Federation f = new Federation()
                .add(Feds.of("fast", s -> 0, st -> st.now() + SimTime.S))
                .add(Feds.of("slow", s -> 0, st -> st.now() + 10 * SimTime.S));
        RunReport r = f.run(KernelOptions.of(1, SimTime.MIN));
        assertEquals(61, r.profile().get(0).steps());
        assertEquals(7, r.profile().get(1).steps());
        String table = r.profileTable(10);
        assertTrue(table.contains("fast") && table.contains("slow") && table.contains("wall_ms"), table);
    }
}
