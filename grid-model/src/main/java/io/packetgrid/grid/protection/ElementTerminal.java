package io.packetgrid.grid.protection;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.result.GridResults;
import java.util.Arrays;
import java.util.List;

/**
 * Where a protection device sits: one terminal (1-based) of one element of a feeder, e.g. a relay's current
 * transformers at terminal 1 of {@code Line.LINE1}. {@link Measurements} reads currents through it; the element
 * stays the same object when the feeder's network is rebuilt (a switch, a tripped unit), so the handle does too.
 */
public final class ElementTerminal {
    private final CircuitElement element;
    private final int terminal;

    private ElementTerminal(CircuitElement element, int terminal) {
        this.element = element;
        this.terminal = terminal;
    }

    /**
     * The terminal of the element a device named {@code owner} is placed on ({@code Line.LINE1}; a bare name means
     * a line).
     *
     * @throws PacketGridException "owner: element X is not in this feeder" (or has no such terminal)
     */
    public static ElementTerminal of(Feeder feeder, String owner, String elementName, int terminal) {
        String full = elementName.contains(".") ? elementName : "Line." + elementName;
        CircuitElement e = GridResults.element(feeder.network(), full);
        if (e == null) {
            throw new PacketGridException(owner, "element " + full + " is not in this feeder");
        }
        if (terminal < 1 || terminal > e.connection().terminals()) {
            throw new PacketGridException(owner, e.name() + " has no terminal " + terminal);
        }
        return new ElementTerminal(e, terminal);
    }

    CircuitElement element() {
        return element;
    }

    /** The element's name, {@code Class.name} (the name in lower case: {@code Line.line1}). */
    public String elementName() {
        return element.name();
    }

    /** The terminal, 1-based. */
    public int terminal() {
        return terminal;
    }

    /** The bus of every terminal of the element, terminal 1 first. */
    public List<String> elementBuses() {
        return List.of(element.connection().buses());
    }

    /** The bus of this terminal. */
    public String bus() {
        return element.connection().buses()[terminal - 1];
    }

    /** The system nodes of this terminal's conductors in the feeder's present network, conductor order (-1: ground). */
    public int[] nodes(Feeder feeder) {
        Network net = feeder.network();
        int nc = element.connection().conductors();
        return Arrays.copyOfRange(net.nodesOf(element), (terminal - 1) * nc, terminal * nc);
    }
}
