package io.packetgrid.pem.policy;

/**
 * Use only PV surplus: flexible consumption may reach the PV output not used by the inflexible
 * load, {@code max(0, PV − base)}.
 */
public record PvSurplusTarget(SiteMeasurements site) implements TargetSignal {
    @Override
    public double targetKw(long nowNs) {
        return Math.max(0, site.pvKw() - site.baseLoadKw());
    }
}
