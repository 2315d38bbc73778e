package io.packetgrid.pem.policy;

/**
 * Self-sufficiency: keep the community's import from the grid at most {@code maxImportKw}
 * (0 = zero import): flexible consumption may reach {@code PV − base + maxImport}.
 */
public record SelfSufficiencyTarget(SiteMeasurements site, double maxImportKw) implements TargetSignal {
    @Override
    public double targetKw(long nowNs) {
        return site.pvKw() - site.baseLoadKw() + maxImportKw;
    }
}
