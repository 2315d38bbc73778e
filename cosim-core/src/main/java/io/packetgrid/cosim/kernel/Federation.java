package io.packetgrid.cosim.kernel;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.message.Delivery;
import io.packetgrid.cosim.message.IdealNetwork;
import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.message.Network;
import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.cosim.record.Recorder;
import io.packetgrid.cosim.record.SeriesWriter;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A set of federates, a network and a recorder, run together by conservative, deterministic time
 * advance.
 *
 * <p><b>Time advance.</b> The next granted time is the earliest of: the federates' requested times,
 * the delivery times of messages in flight, and the network's next event. Every federate due at that
 * time is stepped; nothing can happen earlier, so no federate ever needs to roll back.
 *
 * <p><b>Order at equal times.</b> Federates due at the same time step in layers: a federate that
 * declared {@code after(x)} steps in a later layer than {@code x} and sees the values {@code x}
 * published at this time. Within a layer federates see only values committed before the layer, so
 * they may step in parallel; their publications, messages and events are committed after the layer
 * in registration order. Messages due at the same time are delivered in the order the network
 * handed them over. Nothing depends on hashing or thread timing.
 *
 * <p><b>Same-time iteration.</b> A changed value wakes its {@code wakesOn} subscribers at the same
 * time (in this pass if they step in a later layer, otherwise in the next pass); messages delivered
 * at the current time and federates that ask for the current time again are stepped in the next
 * pass. Passes repeat until nothing is due, at most {@code maxIterations} times; past that the run
 * stops with an error naming what keeps the federation from advancing.
 */
public final class Federation {
    private final List<Federate> federates = new ArrayList<>();
    private final Map<String, Integer> byName = new HashMap<>();
    private Function<RandomStreams, Network> networkFactory = streams -> new IdealNetwork();
    private Recorder recorder = Recorder.discard();
    private ProgressListener progress = ProgressListener.NONE;

    /** Adds a federate; names must be unique. Registration order is the tie-break at equal times. */
    public Federation add(Federate f) {
        String name = f.name();
        if (name == null || name.isBlank()) {
            throw new PacketGridException("federation", "a federate has no name");
        }
        if (byName.putIfAbsent(name, federates.size()) != null) {
            throw new PacketGridException("federation", "two federates are named '" + name + "'");
        }
        federates.add(f);
        return this;
    }

    public Federation addAll(List<? extends Federate> fs) {
        fs.forEach(this::add);
        return this;
    }

    /** The network all messages pass through (default: ideal). */
    public Federation network(Network network) {
        this.networkFactory = streams -> network;
        return this;
    }

    /** A network built from the run's random streams (so its randomness follows the run seed). */
    public Federation network(Function<RandomStreams, Network> factory) {
        this.networkFactory = factory;
        return this;
    }

    public Federation recorder(Recorder recorder) {
        this.recorder = recorder;
        return this;
    }

    public Federation progress(ProgressListener progress) {
        this.progress = progress;
        return this;
    }

    /** Runs to {@code options.endNs()}; the recorder is left open for the caller to close. */
    public RunReport run(KernelOptions options) {
        return new Run(options).execute();
    }

    /** Order of steps at one time: layer, then registration order. */
    private static final java.util.Comparator<Slot> STEP_ORDER =
            (a, b) -> a.layer != b.layer ? Integer.compare(a.layer, b.layer) : Integer.compare(a.index, b.index);

    /** A federate declared something inconsistent; reported as is (it already names the federate). */
    private static final class DeclarationException extends PacketGridException {
        private static final long serialVersionUID = 1L;

        DeclarationException(String location, String message) {
            super(location, message);
        }
    }

    /** One execution: all mutable run state lives here. */
    private final class Run implements Delivery {
        final KernelOptions opt;
        final RandomStreams streams;
        final ValueStore values = new ValueStore();
        final Slot[] slots;
        final TimeQueue requested;
        final MessageQueue inFlight = new MessageQueue();
        final Endpoints endpoints = new Endpoints();
        final Network network;
        final ExecutorService pool;

