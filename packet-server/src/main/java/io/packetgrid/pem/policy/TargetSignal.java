package io.packetgrid.pem.policy;

/** What the flexible fleet's aggregate power should be, kW, at a time: the server tracks it. */
@FunctionalInterface
public interface TargetSignal {
    double targetKw(long nowNs);

    /** A constant target (e.g. {@code +∞}: no limit, every packet passes the tracking check). */
    static TargetSignal constant(double kw) {
        return now -> kw;
    }
}
