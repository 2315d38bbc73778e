package io.packetgrid.studies.protection.eval;

import io.packetgrid.studies.protection.model.ProtectionSystem;
import java.util.Arrays;

/**
 * Which breakers open and when, for given blocking states, on a radial feeder: every relay that starts
 * carries the fault current until the first breaker on the path opens (time {@code clearS}); a relay
 * whose trip output came before that opens its breaker too, the others reset.
 */
final class Clearing {
    final double[] openS;     // per breaker: opening time (s from fault inception), +∞ if it stays closed
    final double clearS;      // first opening (+∞: never cleared)

    Clearing(ProtectionSystem sys, RelayState[] relays, boolean[] blocked) {
        int nb = sys.breakers().size();
        double[] trip = new double[nb];
        Arrays.fill(trip, Double.POSITIVE_INFINITY);
        for (ProtectionSystem.BoundRelay r : sys.relays()) {
            double t = relays[r.index()].operateS(blocked[r.index()]);
            trip[r.breaker()] = Math.min(trip[r.breaker()], t);
        }
        double first = Double.POSITIVE_INFINITY;
        for (int b = 0; b < nb; b++) {
            first = Math.min(first, trip[b] + sys.breakers().get(b).operatingS());
        }
        this.clearS = first;
        this.openS = new double[nb];
        for (int b = 0; b < nb; b++) {
            double open = trip[b] + sys.breakers().get(b).operatingS();
            openS[b] = trip[b] < first || open == first ? open : Double.POSITIVE_INFINITY;
        }
    }

    boolean opened(int breaker) {
        return openS[breaker] < Double.POSITIVE_INFINITY;
    }
}
