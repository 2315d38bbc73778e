package io.packetgrid.grid.protection;

/**
 * The interface protection of a distributed generator (a PV inverter): passive under/over-voltage
 * stages at its terminals, and a transfer-trip input (direct transfer trip on islanding, or an
 * accelerated trip under a permissive scheme). Once told to trip the inverter stops injecting after
 * {@code disconnectTimeS} (control reaction plus its interface relay).
 *
 * @param name            DG name
 * @param element         full element name of the generator, e.g. {@code Generator.PV1}
 * @param passive         passive voltage stages (e.g. IEEE 1547 Category II defaults)
 * @param disconnectTimeS trip command to injection stopped, s
 */
public record DgInterface(String name, String element, VoltageRelay passive, double disconnectTimeS) {

    public DgInterface {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a DG unit needs a name");
        }
        if (element == null || element.isBlank()) {
            throw new IllegalArgumentException("DG " + name + " needs an element");
        }
        if (!(disconnectTimeS >= 0) || Double.isInfinite(disconnectTimeS)) {
            throw new IllegalArgumentException("disconnect time must be ≥ 0 s, got " + disconnectTimeS);
        }
    }
}
