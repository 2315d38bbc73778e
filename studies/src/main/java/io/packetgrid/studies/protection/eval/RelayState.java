package io.packetgrid.studies.protection.eval;

import io.packetgrid.grid.fault.FaultResult;
import io.packetgrid.grid.protection.Measurements;
import io.packetgrid.grid.protection.OvercurrentElement;
import io.packetgrid.studies.protection.model.ProtectionSystem.BoundRelay;
import java.util.List;

/**
 * What a relay does with the fault currents it measures, before any communication: whether it starts,
 * when its start output comes, and when its blockable ("fast") and other ("slow") stages operate.
 *
 * @param picks  some stage starts
 * @param startS start output (s from fault inception), +∞ if it does not start
 * @param fastS  operate time of the blockable stages (s), +∞ if none operates
 * @param slowS  operate time of the other stages (s), +∞ if none operates
 */
public record RelayState(boolean picks, double startS, double fastS, double slowS) {

    static RelayState of(BoundRelay r, FaultResult fault) {
        Measurements.Currents c = Measurements.currents(fault, r.terminal());
        double fast = Math.min(time(r.phaseFast(), c.phaseA()), time(r.groundFast(), new double[] {c.residualA()}));
        double slow = Math.min(time(r.phaseSlow(), c.phaseA()), time(r.groundSlow(), new double[] {c.residualA()}));
        boolean picks = picks(r.phaseFast(), c.phaseA()) || picks(r.phaseSlow(), c.phaseA())
                || picks(r.groundFast(), new double[] {c.residualA()}) || picks(r.groundSlow(), new double[] {c.residualA()});
        return new RelayState(picks, picks ? r.startS() : Double.POSITIVE_INFINITY, fast, slow);
    }

    private static double time(List<OvercurrentElement> stages, double[] amps) {
        double t = Double.POSITIVE_INFINITY;
        for (OvercurrentElement s : stages) {
            for (double a : amps) {
                t = Math.min(t, s.operateTimeS(a));
            }
        }
        return t;
    }

    private static boolean picks(List<OvercurrentElement> stages, double[] amps) {
        for (OvercurrentElement s : stages) {
            for (double a : amps) {
                if (s.picksUp(a)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Operate time with its blockable stages held or not. */
    public double operateS(boolean blocked) {
        return blocked ? slowS : Math.min(fastS, slowS);
    }
}
