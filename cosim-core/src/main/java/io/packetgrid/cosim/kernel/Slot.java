package io.packetgrid.cosim.kernel;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The kernel's bookkeeping for one federate, and the {@link Step} view handed to it. A slot is
 * touched by at most one thread at a time; everything it produces during a step (publications,
 * messages, events) is buffered and committed by the kernel in a defined order.
 */
final class Slot implements Step {
    final Federate federate;
    final String name;
    final int index;
    final ValueStore values;
    final Endpoints endpoints;
    final UniformRandomProvider random;

    /** Step rank at equal times (0 = first); derived from {@code after} declarations. */
    int layer;
    final List<String> afterNames = new ArrayList<>();
    final java.util.BitSet readable = new java.util.BitSet();
    final java.util.BitSet writable = new java.util.BitSet();
    /**
     * The key instances this federate declared, each with its id, type and whether it publishes it. A
     * federate reads and publishes through the instances it declared, usually a handful: comparing
     * references in this small array finds them without touching the key object, a map or the bit sets
     * (each a likely cache miss when a hundred fleets step in turn). Other instances, and federates that
     * declared more than {@link #OWN_SCAN} keys, go through the store's maps.
     */
    private ValueKey<?>[] ownKeys = new ValueKey<?>[4];
    private Class<?>[] ownTypes = new Class<?>[4];
    private int[] ownIds = new int[4];
    private boolean[] ownWritable = new boolean[4];
    private int ownCount;
    static final int OWN_SCAN = 16;

    // per-step state
    long now;
    int iteration;
    boolean due;
    String dueReason;
    Message dueMessage;
    int dueValue = -1;
    final List<Message> inbox = new ArrayList<>();
    final List<Message> outbox = new ArrayList<>();
    int[] pubKeys = new int[8];
    Object[] pubValues = new Object[8];
    int pubCount;
    final List<String[]> events = new ArrayList<>();
    long returned;
    RuntimeException failure;
    private long sent;

    // profile
    long steps;
    long wallNs;

    Slot(Federate federate, int index, ValueStore values, Endpoints endpoints, UniformRandomProvider random) {
        this.federate = federate;
        this.name = federate.name();
        this.index = index;
        this.values = values;
        this.endpoints = endpoints;
        this.random = random;
    }

