package io.packetgrid.grid.protection;

import java.util.List;

/**
 * Under/over-voltage protection made of definite-time stages; it operates at the earliest stage that
 * starts. {@link #ieee1547CategoryII()} gives the default "shall trip" settings of a DER interface
 * (IEEE Std 1547-2018, Table 11, abnormal operating performance Category II: OV2 1.20 pu 0.16 s,
 * OV1 1.10 pu 2.0 s, UV1 0.70 pu 10.0 s, UV2 0.45 pu 0.16 s).
 */
public record VoltageRelay(List<VoltageStage> stages) {

    public VoltageRelay {
        stages = List.copyOf(stages);
    }

    public static VoltageRelay ieee1547CategoryII() {
        return new VoltageRelay(List.of(VoltageStage.over(1.20, 0.16), VoltageStage.over(1.10, 2.0),
                VoltageStage.under(0.70, 10.0), VoltageStage.under(0.45, 0.16)));
    }

    /** Operate time (s) for constant phase voltages (pu), +∞ if no stage starts. */
    public double operateTimeS(double[] vPu) {
        double t = Double.POSITIVE_INFINITY;
        for (VoltageStage s : stages) {
            if (s.starts(vPu)) {
                t = Math.min(t, s.delayS());
            }
        }
        return t;
    }

    /** Whether any stage starts. */
    public boolean starts(double[] vPu) {
        for (VoltageStage s : stages) {
            if (s.starts(vPu)) {
                return true;
            }
        }
        return false;
    }
}
