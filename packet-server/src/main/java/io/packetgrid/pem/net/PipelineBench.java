package io.packetgrid.pem.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.packetgrid.pem.journal.Journal;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DeviceClass;
import io.packetgrid.pem.packet.PacketRequest;
import io.packetgrid.pem.protocol.DeviceKeys;
import io.packetgrid.pem.protocol.FrameCodec;
import io.packetgrid.pem.protocol.FrameMac;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Hot-path costs of the server, measured on one thread in thread CPU time (so that other
 * processes on the machine do not inflate them): the whole UDP pipeline (decode, authenticate,
 * decide, journal in write mode, sign, encode) on Netty's EmbeddedChannel, the MAC alone, and the
 * heap held per registered device.
 */
public final class PipelineBench {
    private PipelineBench() {
    }

    /** Results. */
    public record Result(double pipelineNsPerFrame, double macVerifyNs, double heapBytesPerDevice, long frames, int devices) {
    }

    public static Result run(int devices, int frames, Path ledger) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        DeviceKeys keys = DeviceKeys.seeded(devices, RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        ServerConfig cfg = new ServerConfig(null, new ServerConfig.Limits(1e6, 1e6), ServerConfig.JournalSettings.of("write", null, null), null, null);
        ServerCore core = new ServerCore(keys, cfg.buildPolicy(), cfg.ratePerS(), cfg.burst(), new ServerCounters(),
                () -> System.currentTimeMillis() * 1_000_000L);
        try (Journal journal = new Journal(ledger, cfg.syncMode(), 4096, 1 << 16, 1L << 30, core::recovered, b -> { })) {
            core.journal(journal);
            EmbeddedChannel ch = new EmbeddedChannel(new FrameEncoder(), new FrameAuthenticator(core),
                    new PacketDispatcher(core));
            InetSocketAddress server = new InetSocketAddress("127.0.0.1", 1);
            InetSocketAddress device = new InetSocketAddress("127.0.0.1", 2);
            // frames signed in advance (signing is the device's cost, not the server's)
            int n = Math.min(frames, 1 << 20);
            byte[][] pre = new byte[n][];
            long[] seq = new long[devices + 1];
            for (int i = 0; i < n; i++) {
                int d = 1 + i % devices;
                pre[i] = FrameCodec.request(new PacketRequest(d, ++seq[d], DeviceClass.WATER_HEATER, 4.5, 0, 300_000_000_000L,
                        new ConnectionPoint(d % 1000, 1)), keys.arrayOf(d), keys.offsetOf(d));
            }
            int warm = Math.min(n / 4, 50_000);
            push(ch, pre, 0, warm, server, device);
            long cpu0 = mx.getCurrentThreadCpuTime();
            push(ch, pre, warm, n, server, device);
            long cpu1 = mx.getCurrentThreadCpuTime();
            double pipeline = (cpu1 - cpu0) / (double) (n - warm);
            // MAC alone
            byte[] f = pre[0];
            int ok = 0;
            for (int i = 0; i < 200_000; i++) {
                ok += FrameMac.verify(f, keys.keyArray(0), keys.keyOffset(0)) ? 1 : 0;
            }
            long m0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < 500_000; i++) {
                ok += FrameMac.verify(f, keys.keyArray(0), keys.keyOffset(0)) ? 1 : 0;
            }
            double mac = (mx.getCurrentThreadCpuTime() - m0) / 500_000.0;
            if (ok == 0) {
                throw new IllegalStateException("MAC check failed");
            }
            ch.finishAndReleaseAll();
            // a small registry is lost in the heap's noise: measure at least 200 000 devices
            return new Result(pipeline, mac, heapPerDevice(Math.max(devices, 200_000)), n - warm, devices);
        }
    }

    private static void push(EmbeddedChannel ch, byte[][] frames, int from, int to, InetSocketAddress server, InetSocketAddress device) {
        final int burst = 64; // like one recvmmsg call
        for (int i = from; i < to; i += burst) {
            int end = Math.min(to, i + burst);
            for (int k = i; k < end; k++) {
                ch.writeOneInbound(new DatagramPacket(Unpooled.wrappedBuffer(frames[k]), server, device));
            }
            ch.flushInbound();
            Object o;
            while ((o = ch.readOutbound()) != null) {
                ((DatagramPacket) o).release();
            }
        }
    }

    /** Heap held by the keys and per-device server state, per device. */
    private static double heapPerDevice(int devices) {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        DeviceKeys keys = DeviceKeys.seeded(devices, RandomSource.XO_RO_SHI_RO_128_PP.create(2L));
        ServerCore core = new ServerCore(keys, ServerConfig.defaults().buildPolicy(), 10, 20, new ServerCounters(), () -> 0L);
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        double perDevice = (after - before) / (double) devices;
        if (core.counters() == null) {
            throw new IllegalStateException();
        }
        return perDevice;
    }
}
