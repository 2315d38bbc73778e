package io.packetgrid.pem.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.pem.journal.JournalReader;
import io.packetgrid.pem.journal.JournalRecord;
import io.packetgrid.pem.journal.JournaledIndex;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DeviceClass;
import io.packetgrid.pem.packet.PacketReply;
import io.packetgrid.pem.packet.PacketRequest;
import io.packetgrid.pem.protocol.DeviceKeys;
import io.packetgrid.pem.protocol.FrameCodec;
import io.packetgrid.pem.protocol.FrameMac;
import io.packetgrid.pem.protocol.FrameType;
import io.packetgrid.pem.protocol.Frames;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Emulates a fleet of devices (the first {@code devices} of the keys file, in id order) against a packet server over UDP (one connected socket, a sender
 * and a receiver thread): each device signs REQUEST frames with its key and verifies the replies. Closed loop (a fixed number of requests in flight) or
 * open loop ({@code ratePerS}). Measures throughput and request→reply latency, remembers every
 * acknowledged packet, and afterwards audits that each is in the server's journal: by reading the
 * ledger folder, or by asking the server (QUERY/STATUS over TCP).
 */
public final class LoadGenerator {

    /**
     * @param ratePerS   0: closed loop with {@code window} requests in flight
     * @param ledger     the server's journal folder, read after the run (null: audit by QUERY)
     * @param acksFile   where to write the acknowledged (device, seq) pairs (null: nowhere)
     */
    public record Config(InetSocketAddress target, DeviceKeys keys, int devices, long durationNs, long warmupNs,
                         double ratePerS, int window, long timeoutNs, Path ledger, Path acksFile, double powerKw,
                         long packetNs, long seqStart, double hostileRate, int idleTcp, int idleTcpSources) {
        public Config(InetSocketAddress target, DeviceKeys keys, int devices, long durationNs, long warmupNs,
                      double ratePerS, int window, long timeoutNs, Path ledger, Path acksFile, double powerKw, long packetNs) {
            this(target, keys, devices, durationNs, warmupNs, ratePerS, window, timeoutNs, ledger, acksFile, powerKw, packetNs, 1);
        }

        public Config(InetSocketAddress target, DeviceKeys keys, int devices, long durationNs, long warmupNs,
                      double ratePerS, int window, long timeoutNs, Path ledger, Path acksFile, double powerKw, long packetNs,
                      long seqStart) {
            this(target, keys, devices, durationNs, warmupNs, ratePerS, window, timeoutNs, ledger, acksFile, powerKw, packetNs,
                    seqStart, 0, 0, 1);
        }
    }

    private final Config c;
    private final AtomicLongArray seq;
    private final AtomicLongArray sentNs;
    private final Semaphore window;
    private final AtomicLong timeouts = new AtomicLong();
    private long sent;
    // receiver-thread state
    private long replies;
    private long acknowledged;
    private long denied;
    private long measuredReplies;
    private long[] acked = new long[1 << 16];
    private int ackedCount;
    private int[] latencyUs = new int[1 << 16];
    private int latencyCount;
    private long measureFromNs;
    /** Optional per-interval latency trace (system property packetgrid.loadgen.trace=FILE): max and over-2ms count per 100 ms of send time. */
    private static final long TRACE_NS = 100_000_000L;
    private final String traceFile = System.getProperty("packetgrid.loadgen.trace");
    private int[] traceMaxUs = new int[0];
    private int[] traceCount = new int[0];
    private int[] traceSlow = new int[0];
    private volatile long stopSendingNs;
    /** Set by {@link #stopSending}: the sender stops at its next request. */
    private volatile boolean stopRequested;
    private volatile boolean receiving = true;
    private HostileTraffic hostile;

    public LoadGenerator(Config c) {
        if (c.devices() < 1 || c.devices() > c.keys().count()) {
            throw new PacketGridException("--devices", "must be in [1, " + c.keys().count() + "] (the keys file has "
                    + c.keys().count() + " devices)");
        }
        this.c = c;
        this.seq = new AtomicLongArray(c.devices() + 1);
        this.sentNs = new AtomicLongArray(c.devices() + 1);
        if (c.seqStart() < 1 || c.seqStart() > 0xFFFF_0000L) {
            throw new PacketGridException("--seq-start", "must be in [1, 4294901760]");
        }
        for (int d = 1; d <= c.devices(); d++) {
            seq.set(d, c.seqStart() - 1);
        }
        this.window = new Semaphore(c.ratePerS() > 0 ? Integer.MAX_VALUE / 2 : c.window());
    }

