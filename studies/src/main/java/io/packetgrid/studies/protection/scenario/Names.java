package io.packetgrid.studies.protection.scenario;

/** Device and scheme names become radio endpoints and file names: keep them simple. */
final class Names {
    private Names() {
    }

    static void check(String name, String field) {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException(field + " must be letters, digits, '_', '.' or '-', got '" + name + "'");
        }
    }
}
