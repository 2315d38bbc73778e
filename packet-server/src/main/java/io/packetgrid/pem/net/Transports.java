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
     * per call and 256 per read loop (then the batch is decided and answered). Epoll is
     * edge-triggered: Netty reads again by itself only when the last call filled its buffer, which
     * recvmmsg does whenever datagrams are left; plain recvmsg of short datagrams would leave them
     * waiting for the next arrival.
     */
    static Bootstrap datagramOptions(Bootstrap b) {
        io.netty.channel.FixedRecvByteBufAllocator a = new io.netty.channel.FixedRecvByteBufAllocator(DATAGRAM_SLOT * DATAGRAMS_PER_READ);
        a.respectMaybeMoreData(false);
        a.maxMessagesPerRead(4 * DATAGRAMS_PER_READ);
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