        long now;
        long timeAdvances;
        long iterationsTotal;
        long stepsTotal;
        long sentTotal;
        long deliveredTotal;
        long valueUpdates;
        final Map<String, Long> dropped = new TreeMap<>();
        /** Federates due in the current pass, and in the next pass at the same time (the two lists swap at each pass). */
        List<Slot> due = new ArrayList<>();
        List<Slot> dueNext = new ArrayList<>();
        /** Values changed in the current pass (ids), and their order of first change (for the stall error). */
        final java.util.BitSet changedInPass = new java.util.BitSet();
        int[] changedOrder = new int[16];
        int changedCount;
        int currentLayer;
        int passIndex;

        Run(KernelOptions opt) {
            this.opt = opt;
            this.streams = new RandomStreams(opt.seed());
            this.slots = new Slot[federates.size()];
            this.requested = new TimeQueue(federates.size());
            for (int i = 0; i < slots.length; i++) {
                Federate f = federates.get(i);
                slots[i] = new Slot(f, i, values, endpoints, streams.stream("federate:" + f.name()));
            }
            this.network = networkFactory.apply(streams);
            this.pool = opt.threads() > 1 ? Executors.newFixedThreadPool(opt.threads(), r -> {
                Thread t = new Thread(r, "packetgrid-kernel");
                t.setDaemon(true);
                return t;
            }) : null;
        }

