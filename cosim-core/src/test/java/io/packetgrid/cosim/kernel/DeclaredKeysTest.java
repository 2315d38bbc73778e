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

/**
 * A federate's reads and publications through the key instances it declared take the slot's own table;
 * through any other instance of the same name, or with more keys than the table scans, the store's maps.
 * Both ways must see the same values and refuse the same undeclared uses.
 */
class DeclaredKeysTest {

    /** A publisher of {@code keys} (value = step count + key index) and a reader that records them, by the declared instances or by equal copies. */
    private static List<Double> relay(int keys, boolean readThroughCopies) {
        List<ValueKey<Double>> declared = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            declared.add(ValueKey.ofDouble("v" + k, 0));
        }
        List<Double> seen = new ArrayList<>();
        long[] n = {0};
        Federation f = new Federation()
                .add(Feds.of("pub", s -> {
                    for (ValueKey<Double> k : declared) {
                        s.publishes(k, -1.0);
                    }
                    return 0;
                }, st -> {
                    for (int k = 0; k < keys; k++) {
                        st.publish(declared.get(k), n[0] * 100.0 + k);
                    }
                    n[0]++;
                    return st.now() + SimTime.S;
                }))
                .add(Feds.of("sub", s -> {
                    for (ValueKey<Double> k : declared) {
                        s.subscribes(k);
                    }
                    s.after("pub");
                    return 0;
                }, st -> {
                    for (int k = 0; k < keys; k++) {
                        seen.add(st.read(readThroughCopies ? ValueKey.ofDouble("v" + k, 0) : declared.get(k)));
                    }
                    return st.now() + SimTime.S;
                }));
        f.run(KernelOptions.of(1, 2 * SimTime.S));
        return seen;
    }

    private static List<Double> expected(int keys) {
        List<Double> e = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            for (int k = 0; k < keys; k++) {
                e.add(t * 100.0 + k);
            }
        }
        return e;
    }

    @Test
    void declaredInstancesEqualCopiesAndLongTablesSeeTheSameValues() {
        assertEquals(expected(3), relay(3, false));
        assertEquals(expected(3), relay(3, true));
        int many = Slot.OWN_SCAN + 5; // beyond the scanned table: the store's maps
        assertEquals(expected(many), relay(many, false));
        assertEquals(expected(many), relay(many, true));
    }

    @Test
    void aSubscribedInstanceCannotBePublishedAndTypesAreChecked() {
        ValueKey<Double> p = ValueKey.ofDouble("p_kw", 0);
        Federation f = new Federation()
                .add(Feds.of("a", s -> {
                    s.publishes(p, 0.0);
                    return SimTime.NEVER;
                }, st -> SimTime.NEVER))
                .add(Feds.of("b", s -> {
                    s.subscribes(p);
                    return 0;
                }, st -> {
                    st.publish(p, 1.0);
                    return SimTime.NEVER;
                }));
        PacketGridException e = assertThrows(PacketGridException.class, () -> f.run(KernelOptions.of(1, 0)));
        assertTrue(e.getMessage().contains("publishes value 'p_kw' it did not declare"), e.getMessage());

        @SuppressWarnings({"unchecked", "rawtypes"})
        ValueKey<Object> raw = (ValueKey) ValueKey.ofDouble("q_kw", 0);
        Federation g = new Federation().add(Feds.of("c", s -> {
            s.publishes(raw, 0.0);
            return 0;
        }, st -> {
            st.publish(raw, "not a number");
            return SimTime.NEVER;
        }));
        PacketGridException w = assertThrows(PacketGridException.class, () -> g.run(KernelOptions.of(1, 0)));
        assertTrue(w.getMessage().contains("value 'q_kw' must be a Double, got String"), w.getMessage());
    }

    @Test
    void subscribingThenPublishingTheSameInstanceMakesItWritable() {
        ValueKey<Double> p = ValueKey.ofDouble("p_kw", 0);
        List<Double> seen = new ArrayList<>();
        Federation f = new Federation().add(Feds.of("a", s -> {
            s.subscribes(p);
            s.publishes(p, 0.5);
            return 0;
        }, st -> {
            seen.add(st.read(p));
            st.publish(p, seen.get(seen.size() - 1) + 1);
            return st.now() < SimTime.S ? st.now() + SimTime.S : SimTime.NEVER;
        }));
        f.run(KernelOptions.of(1, SimTime.S));
        assertEquals(List.of(0.5, 1.5), seen);
    }

    /** A published value has subscribers when another federate subscribes to it or wakes on it; its publisher does not count. */
    @Test
    void aPublisherKnowsWhichOfItsValuesAnotherFederateReads() {
        ValueKey<Double> read = ValueKey.ofDouble("read", 0);
        ValueKey<Double> woken = ValueKey.ofDouble("woken", 0);
        ValueKey<Double> alone = ValueKey.ofDouble("alone", 0);
        List<Boolean> seen = new ArrayList<>();
        Federation f = new Federation()
                .add(Feds.of("pub", s -> {
                    s.publishes(read, 0.0);
                    s.publishes(woken, 0.0);
                    s.publishes(alone, 0.0);
                    return 0;
                }, st -> {
                    seen.add(st.hasSubscribers(read));
                    seen.add(st.hasSubscribers(woken));
                    seen.add(st.hasSubscribers(alone));
                    seen.add(st.hasSubscribers(ValueKey.ofDouble("read", 0))); // an equal instance
                    st.publish(alone, st.read(alone) + 1);
                    return SimTime.NEVER;
                }))
                .add(Feds.of("sub", s -> {
                    s.subscribes(read);
                    s.wakesOn(woken);
                    return SimTime.NEVER;
                }, st -> SimTime.NEVER));
        f.run(KernelOptions.of(1, SimTime.S));
        assertEquals(List.of(true, true, false, true), seen);
    }
}
