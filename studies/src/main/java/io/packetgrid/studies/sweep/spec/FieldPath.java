package io.packetgrid.studies.sweep.spec;

import io.packetgrid.cosim.error.PacketGridException;
import java.util.ArrayList;
import java.util.List;

/**
 * A path to a field of a scenario tree: names separated by dots, list entries by index, e.g.
 * {@code pem.packet_minutes} or {@code households[2].heater.kw}. The same spelling as the field paths
 * in the strict scenario mapping's error messages ({@code YamlFiles.path}), so that an error of the
 * study can be traced back to the sweep field that caused it.
 */
public record FieldPath(String text, List<Segment> segments) {

    /** One step of a path. */
    public sealed interface Segment permits Name, Index {
    }

    /** A field of a mapping. */
    public record Name(String name) implements Segment {
        @Override
        public String toString() {
            return name;
        }
    }

    /** An entry of a list (0-based). */
    public record Index(int index) implements Segment {
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }

    public FieldPath {
        segments = List.copyOf(segments);
    }

    /** Parses {@code text}; {@code where} names the sweep field in the error of a malformed path. */
    public static FieldPath parse(String text, String where) {
        List<Segment> segs = new ArrayList<>();
        int i = 0;
        int n = text.length();
        if (n == 0) {
            throw bad(text, where);
        }
        while (i < n) {
            int start = i;
            while (i < n && isNameChar(text.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw bad(text, where);
            }
            segs.add(new Name(text.substring(start, i)));
            while (i < n && text.charAt(i) == '[') {
                int close = text.indexOf(']', i);
                if (close < 0 || close == i + 1) {
                    throw bad(text, where);
                }
                String digits = text.substring(i + 1, close);
                if (!digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
                    throw bad(text, where);
                }
                segs.add(new Index(Integer.parseInt(digits)));
                i = close + 1;
            }
            if (i < n) {
                if (text.charAt(i) != '.' || i == n - 1) {
                    throw bad(text, where);
                }
                i++;
            }
        }
        return new FieldPath(text, segs);
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    private static PacketGridException bad(String text, String where) {
        return new PacketGridException(where, "'" + text + "' is not a field path (expected names separated by dots, "
                + "list entries as [i], e.g. pem.packet_minutes or households[2].kw)");
    }

    /** True when this path is {@code other} or leads into it. */
    public boolean isPrefixOf(FieldPath other) {
        return other.segments.size() >= segments.size() && other.segments.subList(0, segments.size()).equals(segments);
    }

    /** True when one of the two paths is, or leads into, the other (they would override each other). */
    public boolean overlaps(FieldPath other) {
        return isPrefixOf(other) || other.isPrefixOf(this);
    }

    /** The first {@code count} segments, spelled as a path. */
    public String prefix(int count) {
        StringBuilder b = new StringBuilder();
        for (Segment s : segments.subList(0, count)) {
            if (s instanceof Name nm && b.length() > 0) {
                b.append('.');
            }
            b.append(s);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
