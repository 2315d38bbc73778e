package io.packetgrid.grid.dss;

import java.util.Set;

/**
 * What OpenDSS's Capacitor and Reactor definitions share (Capacitor.pas, Reactor.pas): {@code bus1}
 * and {@code bus2} (a grounded shunt unless bus2 names another bus), {@code phases} (default 3),
 * {@code kv} (default 12.47), {@code conn} (delta: one terminal), {@code normamps},
 * {@code emergamps} and {@code basefreq} (the circuit's only); fault-rate properties have no
 * effect. How {@code bus1}/{@code bus2} set the default second terminal stays in each class.
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

    /** Sets one of the shared properties; false if {@code key} is none of them. */
    final boolean setShared(String key, DssTokenizer.Param p, EditContext ctx) {
        switch (key) {
            case "phases" -> phases = ctx.count(p, key, 1, 50);
            case "kv" -> kv = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
            case "conn" -> delta = TransformerDef.delta(p.value(), ctx);
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
