package io.packetgrid.grid.federate;

/**
 * A switchable element a {@link GridFederate} opens and closes from a value: {@code key} above 0.5 means
 * open. Its publisher gives the state from the first step on (the element takes it at the federate's
 * first solution).
 *
 * @param element  {@code Line.X}, {@code Transformer.X} (a bare name is a line)
 * @param terminal 1-based terminal, or 0 for every terminal
 */
public record SwitchInput(String element, int terminal, String key) {
    public SwitchInput {
        if (element == null || element.isBlank() || key == null || key.isBlank() || terminal < 0) {
            throw new IllegalArgumentException("a switch input needs an element, a terminal ≥ 0 and a value name");
        }
    }
}
