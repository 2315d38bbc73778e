package io.packetgrid.grid.dss;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The definition of one OpenDSS object as the script builds it: property values with OpenDSS's
 * defaults and side effects. Turning definitions into model elements is {@link CircuitBuilder}'s
 * job; nothing here solves anything.
 */
abstract class ElementDef {
    final String className;
    final String name;
    final String definedAt;
    boolean enabled = true;
    int lastProperty = -1;
    /** Edits in order, for {@code like=}: (property index, parameter). */
    final List<Object[]> history = new ArrayList<>();

    ElementDef(String className, String name, String definedAt) {
        this.className = className;
        this.name = name;
        this.definedAt = definedAt;
    }

    String fullName() {
        return className + "." + name;
    }

    abstract PropertyTable table();

    /** Properties that do not change the power flow (ignored with one warning each). */
    abstract Set<String> noEffect();

    /** Sets one implemented property (canonical lower-case key). Returns false if not implemented. */
    abstract boolean set(String key, DssTokenizer.Param p, EditContext ctx);

    /** Called after each edit command (OpenDSS EndEdit / RecalcElementData). */
    void endEdit(EditContext ctx) {
    }

    /** Whether this definition is a circuit element (connected to buses). */
    boolean isCircuitElement() {
        return true;
    }
}
