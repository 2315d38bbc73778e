package io.packetgrid.pem.policy;

/**
 * What the server knows of the site's PV inverters, as values from the grid side (measured): what the panels could
 * deliver now through their inverters and what the inverters deliver after their own limits (a volt-watt cap, the
 * kVA rating), kW summed over the site.
 */
public interface InverterView {

    /** What the PV could deliver now, kW. */
    double availableKw();

    /** What the inverters deliver now, kW. */
    double deliveredKw();

    /** What the inverters hold back now (their curtailment), kW, never negative. */
    default double curtailedKw() {
        return Math.max(0.0, availableKw() - deliveredKw());
    }
}
