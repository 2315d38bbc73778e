package io.packetgrid.grid.dss;

import java.util.Set;

/** OpenDSS Monitor: samples an element terminal's voltages/currents, powers, taps, state variables, ... (modes in {@code series.Monitor}). */
final class MonitorDef extends ElementDef {
    static final PropertyTable TABLE = new PropertyTable("element", "terminal", "mode", "action", "residual", "VIPolar", "PPolar",
            "basefreq", "enabled", "like");
    private static final Set<String> NO_EFFECT = Set.of("basefreq");

    String element;
    int terminal = 1;
    int mode;
    boolean viPolar = true;
    boolean pPolar = true;
    boolean residual;

    MonitorDef(String name, String at) {
        super("Monitor", name, at);
    }

    @Override
    PropertyTable table() {
        return TABLE;
    }

    @Override
    Set<String> noEffect() {
        return NO_EFFECT;
    }

    @Override
    boolean isCircuitElement() {
        return false;
    }

    @Override
    boolean affectsPowerFlow() {
        return false;
    }

    @Override
    boolean set(String key, DssTokenizer.Param p, EditContext ctx) {
        switch (key) {
            case "element" -> element = p.value();
            case "terminal" -> terminal = ctx.count(p, key, 1, 20);
            case "mode" -> {
                mode = ctx.integer(p, key);
                if (mode < 0 || !io.packetgrid.grid.series.Monitor.supported(mode)) {
                    throw ctx.error("Monitor mode " + mode + " is not implemented (modes 0, 1, 2, 3, 5, 6, 7, 9; +16, +32, +64 for 0 and 1)");
                }
            }
            case "action" -> ctx.circuit().monitorAction(this, p.value(), ctx);
            case "residual" -> residual = ctx.bool(p, key);
            case "vipolar" -> viPolar = ctx.bool(p, key);
            case "ppolar" -> pPolar = ctx.bool(p, key);
            default -> {
                return false;
            }
        }
        return true;
    }
}
