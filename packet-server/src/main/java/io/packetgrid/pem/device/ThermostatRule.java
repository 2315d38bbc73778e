package io.packetgrid.pem.device;

/**
 * The hysteresis thermostat as a local rule (ACC 2017 §II, scheme T1; {@link Thermostat}): on at or
 * below the band's lower limit, off at or above its upper limit, else unchanged; sampled at the
 * fleet's control steps as in the published simulations (Δt = 10 s). A device that is not present
 * is off.
 */
public final class ThermostatRule implements LocalRule {
    private boolean on;

    @Override
    public double decide(long nowNs, FlexibleDevice dev) {
        on = dev.available(nowNs / 1e9) && Thermostat.next(on, dev.state(), dev.band());
        return on ? dev.ratedKw() : 0;
    }

    @Override
    public double startOn(FlexibleDevice dev) {
        on = true;
        return dev.ratedKw();
    }

    public boolean on() {
        return on;
    }
}
