package io.packetgrid.cosim.bench;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.kernel.RunReport;
import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.message.Network;
import io.packetgrid.cosim.message.Delivery;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's throughput on trivial federates, one thread: message deliveries per second and
 * value updates per second (after warm-up; JVM start excluded). Compare: HELICS 2.3's single
 * in-process core does about 80,000–110,000 exchanges per second (helics_benchmark_results).
 */
public final class KernelBench {

    /** Results of one measurement. */
    public record Result(long messages, double messagesPerSecond, long valueUpdates, double valueUpdatesPerSecond,
                         int federates) {
    }

    private KernelBench() {
    }

    /**
     * Message benchmark: {@code federates} ping federates, each sending {@code burst} messages per
     * microsecond-spaced step to the next one through a fixed 1 µs network; each delivery wakes the
     * receiver, which answers with its own burst.
     */
    public static Result messages(int federates, int burst, long simulatedSteps) {
        Federation f = new Federation();
        for (int i = 0; i < federates; i++) {
            f.add(new Pinger(i, federates, burst));
        }
        f.network(new DelayNetwork(SimTime.US));
        long t0 = System.nanoTime();
        RunReport r = f.run(KernelOptions.of(1, simulatedSteps * SimTime.US));
        double s = (System.nanoTime() - t0) / 1e9;
        return new Result(r.messagesDelivered(), r.messagesDelivered() / s, r.valueUpdates(), r.valueUpdates() / s, federates);
    }

    /** Value benchmark: {@code federates} publishers at 1 µs steps, each read by one subscriber. */
    public static Result values(int federates, long simulatedSteps) {
        Federation f = new Federation();
        List<ValueKey<Double>> keys = new ArrayList<>();
        for (int i = 0; i < federates; i++) {
            keys.add(ValueKey.ofDouble("v" + i, 0));
        }
        for (int i = 0; i < federates; i++) {
            f.add(new Publisher(i, keys.get(i), keys.get((i + 1) % federates)));
        }
        long t0 = System.nanoTime();
        RunReport r = f.run(KernelOptions.of(1, simulatedSteps * SimTime.US));
        double s = (System.nanoTime() - t0) / 1e9;
        return new Result(r.messagesDelivered(), r.messagesDelivered() / s, r.valueUpdates(), r.valueUpdates() / s, federates);
    }

    private static final class DelayNetwork implements Network {
        private final long delay;

        DelayNetwork(long delay) {
            this.delay = delay;
        }

        @Override
        public void submit(Message message, long nowNs, Delivery out) {
            out.deliver(message, nowNs + delay);
        }
    }

    private static final class Pinger implements Federate {
        private final String name;
        private final String next;
        private final int burst;

        Pinger(int i, int n, int burst) {
            this.name = "p" + i;
            this.next = "p" + ((i + 1) % n);
            this.burst = burst;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long initialize(Setup setup) {
            setup.endpoint(name);
            return 0;
        }

        @Override
        public long step(Step step) {
            int replies = step.now() == 0 ? burst : step.inbox().size();
            for (int k = 0; k < replies; k++) {
                step.send(name, next, null, 32, "bench");
            }
            return SimTime.NEVER;
        }
    }

    private static final class Publisher implements Federate {
        private final String name;
        private final ValueKey<Double> own;
        private final ValueKey<Double> other;
        private double x;

        Publisher(int i, ValueKey<Double> own, ValueKey<Double> other) {
            this.name = "v" + i;
            this.own = own;
            this.other = other;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long initialize(Setup setup) {
            setup.publishes(own, 0.0);
            setup.subscribes(other);
            return 0;
        }

        @Override
        public long step(Step step) {
            x += step.read(other) + 1;
            step.publish(own, x);
            return step.now() + SimTime.US;
        }
    }
}
