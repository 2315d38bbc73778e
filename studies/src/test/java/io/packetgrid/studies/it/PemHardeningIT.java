package io.packetgrid.studies.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.packetgrid.pem.journal.JournalReader;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packet server under the attacks and faults of issue #12, end to end through the launcher: an idle
 * connection flood with few descriptors, a damaged ledger, umask 000, ids near 100,000,000, SIGTERM.
 */
class PemHardeningIT {
    private static final Pattern PORT = Pattern.compile("on 127\\.0\\.0\\.1:(\\d+) ");

    /** A running {@code serve} started through {@code sh -c "PREFIX; exec packetgrid serve ..."}. */
    record Server(Process process, int port, String banner, Path stdout) {
        String out() throws Exception {
            return Files.readString(stdout);
        }

        /** SIGTERM; returns the exit status. */
        int stop() throws Exception {
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stopped on SIGTERM");
            return process.exitValue();
        }
    }

    static Server serve(Path dir, String shellPrefix, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", shellPrefix + "; exec \"$0\" \"$@\"",
                Launcher.root().resolve("packetgrid").toString(), "serve", "--port", "0"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "serve", ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PACKETGRID_NO_BUILD", "1");
        Process p = pb.start();
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            String text = Files.readString(out);
            int eol = text.indexOf('\n');
            Matcher m = PORT.matcher(eol < 0 ? "" : text.substring(0, eol));
            if (m.find()) {
                return new Server(p, Integer.parseInt(m.group(1)), text.substring(0, eol), out);
            }
            if (!p.isAlive()) {
                throw new AssertionError("serve exited " + p.exitValue() + ": " + text);
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new AssertionError("serve did not start");
    }

    static JsonNode lastJson(String stdout) throws Exception {
        return PemServeIT.lastJson(stdout);
    }

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void anIdleConnectionFloodWithFewDescriptorsNeverStopsAcknowledgments(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys.csv");
        assertEquals(0, Launcher.run(dir, "keys", "generate", "--devices", "2000", "--out", keys.toString()).exit());
        Path config = dir.resolve("serve.yaml");
        // tiny segments: a rollover (a new descriptor) every 127 packets; a small reserve under ulimit -n 300
        Files.writeString(config, "journal: {segment_bytes: 4096}\nlimits: {rate_per_s: 100, burst: 100, tcp_max_per_address: 100000,"
                + " fd_reserve: 32}\n");
        Path ledger = dir.resolve("ledger");
        Server s = serve(dir, "ulimit -n 300", "--keys", keys.toString(), "--ledger", ledger.toString(), "--config", config.toString(),
                "--stats-every", "0");
        // 400 idle connections (more than the process may open) while 2000 devices ask for packets
        Launcher.Result flood = Launcher.run(dir, Map.of(), 180, "loadgen", "--target", "127.0.0.1:" + s.port(), "--keys",
                keys.toString(), "--devices", "2000", "--duration", "4s", "--warmup", "0s", "--rate", "600", "--timeout", "5s",
                "--idle-tcp", "400", "--ledger", ledger.toString());
        assertEquals(0, flood.exit(), flood.stderr());
        JsonNode f = lastJson(flood.stdout());
        assertTrue(f.get("acknowledged").asLong() > 1000, flood.stdout());
        assertEquals(0, f.get("lost_acknowledged").asLong(), flood.stdout());
        assertTrue(f.get("idle_tcp_closed_by_server").asLong() > 0, "the flood met the cap: " + flood.stdout());
        // the attacker has left: the server still acknowledges (it used to stay failed for good)
        Launcher.Result after = Launcher.run(dir, Map.of(), 180, "loadgen", "--target", "127.0.0.1:" + s.port(), "--keys",
                keys.toString(), "--devices", "2000", "--duration", "2s", "--warmup", "0s", "--rate", "600", "--timeout", "5s",
                "--seq-start", "1000000", "--ledger", ledger.toString());
        assertEquals(0, after.exit(), after.stderr());
        assertTrue(lastJson(after.stdout()).get("acknowledged").asLong() > 500, after.stdout());
        assertEquals(0, lastJson(after.stdout()).get("lost_acknowledged").asLong(), after.stdout());
        assertEquals(0, s.stop(), "SIGTERM: clean shutdown, exit 0");
        JsonNode stats = lastJson(s.out());
        assertTrue(stats.get("tcp_refused_total").asLong() > 0, s.out());
        assertTrue(stats.get("tcp_max_connections").asLong() < 300, s.out());
        assertTrue(stats.get("journal_segments_opened").asLong() > 10, s.out());
        assertEquals(0, stats.get("journal_write_failures").asLong(), s.out());
        assertEquals(false, stats.get("journal_failing").asBoolean(), s.out());
    }

    @Test
    void aDamagedLedgerLosesOnlyTheDamagedRecordAndSaysWhere(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys.csv");
        assertEquals(0, Launcher.run(dir, "keys", "generate", "--devices", "500", "--out", keys.toString()).exit());
        Path ledger = dir.resolve("ledger");
        Server s = serve(dir, "true", "--keys", keys.toString(), "--ledger", ledger.toString(), "--stats-every", "0");
        Launcher.Result load = Launcher.run(dir, Map.of(), 180, "loadgen", "--target", "127.0.0.1:" + s.port(), "--keys",
                keys.toString(), "--devices", "500", "--duration", "2s", "--warmup", "0s", "--rate", "1000", "--timeout", "5s",
                "--ledger", ledger.toString());
        assertEquals(0, load.exit(), load.stderr());
        long acknowledged = lastJson(load.stdout()).get("acknowledged").asLong();
        assertTrue(acknowledged > 200, load.stdout());
        assertEquals(0, s.stop());
        Path seg = JournalReader.segments(ledger).get(0);
        long size = Files.size(seg);
        long record = (size - 16) / 32 / 2; // a record in the middle
        long offset = 16 + record * 32;
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            ch.read(b, offset + 9);
            b.put(0, (byte) (b.get(0) ^ 0x10));
            b.rewind();
            ch.write(b, offset + 9);
        }
        Launcher.Result check = Launcher.run(dir, "journal", "check", ledger.toString(), "--hex");
        assertEquals(3, check.exit(), check.stdout() + check.stderr());
        assertTrue(check.stdout().startsWith("skipped 32 damaged bytes at offset " + offset + " of " + seg.getFileName()
                + " (one record; left on disk)\n"), check.stdout());
        assertEquals(acknowledged - 1, lastJson(check.stdout()).get("records").asLong());
        Server again = serve(dir, "true", "--keys", keys.toString(), "--ledger", ledger.toString(), "--stats-every", "0");
        assertTrue(again.banner().contains("recovered " + (acknowledged - 1) + " packets from 1 segments; skipped 32 damaged bytes at offset "
                + offset + " of " + seg.getFileName()), again.banner());
        assertTrue(again.banner().endsWith("(inspect with: packetgrid journal check " + ledger + " --hex)"), again.banner());
        assertEquals(size, Files.size(seg), "nothing deleted from the damaged segment");
        assertEquals(0, again.stop());
    }

