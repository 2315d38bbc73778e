package io.packetgrid.pem.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.DatagramChannel;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.pem.journal.Journal;
import io.packetgrid.pem.journal.Recovery;
import io.packetgrid.pem.protocol.DeviceKeys;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packet server on a real network: UDP and TCP on one port, a pipeline of small handlers
 * (frame decoder → authenticator → dispatcher, encoder on the way out), the policy and journal in
 * {@link ServerCore}. Closing drains the journal, so every acknowledged packet is on disk.
 *
 * <p>TCP connections go through a {@link ConnectionGate} (a cap on all connections and on those of
 * one source address) and an {@link IdleGuard}. The cap on all connections is also kept below the
 * process's file-descriptor limit minus a reserve ({@code limits.fd_reserve}), so that connections
 * can never take the descriptors the journal needs to roll over to a new segment.
 */
public final class PacketServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PacketServer.class);

    private final ServerConfig config;
    private final ServerCore core;
    private final Journal journal;
    /** UDP's event loops (one per UDP socket), apart from TCP's: no accept, connection set-up or idle timer ever delays a datagram. */
    private final EventLoopGroup udpGroup;
    /** The listening socket's and the TCP connections' event loops. */
    private final EventLoopGroup tcpGroup;
    /** TCP connections that were admitted and given a pipeline (tests: refused ones never are). */
    private final java.util.concurrent.atomic.LongAdder tcpPipelines = new java.util.concurrent.atomic.LongAdder();
    private final List<Channel> channels = new ArrayList<>();
    private final ConnectionGate gate;
    /** On borrowed event loops only: the TCP connections, closed with the server (loops of its own close them when shut down). */
    private final io.netty.channel.group.ChannelGroup guests;
    /** One idle timer per TCP event loop, for all of its connections. */
    private final java.util.concurrent.ConcurrentHashMap<io.netty.util.concurrent.EventExecutor, IdleSweep> idleSweeps =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final long startedNs = System.nanoTime();
    private int port;

    public PacketServer(ServerConfig config, DeviceKeys keys, Path ledger) {
        this(config, keys, ledger, null);
    }

    /**
     * A server on the event loops of {@code host} (null: loops of its own): the start-up warm-up's throwaway server
     * runs on the real server's threads ({@link ServerWarmup}). It closes its own connections and leaves the
     * borrowed loops running.
     */
    PacketServer(ServerConfig config, DeviceKeys keys, Path ledger, PacketServer host) {
        this.config = config;
        this.core = new ServerCore(keys, config.buildPolicy(), config.ratePerS(), config.burst(), config.resendPerS(),
                config.resendBurst(), new ServerCounters(), () -> System.currentTimeMillis() * 1_000_000L);
        this.gate = new ConnectionGate(connectionCap(config), config.tcpMaxPerAddress(), core.counters());
        this.journal = new Journal(ledger, config.syncMode(), config.batchMax(), 1 << 16, config.segmentBytes(), core.index(),
                core::recovered, batch -> PacketDispatcher.durable(core, batch), System::nanoTime);
        core.journal(journal);
        if (host == null) {
            this.udpGroup = Transports.group(config.udpChannels());
            this.tcpGroup = Transports.group(Math.max(1, config.ioThreads() - config.udpChannels()));
            this.guests = null;
        } else {
            this.udpGroup = host.udpGroup;
            this.tcpGroup = host.tcpGroup;
            this.guests = new io.netty.channel.group.DefaultChannelGroup(io.netty.util.concurrent.GlobalEventExecutor.INSTANCE);
        }
    }

    /**
     * {@code tcp_max_connections}, lowered if the process's descriptor limit ({@code ulimit -n}) minus the
     * descriptors open now minus {@code fd_reserve} is smaller (each connection holds one descriptor).
     */
    static int connectionCap(ServerConfig config) {
        int cap = config.tcpMaxConnections();
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long room = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount() - config.fdReserve();
            if (room < cap) {
                LOG.warn("at most {} TCP connections: the process may open {} files (ulimit -n), {} are open, {} are kept in reserve",
                        Math.max(0, room), unix.getMaxFileDescriptorCount(), unix.getOpenFileDescriptorCount(), config.fdReserve());
                cap = (int) Math.max(0, room);
            }
        }
        return cap;
    }

    /** The cap on open TCP connections in force (see {@link #connectionCap}). */
    public int tcpConnectionCap() {
        return gate.maxTotal();
    }

    public Recovery recovery() {
        return journal.recovery();
    }

    /** How TCP connections size their reads (Netty's default, shared instead of one per connection). */
    private static final io.netty.channel.RecvByteBufAllocator TCP_READS = new io.netty.channel.AdaptiveRecvByteBufAllocator();

    /** Name of the TCP framing handler (the encoder joins before it). */
    static final String FRAMES = "frames";

    /** Binds UDP and TCP on {@code host:port} (port 0: any free port, the same for both when possible). */
    public PacketServer start(String host, int requestedPort) {
        try {
            FirstFrame firstFrame = new FirstFrame(core);
            ServerBootstrap tcp = new ServerBootstrap().group(tcpGroup).channel(Transports.server())
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .handler(gate) // admission before a connection gets an event loop or a pipeline
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    // one allocator configuration for every connection (each gets its own read handle anyway)
                    .childOption(ChannelOption.RCVBUF_ALLOCATOR, TCP_READS)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            tcpPipelines.increment();
                            if (guests != null) {
                                guests.add(ch);
                            }
                            IdleSweep sweep = idleSweeps.computeIfAbsent(ch.eventLoop(),
                                    loop -> new IdleSweep(loop, config.tcpIdleTimeoutNs(), System::nanoTime, core.counters()));
                            // encoder, authenticator and dispatcher join at the first whole frame (FirstFrame)
                            ch.pipeline().addLast("gate", gate.release())
                                    .addLast("idle", new IdleGuard(sweep))
                                    .addLast(FRAMES, new StreamFrameDecoder(core.counters()))
                                    .addLast("first-frame", firstFrame)
                                    .addLast("errors", ErrorSink.INSTANCE);
                        }
                    });
            Channel tcpChannel = tcp.bind(host, requestedPort).sync().channel();
            channels.add(tcpChannel);
            port = ((InetSocketAddress) tcpChannel.localAddress()).getPort();
            for (int i = 0; i < config.udpChannels(); i++) {
                Bootstrap udp = Transports.datagramOptions(new Bootstrap().group(udpGroup).channel(Transports.datagram()))
                        .handler(new ChannelInitializer<DatagramChannel>() {
                            @Override
                            protected void initChannel(DatagramChannel ch) {
                                ch.pipeline().addLast("encoder", new FrameEncoder())
                                        .addLast("auth", new FrameAuthenticator(core)) // also the datagram edge
                                        .addLast("dispatch", new PacketDispatcher(core))
                                        .addLast("errors", ErrorSink.INSTANCE);
                            }
                        });
                if (Transports.epoll()) {
                    udp.option(EpollChannelOption.SO_REUSEPORT, config.udpChannels() > 1);
                }
                channels.add(udp.bind(host, port).sync().channel());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PacketGridException("serve", "interrupted while binding");
        } catch (RuntimeException e) {
            close();
            throw new PacketGridException("--port " + requestedPort, "cannot listen: " + e.getMessage());
        }
        LOG.info("packet server on {}:{} (udp+tcp, {})", host, port, Transports.epoll() ? "epoll" : "nio");
        return this;
    }

    public int port() {
        return port;
    }

    public ServerCounters counters() {
        return core.counters();
    }

    public ServerCore core() {
        return core;
    }

    public Journal journal() {
        return journal;
    }

    /** TCP connections given a pipeline since start (admitted ones only). */
    long tcpPipelinesBuilt() {
        return tcpPipelines.sum();
    }

    /** The event loops of the UDP sockets and of the listening TCP socket (tests). */
    java.util.Set<io.netty.channel.EventLoop> udpLoops() {
        java.util.Set<io.netty.channel.EventLoop> s = new java.util.HashSet<>();
        for (Channel c : channels) {
            if (c instanceof DatagramChannel) {
                s.add(c.eventLoop());
            }
        }
        return s;
    }

    boolean isUdpLoop(io.netty.channel.EventLoop loop) {
        for (io.netty.util.concurrent.EventExecutor e : udpGroup) {
            if (e == loop) {
                return true;
            }
        }
        return false;
    }

    boolean isTcpLoop(io.netty.channel.EventLoop loop) {
        for (io.netty.util.concurrent.EventExecutor e : tcpGroup) {
            if (e == loop) {
                return true;
            }
        }
        return false;
    }

    /**
     * Everything the server counts, by snake_case name in a fixed order: {@code uptime_s}, the frame and
     * connection counters ({@link ServerCounters#snapshot}), the TCP cap in force and the journal's health.
     */
    public java.util.Map<String, Object> stats() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("uptime_s", Math.round((System.nanoTime() - startedNs) / 1e7) / 100.0);
        m.putAll(core.counters().snapshot());
        m.put("tcp_max_connections", (long) gate.maxTotal());
        Journal.Stats j = journal.stats();
        m.put("journal_batches", j.batches());
        m.put("journal_records", j.records());
        m.put("journal_segments_opened", j.segmentsOpened());
        m.put("journal_rollover_failures", j.rolloverFailures());
        m.put("journal_write_failures", j.writeFailures());
        m.put("journal_recoveries", j.recoveries());
        m.put("journal_unwritten", j.refusedRecords());
        m.put("journal_failing", j.failing());
        m.put("journal_fd_reserve", j.reserveHeld());
        m.put("jvm_heap_pretouched", HEAP_PRETOUCHED);
        return m;
    }

    /**
     * Whether the JVM touched every page of its heap at start ({@code -XX:+AlwaysPreTouch}, which the
     * launcher sets for {@code serve}). Without it the first collections copy survivors into pages the
     * process has never touched, and on a virtual machine each such page fault is slow: young pauses of
     * 85–150 ms instead of 11–23 ms (docs/protocol.md "Where a quiet machine's stalls came from").
     */
    static final boolean HEAP_PRETOUCHED = heapPretouched();

    private static boolean heapPretouched() {
        try {
            return Boolean.parseBoolean(java.lang.management.ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption("AlwaysPreTouch").getValue());
        } catch (RuntimeException e) {
            return false; // not a HotSpot JVM
        }
    }

    @Override
    public void close() {
        for (Channel c : channels) {
            c.close().awaitUninterruptibly();
        }
        if (guests != null) { // borrowed loops: close what is ours and leave them running
            guests.close().awaitUninterruptibly();
            journal.close();
            return;
        }
        journal.close();
        io.netty.util.concurrent.Future<?> tcpDown = tcpGroup.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        udpGroup.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
        tcpDown.awaitUninterruptibly();
    }

    /** Last handler: an exception in a connection closes it, never the server. */
    @io.netty.channel.ChannelHandler.Sharable
    static final class ErrorSink extends ChannelInboundHandlerAdapter {
        static final ErrorSink INSTANCE = new ErrorSink(); // stateless: one for every pipeline

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("closing {} after {}", ctx.channel(), cause.toString());
            if (!(ctx.channel() instanceof DatagramChannel)) {
                ctx.close();
            }
        }
    }
}
