package io.packetgrid.cosim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.packetgrid.cosim.error.PacketGridException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads scenario files (YAML) into records with Jackson, strictly: an unknown, missing, repeated or
 * ill-typed field, or a number that is not finite ({@code 1e400}, {@code .nan}), is a
 * {@link PacketGridException} naming the file, line and field path, e.g.
 * {@code study.yaml:7: federates[2].step: expected a duration like 10s, got 'ten'}. A record that
 * refuses a value with an {@link InvalidFieldException} gets the line of that field.
 *
 * <p>Records mark required fields with {@code @JsonProperty(required = true)}; fields left out are
 * {@code null} (or 0/false) and the record's compact constructor supplies defaults.
 */
public final class YamlFiles {
    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .addModule(FiniteNumbers.module())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    /** A parser factory without duplicate detection, to find lines in text that has failed already. */
    private static final com.fasterxml.jackson.dataformat.yaml.YAMLFactory PLAIN = new com.fasterxml.jackson.dataformat.yaml.YAMLFactory();

    private YamlFiles() {
    }

    /** The strict mapper (shared, thread-safe). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static <T> T read(Path file, Class<T> type) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new PacketGridException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot read: " + e.getMessage());
        }
        return read(text, file.getFileName().toString(), type);
    }

    /** Reads YAML text; {@code source} names it in errors. */
    public static <T> T read(String yaml, String source, Class<T> type) {
        try {
            T value = MAPPER.readValue(yaml, type);
            if (value == null) {
                throw new PacketGridException(source, "the file is empty");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw locate(e, yaml, source);
        } catch (IllegalArgumentException e) {
            throw new PacketGridException(source, e.getMessage());
        }
    }

    /**
     * The one-line error with the line of the field at fault: Jackson buffers record properties, so the
     * location it reports can lie past the field (even past the last line, for a record's own check).
     */
    private static PacketGridException locate(JsonProcessingException e, String yaml, String source) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String duplicate = c instanceof JsonProcessingException j ? duplicateKey(j) : null;
            if (duplicate != null) {
                return duplicateKeyError((JsonProcessingException) c, yaml, source, duplicate);
            }
        }
        PacketGridException p = translate(e, source);
        int line = -1;
        if (e instanceof JsonMappingException m) {
            String ptr = pointer(m.getPath(), fieldException(e));
            if (!ptr.isEmpty()) {
                line = lineOf(yaml, ptr);
            }
        }
        String prefix = "^" + java.util.regex.Pattern.quote(source) + "(:\\d+)?";
        if (line > 0) {
            return new PacketGridException(p.location().replaceFirst(prefix, source + ":" + line), p.getMessage(), e);
        }
        JsonLocation loc = e.getLocation();
        if (loc != null && loc.getLineNr() > lines(yaml)) {
            return new PacketGridException(p.location().replaceFirst(prefix, source), p.getMessage(), e); // past the end: no line
        }
        return p;
    }

    private static int lines(String yaml) {
        int n = (int) yaml.chars().filter(c -> c == '\n').count();
        return yaml.isEmpty() || yaml.endsWith("\n") ? n : n + 1;
    }

    /** The name in Jackson's "Duplicate field 'x'" (STRICT_DUPLICATE_DETECTION), or null. */
    private static String duplicateKey(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (!(e instanceof com.fasterxml.jackson.core.JsonParseException) || m == null || !m.startsWith("Duplicate field '")) {
            return null;
        }
        int end = m.lastIndexOf('\'');
        return end > 17 ? m.substring(17, end) : null;
    }

    /** {@code file:line: path: duplicate key (first at line N)}: YAML maps may not repeat a key. */
    private static PacketGridException duplicateKeyError(JsonProcessingException e, String yaml, String source, String key) {
        int dupLine = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        String path = key;
        int first = -1;
        java.util.Map<String, Integer> firstLine = new java.util.HashMap<>();
        try (com.fasterxml.jackson.core.JsonParser p = PLAIN.createParser(yaml)) {
            com.fasterxml.jackson.core.JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    continue;
                }
                String ptr = p.getParsingContext().pathAsPointer().toString();
                int line = p.currentTokenLocation().getLineNr();
                if (line == dupLine && key.equals(p.currentName()) && firstLine.containsKey(ptr)) {
                    first = firstLine.get(ptr);
                    path = pathOfPointer(ptr);
                    break;
                }
                firstLine.putIfAbsent(ptr, line);
            }
        } catch (IOException | RuntimeException ignored) {
            // the message below still names the key and its line
        }
        return new PacketGridException(source + (dupLine > 0 ? ":" + dupLine : "") + ": " + path,
                "duplicate key '" + key + "'" + (first > 0 ? " (first at line " + first + ")" : "") + ": a key may appear only once");
    }

    /** {@code /federates/1/gain} as {@code federates[1].gain}. */
    private static String pathOfPointer(String ptr) {
        StringBuilder b = new StringBuilder();
        for (String part : ptr.substring(1).split("/")) {
            if (!part.isEmpty() && part.chars().allMatch(Character::isDigit)) {
                b.append('[').append(part).append(']');
            } else {
                b.append(b.length() == 0 ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return b.toString();
    }

    /** The record's own check naming its field, if that is what failed. */
    private static InvalidFieldException fieldException(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof InvalidFieldException f) {
                return f;
            }
        }
        return null;
    }

    /** A JSON pointer to Jackson's path, extended by the field of a record's check. */
    private static String pointer(List<JsonMappingException.Reference> path, InvalidFieldException field) {
        StringBuilder ptr = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            ptr.append('/');
            if (r.getFieldName() != null) {
                ptr.append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else {
                ptr.append(r.getIndex());
            }
        }
        if (field != null) { // a dotted path below the record, list items as [i]: variants[2].name
            for (String part : field.field().split("\\.")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("([^\\[]*)((?:\\[\\d+\\])*)").matcher(part);
                if (!m.matches()) {
                    continue;
                }
                if (!m.group(1).isEmpty()) {
                    ptr.append('/').append(m.group(1).replace("~", "~0").replace("/", "~1"));
                }
                java.util.regex.Matcher i = java.util.regex.Pattern.compile("\\[(\\d+)\\]").matcher(m.group(2));
                while (i.find()) {
                    ptr.append('/').append(i.group(1));
                }
            }
        }
        return ptr.toString();
    }

    /** The line of the token at {@code path} in the YAML text, or −1. */
    static int lineOf(String yaml, List<JsonMappingException.Reference> path) {
        return lineOf(yaml, pointer(path, null));
    }

    /** The line of the token at the JSON pointer {@code target} in the YAML text, or −1. */
    static int lineOf(String yaml, String target) {
        try (com.fasterxml.jackson.core.JsonParser p = PLAIN.createParser(yaml)) {
            while (p.nextToken() != null) {
                if (p.getParsingContext().pathAsPointer().toString().equals(target)) {
                    return p.currentTokenLocation().getLineNr();
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Converts a YAML tree (e.g. a scenario with overrides applied) to a record, with the same errors. */
    public static <T> T convert(JsonNode tree, String source, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw translate(e, source);
        } catch (IllegalArgumentException e) {
            throw new PacketGridException(source, e.getMessage());
        }
    }

    /** A Jackson failure as one line: {@code file:line: path: what is wrong}. */
    public static PacketGridException translate(JsonProcessingException e, String source) {
        JsonLocation loc = e.getLocation();
        String where = source + (loc != null && loc.getLineNr() > 0 ? ":" + loc.getLineNr() : "");
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof com.fasterxml.jackson.core.JsonParseException p) {
                return new PacketGridException(where, "not valid YAML: " + oneLine(p.getOriginalMessage()));
            }
        }
        if (!(e instanceof JsonMappingException m)) {
            return new PacketGridException(where, "not valid YAML: " + oneLine(e.getOriginalMessage()));
        }
        String path = path(m.getPath());
        String what;
        if (e instanceof UnrecognizedPropertyException u) {
            path = path(u.getPath());
            Collection<Object> known = u.getKnownPropertyIds();
            what = "unknown field '" + u.getPropertyName() + "'"
                    + (known == null || known.isEmpty() ? "" : " (known: " + known.stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")) + ")");
        } else if (fieldException(e) != null) {
            InvalidFieldException f = fieldException(e);
            path = path.isEmpty() ? f.field() : path + "." + f.field();
            what = f.getMessage();
        } else if (e instanceof ValueInstantiationException v) {
            Throwable c = v.getCause();
            while (c != null && c.getCause() != null && c.getCause() != c && !(c instanceof IllegalArgumentException)) {
                c = c.getCause();
            }
            what = c != null && c.getMessage() != null ? c.getMessage() : v.getOriginalMessage();
        } else if (e instanceof InvalidFormatException f && FiniteNumbers.NOT_FINITE.equals(f.getOriginalMessage())) {
            what = "expected a finite number, got " + f.getValue();
        } else if (e instanceof InvalidFormatException f) {
            what = "expected " + describe(f.getTargetType()) + ", got '" + f.getValue() + "'";
        } else if (e instanceof MismatchedInputException mi) {
            String msg = mi.getOriginalMessage();
            if (msg.startsWith("Missing required creator property")) {
                int a = msg.indexOf('\'');
                int b = msg.indexOf('\'', a + 1);
                String field = a >= 0 && b > a ? msg.substring(a + 1, b) : "?";
                if (!path.equals(field) && !path.endsWith("." + field)) {
                    path = path.isEmpty() ? field : path + "." + field;
                }
                what = "missing required field";
            } else if (mi.getTargetType() != null) {
                what = "expected " + describe(mi.getTargetType()) + " here";
            } else {
                what = msg;
            }
        } else {
            Throwable c = e.getCause();
            what = c instanceof IllegalArgumentException && c.getMessage() != null ? c.getMessage() : m.getOriginalMessage();
        }
        return new PacketGridException(path.isEmpty() ? where : where + ": " + path, what);
    }

    /** A parser's multi-line report (with a caret diagram) as one line. */
    private static String oneLine(String msg) {
        if (msg == null) {
            return "unreadable";
        }
        StringBuilder b = new StringBuilder();
        for (String line : msg.split("\\R")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("in 'reader'") || t.startsWith("^") || line.startsWith("    ")) {
                continue;
            }
            b.append(b.length() == 0 ? "" : "; ").append(t);
        }
        return b.toString();
    }

    private static String describe(Class<?> t) {
        if (t == null) {
            return "a value";
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "an integer";
        }
        if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            return "a number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a text";
        }
        if (t == SimDuration.class) {
            return "a duration like 10s";
        }
        if (t.isEnum()) {
            Object[] c = t.getEnumConstants();
            return "one of " + java.util.Arrays.stream(c).map(o -> o.toString().toLowerCase(java.util.Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (List.class.isAssignableFrom(t) || t.isArray()) {
            return "a list";
        }
        return "a " + t.getSimpleName() + " section";
    }

    /** Jackson's reference path as {@code a.b[2].c}. */
    public static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }
}
