package io.packetgrid.pem.net;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DeviceClass;
import io.packetgrid.pem.packet.PacketRequest;
import io.packetgrid.pem.protocol.DeviceKeys;
import io.packetgrid.pem.protocol.FrameCodec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * What a hostile tester throws at a server while {@code loadgen} measures (docs/protocol.md
 * "Benchmarks"): UDP frames at a fixed rate, in turn forged (a real device id, a wrong MAC), from an
 * unknown device, truncated, oversized, of a wrong version, and replays of the emulated devices'
 * latest real frames; and TCP connections that send one byte and then nothing, held open as long as
 * the server lets them, optionally from many loopback source addresses so that the per-address cap
 * alone does not stop them.
 */
public final class HostileTraffic implements AutoCloseable {

    /**
     * @param framesPerS     hostile UDP frames per second (0: none)
     * @param idleTcp        idle TCP connections to hold open (0: none)
     * @param idleTcpSources loopback source addresses to spread them over (127.1.x.y; 1: the default address)
     */
    public record Config(InetSocketAddress target, DeviceKeys keys, int devices, double framesPerS, int idleTcp, int idleTcpSources) {
    }

    /**
     * @param idleTcpOpenAtEnd idle connections the server still held at the end (by the generator's count)
     * @param idleTcpClosedByServer connections the server closed (refused or timed out)
     * @param idleTcpLocalFailures connections the generator itself could not open (its own descriptor limit)
     */
    public record Report(long framesSent, int idleTcpOpenAtEnd, int idleTcpOpenMax, long idleTcpConnects,
                         long idleTcpClosedByServer, long idleTcpLocalFailures) {
    }

    private final Config c;
    private final AtomicReference<byte[]> latest = new AtomicReference<>();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong closedByServer = new AtomicLong();
    private final AtomicLong localFailures = new AtomicLong();
    private volatile int openNow;
    private volatile int openMax;
    private volatile boolean running = true;
    private Thread udp;
    private Thread tcp;

    public HostileTraffic(Config c) {
        this.c = c;
    }

    /** The latest real frame the fleet sent (replayed by the attacker). */
    public void observe(byte[] frame) {
        latest.lazySet(frame);
    }

