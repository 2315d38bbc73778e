package io.packetgrid.studies.protection.sim;

import io.packetgrid.cosim.value.ValueKey;

/** Value names of the protection co-simulation. */
final class Keys {
    private Keys() {
    }

    /** A relay's measured phase currents and residual current, amperes: {Ia, Ib, Ic, …, |3I0|}. */
    static ValueKey<double[]> amps(String relay) {
        return ValueKey.ofArray("protection/" + relay + "/amps", 1e-6);
    }

    /** A DG unit's lowest phase voltage at its terminals, pu. */
    static ValueKey<Double> voltage(String dg) {
        return ValueKey.ofDouble("protection/" + dg + "/v_pu", 1e-9);
    }

    /** 1 once a breaker is open. */
    static ValueKey<Double> open(String breaker) {
        return ValueKey.ofDouble("protection/" + breaker + "/open", 0.5);
    }

    /** 1 once a DG unit has stopped injecting. */
    static ValueKey<Double> tripped(String dg) {
        return ValueKey.ofDouble("protection/" + dg + "/tripped", 0.5);
    }
}
