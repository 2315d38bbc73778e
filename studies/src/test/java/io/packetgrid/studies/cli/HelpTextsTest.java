package io.packetgrid.studies.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's {@code --help}: the summary that the parent's command list shows (the first line of
 * the description) is a whole sentence, and rendering the help prints no picocli warning (an
 * unescaped {@code %} in a description once made {@code sweep --help} print one).
 */
class HelpTextsTest {

    static List<CommandLine> all(CommandLine c) {
        List<CommandLine> out = new ArrayList<>();
        out.add(c);
        for (CommandLine sub : c.getSubcommands().values()) {
            out.addAll(all(sub));
        }
        return out;
    }

    @Test
    void everySummaryIsAWholeSentence() {
        List<String> cut = new ArrayList<>();
        for (CommandLine c : all(new CommandLine(new PacketGridCommand()))) {
            String[] d = c.getCommandSpec().usageMessage().description();
            String first = d.length == 0 ? "" : d[0].strip();
            if (!first.endsWith(".")) {
                cut.add(c.getCommandSpec().qualifiedName() + ": '" + first + "'");
            }
        }
        assertTrue(cut.isEmpty(), "summaries cut mid-sentence in the command lists:\n" + String.join("\n", cut));
    }

    @Test
    void helpPrintsNoWarning() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> noisy = new ArrayList<>();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (CommandLine c : all(new CommandLine(new PacketGridCommand()))) {
                captured.reset();
                String usage = c.getUsageMessage();
                assertTrue(!usage.isEmpty());
                String w = captured.toString(StandardCharsets.UTF_8);
                if (!w.isEmpty()) {
                    noisy.add(c.getCommandSpec().qualifiedName() + ": " + w.strip());
                }
            }
        } finally {
            System.setErr(err);
        }
        assertEquals(List.of(), noisy, "help rendering printed warnings");
    }
}
