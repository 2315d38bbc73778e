package io.packetgrid.studies.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.packetgrid.pem.journal.JournalReader;
import io.packetgrid.pem.journal.JournalRecord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keys generate, serve and loadgen through the real launcher; the server is killed with SIGKILL
 * under load and restarted: no acknowledged packet is lost.
 */
class PemServeIT {
    private static final Pattern PORT = Pattern.compile("on 127\\.0\\.0\\.1:(\\d+) ");

    /** A running {@code serve}, its first stdout line read. */
    record Server(Process process, int port, String banner, Path stdout) {
    }

    static Server serve(Path dir, Path keys, Path ledger, int port) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Launcher.root().resolve("packetgrid").toString(), "serve",
                "--port", Integer.toString(port), "--keys", keys.toString(), "--ledger", ledger.toString()));
        Path out = Files.createTempFile(dir, "serve", ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(false)
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PACKETGRID_NO_BUILD", "1");
        Process p = pb.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            String text = Files.readString(out, StandardCharsets.UTF_8);
            int eol = text.indexOf('\n'); // the banner is read once it is whole: printf may reach the file in pieces
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
        return new ObjectMapper().readTree(stdout.substring(stdout.lastIndexOf('{')));
    }

    @Test
    void sigkillUnderLoadLosesNoAcknowledgedPacket(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys.csv");
        Launcher.Result k = Launcher.run(dir, "keys", "generate", "--devices", "5000", "--out", keys.toString());
        assertEquals(0, k.exit(), k.stderr());
        assertEquals(5001, Files.readAllLines(keys).size());
        Path ledger = dir.resolve("ledger");
        Server s = serve(dir, keys, ledger, 0);
        assertTrue(s.banner().contains("recovered 0 packets"), s.banner());
        // warm the server up (and see it serve) before the run that is cut short
        Launcher.Result warm = Launcher.run(dir, Map.of(), 120, "loadgen", "--target", "127.0.0.1:" + s.port(),
                "--keys", keys.toString(), "--devices", "5000", "--duration", "2s", "--warmup", "0s", "--window", "64",
                "--timeout", "5s");
        assertEquals(0, warm.exit(), warm.stderr());
        assertTrue(lastJson(warm.stdout()).get("acknowledged").asLong() > 0, warm.stdout());
        Path acks = dir.resolve("acks.csv");
        CompletableFuture<Launcher.Result> load = CompletableFuture.supplyAsync(() -> Launcher.run(dir, Map.of(), 120,
                "loadgen", "--target", "127.0.0.1:" + s.port(), "--keys", keys.toString(), "--devices", "5000",
                "--duration", "6s", "--warmup", "0s", "--window", "128", "--timeout", "5s", "--seq-start", "100000",
                "--ledger", ledger.toString(), "--acks", acks.toString()));
        Thread.sleep(4000);
        s.process().destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        assertTrue(s.process().waitFor(10, TimeUnit.SECONDS));
        assertEquals(137, s.process().exitValue(), "killed by SIGKILL");
        Launcher.Result r = load.get(120, TimeUnit.SECONDS);
        assertEquals(0, r.exit(), r.stderr());
        JsonNode json = lastJson(r.stdout());
        long acknowledged = json.get("acknowledged").asLong(); // may be 0 on a very busy machine: then only the warm-up counts

        assertEquals(0, json.get("lost_acknowledged").asLong(), r.stdout());

        // restart on the same ledger: it recovers at least every acknowledged packet
        Server again = serve(dir, keys, ledger, s.port());
        Matcher m = Pattern.compile("recovered (\\d+) packets").matcher(again.banner());
        assertTrue(m.find(), again.banner());
        long recovered = Long.parseLong(m.group(1));
        assertTrue(recovered >= acknowledged, recovered + " recovered < " + acknowledged + " acknowledged");
        assertTrue(recovered > 0);
        Set<Long> journaled = new HashSet<>();
        JournalReader.read(ledger, rec -> journaled.add(rec.key()));
        List<String> lines = Files.readAllLines(acks);
        assertEquals(acknowledged + 1, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertTrue(journaled.contains(JournalRecord.key(Long.parseLong(f[0]), Long.parseLong(f[1]))), "lost " + line);
        }
        // the restarted server keeps serving (audited over the protocol this time), then stops cleanly on SIGTERM
        Launcher.Result r2 = Launcher.run(dir, Map.of(), 120, "loadgen", "--target", "127.0.0.1:" + again.port(),
                "--keys", keys.toString(), "--devices", "500", "--duration", "2s", "--warmup", "0s", "--seq-start", "1000000",
                "--timeout", "5s");
        assertEquals(0, r2.exit(), r2.stderr());
        JsonNode j2 = lastJson(r2.stdout());
        assertEquals("query", j2.get("audit").asText());
        assertEquals(0, j2.get("lost_acknowledged").asLong(), r2.stdout());
        assertTrue(j2.get("acknowledged").asLong() > 0);
        for (String f : new String[] {"requests_per_second", "p50_ms", "p99_ms", "acknowledged", "lost_acknowledged"}) {
            assertTrue(j2.has(f), "loadgen JSON has " + f);
        }
        again.process().destroy(); // SIGTERM
        assertTrue(again.process().waitFor(20, TimeUnit.SECONDS));
        String out = Files.readString(again.stdout());
        JsonNode counters = lastJson(out);
        assertTrue(counters.get("accepted").asLong() > 0, out);
        // the launcher pre-touches the server's heap (first-touch page faults made its first GC pauses 5-10x longer)
        assertTrue(counters.get("jvm_heap_pretouched").asBoolean(), out);
    }

    @Test
    void benchPemPrintsItsJsonLast(@TempDir Path dir) throws Exception {
        Launcher.Result r = Launcher.run(dir, "bench", "pem", "--devices", "1000", "--frames", "20000");
        assertEquals(0, r.exit(), r.stderr());
        JsonNode j = lastJson(r.stdout());
        assertTrue(j.get("pipeline_frames_per_cpu_second").asDouble() > 0);
        assertTrue(j.has("heap_bytes_per_device"));
    }

    @Test
    void badInputIsOneLine(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys.csv");
        Files.writeString(keys, "device_id,key_hex\n1,zz\n");
        Launcher.Result r = Launcher.run(dir, "serve", "--port", "0", "--keys", keys.toString(), "--ledger", dir.resolve("l").toString());
        assertEquals(1, r.exit());
        assertEquals("packetgrid: " + keys + ":2: key_hex must be 64 hex digits\n", r.stderr());
        Launcher.Result u = Launcher.run(dir, "loadgen", "--target", "nohost", "--keys", keys.toString(), "--devices", "1");
        assertEquals(2, u.exit());
        assertTrue(u.stderr().startsWith("packetgrid: --target must be HOST:PORT"), u.stderr());
        Launcher.Result g = Launcher.run(dir, "keys", "generate", "--devices", "0", "--out", keys.toString());
        assertEquals(2, g.exit());
    }
}