    /** Runs one step; never throws (a failure is kept for the kernel to report in order). */
    void runStep() {
        long t0 = System.nanoTime();
        try {
            returned = federate.step(this);
        } catch (PacketGridException e) {
            failure = e.within("federate '" + name + "' at t=" + SimTime.format(now));
        } catch (RuntimeException | StackOverflowError e) {
            failure = new PacketGridException("federate '" + name + "' at t=" + SimTime.format(now),
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
        wallNs += System.nanoTime() - t0;
        steps++;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public int iteration() {
        return iteration;
    }

    /** Records a declaration (while the federate is initialised): {@code key}'s id, and whether the federate publishes it. */
    void declared(ValueKey<?> key, int id, boolean publishes) {
        for (int i = 0; i < ownCount; i++) {
            if (ownKeys[i] == key) {
                ownWritable[i] |= publishes;
                return;
            }
        }
        if (ownCount == ownKeys.length) {
            int n = 2 * ownCount;
            ownKeys = java.util.Arrays.copyOf(ownKeys, n);
            ownTypes = java.util.Arrays.copyOf(ownTypes, n);
            ownIds = java.util.Arrays.copyOf(ownIds, n);
            ownWritable = java.util.Arrays.copyOf(ownWritable, n);
        }
        ownKeys[ownCount] = key;
        ownTypes[ownCount] = key.type();
        ownIds[ownCount] = id;
        ownWritable[ownCount++] = publishes;
    }

    /** The entry of a declared key instance in this slot's own table, −1 if it is not there (or the table is too long to scan). */
    private int own(ValueKey<?> key) {
        int n = ownCount;
        if (n <= OWN_SCAN) {
            for (int i = 0; i < n; i++) {
                if (ownKeys[i] == key) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T read(ValueKey<T> key) {
        int k = own(key);
        if (k >= 0) {
            return (T) ownTypes[k].cast(values.get(ownIds[k])); // declared: readable, and its type is the key's
        }
        int id = values.id(key);
        if (id < 0 || !readable.get(id)) {
            throw new PacketGridException("federate '" + name + "'",
                    "reads value '" + key.name() + "' it neither publishes nor subscribes to");
        }
        return key.type().cast(values.get(id));
    }

    @Override
    public <T> void publish(ValueKey<T> key, T value) {
        int k = own(key);
        if (k >= 0 && ownWritable[k]) {
            if (value != null && !ownTypes[k].isInstance(value)) {
                throw wrongType(key, value);
            }
            add(ownIds[k], value);
            return;
        }
        int id = values.id(key);
        if (id < 0 || !writable.get(id)) {
            throw new PacketGridException("federate '" + name + "'",
                    "publishes value '" + key.name() + "' it did not declare");
        }
        if (value != null && !key.type().isInstance(value)) {
            throw wrongType(key, value);
        }
        add(id, value);
    }

    @Override
    public boolean hasSubscribers(ValueKey<?> key) {
        int k = own(key);
        int id = k >= 0 ? ownIds[k] : values.id(key);
        return id < 0 || id >= values.subscribed.length || values.subscribed[id];
    }

    private PacketGridException wrongType(ValueKey<?> key, Object value) {
        return new PacketGridException("federate '" + name + "'", "value '" + key.name() + "' must be a "
                + key.type().getSimpleName() + ", got " + value.getClass().getSimpleName());
    }

    private void add(int id, Object value) {
        if (pubCount == pubKeys.length) {
            pubKeys = java.util.Arrays.copyOf(pubKeys, pubCount * 2);
            pubValues = java.util.Arrays.copyOf(pubValues, pubCount * 2);
        }
        pubKeys[pubCount] = id;
        pubValues[pubCount++] = value;
    }

    @Override
    public List<Message> inbox() {
        return inbox;
    }

    @Override
    public Message send(String from, String to, Object payload, int sizeBytes, String kind) {
        int f = endpoints.id(from);
        if (endpoints.owner(f) != index) {
            throw new PacketGridException("federate '" + name + "'", "sends from endpoint '" + from + "' it does not own");
        }
        return send(f, endpoints.id(to), from, to, payload, sizeBytes, kind); // an unknown destination is reported at commit
    }

    @Override
    public Message send(int from, int to, Object payload, int sizeBytes, String kind) {
        if (endpoints.owner(from) != index) {
            throw new PacketGridException("federate '" + name + "'", "sends from endpoint "
                    + (endpoints.known(from) ? "'" + endpoints.name(from) + "'" : "#" + from) + " it does not own");
        }
        if (!endpoints.known(to)) {
            throw new PacketGridException("federate '" + name + "'", "sends to endpoint #" + to + ", which is no endpoint's number");
        }
        return send(from, to, endpoints.name(from), endpoints.name(to), payload, sizeBytes, kind);
    }

    private Message send(int fromId, int toId, String from, String to, Object payload, int sizeBytes, String kind) {
        if (sizeBytes < 0) {
            throw new PacketGridException("federate '" + name + "'", "message size must be ≥ 0 bytes, got " + sizeBytes);
        }
        // Ids are unique and independent of thread timing: the federate's index and its own count.
        Message m = new Message(((long) index << 40) | sent++, from, to, now, sizeBytes, kind, payload, fromId, toId);
        outbox.add(m);
        return m;
    }

    @Override
    public UniformRandomProvider random() {
        return random;
    }

    @Override
    public void event(String type, String detail) {
        events.add(new String[] {type, detail});
    }
}
