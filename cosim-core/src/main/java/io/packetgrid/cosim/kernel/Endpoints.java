package io.packetgrid.cosim.kernel;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The run's message endpoints, numbered in order of first mention (declared or asked for while the
 * federates are initialised), with the federate that owns each. The numbers let the kernel, the
 * network and the federates keep per-endpoint state in arrays: a message carries both numbers, so
 * nothing on its way is looked up by name.
 */
final class Endpoints {
    private final Map<String, Integer> ids = new HashMap<>();
    private String[] names = new String[64];
    private int[] owner = new int[64];
    private int size;

    /** The number of {@code name}, −1 if it was never mentioned. */
    int id(String name) {
        Integer id = ids.get(name);
        return id == null ? -1 : id;
    }

    /** The number of {@code name}, given it now if it has none. */
    int intern(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            owner = Arrays.copyOf(owner, size * 2);
        }
        names[size] = name;
        owner[size] = -1;
        ids.put(name, size);
        return size++;
    }

    /** Whether {@code id} is an endpoint's number. */
    boolean known(int id) {
        return id >= 0 && id < size;
    }

    /** The owning federate's index of endpoint {@code id}, −1 if none owns it (or the id is not one). */
    int owner(int id) {
        return id >= 0 && id < size ? owner[id] : -1;
    }

    /** The owning federate's index of the endpoint named {@code name}, −1 if none. */
    int owner(String name) {
        return owner(id(name));
    }

    void own(int id, int federate) {
        owner[id] = federate;
    }

    /** The name of endpoint {@code id} (the instance first given, so names on messages are shared). */
    String name(int id) {
        return names[id];
    }
}