        RunReport execute() {
            long wall0 = System.nanoTime();
            try {
                initialize();
                loop();
                for (Slot s : slots) {
                    s.federate.finish(now);
                }
                network.finish(now);
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
            progress.progress(Math.min(now, opt.endNs()), opt.endNs());
            List<FederateProfile> profile = new ArrayList<>();
            for (Slot s : slots) {
                profile.add(new FederateProfile(s.name, s.steps, s.wallNs));
            }
            return new RunReport(now, timeAdvances, iterationsTotal, stepsTotal, sentTotal, deliveredTotal,
                    Map.copyOf(dropped), valueUpdates, System.nanoTime() - wall0, List.copyOf(profile));
        }

        // ---------------------------------------------------------------- initialisation

        void initialize() {
            Map<Integer, List<Integer>> wakers = new TreeMap<>();
            for (Slot s : slots) {
                SetupView setup = new SetupView(s, wakers);
                long first;
                try {
                    first = s.federate.initialize(setup);
                } catch (DeclarationException e) {
                    throw e;
                } catch (PacketGridException e) {
                    throw e.within("federate '" + s.name + "' (initialise)");
                } catch (RuntimeException e) {
                    throw new PacketGridException("federate '" + s.name + "' (initialise)", String.valueOf(e.getMessage()), e);
                }
                if (first < 0) {
                    throw new PacketGridException("federate '" + s.name + "'", "first time must be ≥ 0, got " + first);
                }
                requested.set(s.index, first);
            }
            for (Slot s : slots) {
                for (int id = s.readable.nextSetBit(0); id >= 0; id = s.readable.nextSetBit(id + 1)) {
                    if (values.publisher.get(id) < 0) {
                        throw new PacketGridException("federate '" + s.name + "'",
                                "subscribes to value '" + values.keys.get(id).name() + "' that no federate publishes");
                    }
                }
            }
            values.subscribed = new boolean[values.size()];
            for (Slot s : slots) {
                for (int id = s.readable.nextSetBit(0); id >= 0; id = s.readable.nextSetBit(id + 1)) {
                    if (values.publisher.get(id) != s.index) {
                        values.subscribed[id] = true;
                    }
                }
            }
            values.wakers = new int[values.size()][];
            for (int id = 0; id < values.size(); id++) {
                List<Integer> w = wakers.getOrDefault(id, List.of());
                values.wakers[id] = w.stream().mapToInt(Integer::intValue).toArray();
            }
            assignLayers();
        }

        /** Layers from {@code after} declarations (longest path); a cycle cannot be ordered. */
        void assignLayers() {
            int n = slots.length;
            int[] state = new int[n]; // 0 new, 1 on stack, 2 done
            for (int i = 0; i < n; i++) {
                layerOf(i, state, new ArrayList<>());
            }
        }

        int layerOf(int i, int[] state, List<String> path) {
            Slot s = slots[i];
            if (state[i] == 2) {
                return s.layer;
            }
            if (state[i] == 1) {
                int from = path.indexOf(s.name);
                List<String> cycle = new ArrayList<>(path.subList(from, path.size()));
                cycle.add(s.name);
                throw new PacketGridException("federation",
                        "cannot order federates at equal times: they wait on each other in a cycle "
                                + String.join(" -> ", cycle) + " (each requested t=" + SimTime.format(requested.timeOf(i))
                                + " first); remove one 'after' or make the loop iterate with wakesOn");
            }
            state[i] = 1;
            path.add(s.name);
            int layer = 0;
            for (String a : s.afterNames) {
                Integer j = byName.get(a);
                if (j == null) {
                    throw new PacketGridException("federate '" + s.name + "'", "steps after unknown federate '" + a + "'");
                }
                layer = Math.max(layer, layerOf(j, state, path) + 1);
            }
            path.remove(path.size() - 1);
            s.layer = layer;
            state[i] = 2;
            return layer;
        }

        // ---------------------------------------------------------------- main loop

        void loop() {
            long lastProgressWall = System.nanoTime();
            while (true) {
                long t = Math.min(requested.peekTime(), Math.min(inFlight.peekTime(), network.nextEventNs()));
                if (t == SimTime.NEVER || t > opt.endNs()) {
                    break;
                }
                if (t < now) {
                    throw new PacketGridException("network", "asked to run at t=" + SimTime.format(t)
                            + ", before the current time t=" + SimTime.format(now));
                }
                now = t;
                timeAdvances++;
                advanceAt(t);
                long wall = System.nanoTime();
                if (wall - lastProgressWall > 200_000_000L) {
                    progress.progress(now, opt.endNs());
                    lastProgressWall = wall;
                }
            }
        }

        /** All passes at one time. */
        void advanceAt(long t) {
            for (passIndex = 0; ; passIndex++) {
                if (network.nextEventNs() <= t) {
                    network.advance(t, this);
                }
                while (inFlight.peekTime() <= t) {
                    int d = inFlight.peekDestination();
                    Message m = inFlight.poll();
                    Slot s = slots[d];
                    s.inbox.add(m);
                    deliveredTotal++;
                    if (!s.due) { // the reason names the first message only
                        markDue(s, dueNext, null, m, -1);
                    }
                }
                while (requested.peekTime() <= t) {
                    Slot s = slots[requested.poll()];
                    markDue(s, dueNext, passIndex == 0 ? null : "requested the current time", null, -1);
                }
                if (dueNext.isEmpty()) {
                    return;
                }
                if (passIndex > opt.maxIterations()) {
                    throw stalled(t);
                }
                if (passIndex > 0) {
                    iterationsTotal++;
                }
                List<Slot> next = dueNext; // the next pass's list becomes the current one: no copy of it per time advance
                dueNext = due;
                dueNext.clear();
                due = next;
                changedInPass.clear();
                changedCount = 0;
                runPass(t);
            }
        }

        /**
         * Marks a federate due, with why (a text, the message that woke it, or the value id that changed): kept as
         * is and written out only if the time stalls, so that no string is built per message or wake.
         */
        void markDue(Slot s, List<Slot> list, String reason, Message message, int valueId) {
            if (!s.due) {
                s.due = true;
                s.dueReason = reason;
                s.dueMessage = message;
                s.dueValue = valueId;
                list.add(s);
            }
        }

        void runPass(long t) {
            if (due.size() > 1) {
                due.sort(STEP_ORDER);
            }
            int i = 0;
            while (i < due.size()) {
                int layer = due.get(i).layer;
                int j = i;
                while (j < due.size() && due.get(j).layer == layer) {
                    Slot s = due.get(j);
                    s.due = false; // now being stepped in this pass: a later wake goes to the next pass
                    s.now = t;
                    s.iteration = passIndex;
                    j++;
                }
                currentLayer = layer;
                stepGroup(i, j);
                for (int k = i; k < j; k++) {
                    commit(due.get(k), t); // wakes into later layers are appended after j
                }
                if (due.size() > j + 1) {
                    due.subList(j, due.size()).sort(STEP_ORDER);
                }
                i = j;
            }
        }

        /** Steps due[from, to) — on the caller's thread, or spread over the pool in contiguous chunks. */
        void stepGroup(int from, int to) {
            List<Slot> due = this.due; // the tasks read this pass's list
            int n = to - from;
            if (pool == null || n < 2) {
                for (int k = from; k < to; k++) {
                    due.get(k).runStep();
                }
                return;
            }
            int chunks = Math.min(n, opt.threads() * 4);
            List<Future<?>> futures = new ArrayList<>(chunks);
            for (int c = 1; c < chunks; c++) {
                int a = from + (int) ((long) n * c / chunks);
                int b = from + (int) ((long) n * (c + 1) / chunks);
                futures.add(pool.submit(() -> {
                    for (int k = a; k < b; k++) {
                        due.get(k).runStep();
                    }
                }));
            }
            for (int k = from, b = from + (int) ((long) n / chunks); k < b; k++) {
                due.get(k).runStep();
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PacketGridException("federation", "interrupted");
                } catch (ExecutionException e) {
                    throw new PacketGridException("federation", "worker failed: " + e.getCause(), e.getCause());
                }
            }
        }