    /**
     * Runs the load: a sender thread (closed loop: at most {@code window} requests in flight, one per
     * device; or open loop at {@code ratePerS}) and a receiver thread on one connected UDP socket.
     */
    public LoadReport run() {
        try (DatagramChannel ch = DatagramChannel.open()) {
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
            ch.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
            ch.connect(c.target());
            long t0 = System.nanoTime();
            long traceWallMs = System.currentTimeMillis();
            if (traceFile != null) {
                int n = (int) ((c.warmupNs() + c.durationNs() + c.timeoutNs()) / TRACE_NS) + 2;
                traceMaxUs = new int[n];
                traceCount = new int[n];
                traceSlow = new int[n];
            }
            measureFromNs = t0 + c.warmupNs();
            stopSendingNs = measureFromNs + c.durationNs();
            Thread receiver = new Thread(() -> receive(ch), "loadgen-receiver");
            receiver.setDaemon(true);
            receiver.start();
            if (c.hostileRate() > 0 || c.idleTcp() > 0) {
                hostile = new HostileTraffic(new HostileTraffic.Config(c.target(), c.keys(), c.devices(), c.hostileRate(), c.idleTcp(),
                        c.idleTcpSources())).start();
            }
            try {
                send(ch);
            } finally {
                if (hostile != null) {
                    hostile.close();
                }
            }
            // grace: wait for the replies still in flight, up to the timeout
            long deadline = System.nanoTime() + c.timeoutNs();
            while (System.nanoTime() < deadline && inFlight() > 0) {
                Thread.sleep(5);
            }
            receiving = false;
            ch.close();
            receiver.join(5000);
            timeouts.addAndGet(inFlight());
            writeTrace(t0, traceWallMs);
        } catch (java.io.IOException e) {
            throw new PacketGridException("--target " + c.target(), "cannot send: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PacketGridException("loadgen", "interrupted");
        }
        long[] acks = Arrays.copyOf(acked, ackedCount);
        writeAcks(acks);
        long[] audit = audit(acks);
        int[] lat = Arrays.copyOf(latencyUs, latencyCount);
        Arrays.sort(lat);
        double seconds = c.durationNs() / 1e9;
        return new LoadReport(c.devices(), seconds, sent, replies, acknowledged, denied, timeouts.get(),
                measuredReplies / seconds, q(lat, 0.5), q(lat, 0.99), q(lat, 0.999),
                lat.length == 0 ? Double.NaN : lat[lat.length - 1] / 1000.0, audit[0], audit[1],
                c.ledger() != null ? "ledger" : "query", "udp", hostile == null ? null : hostile.report());
    }

    /**
     * Ends the sending before its duration (the start-up warm-up's second pass runs until the JIT compilers have
     * caught up); the run then finishes as usual: replies still in flight, then the audit.
     */
    void stopSending() {
        stopRequested = true;
        stopSendingNs = Math.min(stopSendingNs, System.nanoTime());
    }

    private long inFlight() {
        long n = 0;
        for (int d = 1; d <= c.devices(); d++) {
            if (sentNs.get(d) != 0) {
                n++;
            }
        }
        return n;
    }

    private static double q(int[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
        return sorted[i] / 1000.0;
    }

    // ------------------------------------------------------------------ sender

    private void send(DatagramChannel ch) throws java.io.IOException, InterruptedException {
        ByteBuffer out = ByteBuffer.allocateDirect(Frames.FRAME_BYTES);
        int next = 1;
        long lastExpire = System.nanoTime();
        double credit = 0;
        long lastPace = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            if (now >= stopSendingNs || stopRequested) {
                return;
            }
            if (now - lastExpire > 50_000_000L) {
                expire(now);
                lastExpire = now;
            }
            int burst;
            if (c.ratePerS() > 0) {
                credit += c.ratePerS() * (now - lastPace) / 1e9;
                lastPace = now;
                if (credit < 1) {
                    java.util.concurrent.locks.LockSupport.parkNanos(200_000L);
                    continue;
                }
                credit = Math.min(credit, c.ratePerS() * 0.01 + 1);
                burst = 1;
            } else {
                if (!window.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                // every slot freed while this thread was waking up: one wake-up per burst, not per reply
                burst = 1 + window.drainPermits();
            }
            for (int k = 0; k < burst; k++) {
                int d = -1;
                for (int tries = 0; tries < c.devices(); tries++) {
                    int cand = next;
                    next = next % c.devices() + 1;
                    if (sentNs.get(cand) == 0) {
                        d = cand;
                        break;
                    }
                }
                if (d < 0) { // every device has a request in flight
                    if (c.ratePerS() <= 0) {
                        window.release(burst - k);
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(100_000L);
                    break;
                }
                long s = seq.get(d) + 1;
                PacketRequest r = new PacketRequest(c.keys().id(d - 1), s, DeviceClass.WATER_HEATER, c.powerKw(), 0, c.packetNs(),
                        new ConnectionPoint(d % 1000, 1 + d % 3));
                byte[] f = FrameCodec.request(r, c.keys().keyArray(d - 1), c.keys().keyOffset(d - 1));
                seq.set(d, s);
                if (hostile != null && (sent & 63) == 0) {
                    hostile.observe(f);
                }
                sentNs.set(d, Math.max(1, System.nanoTime()));
                out.clear();
                out.put(f).flip();
                try {
                    ch.write(out);
                } catch (java.net.PortUnreachableException e) {
                    // the server is gone (killed, restarting): this request is lost, its slot times out
                }
                sent++;
                if (c.ratePerS() > 0) {
                    credit -= 1;
                }
            }
        }
    }

    /** Requests without a reply after the timeout are lost: free their slots. */
    private void expire(long now) {
        for (int d = 1; d <= c.devices(); d++) {
            long t = sentNs.get(d);
            if (t != 0 && now - t > c.timeoutNs() && sentNs.compareAndSet(d, t, 0)) {
                timeouts.incrementAndGet();
                if (c.ratePerS() <= 0) {
                    window.release();
                }
            }
        }
    }

    // ------------------------------------------------------------------ receiver

    private void receive(DatagramChannel ch) {
        ByteBuffer in = ByteBuffer.allocateDirect(256);
        byte[] f = new byte[Frames.FRAME_BYTES];
        while (receiving) {
            try {
                in.clear();
                if (ch.read(in) != Frames.FRAME_BYTES) {
                    continue;
                }
            } catch (java.net.PortUnreachableException e) {
                continue; // the server's port is closed for now (ICMP): keep listening
            } catch (java.io.IOException e) {
                return; // closed at the end of the run
            }
            in.flip();
            in.get(f);
            long id = Frames.deviceId(f);
            int slot = c.keys().slot(id);
            if (slot < 0 || slot >= c.devices() || !FrameMac.verify(f, c.keys().keyArray(slot), c.keys().keyOffset(slot))) {
                continue; // a device ignores what it cannot authenticate
            }
            FrameType t = Frames.type(f);
            if (t != FrameType.ACCEPT && t != FrameType.DENY) {
                continue;
            }
            PacketReply r = FrameCodec.parseReply(f);
            int d = slot + 1;
            if (r.seq() != seq.get(d)) {
                continue; // late (after its timeout) or duplicate
            }
            long sentAt = sentNs.getAndSet(d, 0);
            if (sentAt == 0) {
                continue;
            }
            long now = System.nanoTime();
            if (traceCount.length > 0) {
                int b = (int) Math.min(traceCount.length - 1, Math.max(0, (sentAt - (measureFromNs - c.warmupNs())) / TRACE_NS));
                int us = (int) Math.min(Integer.MAX_VALUE, (now - sentAt) / 1000);
                traceCount[b]++;
                traceMaxUs[b] = Math.max(traceMaxUs[b], us);
                if (us > 2000) {
                    traceSlow[b]++;
                }
            }
            if (c.ratePerS() <= 0) {
                window.release();
            }
            replies++;
            if (r.accepted()) {
                acknowledged++;
                if (ackedCount == acked.length) {
                    acked = Arrays.copyOf(acked, acked.length * 2);
                }
                acked[ackedCount++] = JournalRecord.key(id, r.seq());
            } else {
                denied++;
            }
            if (now >= measureFromNs && now <= stopSendingNs) {
                measuredReplies++;
                if (latencyCount == latencyUs.length) {
                    latencyUs = Arrays.copyOf(latencyUs, latencyUs.length * 2);
                }
                latencyUs[latencyCount++] = (int) Math.min(Integer.MAX_VALUE, (now - sentAt) / 1000);
            }
        }
    }

    private void writeTrace(long t0, long wallMs) {
        if (traceFile == null) {
            return;
        }
        try (java.io.PrintWriter w = new java.io.PrintWriter(java.nio.file.Files.newBufferedWriter(Path.of(traceFile)))) {
            w.println("wall_ms,t_s,replies,over_2ms,max_ms");
            for (int b = 0; b < traceCount.length; b++) {
                w.printf(java.util.Locale.ROOT, "%d,%.1f,%d,%d,%.3f%n", wallMs + b * (TRACE_NS / 1_000_000L), b * TRACE_NS / 1e9,
                        traceCount[b], traceSlow[b], traceMaxUs[b] / 1000.0);
            }
        } catch (java.io.IOException e) {
            throw new PacketGridException(traceFile, "cannot write: " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ audit

    private void writeAcks(long[] acks) {
        if (c.acksFile() == null) {
            return;
        }
        try (java.io.BufferedWriter w = java.nio.file.Files.newBufferedWriter(c.acksFile())) {
            w.write("device_id,seq\n");
            for (long k : acks) {
                w.write((k >>> 32) + "," + (k & 0xFFFF_FFFFL) + "\n");
            }
        } catch (java.io.IOException e) {
            throw new PacketGridException(c.acksFile().toString(), "cannot write: " + e.getMessage());
        }
    }

    /** {missing, unanswered}. */
    private long[] audit(long[] acks) {
        if (acks.length == 0) {
            return new long[] {0, 0};
        }
        if (c.ledger() != null) {
            JournaledIndex index = new JournaledIndex();
            JournalReader.read(c.ledger(), r -> index.add(r.key()));
            long missing = 0;
            for (long k : acks) {
                if (!index.contains(k)) {
                    missing++;
                }
            }
            return new long[] {missing, 0};
        }
        return new QueryAudit(acks).run();
    }

    /** Asks the server, over TCP, which acknowledged packets are journaled (64 per QUERY). */
    private final class QueryAudit {
        private final long[] acks;
        private final java.util.Map<Long, Long> expected = new java.util.HashMap<>(); // (device, first) → bits
        private final java.util.Map<Long, Long> answered = new java.util.concurrent.ConcurrentHashMap<>();

        QueryAudit(long[] acks) {
            this.acks = acks.clone();
            Arrays.sort(this.acks);
        }

        long[] run() {
            java.util.List<byte[]> frames = new java.util.ArrayList<>();
            java.util.List<Integer> round = new java.util.ArrayList<>();
            int i = 0;
            while (i < acks.length) {
                long dev = acks[i] >>> 32;
                int r = 0;
                while (i < acks.length && (acks[i] >>> 32) == dev) {
                    long first = acks[i] & 0xFFFF_FFFFL;
                    long bits = 0;
                    while (i < acks.length && (acks[i] >>> 32) == dev && (acks[i] & 0xFFFF_FFFFL) - first < 64) {
                        bits |= 1L << ((acks[i] & 0xFFFF_FFFFL) - first);
                        i++;
                    }
                    expected.put(JournalRecord.key(dev, first), bits);
                    int slot = c.keys().slot(dev);
                    long qs = seq.incrementAndGet(slot + 1);
                    frames.add(FrameCodec.query(dev, qs, first, c.keys().keyArray(slot), c.keys().keyOffset(slot)));
                    round.add(r++);
                }
            }
            EventLoopGroup group = Transports.group(1);
            try {
                CountDownLatch all = new CountDownLatch(frames.size());
                Channel ch = new Bootstrap().group(group).channel(Transports.socket())
                        .option(io.netty.channel.ChannelOption.TCP_NODELAY, true)
                        .handler(new ChannelInitializer<SocketChannel>() {
                            @Override
                            protected void initChannel(SocketChannel ch) {
                                ch.pipeline().addLast(new io.netty.handler.codec.FixedLengthFrameDecoder(Frames.FRAME_BYTES),
                                        new SimpleChannelInboundHandler<ByteBuf>() {
                                            @Override
                                            protected void channelRead0(ChannelHandlerContext ctx, ByteBuf b) {
                                                byte[] f = new byte[Frames.FRAME_BYTES];
                                                b.readBytes(f);
                                                long id = Frames.deviceId(f);
                                                int slot = c.keys().slot(id);
                                                if (Frames.type(f) == FrameType.STATUS && slot >= 0 && slot < c.devices()
                                                        && FrameMac.verify(f, c.keys().keyArray(slot), c.keys().keyOffset(slot))) {
                                                    if (answered.put(JournalRecord.key(id, Frames.seq(f)), FrameCodec.parseStatusBits(f)) == null) {
                                                        all.countDown();
                                                    }
                                                }
                                            }
                                        });
                            }
                        }).connect(c.target()).sync().channel();
                // the server rate-limits each device (burst 20 by default): send in rounds
                int maxRound = round.stream().mapToInt(Integer::intValue).max().orElse(0);
                for (int r = 0; r <= maxRound; r++) {
                    for (int k = 0; k < frames.size(); k++) {
                        if (round.get(k) == r) {
                            ch.write(Unpooled.wrappedBuffer(frames.get(k)));
                        }
                    }
                    ch.flush();
                    if (r >= 10 && r < maxRound) {
                        Thread.sleep(150);
                    }
                }
                all.await(20, TimeUnit.SECONDS);
                ch.close().sync();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            }
            long missing = 0;
            long unanswered = 0;
            for (java.util.Map.Entry<Long, Long> e : expected.entrySet()) {
                Long got = answered.get(e.getKey());
                if (got == null) {
                    unanswered += Long.bitCount(e.getValue());
                } else {
                    missing += Long.bitCount(e.getValue() & ~got);
                }
            }
            return new long[] {missing + unanswered, unanswered};
        }
    }
}
