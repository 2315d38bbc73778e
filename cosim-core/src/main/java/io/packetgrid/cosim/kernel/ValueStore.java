package io.packetgrid.cosim.kernel;

import io.packetgrid.cosim.value.ValueKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Current values by id. Written only by the kernel between steps, read by federates during steps. */
final class ValueStore {
    private final Map<String, Integer> ids = new HashMap<>();
    /**
     * The ids of the key instances that were declared (publishes, subscribes, wakesOn): a federate reads and
     * publishes through the instances it declared, so its lookups per step are by identity, without hashing or
     * comparing names. Filled only while federates are initialised (one thread); read-only during the run.
     */
    private final Map<ValueKey<?>, Integer> declared = new java.util.IdentityHashMap<>();
    final List<ValueKey<?>> keys = new ArrayList<>();
    final List<Integer> publisher = new ArrayList<>();
    private Object[] current = new Object[16];
    /** Federates that wake on each value, by id, in federate order. */
    int[][] wakers = new int[0][];
    /** Whether a federate other than its publisher subscribes to each value, by id (set after initialisation). */
    boolean[] subscribed = new boolean[0];

    int id(ValueKey<?> key) {
        Integer id = declared.get(key);
        if (id == null) {
            id = ids.get(key.name());
        }
        return id == null ? -1 : id;
    }

    int register(ValueKey<?> key) {
        Integer id = ids.get(key.name());
        if (id != null) {
            declared.putIfAbsent(key, id);
            return id;
        }
        int n = keys.size();
        ids.put(key.name(), n);
        declared.put(key, n);
        keys.add(key);
        publisher.add(-1);
        if (n == current.length) {
            current = java.util.Arrays.copyOf(current, n * 2);
        }
        return n;
    }

    Object get(int id) {
        return current[id];
    }

    void set(int id, Object v) {
        current[id] = v;
    }

    int size() {
        return keys.size();
    }
}
