package io.packetgrid.cosim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.packetgrid.cosim.value.ValueKey;
import org.junit.jupiter.api.Test;

/** Value ids: by the declared instance, and by name for any other instance with the same name (keys are equal by name). */
class ValueStoreTest {

    @Test
    void anEqualKeyThatWasNeverDeclaredFindsTheSameIdByName() {
        ValueStore store = new ValueStore();
        ValueKey<Double> a = ValueKey.ofDouble("f1/p_kw", 1e-9);
        ValueKey<Double> b = ValueKey.ofDouble("f2/p_kw", 1e-9);
        assertEquals(0, store.register(a));
        assertEquals(1, store.register(b));
        assertEquals(0, store.id(a));
        assertEquals(1, store.id(b));
        // new instances, equal by name: the same ids (the name map), whatever the tolerance they carry
        assertEquals(0, store.id(ValueKey.ofDouble("f1/p_kw", 0)));
        assertEquals(1, store.id(ValueKey.of("f2/p_kw", Double.class)));
        assertEquals(-1, store.id(ValueKey.ofDouble("f3/p_kw", 0)));
        // a second declaration through another instance keeps the first id
        ValueKey<Double> a2 = ValueKey.ofDouble("f1/p_kw", 1e-9);
        assertEquals(0, store.register(a2));
        assertEquals(0, store.id(a2));
        assertEquals(2, store.size());
    }
}
