package io.packetgrid.pem.sim;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test federate: records a value at every change (after its publisher) and at chosen times. */
final class Probe<T> implements Federate {
    private final String name;
    private final String after;
    private final ValueKey<T> key;
    private final long[] at;
    private int next;
    /** (time ns, value) at each change, and at each chosen time. */
    final List<Object[]> changes = new ArrayList<>();
    final List<T> sampled = new ArrayList<>();
    private Object last;

    Probe(String name, String after, ValueKey<T> key, long... sampleAtNs) {
        this.name = name;
        this.after = after;
        this.key = key;
        this.at = sampleAtNs.clone();
        Arrays.sort(this.at);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long initialize(Setup setup) {
        setup.wakesOn(key);
        setup.after(after);
        return 0;
    }

    @Override
    public long step(Step step) {
        T v = step.read(key);
        boolean same = v instanceof double[] d ? last instanceof double[] l && Arrays.equals(d, l) : v.equals(last);
        if (!same) {
            changes.add(new Object[] {step.now(), v});
            last = v;
        }
        while (next < at.length && at[next] <= step.now()) {
            if (at[next] == step.now()) {
                sampled.add(v);
            }
            next++;
        }
        return next < at.length ? at[next] : SimTime.NEVER;
    }

    /** The value in force at {@code tNs} (the last change at or before it). */
    @SuppressWarnings("unchecked")
    T valueAt(long tNs) {
        Object v = null;
        for (Object[] c : changes) {
            if ((Long) c[0] <= tNs) {
                v = c[1];
            }
        }
        return (T) v;
    }
}
