package io.packetgrid.pem.policy;

/** What the server does with requests in a period. */
public enum PolicyMode {
    /** Track the target (ACC 2017 T3/T4). */
    TRACK,
    /** Accept every request (uncoordinated PEM, ACC 2017 T2); grid gate and ramp limit still apply. */
    ACCEPT_ALL,
    /** Deny every request (ACC 2017 rebound test). */
    DENY_ALL
}
