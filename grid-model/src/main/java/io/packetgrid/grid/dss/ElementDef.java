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
    /** Set when a property with an effect was given since the last change notice. */
    boolean touched;
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

    /**
     * Whether editing this definition can change the power flow (a rebuild of the model); false
     * for monitors, meters and protective devices, whose edits leave a solution valid.
     */
    boolean affectsPowerFlow() {
        return true;
    }

    /** Whether this is a control element (sampled after each solution, in definition order). */
    boolean isControl() {
        return false;
    }

    /** Number of terminals of the element (OpenDSS Nterms), for connection checks of controls and meters. */
    int terminals() {
        return 1;
    }
}
