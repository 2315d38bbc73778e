package io.packetgrid.pem.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
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
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Emulates a fleet of devices against a packet server over UDP: each device signs REQUEST frames
 * with its key and verifies the replies. Closed loop (a fixed number of requests in flight) or
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
                         long packetNs) {
    }

    private final Config c;
    private final long[] seq;
    private final long[] sentNs;
    private long nextDevice = 1;
    private int outstanding;
    private long sent;
    private long replies;
    private long acknowledged;
    private long denied;
    private long timeouts;
    private long measuredReplies;
    private long[] acked = new long[1 << 16];
    private int ackedCount;
    private int[] latencyUs = new int[1 << 16];
    private int latencyCount;
    private long measureFromNs;
    private long stopSendingNs;
    private double credit;
    private boolean sending = true;

    public LoadGenerator(Config c) {
        if (c.devices() < 1 || c.devices() > c.keys().maxId()) {
            throw new PacketGridException("--devices", "must be in [1, " + c.keys().maxId() + "] (the keys file has ids up to "
                    + c.keys().maxId() + ")");
        }
        this.c = c;
        this.seq = new long[c.devices() + 1];
        this.sentNs = new long[c.devices() + 1];
    }

    public LoadReport run() {
        EventLoopGroup group = Transports.group(1);
        try {
            Channel ch = new Bootstrap().group(group).channel(Transports.datagram())
                    .option(ChannelOption.SO_RCVBUF, 8 << 20)
                    .option(ChannelOption.SO_SNDBUF, 8 << 20)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(64))
                    .handler(new ChannelInitializer<DatagramChannel>() {
                        @Override
                        protected void initChannel(DatagramChannel ch) {
                            ch.pipeline().addLast(new ReplyHandler());
                        }
                    }).bind(0).sync().channel();
            long t0 = System.nanoTime();
            measureFromNs = t0 + c.warmupNs();
            stopSendingNs = measureFromNs + c.durationNs();
            CountDownLatch done = new CountDownLatch(1);
            ch.eventLoop().scheduleAtFixedRate(() -> tick(ch, done), 0, 1, TimeUnit.MILLISECONDS);
            if (!done.await(c.warmupNs() + c.durationNs() + c.timeoutNs() + 30_000_000_000L, TimeUnit.NANOSECONDS)) {
                throw new PacketGridException("loadgen", "the run did not finish");
            }
            ch.close().sync();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PacketGridException("loadgen", "interrupted");
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
        long[] acks = Arrays.copyOf(acked, ackedCount);
        writeAcks(acks);
        long[] audit = audit(acks);
        int[] lat = Arrays.copyOf(latencyUs, latencyCount);
        Arrays.sort(lat);
        double seconds = c.durationNs() / 1e9;
        return new LoadReport(c.devices(), seconds, sent, replies, acknowledged, denied, timeouts,
                measuredReplies / seconds, q(lat, 0.5), q(lat, 0.99), q(lat, 0.999),
                lat.length == 0 ? Double.NaN : lat[lat.length - 1] / 1000.0, audit[0], audit[1],
                c.ledger() != null ? "ledger" : "query", "udp");
    }

    private static double q(int[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
        return sorted[i] / 1000.0;
    }

    // ------------------------------------------------------------------ event loop

    private void tick(Channel ch, CountDownLatch done) {
        long now = System.nanoTime();
        if (sending && now >= stopSendingNs) {
            sending = false;
        }
        expire(now);
        if (sending) {
            if (c.ratePerS() > 0) {
                credit += c.ratePerS() / 1000.0;
                int n = (int) credit;
                credit -= n;
                sendSome(ch, n, now);
            } else {
                sendSome(ch, c.window() - outstanding, now);
            }
            ch.flush();
        } else if (outstanding == 0 || now > stopSendingNs + c.timeoutNs()) {
            if (done.getCount() > 0) {
                timeouts += outstanding;
                outstanding = 0;
                done.countDown();
            }
        }
    }

    private long lastExpireNs;

    private void expire(long now) {
        if (now - lastExpireNs < 100_000_000L) {
            return;
        }
        lastExpireNs = now;
        for (int d = 1; d <= c.devices(); d++) {
            if (sentNs[d] != 0 && now - sentNs[d] > c.timeoutNs()) {
                sentNs[d] = 0;
                outstanding--;
                timeouts++;
            }
        }
    }

    private void sendSome(Channel ch, int n, long now) {
        int tries = 0;
        while (n > 0 && tries < c.devices()) {
            int d = (int) nextDevice;
            nextDevice = nextDevice % c.devices() + 1;
            tries++;
            if (sentNs[d] != 0) {
                continue; // one request in flight per device
            }
            tries = 0;
            seq[d]++;
            PacketRequest r = new PacketRequest(d, seq[d], DeviceClass.WATER_HEATER, c.powerKw(), 0, c.packetNs(),
                    new ConnectionPoint(d % 1000, 1 + d % 3));
            byte[] f = FrameCodec.request(r, c.keys().array(), c.keys().offset(d));
            sentNs[d] = now;
            outstanding++;
            sent++;
            ch.write(new DatagramPacket(Unpooled.wrappedBuffer(f), c.target()), ch.voidPromise());
            n--;
        }
    }

    private final class ReplyHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
            ByteBuf b = p.content();
            if (b.readableBytes() != Frames.FRAME_BYTES) {
                return;
            }
            byte[] f = new byte[Frames.FRAME_BYTES];
            b.getBytes(b.readerIndex(), f);
            long id = Frames.deviceId(f);
            if (id < 1 || id > c.devices() || !FrameMac.verify(f, c.keys().array(), c.keys().offset(id))) {
                return; // a device ignores what it cannot authenticate
            }
            FrameType t = Frames.type(f);
            if (t != FrameType.ACCEPT && t != FrameType.DENY) {
                return;
            }
            PacketReply r = FrameCodec.parseReply(f);
            int d = (int) id;
            if (r.seq() != seq[d] || sentNs[d] == 0) {
                return; // late (after its timeout) or duplicate
            }
            long now = System.nanoTime();
            long lat = now - sentNs[d];
            sentNs[d] = 0;
            outstanding--;
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
                latencyUs[latencyCount++] = (int) Math.min(Integer.MAX_VALUE, lat / 1000);
            }
            if (sending && c.ratePerS() <= 0) {
                sendSome(ctx.channel(), c.window() - outstanding, now);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
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
                    seq[(int) dev]++;
                    frames.add(FrameCodec.query(dev, seq[(int) dev], first, c.keys().array(), c.keys().offset(dev)));
                    round.add(r++);
                }
            }
            EventLoopGroup group = Transports.group(1);
            try {
                CountDownLatch all = new CountDownLatch(frames.size());
                Channel ch = new Bootstrap().group(group).channel(Transports.socket())
                        .option(ChannelOption.TCP_NODELAY, true)
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
                                                if (Frames.type(f) == FrameType.STATUS && id >= 1 && id <= c.devices()
                                                        && FrameMac.verify(f, c.keys().array(), c.keys().offset(id))) {
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
