package io.packetgrid.studies.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.scenario.ScenarioWriter;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.studies.coupled.CoupledStudy;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The docs stand alone and agree with the code: no README or docs page links the developers' shared
 * folder (a user's clone has none), and every value in docs/scenario.md's annotated example is the
 * code's default unless its line says what the default is, and then says it right.
 */
class DocsTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void noUserDocLinksTheSharedFolder() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("packetgrid")));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).forEach(files::add);
        }
        List<String> bad = new ArrayList<>();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("../shared") || lines.get(i).matches(".*\\b(PEM-NOTES|COSIM-ANCHORS|CLI)\\.md.*")) {
                    bad.add(ROOT.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertTrue(bad.isEmpty(), "user docs point outside the repository:\n" + String.join("\n", bad));
    }

    @Test
    void theAnnotatedExampleShowsTheCodesDefaults() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/scenario.md"));
        int at = doc.indexOf("## An annotated example");
        int from = doc.indexOf("```yaml\n", at) + 8;
        String yaml = doc.substring(from, doc.indexOf("```", from));
        String[] lines = yaml.split("\n", -1);
        ObjectNode minimal = (ObjectNode) YamlFiles.read("kind: coupled\nfeeder: {script: builtin:european-lv}\n", "min", JsonNode.class);
        JsonNode defaults = ScenarioWriter.tree(new CoupledStudy().scenario(minimal, "min", null), null);
        List<String> wrong = new ArrayList<>();
        try (JsonParser p = YamlFiles.mapper().getFactory().createParser(yaml)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (!t.isScalarValue()) {
                    continue;
                }
                String pointer = p.getParsingContext().pathAsPointer().toString();
                int line = p.currentTokenLocation().getLineNr();
                String text = lines[line - 1];
                String comment = text.contains("#") ? text.substring(text.indexOf('#')) : "";
                JsonNode d = defaults.at(pointer);
                String value = norm(p.getText());
                if (!d.isMissingNode() && value.equals(norm(d.asText()))) {
                    continue;   // the default
                }
                // otherwise the comment gives the default: "default <value>" (or, for an entry the defaults
                // do not have, just says "default")
                int said = comment.indexOf("default");
                boolean stated = said >= 0 && (d.isMissingNode() || comment.substring(said).contains(norm(d.asText())));
                if (!stated) {
                    wrong.add("line " + line + " (" + pointer + " = " + value + "): the code's default is "
                            + (d.isMissingNode() ? "to leave it out" : norm(d.asText())) + "; show it, or say the default in the comment");
                }
            }
        }
        assertTrue(wrong.isEmpty(), "docs/scenario.md's example disagrees with the code:\n" + String.join("\n", wrong));
    }

    /** A scalar as text, numbers without trailing zeros (7.0 and 7 are the same default). */
    static String norm(String s) {
        try {
            return new BigDecimal(s).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return s.equals("24h") ? "1d" : s;
        }
    }
}
