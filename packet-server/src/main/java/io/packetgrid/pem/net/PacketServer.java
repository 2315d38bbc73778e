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
import io.packetgrid.pem.journal.JournalReader;
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
 */
public final class PacketServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PacketServer.class);

    private final ServerConfig config;
    private final ServerCore core;
    private final Journal journal;
    private final EventLoopGroup group;
    private final List<Channel> channels = new ArrayList<>();
    private int port;

    public PacketServer(ServerConfig config, DeviceKeys keys, Path ledger) {
        this.config = config;
        this.core = new ServerCore(keys, config.buildPolicy(), config.ratePerS(), config.burst(), new ServerCounters(),
                () -> System.currentTimeMillis() * 1_000_000L);
        this.journal = new Journal(ledger, config.syncMode(), config.batchMax(), 1 << 16, config.segmentBytes(),
                core::recovered, batch -> PacketDispatcher.durable(core, batch));
        core.journal(journal);
        this.group = Transports.group(config.ioThreads());
    }

    public JournalReader.Recovery recovery() {
        return journal.recovery();
    }

    /** Binds UDP and TCP on {@code host:port} (port 0: any free port, the same for both when possible). */
    public PacketServer start(String host, int requestedPort) {
        try {
            ServerBootstrap tcp = new ServerBootstrap().group(group).channel(Transports.server())
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast("encoder", new FrameEncoder())
                                    .addLast("frames", new StreamFrameDecoder(core.counters()))
                                    .addLast("auth", new FrameAuthenticator(core))
                                    .addLast("dispatch", new PacketDispatcher(core))
                                    .addLast("errors", new ErrorSink());
                        }
                    });
            Channel tcpChannel = tcp.bind(host, requestedPort).sync().channel();
            channels.add(tcpChannel);
            port = ((InetSocketAddress) tcpChannel.localAddress()).getPort();
            for (int i = 0; i < config.udpChannels(); i++) {
                Bootstrap udp = Transports.datagramOptions(new Bootstrap().group(group).channel(Transports.datagram()))
                        .handler(new ChannelInitializer<DatagramChannel>() {
                            @Override
                            protected void initChannel(DatagramChannel ch) {
                                ch.pipeline().addLast("encoder", new FrameEncoder())
                                        .addLast("frames", new DatagramFrameDecoder())
                                        .addLast("auth", new FrameAuthenticator(core))
                                        .addLast("dispatch", new PacketDispatcher(core))
                                        .addLast("errors", new ErrorSink());
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

    @Override
    public void close() {
        for (Channel c : channels) {
            c.close().awaitUninterruptibly();
        }
        journal.close();
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
    }

    /** Last handler: an exception in a connection closes it, never the server. */
    static final class ErrorSink extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("closing {} after {}", ctx.channel(), cause.toString());
            if (!(ctx.channel() instanceof DatagramChannel)) {
                ctx.close();
            }
        }
    }
}