        /** Commits what one federate produced in its step, in its registration order within the layer. */
        void commit(Slot s, long t) {
            stepsTotal++;
            s.inbox.clear();
            if (s.failure != null) {
                RuntimeException f = s.failure;
                s.failure = null;
                throw f;
            }
            commitValues(s);
            commitEvents(s, t);
            commitMessages(s, t);
            long next = s.returned;
            if (next < t) {
                throw new PacketGridException("federate '" + s.name + "' at t=" + SimTime.format(t),
                        "requested t=" + SimTime.format(next) + ", earlier than the time it was granted");
            }
            if (next == t) {
                markDue(s, dueNext, "requested the current time", null, -1);
            } else {
                requested.set(s.index, next);
            }
        }

        // commit's parts are separate methods so that the JIT compiles each loop on its own: as one
        // method with the three loops and their callees inlined it was the costliest compilation of
        // a short study (seconds of compiler CPU in the ACC 2017 study)

        /**
         * A value without {@code wakesOn} subscribers is compared with its old one only in the pass whose changes a
         * stall error would name (the last allowed): a change wakes nobody, so elsewhere the comparison (an array of
         * a fleet's thousand devices, at every reply) would be work for no one.
         */
        void commitValues(Slot s) {
            boolean named = passIndex >= opt.maxIterations();
            for (int k = 0; k < s.pubCount; k++) {
                int id = s.pubKeys[k];
                Object v = s.pubValues[k];
                s.pubValues[k] = null;
                Object old = values.get(id);
                values.set(id, v);
                valueUpdates++;
                if ((named || values.wakers[id].length > 0) && values.keys.get(id).changed(old, v)) {
                    wake(id, s);
                }
            }
            s.pubCount = 0;
        }

        void commitEvents(Slot s, long t) {
            for (String[] e : s.events) {
                recorder.event(t, s.name, e[0], e[1]);
            }
            s.events.clear();
        }

        void commitMessages(Slot s, long t) {
            for (Message m : s.outbox) {
                if (owner(m) < 0) {
                    throw new PacketGridException("federate '" + s.name + "' at t=" + SimTime.format(t),
                            "sends to unknown endpoint '" + m.to() + "'");
                }
                sentTotal++;
                network.submit(m, t, this);
            }
            s.outbox.clear();
        }

        void wake(int id, Slot publisher) {
            if (!changedInPass.get(id)) {
                changedInPass.set(id);
                if (changedCount == changedOrder.length) {
                    changedOrder = java.util.Arrays.copyOf(changedOrder, 2 * changedCount);
                }
                changedOrder[changedCount++] = id;
            }
            for (int w : values.wakers[id]) {
                Slot s = slots[w];
                if (s == publisher || s.due) {
                    continue;
                }
                if (s.layer > currentLayer) {
                    markDue(s, due, null, null, id); // steps later in this pass and sees the new value
                } else {
                    markDue(s, dueNext, null, null, id);
                }
            }
        }

        /** Why a federate is due, in words (for the stall error only). */
        String reason(Slot s) {
            if (s.dueMessage != null) {
                return "message from '" + s.dueMessage.from() + "'";
            }
            if (s.dueValue >= 0) {
                return "value '" + values.keys.get(s.dueValue).name() + "' changed";
            }
            return s.dueReason == null ? "scheduled" : s.dueReason;
        }

