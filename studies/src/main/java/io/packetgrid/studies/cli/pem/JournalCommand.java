package io.packetgrid.studies.cli.pem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.pem.journal.Finding;
import io.packetgrid.pem.journal.JournalReader;
import io.packetgrid.pem.journal.Recovery;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code journal check DIR [--hex]}: what a server would find in a ledger, without changing it. */
@Command(name = "journal", mixinStandardHelpOptions = true,
        description = "The packet server's ledger (journal of accepted packets).",
        subcommands = {JournalCommand.Check.class})
public final class JournalCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Reads a ledger folder as serve recovers it, without changing it.",
                    "Prints every finding (damaged bytes skipped, a torn tail, empty or missing segments, repeated",
                    "records) with its segment and offset, then one JSON object. Exit 0: clean; 3: findings;",
                    "1: the server would refuse the ledger."})
    static final class Check implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", description = "The ledger folder (serve --ledger).")
        Path dir;

        @Option(names = "--hex", description = "Also show the first 256 bytes of each damaged region in hexadecimal.")
        boolean hex;

        @Override
        public Integer call() throws Exception {
            if (!Files.isDirectory(dir)) {
                throw new PacketGridException(dir.toString(), "no such ledger folder");
            }
            Recovery r = JournalReader.read(dir, x -> { });
            for (Finding f : r.findings()) {
                System.out.println(f.describe());
                if (hex && f.segment() != null && f.bytes() > 0
                        && (f.kind() == Finding.Kind.DAMAGED || f.kind() == Finding.Kind.TAIL)) {
                    dump(f);
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("records", r.records());
            out.put("segments", r.segments());
            out.put("findings", r.findings().size());
            out.put("damaged_bytes", r.damagedBytes());
            out.put("tail_bytes", r.truncatedBytes());
            System.out.println(new ObjectMapper().writeValueAsString(out));
            return r.clean() ? 0 : 3;
        }

        /** Offset and 32 bytes a line, as records are laid out. */
        private void dump(Finding f) throws IOException {
            int n = (int) Math.min(256, f.bytes());
            ByteBuffer b = ByteBuffer.allocate(n);
            try (FileChannel ch = FileChannel.open(f.segment(), StandardOpenOption.READ)) {
                while (b.hasRemaining() && ch.read(b, f.offset() + b.position()) > 0) {
                    // fill
                }
            }
            HexFormat h = HexFormat.of();
            for (int i = 0; i < b.position(); i += 32) {
                System.out.printf("  %10d  %s%n", f.offset() + i, h.formatHex(b.array(), i, Math.min(b.position(), i + 32)));
            }
        }
    }
}
