package io.packetgrid.studies.coupled.grid;

import io.packetgrid.grid.mvlv.MvLvStructure;
import io.packetgrid.studies.coupled.scenario.MvSpec;
import java.util.Locale;

/**
 * An MV–LV network as a study uses it: grid-model's {@link MvLvStructure} (zone transformer, MV nodes,
 * LV feeders with their loads), the scenario's MV settings, and the OpenDSS commands that give the
 * zone transformer its on-load tap changer.
 *
 * @param structure   what the network is made of
 * @param spec        the scenario's {@code feeder.mv} section
 * @param oltcCommands commands run after the script and the scenario's commands (empty without a tap changer)
 */
public record MvNetwork(MvLvStructure structure, MvSpec spec, String oltcCommands) {

    /**
     * The tap changer as OpenDSS writes it: a RegControl on the zone transformer's winding 2 regulating
     * that winding's voltage through a PT of {@code V_ln / 120} (so 120 V is the MV nominal), one tap
     * per operation, in time control mode.
     *
     * @param mvKvLn the MV busbar's line-to-neutral base, kV
     */
    static String oltc(MvSpec spec, String zoneTransformer, double mvKvLn) {
        MvSpec.Oltc o = spec.oltc();
        if (!o.enabled()) {
            return "";
        }
        String name = zoneTransformer.substring(zoneTransformer.indexOf('.') + 1);
        return String.format(Locale.ROOT, "New RegControl.%s_oltc transformer=%s winding=2 vreg=%.6f band=%.6f ptratio=%.6f delay=%.3f"
                + " maxtapchange=1%nSet controlmode=time%n", name, name, 120 * o.vregPu(), 120 * o.bandPct() / 100, mvKvLn * 1000 / 120,
                o.delay().seconds());
    }

    /** The tap changer's RegControl name, or null. */
    public String oltcName() {
        if (oltcCommands.isEmpty()) {
            return null;
        }
        String z = structure.substation();
        return "regcontrol." + z.substring(z.indexOf('.') + 1).toLowerCase(Locale.ROOT) + "_oltc";
    }
}
