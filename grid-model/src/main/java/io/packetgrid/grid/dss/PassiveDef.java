package io.packetgrid.grid.dss;

import java.util.Map;
import java.util.Set;

/**
 * OpenDSS classes that have no effect on a load flow here but whose definitions real scripts carry:
 * EnergyMeter and Sensor (measurement zones, state estimation; their element and terminal are
 * checked when the definition ends, as OpenDSS's RecalcElementData does), Spectrum (harmonics),
 * PriceShape, GrowthShape (price dispatch, multi-year growth). Every property of the class is
 * accepted (names and abbreviations as OpenDSS lists them); unknown ones are errors.
 */
final class PassiveDef extends ElementDef {
    static final Map<String, PropertyTable> TABLES = Map.of(
            "EnergyMeter", new PropertyTable("element", "terminal", "action", "option", "kVAnormal", "kVAemerg", "peakcurrent",
                    "Zonelist", "LocalOnly", "Mask", "Losses", "LineLosses", "XfmrLosses", "SeqLosses", "3phaseLosses",
                    "VbaseLosses", "PhaseVoltageReport", "Int_Rate", "Int_Duration", "SAIFI", "SAIFIkW", "SAIDI", "CAIDI",
                    "CustInterrupts", "basefreq", "enabled", "like"),
            "Sensor", new PropertyTable("element", "terminal", "kvbase", "clear", "kVs", "currents", "kWs", "kvars", "conn",
                    "Deltadirection", "%Error", "Weight", "basefreq", "enabled", "like"),
            "Spectrum", new PropertyTable("NumHarm", "harmonic", "%mag", "angle", "CSVFile", "like"),
            "PriceShape", new PropertyTable("npts", "interval", "price", "hour", "mean", "stddev", "csvfile", "sngfile", "dblfile",
                    "sinterval", "minterval", "action", "like"),
            "GrowthShape", new PropertyTable("npts", "year", "mult", "csvfile", "sngfile", "dblfile", "like"));

    private final PropertyTable table;
    String element;
    int terminal = 1;

    PassiveDef(String cls, String name, String at) {
        super(cls, name, at);
        this.table = TABLES.get(cls);
    }

    @Override
    PropertyTable table() {
        return table;
    }

    @Override
    Set<String> noEffect() {
        return Set.of();
    }

    @Override
    boolean isCircuitElement() {
        return false;
    }

    @Override
    boolean affectsPowerFlow() {
        return false;
    }

    private boolean metered() {
        return className.equals("EnergyMeter") || className.equals("Sensor");
    }

    @Override
    boolean set(String key, DssTokenizer.Param p, EditContext ctx) {
        if (metered() && key.equals("element")) {
            element = SwitchDeviceDef.element(p.value(), key, ctx);
        } else if (metered() && key.equals("terminal")) {
            terminal = ctx.count(p, key, 1, 1000);
        }
        return true;
    }

    @Override
    void endEdit(EditContext ctx) {
        if (!metered()) {
            return;
        }
        if (element == null) {
            throw ctx.error(fullName() + ": element is not set");
        }
        ElementDef d = ctx.circuit().find(element);
        if (terminal > d.terminals()) {
            throw ctx.error(fullName() + ": terminal=" + terminal + " but " + d.fullName() + " has " + d.terminals() + " terminal(s)");
        }
    }
}