    @Test
    void secretsAndLedgerArePrivateUnderUmask000AndStatsArePublished(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path keys = dir.resolve("keys.csv");
        Process g = new ProcessBuilder("sh", "-c", "umask 000; exec \"$0\" keys generate --devices 3 --out \"$1\"",
                Launcher.root().resolve("packetgrid").toString(), keys.toString()).directory(dir.toFile()).start();
        assertTrue(g.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, g.exitValue());
        assertEquals("rw-------", mode(keys), "keys generate wrote world-readable secrets (0644)");
        Path ledger = dir.resolve("ledger");
        Path stats = dir.resolve("stats.json");
        Server s = serve(dir, "umask 000", "--keys", keys.toString(), "--ledger", ledger.toString(), "--stats-every", "200ms",
                "--stats", stats.toString());
        assertEquals("rwx------", mode(ledger));
        for (Path p : JournalReader.segments(ledger)) {
            assertEquals("rw-------", mode(p));
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(stats) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        JsonNode periodic = PemServeIT.lastJson(Files.readString(stats));
        assertTrue(periodic.get("uptime_s").asDouble() > 0 && periodic.has("tcp_open") && periodic.has("journal_failing"));
        Thread.sleep(600);
        assertEquals(0, s.stop(), "SIGTERM: exit 0 (was 143)");
        String out = s.out();
        long lines = out.lines().filter(l -> l.startsWith("{\"uptime_s\"")).count();
        assertTrue(lines >= 3, "a stats line every 200 ms and one at the end: " + out);
    }

    @Test
    void deviceIdsUpToAHundredMillionAreServed(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys.csv");
        Files.writeString(keys, "device_id,key_hex\n67108863," + "11".repeat(32) + "\n70000000," + "22".repeat(32)
                + "\n100000000," + "33".repeat(32) + "\n");
        Path ledger = dir.resolve("ledger");
        Server s = serve(dir, "true", "--keys", keys.toString(), "--ledger", ledger.toString(), "--stats-every", "0");
        assertTrue(s.banner().startsWith("serving 3 devices"), s.banner());
        Launcher.Result r = Launcher.run(dir, Map.of(), 120, "loadgen", "--target", "127.0.0.1:" + s.port(), "--keys", keys.toString(),
                "--devices", "3", "--duration", "1s", "--warmup", "0s", "--window", "3", "--timeout", "5s");
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(lastJson(r.stdout()).get("acknowledged").asLong() > 0, r.stdout());
        assertEquals(0, lastJson(r.stdout()).get("lost_acknowledged").asLong(), r.stdout());
        assertEquals(0, s.stop());
        assertTrue(JournalReader.readAll(ledger).stream().anyMatch(x -> x.deviceId() == 100_000_000L));
    }
}
