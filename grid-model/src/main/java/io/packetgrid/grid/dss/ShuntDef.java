package io.packetgrid.grid.dss;

import java.util.Set;

/**
 * What OpenDSS's Capacitor and Reactor definitions share (Capacitor.pas, Reactor.pas): {@code bus1}
 * and {@code bus2} (a grounded shunt unless bus2 names another bus), {@code phases} (default 3),
 * {@code kv} (default 12.47), {@code conn} (delta: one terminal), {@code normamps},
 * {@code emergamps} and {@code basefreq} (the circuit's only); fault-rate properties have no
 * effect. Both classes default {@code bus2} by one rule ({@link #setBus1}, {@link #setBus2}).
 */
abstract class ShuntDef extends ElementDef {
    static final Set<String> NO_EFFECT = Set.of("faultrate", "pctperm", "repair");

    String bus1 = "";
    String bus2;
    boolean bus2Defined;
    int phases = 3;
    double kv = 12.47;
    boolean delta;
    Double normAmps;
    Double emergAmps;

    /** @param kind the elements in messages ("capacitors", "reactors") */
    private final String kind;

    ShuntDef(String className, String name, String definedAt, String kind) {
        super(className, name, definedAt);
        this.kind = kind;
    }

    @Override
    final int terminals() {
        return delta ? 1 : 2;
    }

    @Override
    final Set<String> noEffect() {
        return NO_EFFECT;
    }

    /**
     * {@code bus1}: while bus2 has not been defined and the unit is wye (two terminals), bus2 becomes
     * bus1's bus with node 0 once per phase <em>at this moment</em>; a later {@code phases} edit
     * leaves it as it is (Capacitor.pas and Reactor.pas PropertySideEffects, case bus1; the phases
     * case only reallocates conductors, CktElement.pas Set_NConds keeping the bus names).
     */
    final void setBus1(String value) {
        bus1 = value;
        if (!bus2Defined && !delta) {
            bus2 = DssValues.busName(value) + ".0".repeat(phases);
        }
    }

    /**
     * {@code bus2}: defined (never to be re-derived from bus1) once it names a bus other than
     * bus1's, compared without nodes and case (PropertySideEffects, case bus2: StripExtension,
     * AnsiCompareText); naming bus1's bus again does not undefine it.
     */
    final void setBus2(String value) {
        bus2 = value;
        if (!DssValues.busName(bus1).equalsIgnoreCase(DssValues.busName(value))) {
            bus2Defined = true;
        }
    }

    /**
     * Terminal 2 of a wye unit: bus2 as set or derived; bus1's bus with node 0 per phase if neither
     * happened (bus1 never given: the builder reports that where it matters).
     */
    final String bus2Spec() {
        return bus2 != null ? bus2 : DssValues.busName(bus1) + ".0".repeat(phases);
    }

    /** Sets one of the shared properties; false if {@code key} is none of them. */
    final boolean setShared(String key, DssTokenizer.Param p, EditContext ctx) {
        switch (key) {
            case "bus1" -> setBus1(p.value());
            case "bus2" -> {
                if (delta) {
                    // a delta unit has one terminal: OpenDSS refuses the bus (CktElement.pas SetBus,
                    // message 7541, "Attempt to set bus name for non-existent circuit element terminal")
                    throw ctx.error("bus2: a delta " + className + " has one terminal, so it has no bus2 (set conn=wye first)");
                }
                setBus2(p.value());
            }
            case "phases" -> phases = ctx.count(p, key, 1, 50);
            case "kv" -> kv = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
            case "conn" -> {
                boolean d = TransformerDef.delta(p.value(), ctx);
                if (delta && !d) {
                    // delta -> wye: the second terminal is reallocated and gets CktElement.pas
                    // Set_NTerms's made-up bus name (element name + "_2"); delta kept one terminal
                    bus2 = name.toLowerCase(java.util.Locale.ROOT) + "_2";
                }
                delta = d;
            }
            case "normamps" -> normAmps = ctx.dbl(p, key);
            case "emergamps" -> emergAmps = ctx.dbl(p, key);
            case "basefreq" -> ctx.requireCircuitFrequency(p, key, " for " + kind);
            default -> {
                return false;
            }
        }
        return true;
    }
}
