package io.packetgrid.studies.cli.radio;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.radio.eval.BadValueException;
import io.packetgrid.radio.eval.EvalKind;
import io.packetgrid.radio.eval.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code radio eval KIND --in IN.csv --out OUT.csv} (CLI.md): evaluates an error model row by row.
 * Input columns are read by name (others ignored); the output has every column of the kind in the
 * order of ../shared/radio/README.md. A bad row stops the command with one line naming the file, the
 * line and the column, and no output file is written (it is written whole or not at all).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluates the radio error models row by row (formulas: docs/radio-model.md).",
                "Input columns are read by name, others ignored; the output has all columns of the kind.",
                "  awgn          channel,n,k_bits,snr_db",
                "  awgn-maxrate  channel,n,snr_db,eps",
                "  awgn-minsnr   channel,n,k_bits,eps",
                "  rayleigh      n,k_bits,snr_avg_db",
                "  noma          n,k_far,k_near,snr_db,alpha_far,g_far,g_near,xi",
                "  noma-uplink   n,k_1,k_2,snr_1_db,snr_2_db,xi",
                "  aloha         N,p,M"})
public final class RadioEvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "KIND", completionCandidates = Kinds.class,
            description = "One of: ${COMPLETION-CANDIDATES}.")
    String kind;

    @Option(names = "--in", required = true, paramLabel = "IN.csv", description = "Input table (- for standard input).")
    String in;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "Output table (- for standard output).")
    String out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The kind names, for help and completion. */
    static final class Kinds extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Kinds() {
            for (EvalKind k : EvalKind.values()) {
                add(k.cliName());
            }
        }
    }

    @Override
    public Integer call() {
        EvalKind k = EvalKind.byName(kind);
        if (k == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown KIND '" + kind + "' (expected one of " + String.join(", ", new Kinds()) + ")");
        }
        String source = in.equals("-") ? "<stdin>" : in;
        String text = read(in);
        String result = evaluate(k, text, source);
        write(out, result);
        return 0;
    }

    /** The whole output table for {@code text}, or a PacketGridException naming line and column. */
    static String evaluate(EvalKind k, String text, String source) {
        List<SimpleCsv.Record> records = SimpleCsv.parse(text, source);
        if (records.isEmpty()) {
            throw new PacketGridException(source, "empty file: expected a header line with " + String.join(",", k.inputs()));
        }
        SimpleCsv.Record header = records.get(0);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            index.putIfAbsent(header.fields().get(i).trim(), i);
        }
        for (String c : k.inputs()) {
            if (!index.containsKey(c)) {
                throw new PacketGridException(source + ":" + header.line(), "missing column '" + c + "' ("
                        + k.cliName() + " needs " + String.join(",", k.inputs()) + ")");
            }
        }
        StringBuilder b = new StringBuilder(64 * records.size());
        b.append(String.join(",", k.columns())).append('\n');
        int width = header.fields().size();
        for (int r = 1; r < records.size(); r++) {
            SimpleCsv.Record rec = records.get(r);
            List<String> f = rec.fields();
            if (f.size() > width) {
                throw new PacketGridException(source + ":" + rec.line(), "column " + (width + 1) + ": the row has "
                        + f.size() + " fields but the header has " + width);
            }
            Map<String, String> values = new HashMap<>();
            for (String c : k.inputs()) {
                int i = index.get(c);
                if (i >= f.size()) {
                    throw new PacketGridException(source + ":" + rec.line(), "column " + c + ": missing value (the row has "
                            + f.size() + " fields, the header " + width + ")");
                }
                values.put(c, f.get(i));
            }
            String[] row;
            try {
                row = k.evaluate(new Row(values));
            } catch (BadValueException e) {
                throw new PacketGridException(source + ":" + rec.line(), "column " + e.column() + ": " + e.getMessage());
            }
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(quote(row[i]));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String read(String in) {
        try {
            if (in.equals("-")) {
                return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(in), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PacketGridException(in, "no such file");
        } catch (AccessDeniedException e) {
            throw new PacketGridException(in, "permission denied");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new PacketGridException(in, "not UTF-8 text");
        } catch (IOException e) {
            throw new PacketGridException(in, "cannot read: " + e.getMessage());
        }
    }

    /** Writes the whole table at once: a temporary file beside the target, then an atomic move. */
    private static void write(String out, String content) {
        if (out.equals("-")) {
            System.out.print(content);
            System.out.flush();
            return;
        }
        Path target = Path.of(out).toAbsolutePath();
        try {
            Path dir = target.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new PacketGridException(out, "cannot write: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new PacketGridException(out, "cannot write: " + e.getCause().getMessage());
        }
    }
}
