package io.packetgrid.cosim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.message.Delivery;
import io.packetgrid.cosim.message.FixedDelayNetwork;
import io.packetgrid.cosim.message.IdealNetwork;
import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.message.Network;
import io.packetgrid.cosim.time.SimTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagingTest {

    /** A sender at t = 0, 10 s, 20 s and a receiver that only wakes on messages. */
    private static Federation pair(List<String> received) {
        return new Federation()
                .add(Feds.of("device", s -> {
                    s.endpoint("device");
                    return 0;
                }, st -> {
                    st.send("device", "server", "req@" + SimTime.format(st.now()), 20, "mmtc");
                    return st.now() + 10 * SimTime.S;
                }))
                .add(Feds.of("server", s -> {
                    s.endpoint("server");
                    return SimTime.NEVER;
                }, st -> {
                    for (Message m : st.inbox()) {
                        received.add(SimTime.format(st.now()) + " " + m.payload() + " (sent " + SimTime.format(m.sentNs()) + ")");
                    }
                    return SimTime.NEVER;
                }));
    }

    @Test
    void idealNetworkDeliversAtTheSendTime() {
        List<String> got = new ArrayList<>();
        RunReport r = pair(got).network(new IdealNetwork()).run(KernelOptions.of(1, 20 * SimTime.S));
        assertEquals(List.of("0s req@0s (sent 0s)", "10s req@10s (sent 10s)", "20s req@20s (sent 20s)"), got);
        assertEquals(3, r.messagesDelivered());
        assertEquals(3, r.iterations(), "each same-time delivery is one extra pass");
    }

    @Test
    void fixedDelayNetworkDeliversLaterAndWakesTheReceiver() {
        List<String> got = new ArrayList<>();
        pair(got).network(streams -> new FixedDelayNetwork(2500 * SimTime.US, 0, streams.stream("net")))
                .run(KernelOptions.of(1, 30 * SimTime.S));
        assertEquals(List.of("2ms500us req@0s (sent 0s)", "10s2ms500us req@10s (sent 10s)",
                "20s2ms500us req@20s (sent 20s)"), got);
    }

    @Test
    void messagesAfterTheEndAreNotDelivered() {
        List<String> got = new ArrayList<>();
        RunReport r = pair(got).network(streams -> new FixedDelayNetwork(5 * SimTime.S, 0, streams.stream("net")))
                .run(KernelOptions.of(1, 20 * SimTime.S));
        assertEquals(2, got.size());
        assertEquals(3, r.messagesSent());
    }

    @Test
    void lossesFollowTheConfiguredProbabilityAndAreReproducible() {
        int n = 20_000;
        double p = 0.3;
        long[] deliveredPerRun = new long[2];
        for (int run = 0; run < 2; run++) {
            Federation f = new Federation()
                    .add(Feds.of("tx", s -> {
                        s.endpoint("tx");
                        return 0;
                    }, st -> {
                        st.send("tx", "rx", null, 1, "any");
                        return st.now() + 1;
                    }))
                    .add(Feds.of("rx", s -> {
                        s.endpoint("rx");
                        return SimTime.NEVER;
                    }, st -> SimTime.NEVER))
                    .network(streams -> new FixedDelayNetwork(0, p, streams.stream("net")));
            RunReport r = f.run(KernelOptions.of(99, n - 1));
            assertEquals(n, r.messagesSent());
            assertEquals(n, r.messagesDelivered() + r.droppedTotal());
            deliveredPerRun[run] = r.messagesDelivered();
            double lossRate = r.droppedTotal() / (double) n;
            double sigma = Math.sqrt(p * (1 - p) / n);
            assertTrue(Math.abs(lossRate - p) < 4 * sigma, "loss " + lossRate + " vs " + p + " ± " + 4 * sigma);
            assertEquals(r.droppedTotal(), r.messagesDropped().get("loss"));
        }
        assertEquals(deliveredPerRun[0], deliveredPerRun[1], "same seed, same losses");
    }

    @Test
    void sameTimeMessagesKeepTheNetworksOrder() {
        List<Object> got = new ArrayList<>();
        Federation f = new Federation()
                .add(Feds.of("a", s -> {
                    s.endpoint("a");
                    return 0;
                }, st -> {
                    for (int i = 0; i < 5; i++) {
                        st.send("a", "z", "a" + i, 1, "x");
                    }
                    return SimTime.NEVER;
                }))
                .add(Feds.of("b", s -> {
                    s.endpoint("b");
                    return 0;
                }, st -> {
                    st.send("b", "z", "b0", 1, "x");
                    return SimTime.NEVER;
                }))
                .add(Feds.of("z", s -> {
                    s.endpoint("z");
                    return SimTime.NEVER;
                }, st -> {
                    st.inbox().forEach(m -> got.add(m.payload()));
                    return SimTime.NEVER;
                }))
                .network(streams -> new FixedDelayNetwork(7, 0, streams.stream("net")));
        f.run(KernelOptions.of(1, 100));
        assertEquals(List.of("a0", "a1", "a2", "a3", "a4", "b0"), got);
    }

    /** A network that holds messages and releases them all at the next 1 ms slot boundary. */
    private static final class SlottedNetwork implements Network {
        private final List<Message> held = new ArrayList<>();
        private long boundary = SimTime.NEVER;

        @Override
        public void submit(Message message, long nowNs, Delivery out) {
            held.add(message);
            boundary = Math.min(boundary, (nowNs / SimTime.MS + 1) * SimTime.MS);
        }

        @Override
        public long nextEventNs() {
            return boundary;
        }

        @Override
        public void advance(long nowNs, Delivery out) {
            if (held.size() > 1) {
                held.forEach(m -> out.drop(m, "collision"));
            } else {
                held.forEach(m -> out.deliver(m, nowNs));
            }
            held.clear();
            boundary = SimTime.NEVER;
        }
    }

    @Test
    void aNetworkCanHoldMessagesAndDecideAtItsOwnEvents() {
        List<String> got = new ArrayList<>();
        Federation f = new Federation()
                .add(Feds.of("d1", s -> {
                    s.endpoint("d1");
                    return 100 * SimTime.US;
                }, st -> {
                    st.send("d1", "bs", "d1@" + SimTime.format(st.now()), 1, "x");
                    return st.now() < SimTime.MS ? st.now() + 2 * SimTime.MS : SimTime.NEVER;
                }))
                .add(Feds.of("d2", s -> {
                    s.endpoint("d2");
                    return 300 * SimTime.US;
                }, st -> {
                    st.send("d2", "bs", "d2", 1, "x");
                    return SimTime.NEVER;
                }))
                .add(Feds.of("bs", s -> {
                    s.endpoint("bs");
                    return SimTime.NEVER;
                }, st -> {
                    st.inbox().forEach(m -> got.add(SimTime.format(st.now()) + " " + m.payload()));
                    return SimTime.NEVER;
                }))
                .network(new SlottedNetwork());
        RunReport r = f.run(KernelOptions.of(1, 10 * SimTime.MS));
        assertEquals(List.of("3ms d1@2ms100us"), got, "d1 and d2 collide in the first slot");
        assertEquals(2L, r.messagesDropped().get("collision"));
    }

    @Test
    void sendingToAnUnknownEndpointOrFromSomeoneElsesIsAnError() {
        Federation unknown = new Federation().add(Feds.of("a", s -> {
            s.endpoint("a");
            return 0;
        }, st -> {
            st.send("a", "nobody", null, 1, "x");
            return SimTime.NEVER;
        }));
        assertEquals("federate 'a' at t=0s: sends to unknown endpoint 'nobody'",
                assertThrows(PacketGridException.class, () -> unknown.run(KernelOptions.of(1, 1))).userMessage());
        Federation spoof = new Federation()
                .add(Feds.of("a", s -> {
                    s.endpoint("a");
                    return 0;
                }, st -> {
                    st.send("b", "a", null, 1, "x");
                    return SimTime.NEVER;
                }))
                .add(Feds.of("b", s -> {
                    s.endpoint("b");
                    return SimTime.NEVER;
                }, st -> SimTime.NEVER));
        assertTrue(assertThrows(PacketGridException.class, () -> spoof.run(KernelOptions.of(1, 1))).userMessage()
                .contains("sends from endpoint 'b' it does not own"));
    }

    @Test
    void endpointsAreNumberedOnFirstMentionAndMessagesCarryBothNumbers() {
        // the device asks for the server's number before the server declares it: one number per name all the same
        List<String> got = new ArrayList<>();
        int[] ids = new int[3];
        Federation f = new Federation()
                .add(Feds.of("device", s -> {
                    s.endpoint("d1");
                    ids[0] = s.endpointId("d1");
                    ids[1] = s.endpointId("server");
                    return 0;
                }, st -> {
                    st.send(ids[0], ids[1], "by number", 1, "x");
                    st.send("d1", "server", "by name", 1, "x");
                    return SimTime.NEVER;
                }))
                .add(Feds.of("server", s -> {
                    s.endpoint("server");
                    ids[2] = s.endpointId("server");
                    return SimTime.NEVER;
                }, st -> {
                    for (Message m : st.inbox()) {
                        got.add(m.payload() + " " + m.from() + "#" + m.fromEndpoint() + " -> " + m.to() + "#" + m.toEndpoint());
                    }
                    return SimTime.NEVER;
                }));
        f.run(KernelOptions.of(1, 1));
        assertEquals(0, ids[0]);
        assertEquals(1, ids[1]);
        assertEquals(1, ids[2]);
        assertEquals(List.of("by number d1#0 -> server#1", "by name d1#0 -> server#1"), got);
        Message outside = new Message(7, "a", "b", 0, 1, "x", null);
        assertEquals(-1, outside.fromEndpoint());
        assertEquals(-1, outside.toEndpoint());
    }

    @Test
    void sendingByNumberChecksTheNumbersAsByName() {
        int[] to = new int[1];
        Federation unowned = new Federation().add(Feds.of("a", s -> {
            s.endpoint("a");
            to[0] = s.endpointId("nobody"); // mentioned, never declared
            return 0;
        }, st -> {
            st.send(0, to[0], null, 1, "x");
            return SimTime.NEVER;
        }));
        assertEquals("federate 'a' at t=0s: sends to unknown endpoint 'nobody'",
                assertThrows(PacketGridException.class, () -> unowned.run(KernelOptions.of(1, 1))).userMessage());
        Federation noNumber = new Federation().add(Feds.of("a", s -> {
            s.endpoint("a");
            return 0;
        }, st -> {
            st.send(0, 5, null, 1, "x");
            return SimTime.NEVER;
        }));
        assertTrue(assertThrows(PacketGridException.class, () -> noNumber.run(KernelOptions.of(1, 1))).userMessage()
                .contains("sends to endpoint #5, which is no endpoint's number"));
        Federation spoof = new Federation()
                .add(Feds.of("a", s -> {
                    s.endpoint("a");
                    return 0;
                }, st -> {
                    st.send(1, 0, null, 1, "x");
                    return SimTime.NEVER;
                }))
                .add(Feds.of("b", s -> {
                    s.endpoint("b");
                    return SimTime.NEVER;
                }, st -> SimTime.NEVER));
        assertTrue(assertThrows(PacketGridException.class, () -> spoof.run(KernelOptions.of(1, 1))).userMessage()
                .contains("sends from endpoint 'b' it does not own"));
    }
}
