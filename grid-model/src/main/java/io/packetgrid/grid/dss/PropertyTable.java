package io.packetgrid.grid.dss;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The ordered property (or command, or option) names of an OpenDSS class, with OpenDSS's
 * abbreviation rule (Command.pas): an exact name wins; otherwise every prefix of a name refers to
 * the first name in list order that has it, unless the prefix is itself a name.
 */
final class PropertyTable {
    private final String[] names;
    private final Map<String, Integer> lookup = new HashMap<>();

    PropertyTable(String... names) {
        this.names = names;
        for (int i = 0; i < names.length; i++) {
            lookup.putIfAbsent(names[i].toLowerCase(Locale.ROOT), i);
        }
        for (int i = 0; i < names.length; i++) {
            String n = names[i].toLowerCase(Locale.ROOT);
            for (int j = 1; j < n.length(); j++) {
                lookup.putIfAbsent(n.substring(0, j), i);
            }
        }
    }

    /** Index of the property named (or abbreviated) {@code name}, or -1. */
    int find(String name) {
        Integer i = lookup.get(name.toLowerCase(Locale.ROOT));
        return i == null ? -1 : i;
    }

    String name(int i) {
        return names[i];
    }

    int size() {
        return names.length;
    }

    /** Canonical lower-case name of property i (for switch statements). */
    String key(int i) {
        return names[i].toLowerCase(Locale.ROOT);
    }
}
