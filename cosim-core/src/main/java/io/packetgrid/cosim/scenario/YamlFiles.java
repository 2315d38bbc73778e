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
 * Reads scenario files (YAML) into records with Jackson, strictly: an unknown, missing or
 * ill-typed field is a {@link PacketGridException} naming the file, line and field path, e.g.
 * {@code study.yaml:7: federates[2].step: expected a duration like 10s, got 'ten'}.
 *
 * <p>Records mark required fields with {@code @JsonProperty(required = true)}; fields left out are
 * {@code null} (or 0/false) and the record's compact constructor supplies defaults.
 */
public final class YamlFiles {
    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

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
            PacketGridException p = translate(e, source);
            if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                // Jackson buffers record properties, so its location can lie past the field: find the field itself
                int line = lineOf(yaml, m.getPath());
                if (line > 0) {
                    String loc = p.location().replaceFirst("^" + java.util.regex.Pattern.quote(source) + "(:\\d+)?", source + ":" + line);
                    throw new PacketGridException(loc, p.getMessage());
                }
            }
            throw p;
        } catch (IllegalArgumentException e) {
            throw new PacketGridException(source, e.getMessage());
        }
    }

    /** The line of the token at {@code path} in the YAML text, or −1. */
    static int lineOf(String yaml, List<JsonMappingException.Reference> path) {
        StringBuilder ptr = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            ptr.append('/');
            if (r.getFieldName() != null) {
                ptr.append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else {
                ptr.append(r.getIndex());
            }
        }
        String target = ptr.toString();
        try (com.fasterxml.jackson.core.JsonParser p = MAPPER.getFactory().createParser(yaml)) {
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
        } else if (e instanceof ValueInstantiationException v) {
            Throwable c = v.getCause();
            while (c != null && c.getCause() != null && c.getCause() != c && !(c instanceof IllegalArgumentException)) {
                c = c.getCause();
            }
            what = c != null && c.getMessage() != null ? c.getMessage() : v.getOriginalMessage();
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
