package io.packetgrid.cosim.kernel;

/** Wall time a federate spent in its steps over a run. */
public record FederateProfile(String federate, long steps, long wallNs) {
    public double meanStepUs() {
        return steps == 0 ? 0 : wallNs / 1e3 / steps;
    }
}