        PacketGridException stalled(long t) {
            StringBuilder b = new StringBuilder();
            b.append("cannot advance past t=").append(SimTime.format(t)).append(": after ")
                    .append(opt.maxIterations()).append(" iterations at this time, still due:");
            int shown = 0;
            for (Slot s : dueNext) {
                if (shown++ == 8) {
                    b.append(" …and ").append(dueNext.size() - 8).append(" more");
                    break;
                }
                b.append(' ').append(s.name).append(" (requested t=").append(SimTime.format(t)).append(", ")
                        .append(reason(s)).append(')').append(';');
            }
            if (changedCount > 0) {
                List<String> names = new ArrayList<>();
                for (int k = 0; k < changedCount; k++) {
                    names.add(values.keys.get(changedOrder[k]).name());
                }
                b.append(" values still changing: ").append(String.join(", ", names));
            }
            return new PacketGridException("federation", b.toString());
        }

        // ---------------------------------------------------------------- network callbacks

        @Override
        public void deliver(Message m, long atNs) {
            if (atNs < now) {
                throw new PacketGridException("network", "delivers message " + m.id() + " at t=" + SimTime.format(atNs)
                        + ", before the current time t=" + SimTime.format(now));
            }
            int owner = owner(m);
            if (owner < 0) {
                throw new PacketGridException("network", "delivers message " + m.id() + " to unknown endpoint '" + m.to() + "'");
            }
            inFlight.add(m, owner, atNs);
        }

        /** The federate owning a message's destination (by its number when the kernel made it), −1 if none. */
        int owner(Message m) {
            return m.toEndpoint() >= 0 ? endpoints.owner(m.toEndpoint()) : endpoints.owner(m.to());
        }

        @Override
        public void drop(Message m, String reason) {
            dropped.merge(reason, 1L, Long::sum);
        }

        /** What a federate may declare while it is initialised. */
        private final class SetupView implements Setup {
            private final Slot slot;
            private final Map<Integer, List<Integer>> wakers;

            SetupView(Slot slot, Map<Integer, List<Integer>> wakers) {
                this.slot = slot;
                this.wakers = wakers;
            }

            @Override
            public <T> void publishes(ValueKey<T> key, T initial) {
                int id = values.register(key);
                int pub = values.publisher.get(id);
                if (pub >= 0 && pub != slot.index) {
                    throw new DeclarationException("federate '" + slot.name + "'", "publishes value '" + key.name()
                            + "', already published by '" + slots[pub].name + "'");
                }
                ValueKey<?> known = values.keys.get(id);
                if (!known.type().equals(key.type())) {
                    throw new DeclarationException("federate '" + slot.name + "'", "value '" + key.name() + "' is a "
                            + known.type().getSimpleName() + " elsewhere, not a " + key.type().getSimpleName());
                }
                values.publisher.set(id, slot.index);
                values.set(id, initial);
                slot.writable.set(id);
                slot.readable.set(id);
                slot.declared(key, id, true);
            }

            @Override
            public <T> void subscribes(ValueKey<T> key) {
                int id = values.register(key);
                slot.readable.set(id);
                slot.declared(key, id, false);
            }

            @Override
            public <T> void wakesOn(ValueKey<T> key) {
                int id = values.register(key);
                slot.readable.set(id);
                slot.declared(key, id, false);
                List<Integer> w = wakers.computeIfAbsent(id, k -> new ArrayList<>());
                if (!w.contains(slot.index)) {
                    w.add(slot.index);
                    w.sort(null);
                }
            }

            @Override
            public void endpoint(String name) {
                int id = endpoints.intern(name);
                int owner = endpoints.owner(id);
                if (owner >= 0 && owner != slot.index) {
                    throw new DeclarationException("federate '" + slot.name + "'", "endpoint '" + name
                            + "' is already owned by '" + slots[owner].name + "'");
                }
                endpoints.own(id, slot.index);
            }

            @Override
            public int endpointId(String name) {
                return endpoints.intern(name);
            }

            @Override
            public void after(String federateName) {
                slot.afterNames.add(federateName);
            }

            @Override
            public UniformRandomProvider random() {
                return slot.random;
            }

            @Override
            public SeriesWriter series(String name, List<String> columns) {
                return recorder.series(name, columns);
            }
        }
    }
}