    public HostileTraffic start() {
        if (c.framesPerS() > 0) {
            udp = new Thread(this::frames, "loadgen-hostile-udp");
            udp.setDaemon(true);
            udp.start();
        }
        if (c.idleTcp() > 0) {
            tcp = new Thread(this::connections, "loadgen-hostile-tcp");
            tcp.setDaemon(true);
            tcp.start();
        }
        return this;
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : new Thread[] {udp, tcp}) {
            if (t != null) {
                try {
                    t.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    public Report report() {
        return new Report(framesSent.get(), openNow, openMax, connects.get(), closedByServer.get(), localFailures.get());
    }

    // ------------------------------------------------------------------ UDP frames

    private void frames() {
        SplittableRandom rnd = new SplittableRandom(12);
        try (DatagramChannel ch = DatagramChannel.open()) {
            ch.setOption(StandardSocketOptions.SO_SNDBUF, 1 << 20);
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 16); // answers to replays are not read
            ch.connect(c.target());
            ByteBuffer out = ByteBuffer.allocateDirect(64);
            double credit = 0;
            long last = System.nanoTime();
            long n = 0;
            while (running) {
                long now = System.nanoTime();
                credit = Math.min(credit + c.framesPerS() * (now - last) / 1e9, c.framesPerS() * 0.01 + 1);
                last = now;
                if (credit < 1) {
                    LockSupport.parkNanos(200_000L);
                    continue;
                }
                credit -= 1;
                out.clear();
                out.put(frame(n++, rnd)).flip();
                try {
                    ch.write(out);
                    framesSent.incrementAndGet();
                } catch (java.net.PortUnreachableException e) {
                    // the server is restarting
                }
            }
        } catch (IOException e) {
            throw new PacketGridException("--hostile-rate", "cannot send: " + e.getMessage());
        }
    }

    /** The n-th hostile frame: the kinds in turn. */
    private byte[] frame(long n, SplittableRandom rnd) {
        int slot = rnd.nextInt(c.devices());
        long id = c.keys().id(slot);
        switch ((int) (n % 6)) {
            case 0 -> { // forged: a real device, a guessed MAC
                byte[] f = FrameCodec.request(new PacketRequest(id, 1 + rnd.nextInt(1 << 30), DeviceClass.EV_CHARGER, 300, 255,
                        65_535_000_000_000L, ConnectionPoint.UNKNOWN), c.keys().keyArray(slot), c.keys().keyOffset(slot));
                for (int i = 24; i < 32; i++) {
                    f[i] = (byte) rnd.nextInt(256);
                }
                return f;
            }
            case 1 -> { // an unknown device
                byte[] f = new byte[32];
                rnd.nextBytes(f);
                f[0] = 0x11;
                f[1] = (byte) 0xFF;
                return f;
            }
            case 2 -> {
                byte[] f = new byte[20];
                rnd.nextBytes(f);
                return f;
            }
            case 3 -> {
                byte[] f = new byte[40];
                rnd.nextBytes(f);
                f[0] = 0x11;
                return f;
            }
            case 4 -> {
                byte[] f = new byte[32];
                rnd.nextBytes(f);
                f[0] = 0x71;
                return f;
            }
            default -> { // a replay of a real device's latest frame (or, before the first, another forgery)
                byte[] f = latest.get();
                return f != null ? f : frame(0, rnd);
            }
        }
    }

    // ------------------------------------------------------------------ idle TCP connections

    private InetSocketAddress source(int i) {
        if (c.idleTcpSources() <= 1) {
            return null;
        }
        int k = 1 + i % c.idleTcpSources();
        try {
            return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 1, (byte) (k >>> 8), (byte) k}), 0);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private void connections() {
        ByteBuffer sink = ByteBuffer.allocate(256);
        long pauseUntil = 0;
        int attempted = 0;
        try (Selector sel = Selector.open()) {
            while (running) {
                long now = System.nanoTime();
                // up to 2000 new connections a wake-up (about a listen backlog's worth of SYNs)
                for (int budget = 2000; attempted < c.idleTcp() && budget > 0 && now >= pauseUntil; budget--) {
                    if (!tryOpen(sel, attempted)) {
                        pauseUntil = now + 1_000_000_000L; // this process is out of descriptors: later
                        break;
                    }
                    attempted++;
                }
                sel.select(50);
                for (SelectionKey k : sel.selectedKeys()) {
                    SocketChannel ch = (SocketChannel) k.channel();
                    try {
                        if (k.isConnectable()) {
                            ch.finishConnect();
                            established(k, ch);
                        } else if (k.isReadable()) {
                            sink.clear();
                            if (ch.read(sink) < 0) {
                                throw new IOException("closed by the server");
                            }
                        }
                    } catch (IOException e) {
                        if (Boolean.TRUE.equals(k.attachment())) {
                            connected(-1);
                        }
                        k.cancel();
                        ch.close();
                        closedByServer.incrementAndGet();
                    }
                }
                sel.selectedKeys().clear();
            }
            for (SelectionKey k : sel.keys()) {
                k.channel().close();
            }
        } catch (IOException e) {
            throw new PacketGridException("--idle-tcp", "cannot open connections: " + e.getMessage());
        }
    }

    /** A connection is up: it sends its one byte and waits (for ever, or until the server closes it). */
    private void established(SelectionKey k, SocketChannel ch) throws IOException {
        ch.write(ByteBuffer.wrap(new byte[] {0x11}));
        k.interestOps(SelectionKey.OP_READ);
        k.attach(Boolean.TRUE);
        connected(+1);
    }

    private void connected(int delta) {
        openNow += delta;
        openMax = Math.max(openMax, openNow);
    }

    /** Starts a non-blocking connect; false if this process is out of descriptors or ports. */
    private boolean tryOpen(Selector sel, int i) {
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
            InetSocketAddress from = source(i);
            if (from != null) {
                ch.bind(from);
            }
            boolean now = ch.connect(c.target());
            SelectionKey k = ch.register(sel, now ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT);
            if (now) {
                established(k, ch);
            }
            connects.incrementAndGet();
            return true;
        } catch (IOException e) {
            localFailures.incrementAndGet();
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // closing what could not be opened
                }
            }
            return false;
        }
    }
}
