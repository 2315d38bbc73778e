package io.packetgrid.pem.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/** Native epoll where available (Linux), else NIO. */
final class Transports {
    private Transports() {
    }

    static boolean epoll() {
        return Epoll.isAvailable();
    }

    static EventLoopGroup group(int threads) {
        return new MultiThreadIoEventLoopGroup(threads, epoll() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    /** Largest datagram a receive slot holds; anything longer than a frame is oversized anyway. */
    static final int DATAGRAM_SLOT = 64;
    /** Datagrams read per recvmmsg call. */
    static final int DATAGRAMS_PER_READ = 64;

    /**
     * Datagram channels read with recvmmsg ({@code MAX_DATAGRAM_PAYLOAD_SIZE}), up to 64 datagrams
     * per call, and keep reading until the socket is empty: epoll is edge-triggered, so datagrams
     * left behind by a read loop capped at {@code maxMessagesPerRead} would wait for the next
     * arrival (Netty only re-reads by itself when the last call filled its buffer).
     */
    static Bootstrap datagramOptions(Bootstrap b) {
        io.netty.channel.FixedRecvByteBufAllocator a = new io.netty.channel.FixedRecvByteBufAllocator(DATAGRAM_SLOT * DATAGRAMS_PER_READ);
        a.respectMaybeMoreData(false);
        a.maxMessagesPerRead(1 << 20);
        b.option(io.netty.channel.ChannelOption.RCVBUF_ALLOCATOR, a)
                .option(io.netty.channel.ChannelOption.SO_RCVBUF, 4 << 20)
                .option(io.netty.channel.ChannelOption.SO_SNDBUF, 4 << 20);
        if (epoll()) {
            b.option(io.netty.channel.epoll.EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, DATAGRAM_SLOT);
        }
        return b;
    }

    static Class<? extends DatagramChannel> datagram() {
        return epoll() ? EpollDatagramChannel.class : NioDatagramChannel.class;
    }

    static Class<? extends ServerChannel> server() {
        return epoll() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    static Class<? extends SocketChannel> socket() {
        return epoll() ? EpollSocketChannel.class : NioSocketChannel.class;
    }
}
